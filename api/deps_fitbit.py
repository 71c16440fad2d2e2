"""Dependencies of the Fitbit routes: the configured app, its HTTP client, the token cipher.

Each is a seam for tests: ``app.state.fitbit_http`` (an ``httpx.AsyncClient``, e.g. on a
``MockTransport``) replaces the real client, and ``get_connector_settings`` can be
overridden to configure or unconfigure the connector.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
from fastapi import Depends, HTTPException, Request

from agents.wearables.connectors.fitbit_oauth import FitbitApp, FitbitAuthError
from api.deps import ContextDep
from nutriprofile.settings import ConnectorSettings
from store.token_crypto import TokenCipher, TokenKeyError, cipher_from_settings

NOT_CONFIGURED = (
    "Fitbit connector is not configured (NUTRI_CONNECTORS__FITBIT_CLIENT_ID, and "
    "NUTRI_CONNECTORS__FITBIT_REDIRECT_URI / _CLIENT_SECRET as registered with Fitbit)"
)
HTTP_TIMEOUT = httpx.Timeout(20.0, connect=10.0)


async def get_connector_settings(ctx: ContextDep) -> ConnectorSettings:
    """The connector settings of the process."""
    return ctx.settings.connectors


ConnectorSettingsDep = Annotated[ConnectorSettings, Depends(get_connector_settings)]


async def get_optional_fitbit_app(settings: ConnectorSettingsDep) -> FitbitApp | None:
    """The registered Fitbit app, or None when no client id is configured."""
    try:
        return FitbitApp.from_settings(settings)
    except FitbitAuthError:
        return None


async def get_fitbit_app(
    app: Annotated[FitbitApp | None, Depends(get_optional_fitbit_app)],
) -> FitbitApp:
    """The registered Fitbit app; 503 naming the variables when it is not configured."""
    if app is None:
        raise HTTPException(503, NOT_CONFIGURED)
    return app


async def get_fitbit_http(request: Request) -> AsyncIterator[httpx.AsyncClient]:
    """``app.state.fitbit_http`` when set (shared, not closed here), else one per request."""
    shared: httpx.AsyncClient | None = getattr(request.app.state, "fitbit_http", None)
    if shared is not None:
        yield shared
        return
    async with httpx.AsyncClient(timeout=HTTP_TIMEOUT) as http:
        yield http


async def get_token_cipher(ctx: ContextDep) -> TokenCipher:
    """The cipher sealing connector tokens; 503 when a configured key is malformed."""
    try:
        return cipher_from_settings(ctx.settings)
    except TokenKeyError as exc:
        raise HTTPException(503, str(exc)) from None


FitbitAppDep = Annotated[FitbitApp, Depends(get_fitbit_app)]
OptionalFitbitAppDep = Annotated[FitbitApp | None, Depends(get_optional_fitbit_app)]
FitbitHttpDep = Annotated[httpx.AsyncClient, Depends(get_fitbit_http)]
TokenCipherDep = Annotated[TokenCipher, Depends(get_token_cipher)]
