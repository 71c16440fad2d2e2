"""Dependency aliases for signed-in routes: a database session and the current user."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from api.auth import INVALID_TOKEN, AuthError, decode_access_token
from api.auth_settings import AuthSettings, get_auth_settings
from api.deps import ContextDep
from store.user_models import User

_bearer = HTTPBearer(auto_error=False, description="Access token from /v1/auth/login")


async def get_session(ctx: ContextDep) -> AsyncIterator[AsyncSession]:
    """One session per request, closed (and rolled back if uncommitted) afterwards."""
    async with ctx.db.sessions() as session:
        yield session


def unauthorized(detail: str = INVALID_TOKEN) -> HTTPException:
    """The 401 every authentication failure gets, with the bearer challenge header."""
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def auth_settings() -> AuthSettings:
    """The process's auth settings, as a dependency that needs no worker thread."""
    return get_auth_settings()


AuthSettingsDep = Annotated[AuthSettings, Depends(auth_settings)]


async def get_current_user(
    request: Request,
    session: SessionDep,
    settings: AuthSettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The active user named by the bearer token; 401 for a missing or bad token."""
    if credentials is None:
        raise unauthorized("missing bearer token")
    try:
        user_id = decode_access_token(credentials.credentials, settings)
    except AuthError as exc:
        raise unauthorized() from exc
    user = await session.get(User, user_id)
    if user is None or not user.is_active:
        raise unauthorized()
    request.state.user_id = str(user.id)  # read by the access log
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
