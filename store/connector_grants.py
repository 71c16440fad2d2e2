"""A user's OAuth grant with a provider: saved sealed, loaded opened, deleted on disconnect.

Tokens never reach the database in clear: :func:`save_connection` seals them with the
:class:`~store.token_crypto.TokenCipher` (the process's own unless one is given) and
:func:`load_connection` opens them. A row written before encryption, or sealed with a
rotated-out key, is rewritten with the current key as it is loaded; the rewrite only
applies if the row is unchanged, so it never undoes a concurrent token refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from store.connector_models import WearableConnection
from store.database import Database
from store.token_crypto import TokenCipher, default_cipher


@dataclass(frozen=True, slots=True)
class Grant:
    """A stored grant with its tokens opened (keep it out of logs and answers)."""

    user_id: str
    provider: str
    access_token: str
    refresh_token: str
    expires_at: datetime
    scopes: str
    external_user_id: str | None
    created_at: datetime
    updated_at: datetime


async def save_connection(
    db: Database,
    user_id: str,
    provider: str,
    *,
    access_token: str,
    refresh_token: str,
    expires_at: datetime,
    scopes: Sequence[str] = (),
    external_user_id: str | None = None,
    cipher: TokenCipher | None = None,
) -> None:
    """Create or replace the user's grant with ``provider`` (e.g. after each refresh)."""
    sealer = cipher or default_cipher()
    values = {
        "access_token": sealer.seal(access_token),
        "refresh_token": sealer.seal(refresh_token),
        "expires_at": expires_at,
        "scopes": " ".join(scopes),
        "external_user_id": external_user_id,
    }
    stmt = pg_insert(WearableConnection).values(user_id=user_id, provider=provider, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["user_id", "provider"],
        set_={**values, "updated_at": literal_column("now()")},
    )
    async with db.engine.begin() as conn:
        await conn.execute(stmt)


async def load_connection(
    db: Database, user_id: str, provider: str, *, cipher: TokenCipher | None = None
) -> Grant | None:
    """The user's grant with ``provider``, tokens opened; None if there is none.

    Raises:
        TokenKeyError: the tokens were sealed with a key that is no longer configured.
    """
    opener = cipher or default_cipher()
    query = select(WearableConnection).where(
        WearableConnection.user_id == user_id, WearableConnection.provider == provider
    )
    async with db.sessions() as session:
        row = (await session.scalars(query)).first()
    if row is None:
        return None
    access, stale_access = opener.reveal(row.access_token)
    refresh, stale_refresh = opener.reveal(row.refresh_token)
    if stale_access or stale_refresh:
        await _reseal(db, row, opener.seal(access), opener.seal(refresh))
    return Grant(
        row.user_id,
        row.provider,
        access,
        refresh,
        row.expires_at,
        row.scopes,
        row.external_user_id,
        row.created_at,
        row.updated_at,
    )


async def _reseal(db: Database, row: WearableConnection, access: str, refresh: str) -> None:
    """Rewrite a legacy or old-key row sealed with the current key, if still unchanged."""
    table = WearableConnection
    stmt = (
        update(table)
        .where(
            table.user_id == row.user_id,
            table.provider == row.provider,
            table.access_token == row.access_token,
            table.refresh_token == row.refresh_token,
        )
        .values(access_token=access, refresh_token=refresh)
    )
    async with db.engine.begin() as conn:
        await conn.execute(stmt)


async def delete_connection(db: Database, user_id: str, provider: str) -> bool:
    """Forget the user's grant with ``provider``; False when there was none."""
    stmt = delete(WearableConnection).where(
        WearableConnection.user_id == user_id, WearableConnection.provider == provider
    )
    async with db.engine.begin() as conn:
        return bool((await conn.execute(stmt)).rowcount)
