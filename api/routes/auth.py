"""Account endpoints: register, sign in, refresh (rotating), sign out, who am I."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Response, status
from pydantic import BaseModel, EmailStr, Field

from api import auth
from api.deps_auth import AuthSettingsDep, CurrentUser, SessionDep, unauthorized
from api.schemas import BAD_BODY, ErrorOut

router = APIRouter(prefix="/v1/auth", tags=["auth"])


class CredentialsIn(BaseModel):
    """Email and password of an account."""

    email: EmailStr = Field(description="Account email (case-insensitive)", examples=["ana@x.org"])
    password: str = Field(
        min_length=8, max_length=128, description="At least 8 characters", examples=["s3cret-pass"]
    )


class LoginIn(CredentialsIn):
    """Sign-in credentials; any wrong part gives the same 401."""

    password: str = Field(
        min_length=1, max_length=128, description="The account password", examples=["s3cret-pass"]
    )


class RefreshIn(BaseModel):
    """A refresh token from register, login or a previous refresh."""

    refresh_token: str = Field(
        min_length=1, max_length=512, description="Single-use; a used one is rejected",
        examples=["q0Lm6f3v0T…"],
    )  # fmt: skip


class TokenOut(BaseModel):
    """A fresh token pair."""

    access_token: str = Field(
        description="JWT for the Authorization: Bearer header, valid 20 minutes",
        examples=["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjZj…"],
    )
    refresh_token: str = Field(
        description="Opaque, single-use, valid 30 days", examples=["q0Lm6f3v0TzY8m…"]
    )
    token_type: Literal["bearer"] = Field(
        default="bearer", description="Always bearer", examples=["bearer"]
    )
    expires_in: int = Field(description="Access token lifetime in seconds", examples=[1200])


class UserOut(BaseModel):
    """The signed-in account."""

    id: UUID = Field(description="User id", examples=["0b6c9f5e-7d1f-4c1e-9a7e-2f0a1f3c8d11"])
    email: str = Field(description="Lower-cased account email", examples=["ana@x.org"])
    created_at: datetime = Field(
        description="When the account was created", examples=["2026-03-14T08:30:00Z"]
    )


def _out(pair: auth.TokenPair) -> TokenOut:
    return TokenOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
    )


@router.post(
    "/register",
    response_model=TokenOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **BAD_BODY,
        409: {"model": ErrorOut},
        422: {"description": "Invalid email or short password"},
    },
    summary="Create an account and sign in",
)
async def register(body: CredentialsIn, session: SessionDep, settings: AuthSettingsDep) -> TokenOut:
    """New account; 409 when the email is already registered."""
    try:
        pair = await auth.register(session, body.email, body.password, settings)
    except auth.EmailTakenError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc)) from exc
    return _out(pair)


@router.post(
    "/login",
    response_model=TokenOut,
    responses={**BAD_BODY, 401: {"model": ErrorOut}},
    summary="Exchange email and password for tokens",
)
async def login(body: LoginIn, session: SessionDep, settings: AuthSettingsDep) -> TokenOut:
    """401 with one message for unknown email and wrong password alike."""
    try:
        return _out(await auth.login(session, body.email, body.password, settings))
    except auth.AuthError as exc:
        raise unauthorized(str(exc)) from exc


@router.post(
    "/refresh",
    response_model=TokenOut,
    responses={**BAD_BODY, 401: {"model": ErrorOut}},
    summary="Rotate a refresh token into a new pair",
)
async def refresh(body: RefreshIn, session: SessionDep, settings: AuthSettingsDep) -> TokenOut:
    """The presented token is spent; presenting it again revokes the whole sign-in."""
    try:
        return _out(await auth.rotate(session, body.refresh_token, settings))
    except auth.AuthError as exc:
        raise unauthorized(str(exc)) from exc


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=BAD_BODY,
    summary="Revoke the sign-in a refresh token belongs to",
)
async def logout(body: RefreshIn, session: SessionDep) -> Response:
    """Always 204, so the answer reveals nothing about the token."""
    await auth.logout(session, body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/me", response_model=UserOut, responses={401: {"model": ErrorOut}}, summary="Current account"
)
async def me(user: CurrentUser) -> UserOut:
    """The account the access token names."""
    return UserOut(id=user.id, email=user.email, created_at=user.created_at)
