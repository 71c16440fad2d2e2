"""Credentials: argon2 password hashes, signed access tokens, rotated refresh tokens.

Access tokens are short-lived JWTs checked without the database. Refresh tokens are
random strings of which only a SHA-256 hash is stored; each use revokes the token and
issues its successor, and replaying a used token revokes its whole family (one login).
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth_settings import AuthSettings
from store.user_models import RefreshToken, User

INVALID_CREDENTIALS = "invalid email or password"
INVALID_TOKEN = "invalid or expired token"


class AuthError(Exception):
    """Credentials or token rejected (HTTP 401); the message never says which part failed."""


class EmailTakenError(Exception):
    """An account with this email already exists (HTTP 409)."""


@dataclass(frozen=True, slots=True)
class TokenPair:
    """What a successful sign-in returns."""

    access_token: str
    refresh_token: str
    expires_in: int


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against when the email is unknown, so timing does not tell."""
    return _hasher().hash(secrets.token_urlsafe(16))


async def hash_password(password: str) -> str:
    """Argon2id hash, computed off the event loop (it is deliberately slow)."""
    return await asyncio.to_thread(_hasher().hash, password)


async def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``."""
    try:
        return await asyncio.to_thread(_hasher().verify, password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalize_email(email: str) -> str:
    """One spelling per address, so uniqueness and lookups agree."""
    return email.strip().lower()


def create_access_token(user_id: uuid.UUID, settings: AuthSettings, now: datetime) -> str:
    """A signed JWT naming the user, valid ``settings.access_minutes`` from ``now``."""
    claims = {
        "sub": str(user_id),
        "type": "access",
        "iss": settings.issuer,
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_minutes),
    }
    return jwt.encode(claims, settings.secret.get_secret_value(), algorithm=settings.algorithm)


def decode_access_token(token: str, settings: AuthSettings) -> uuid.UUID:
    """The user id of a valid, unexpired access token; :class:`AuthError` otherwise."""
    try:
        claims = jwt.decode(
            token,
            settings.secret.get_secret_value(),
            algorithms=[settings.algorithm],
            issuer=settings.issuer,
            options={"require": ["exp", "iat", "sub", "iss"]},
        )
        if claims.get("type") != "access":
            raise AuthError(INVALID_TOKEN)
        return uuid.UUID(str(claims["sub"]))
    except (jwt.PyJWTError, ValueError) as exc:
        raise AuthError(INVALID_TOKEN) from exc


def hash_refresh_token(token: str) -> str:
    """Stored form of a refresh token: a leaked table row cannot be replayed."""
    return hashlib.sha256(token.encode()).hexdigest()


async def _issue(
    session: AsyncSession,
    user_id: uuid.UUID,
    family_id: uuid.UUID,
    settings: AuthSettings,
    now: datetime,
) -> tuple[TokenPair, RefreshToken]:
    raw = secrets.token_urlsafe(48)
    row = RefreshToken(
        id=uuid.uuid4(), user_id=user_id, family_id=family_id,
        token_hash=hash_refresh_token(raw), issued_at=now,
        expires_at=now + timedelta(days=settings.refresh_days),
    )  # fmt: skip
    session.add(row)
    access = create_access_token(user_id, settings, now)
    return TokenPair(access, raw, settings.access_minutes * 60), row


async def register(
    session: AsyncSession, email: str, password: str, settings: AuthSettings,
    now: datetime | None = None,
) -> TokenPair:  # fmt: skip
    """Create an account and sign it in; :class:`EmailTakenError` when the email is used."""
    address = normalize_email(email)
    taken = await session.scalar(select(func.count()).where(User.email == address))
    if taken:
        raise EmailTakenError("an account with this email already exists")
    user = User(id=uuid.uuid4(), email=address, password_hash=await hash_password(password))
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:  # a concurrent registration won the race
        await session.rollback()
        raise EmailTakenError("an account with this email already exists") from exc
    pair, _ = await _issue(session, user.id, uuid.uuid4(), settings, now or datetime.now(UTC))
    await session.commit()
    return pair


async def login(
    session: AsyncSession, email: str, password: str, settings: AuthSettings,
    now: datetime | None = None,
) -> TokenPair:  # fmt: skip
    """Tokens for valid credentials; the same :class:`AuthError` for any failure."""
    user = await session.scalar(select(User).where(User.email == normalize_email(email)))
    ok = await verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is None or not ok or not user.is_active:
        raise AuthError(INVALID_CREDENTIALS)
    pair, _ = await _issue(session, user.id, uuid.uuid4(), settings, now or datetime.now(UTC))
    await session.commit()
    return pair


async def rotate(
    session: AsyncSession, refresh_token: str, settings: AuthSettings,
    now: datetime | None = None,
) -> TokenPair:  # fmt: skip
    """Exchange a live refresh token for a new pair; a replayed one revokes its family."""
    when = now or datetime.now(UTC)
    row = await session.scalar(
        select(RefreshToken)
        .where(RefreshToken.token_hash == hash_refresh_token(refresh_token))
        .with_for_update()
    )
    if row is None:
        raise AuthError(INVALID_TOKEN)
    if row.revoked_at is not None:
        await revoke_family(session, row.family_id, when)
        raise AuthError(INVALID_TOKEN)
    user = await session.get(User, row.user_id)
    if row.expires_at <= when or user is None or not user.is_active:
        raise AuthError(INVALID_TOKEN)
    pair, successor = await _issue(session, row.user_id, row.family_id, settings, when)
    row.revoked_at = when
    row.replaced_by = successor.id
    await session.commit()
    return pair


async def revoke_family(session: AsyncSession, family_id: uuid.UUID, now: datetime) -> None:
    """Revoke every live token of one login chain (sign-out, or theft detected)."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await session.commit()


async def logout(session: AsyncSession, refresh_token: str, now: datetime | None = None) -> None:
    """Revoke the login chain the token belongs to; unknown tokens are ignored."""
    row = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(refresh_token))
    )
    if row is not None:
        await revoke_family(session, row.family_id, now or datetime.now(UTC))
