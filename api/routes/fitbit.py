"""Fitbit connection of the signed-in user: connect (PKCE), callback, status, sync, disconnect.

``connect`` keeps the PKCE verifier server-side under a single-use, expiring ``state``
(:mod:`store.oauth_states`) and returns Fitbit's consent URL. Fitbit redirects the browser
to the registered redirect URI, a page of the web app, which passes ``code`` and ``state``
on to ``callback`` with the user's bearer token. Tokens are stored sealed
(:mod:`store.token_crypto`) and never appear in an answer, nor do Fitbit's error messages
(they quote tokens): errors name Fitbit's status and ``errorType`` only.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Annotated, NoReturn

import httpx
from fastapi import APIRouter, HTTPException, Query

from agents.wearables.connectors.fitbit_client import (
    FitbitAPIError,
    FitbitClient,
    FitbitRateLimited,
)
from agents.wearables.connectors.fitbit_oauth import (
    FitbitAuthError,
    exchange_code,
    revoke_token,
    start_authorization,
)
from agents.wearables.connectors.fitbit_sync import (
    PROVIDER,
    connected_client,
    sync_fitbit,
    token_saver,
)
from api.deps import ContextDep
from api.deps_auth import CurrentUser
from api.deps_fitbit import FitbitAppDep, FitbitHttpDep, OptionalFitbitAppDep, TokenCipherDep
from api.fitbit_schemas import ConnectionOut, ConnectOut, DisconnectOut, SyncIn, SyncOut
from api.schemas import UNAUTHORIZED, UNPROCESSABLE, ErrorOut, Responses
from store.advisory_locks import exclusive
from store.connector_grants import Grant, delete_connection, load_connection
from store.database import Database
from store.oauth_states import consume_oauth_state, create_oauth_state
from store.token_crypto import TokenCipher, TokenKeyError

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/wearables/fitbit", tags=["wearables"], responses=UNAUTHORIZED)

CONNECT = "/v1/wearables/fitbit/connect"
NOT_CONNECTED = f"Fitbit is not connected for this user; connect at {CONNECT}"
UNKNOWN_STATE = f"unknown or already used OAuth state; start again at {CONNECT}"
EXPIRED_STATE = f"OAuth state expired; start again at {CONNECT}"
SYNC_RUNNING = "a Fitbit sync for this user is already running; try again when it has finished"
RECONNECT = {"invalid_grant", "invalid_token", "expired_token", "insufficient_scope"}
# answer within a request: no waiting out Fitbit's quota, one quick retry of a 5xx
CLIENT_OPTIONS = {"max_wait_s": 0.0, "max_retries": 1, "backoff_s": 0.5}


def _errors(*codes: int) -> Responses:
    return {code: {"model": ErrorOut} for code in codes}


def _fitbit_failed(exc: FitbitAuthError | FitbitAPIError, what: str) -> NoReturn:
    """409 when only reconnecting helps, else 502; Fitbit's own message is left out."""
    kind = exc.error_type or "no errorType"
    log.warning("Fitbit %s failed: status %s, %s", what, exc.status, kind)
    if exc.error_type in RECONNECT or exc.status == 403:
        raise HTTPException(409, f"Fitbit refused the {what} ({kind}); reconnect at {CONNECT}")
    raise HTTPException(502, f"Fitbit {what} failed (status {exc.status}, {kind})")


async def _grant(db: Database, user_id: str, cipher: TokenCipher) -> Grant | None:
    try:
        return await load_connection(db, user_id, PROVIDER, cipher=cipher)
    except TokenKeyError as exc:
        raise HTTPException(503, str(exc)) from None


@router.get(
    "/connect",
    response_model=ConnectOut,
    responses=_errors(503),
    summary="Start connecting Fitbit: the consent URL (PKCE) and its single-use state",
)
async def connect(
    ctx: ContextDep, user: CurrentUser, app: FitbitAppDep, cipher: TokenCipherDep
) -> ConnectOut:
    """Keep a fresh verifier under a fresh state for ``oauth_state_ttl_s`` (10 min)."""
    request = start_authorization(app)
    ttl = timedelta(seconds=ctx.settings.connectors.oauth_state_ttl_s)
    expires_at = await create_oauth_state(
        ctx.db, str(user.id), PROVIDER, request.state, request.code_verifier, ttl, cipher
    )
    return ConnectOut(authorize_url=request.url, state=request.state, expires_at=expires_at)


@router.get(
    "/callback",
    response_model=ConnectionOut,
    responses={**_errors(400, 502, 503), **UNPROCESSABLE},
    summary="Finish connecting: check the state, exchange the code, store the grant",
)
async def callback(
    ctx: ContextDep,
    user: CurrentUser,
    app: FitbitAppDep,
    http: FitbitHttpDep,
    cipher: TokenCipherDep,
    state: Annotated[str, Query(min_length=1, max_length=256)],
    code: Annotated[str | None, Query(min_length=1, max_length=2048)] = None,
    error: Annotated[
        str | None, Query(max_length=256, description="Set by Fitbit when the user declined")
    ] = None,
) -> ConnectionOut:
    """The state is used up whatever happens next; a retry starts at ``connect``."""
    user_id = str(user.id)
    pending = await consume_oauth_state(ctx.db, user_id, PROVIDER, state, cipher)
    if pending is None:
        raise HTTPException(400, UNKNOWN_STATE)
    if pending.expired:
        raise HTTPException(400, EXPIRED_STATE)
    if error is not None or code is None:
        raise HTTPException(400, f"Fitbit did not authorize ({error or 'no code'})")
    try:
        tokens = await exchange_code(http, app, code, pending.code_verifier)
    except FitbitAuthError as exc:
        if exc.error_type in {"invalid_grant", "invalid_request"}:
            kind = exc.error_type
            raise HTTPException(400, f"Fitbit refused the code ({kind}); start again") from None
        _fitbit_failed(exc, "token request")
    except httpx.HTTPError as exc:
        raise HTTPException(502, f"Fitbit could not be reached ({type(exc).__name__})") from None
    await token_saver(ctx.db, user_id, cipher)(tokens)
    grant = await _grant(ctx.db, user_id, cipher)
    assert grant is not None  # just saved
    return ConnectionOut.of(grant)


@router.get(
    "",
    response_model=ConnectionOut,
    responses=_errors(404, 503),
    summary="The caller's Fitbit connection (404 when not connected)",
)
async def connection_status(
    ctx: ContextDep, user: CurrentUser, cipher: TokenCipherDep
) -> ConnectionOut:
    """Scopes, Fitbit user id and token expiry; never the tokens."""
    grant = await _grant(ctx.db, str(user.id), cipher)
    if grant is None:
        raise HTTPException(404, NOT_CONNECTED)
    return ConnectionOut.of(grant)


@router.delete(
    "",
    response_model=DisconnectOut,
    responses=_errors(404, 503),
    summary="Disconnect Fitbit: revoke the grant at Fitbit (best effort) and forget it",
)
async def disconnect(
    ctx: ContextDep,
    user: CurrentUser,
    app: OptionalFitbitAppDep,
    http: FitbitHttpDep,
    cipher: TokenCipherDep,
) -> DisconnectOut:
    """The stored grant goes even when Fitbit cannot be told (``revoked`` false)."""
    user_id, revoked = str(user.id), False
    try:
        grant = await load_connection(ctx.db, user_id, PROVIDER, cipher=cipher)
    except TokenKeyError:
        grant = None  # unreadable tokens cannot be revoked, but can be forgotten
    if grant is not None and app is not None:
        try:
            await revoke_token(http, app, grant.refresh_token)
            revoked = True
        except (FitbitAuthError, httpx.HTTPError) as exc:
            log.warning("Fitbit revoke failed (%s); forgetting the grant", type(exc).__name__)
    if not await delete_connection(ctx.db, user_id, PROVIDER):
        raise HTTPException(404, NOT_CONNECTED)
    return DisconnectOut(revoked=revoked)


@router.post(
    "/sync",
    response_model=SyncOut,
    responses={**_errors(409, 429, 502, 503), **UNPROCESSABLE},
    summary="Fetch a range of days from Fitbit into the caller's wearable data",
)
async def sync(
    body: SyncIn,
    ctx: ContextDep,
    user: CurrentUser,
    app: FitbitAppDep,
    http: FitbitHttpDep,
    cipher: TokenCipherDep,
) -> SyncOut:
    """Heart rate, sleep and daily activity; a re-sync updates revised days in place."""
    user_id = str(user.id)
    try:
        client = await connected_client(ctx.db, http, app, user_id, cipher=cipher, **CLIENT_OPTIONS)
    except TokenKeyError as exc:
        raise HTTPException(503, str(exc)) from None
    if client is None:
        raise HTTPException(409, NOT_CONNECTED)
    async with exclusive(ctx.db, f"fitbit-sync:{user_id}") as alone:
        if not alone:  # its token refresh would race ours (refresh tokens are single-use)
            raise HTTPException(409, SYNC_RUNNING)
        return await _run_sync(client, ctx.db, user_id, body)


async def _run_sync(client: FitbitClient, db: Database, user_id: str, body: SyncIn) -> SyncOut:
    """The sync, with Fitbit's failures as HTTP answers."""
    try:
        summary = await sync_fitbit(client, db, user_id, body.start, body.end)
    except FitbitRateLimited as exc:
        wait = max(1, math.ceil(exc.retry_after_s))
        raise HTTPException(
            429,
            f"Fitbit's rate limit for this user is reached; days fetched so far are stored; "
            f"retry in {wait} s",
            headers={"Retry-After": str(wait)},
        ) from None
    except (FitbitAuthError, FitbitAPIError) as exc:
        _fitbit_failed(exc, "sync")
    except httpx.HTTPError as exc:
        raise HTTPException(502, f"Fitbit could not be reached ({type(exc).__name__})") from None
    return SyncOut.model_validate(summary.as_json())
