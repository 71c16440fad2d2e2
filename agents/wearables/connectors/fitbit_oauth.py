"""Fitbit OAuth 2.0: Authorization Code flow with PKCE (RFC 7636), token exchange, refresh.

The user is sent to :data:`AUTHORIZE_URL` with an S256 ``code_challenge`` and a random
``state``; the callback's ``code`` is exchanged with the matching ``code_verifier``.
Fitbit refresh tokens are single-use: every refresh returns a new one, which the caller
must store before using the new access token (see ``FitbitClient(on_tokens=...)``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from pydantic import SecretStr

from nutriprofile.settings import ConnectorSettings

AUTHORIZE_URL = "https://www.fitbit.com/oauth2/authorize"
TOKEN_URL = "https://api.fitbit.com/oauth2/token"
REVOKE_URL = "https://api.fitbit.com/oauth2/revoke"
DEFAULT_SCOPES = ("activity", "heartrate", "sleep", "profile")
VERIFIER_CHARS = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")  # RFC 7636 section 4.1


class FitbitAuthError(Exception):
    """Fitbit refused an authorization or token request (``error_type`` as Fitbit names it)."""

    def __init__(self, message: str, error_type: str | None = None, status: int | None = None):
        super().__init__(message)
        self.error_type = error_type
        self.status = status


@dataclass(frozen=True, slots=True)
class FitbitApp:
    """The registered Fitbit application; ``client_secret`` only for 'Server' apps."""

    client_id: str
    redirect_uri: str | None = None
    client_secret: SecretStr | None = None
    scopes: tuple[str, ...] = DEFAULT_SCOPES

    @classmethod
    def from_settings(cls, settings: ConnectorSettings) -> FitbitApp:
        """The app configured by ``NUTRI_CONNECTORS__FITBIT_*``.

        Raises:
            FitbitAuthError: no client id is configured.
        """
        if not settings.fitbit_client_id:
            raise FitbitAuthError(
                "Fitbit is not configured: set NUTRI_CONNECTORS__FITBIT_CLIENT_ID"
            )
        return cls(
            settings.fitbit_client_id, settings.fitbit_redirect_uri, settings.fitbit_client_secret
        )


@dataclass(frozen=True, slots=True)
class Tokens:
    """An access/refresh token pair and when the access token stops working."""

    access_token: str
    refresh_token: str
    expires_at: datetime
    scopes: tuple[str, ...] = ()
    user_id: str | None = None

    def expires_within(self, margin: timedelta, now: datetime) -> bool:
        """Whether the access token is expired, or will be within ``margin``."""
        return self.expires_at - margin <= now

    @classmethod
    def from_response(cls, body: Mapping[str, Any], now: datetime) -> Tokens:
        """Read Fitbit's token answer (``access_token``, ``expires_in`` s, ``scope``, …)."""
        try:
            return cls(
                access_token=str(body["access_token"]),
                refresh_token=str(body["refresh_token"]),
                expires_at=now + timedelta(seconds=int(body["expires_in"])),
                scopes=tuple(str(body.get("scope") or "").split()),
                user_id=str(body["user_id"]) if body.get("user_id") else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise FitbitAuthError(f"unexpected token response: missing {exc}") from None


@dataclass(frozen=True, slots=True)
class AuthRequest:
    """What to keep between redirecting the user and handling the callback."""

    url: str
    state: str
    code_verifier: str


def new_code_verifier(n_bytes: int = 64) -> str:
    """A fresh RFC 7636 verifier: ``n_bytes`` random bytes, base64url (43–128 chars)."""
    if not 32 <= n_bytes <= 96:
        raise ValueError("n_bytes must be 32..96 to give a 43..128 character verifier")
    return secrets.token_urlsafe(n_bytes)


def code_challenge(verifier: str) -> str:
    """The S256 challenge: ``BASE64URL(SHA256(ASCII(verifier)))`` without padding."""
    if not VERIFIER_CHARS.match(verifier):
        raise ValueError("code_verifier must be 43-128 characters of [A-Za-z0-9-._~]")
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_state() -> str:
    """An unguessable ``state`` binding the callback to this browser session (CSRF)."""
    return secrets.token_urlsafe(32)


def check_state(expected: str, received: str | None) -> None:
    """Constant-time comparison of the callback's ``state`` with the one we issued.

    Raises:
        FitbitAuthError: missing or different state (possible CSRF).
    """
    if not received or not hmac.compare_digest(expected.encode(), received.encode()):
        raise FitbitAuthError("OAuth state mismatch", error_type="invalid_state")


def authorize_url(app: FitbitApp, challenge: str, state: str) -> str:
    """The consent-page URL for ``app`` with an S256 PKCE challenge."""
    params = {
        "client_id": app.client_id,
        "response_type": "code",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "scope": " ".join(app.scopes),
        "state": state,
    }
    if app.redirect_uri:
        params["redirect_uri"] = app.redirect_uri
    return str(httpx.URL(AUTHORIZE_URL, params=params))


def start_authorization(app: FitbitApp) -> AuthRequest:
    """New verifier and state, and the URL to send the user to."""
    verifier, state = new_code_verifier(), new_state()
    return AuthRequest(authorize_url(app, code_challenge(verifier), state), state, verifier)


async def exchange_code(
    http: httpx.AsyncClient,
    app: FitbitApp,
    code: str,
    code_verifier: str,
    now: datetime | None = None,
) -> Tokens:
    """Trade the callback's authorization ``code`` for tokens."""
    form = {
        "client_id": app.client_id,
        "grant_type": "authorization_code",
        "code": code,
        "code_verifier": code_verifier,
    }
    if app.redirect_uri:
        form["redirect_uri"] = app.redirect_uri
    return await _token_request(http, app, form, now)


async def refresh_tokens(
    http: httpx.AsyncClient, app: FitbitApp, refresh_token: str, now: datetime | None = None
) -> Tokens:
    """Use the (single-use) refresh token; the answer carries the next one."""
    form = {
        "client_id": app.client_id,
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
    }
    return await _token_request(http, app, form, now)


async def revoke_token(http: httpx.AsyncClient, app: FitbitApp, token: str) -> None:
    """End the user's grant (RFC 7009): either token revokes every token of the grant.

    Server apps authenticate with Basic auth; public (PKCE) clients send ``client_id``.

    Raises:
        FitbitAuthError: Fitbit did not answer 200.
    """
    form = {"token": token}
    if app.client_secret is None:
        form["client_id"] = app.client_id
    await _post(http, app, REVOKE_URL, form, "revoke")


def _headers(app: FitbitApp) -> dict[str, str]:
    """JSON answers, and Basic client authentication for server apps."""
    headers = {"Accept": "application/json"}
    if app.client_secret is not None:
        pair = f"{app.client_id}:{app.client_secret.get_secret_value()}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return headers


async def _post(
    http: httpx.AsyncClient, app: FitbitApp, url: str, form: dict[str, str], what: str
) -> httpx.Response:
    """POST a form to Fitbit's OAuth endpoints; anything but 200 is a FitbitAuthError."""
    response = await http.post(url, data=form, headers=_headers(app))
    if response.status_code != 200:
        error_type, message = fitbit_error(response)
        raise FitbitAuthError(
            f"Fitbit {what} failed ({response.status_code} {error_type}): {message}",
            error_type,
            response.status_code,
        )
    return response


async def _token_request(
    http: httpx.AsyncClient, app: FitbitApp, form: dict[str, str], now: datetime | None
) -> Tokens:
    response = await _post(http, app, TOKEN_URL, form, "token request")
    return Tokens.from_response(response.json(), now or datetime.now(UTC))


def fitbit_error(response: httpx.Response) -> tuple[str | None, str]:
    """``(errorType, message)`` of Fitbit's ``{"errors": [{...}], "success": false}`` body."""
    try:
        errors = response.json().get("errors") or []
        first = errors[0]
        return str(first.get("errorType")), str(first.get("message", ""))
    except (ValueError, AttributeError, IndexError, TypeError):
        return None, response.text[:200]
