"""Started OAuth authorizations, kept server-side between redirect and callback.

Only the SHA-256 of ``state`` is stored (a database read cannot replay a callback) and the
PKCE verifier is sealed like the tokens. :func:`consume_oauth_state` deletes the row in the
statement that reads it, so a state works once, even for two callbacks racing; it only
matches the user who started the authorization. Expired rows are kept an hour so that a
late callback hears "expired" rather than "unknown", then pruned by the next start.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlalchemy.dialects.postgresql import insert as pg_insert

from store.connector_models import OAuthState
from store.database import Database
from store.token_crypto import TokenCipher

EXPIRED_KEPT = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class PendingAuthorization:
    """A consumed state: its PKCE verifier, and whether it had expired."""

    code_verifier: str
    expires_at: datetime
    expired: bool


def state_digest(state: str) -> str:
    """The stored form of a ``state``: SHA-256, hex."""
    return hashlib.sha256(state.encode()).hexdigest()


async def create_oauth_state(
    db: Database,
    user_id: str,
    provider: str,
    state: str,
    code_verifier: str,
    ttl: timedelta,
    cipher: TokenCipher,
) -> datetime:
    """Remember an authorization for ``ttl``; returns when it expires."""
    async with db.engine.begin() as conn:
        await conn.execute(
            delete(OAuthState).where(OAuthState.expires_at < func.now() - EXPIRED_KEPT)
        )
        stmt = (
            pg_insert(OAuthState)
            .values(
                state_hash=state_digest(state),
                provider=provider,
                user_id=user_id,
                code_verifier=cipher.seal(code_verifier),
                expires_at=func.now() + ttl,
            )
            .returning(OAuthState.expires_at)
        )
        expires: datetime = (await conn.execute(stmt)).scalar_one()
    return expires


async def consume_oauth_state(
    db: Database, user_id: str, provider: str, state: str, cipher: TokenCipher
) -> PendingAuthorization | None:
    """Take (delete) ``user_id``'s authorization with ``state``; None if unknown or used."""
    stmt = (
        delete(OAuthState)
        .where(
            OAuthState.state_hash == state_digest(state),
            OAuthState.provider == provider,
            OAuthState.user_id == user_id,
        )
        .returning(
            OAuthState.code_verifier,
            OAuthState.expires_at,
            (OAuthState.expires_at <= func.now()).label("expired"),
        )
    )
    async with db.engine.begin() as conn:
        row = (await conn.execute(stmt)).first()
    if row is None:
        return None
    verifier, _ = cipher.reveal(row.code_verifier)
    return PendingAuthorization(verifier, row.expires_at, bool(row.expired))
