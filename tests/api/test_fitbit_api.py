"""Fitbit connection routes: connect → callback → status → sync → disconnect, over HTTP.

The app runs over the real test database; only Fitbit is faked, with ``httpx.MockTransport``
answering the payload shapes of the connector tests (Fitbit's Web API reference), and the
code exchange checks the PKCE verifier against the challenge of the consent URL.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from agents.wearables.connectors.fitbit_oauth import REVOKE_URL, TOKEN_URL, code_challenge
from api.app import create_app
from api.deps_fitbit import get_connector_settings
from nutriprofile.context import AppContext
from nutriprofile.settings import ConnectorSettings, Settings
from store.advisory_locks import exclusive
from store.oauth_states import state_digest
from store.token_crypto import PREFIX, cipher_from_settings
from tests.accounts import register
from tests.agents.wearables.test_fitbit_connector import TOKEN_BODY, FakeFitbit
from tests.wearable_rows import TABLES, wearable_row_counts

pytestmark = pytest.mark.db

CONFIGURED = ConnectorSettings(
    fitbit_client_id="23ABCD",
    fitbit_client_secret=SecretStr("s3cr3t"),
    fitbit_redirect_uri="https://app.example.com/fitbit/callback",
)
CODE = "auth-code-1"
FITBIT_USER = TOKEN_BODY["user_id"]


class Fitbit(FakeFitbit):
    """FakeFitbit plus the code exchange (PKCE-checked), revocation and scripted 429s."""

    def __init__(self) -> None:
        super().__init__()
        self.challenge: str | None = None
        self.token_error: httpx.Response | None = None
        self.refresh_error: httpx.Response | None = None
        self.rate_limited: tuple[str, str] | None = None  # (path prefix, Retry-After)
        self.revoked: list[dict[str, str]] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if str(request.url) == REVOKE_URL:
            self.requests.append(request)
            self.revoked.append(form)
            return httpx.Response(200, json={})
        if str(request.url) == TOKEN_URL and form.get("grant_type") == "authorization_code":
            if self.token_error is not None:
                self.requests.append(request)
                return self.token_error
            verifier = form.get("code_verifier", "")
            if form.get("code") != CODE or code_challenge(verifier) != self.challenge:
                self.requests.append(request)
                body = {"errors": [{"errorType": "invalid_grant", "message": "bad " + CODE}]}
                return httpx.Response(400, json=body)
        if str(request.url) == TOKEN_URL and self.refresh_error is not None:
            self.requests.append(request)
            return self.refresh_error
        if self.rate_limited and request.url.path.startswith(self.rate_limited[0]):
            self.requests.append(request)
            return httpx.Response(
                429,
                headers={"Retry-After": self.rate_limited[1], "Fitbit-Rate-Limit-Remaining": "0"},
                json={"errors": [{"errorType": "system", "message": "Too Many Requests"}]},
            )
        return super().handle(request)


@dataclass
class Session:
    http: httpx.AsyncClient
    fitbit: Fitbit
    headers: dict[str, str]
    user_id: str
    bodies: list[str] = field(default_factory=list)

    async def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response = await self.http.request(method, url, headers=self.headers, **kwargs)
        self.bodies.append(response.text)
        return response

    async def connect(self) -> str:
        response = await self.call("GET", "/v1/wearables/fitbit/connect")
        assert response.status_code == 200, response.text
        params = dict(httpx.URL(response.json()["authorize_url"]).params)
        self.fitbit.challenge = params["code_challenge"]
        return str(response.json()["state"])

    async def callback(self, state: str, code: str = CODE, **extra: str) -> httpx.Response:
        params = {"state": state, "code": code, **extra}
        return await self.call("GET", "/v1/wearables/fitbit/callback", params=params)

    def secrets(self) -> list[str]:
        tokens = [TOKEN_BODY["access_token"], TOKEN_BODY["refresh_token"]]
        tokens += [f"access-{n}" for n in range(1, 4)] + [f"refresh-{n}" for n in range(1, 4)]
        for request in self.fitbit.requests:
            form = parse_qs(request.content.decode())
            tokens += form.get("code_verifier", [])
        return [str(t) for t in tokens]


@pytest.fixture
async def app_http(ctx: AppContext, test_settings: Settings) -> AsyncIterator[Any]:
    """The app with Fitbit configured and served by a fake; yields (client, fake, app)."""
    fitbit = Fitbit()
    app = create_app(test_settings, ctx=ctx)
    app.dependency_overrides[get_connector_settings] = lambda: CONFIGURED
    async with httpx.AsyncClient(transport=fitbit.transport()) as fitbit_http:
        app.state.fitbit_http = fitbit_http
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                yield http, fitbit, app


@pytest.fixture
async def session(ctx: AppContext, app_http: Any) -> AsyncIterator[Session]:
    http, fitbit, _ = app_http
    headers, user_id = await register(http, "fitbit")
    user = Session(http, fitbit, headers, user_id)
    yield user
    async with ctx.db.engine.begin() as conn:
        for table in (*TABLES, "wearable_connections", "oauth_states"):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user_id})
    leaked = [s for s in user.secrets() for body in user.bodies if s in body]
    assert leaked == [], "a token or verifier appeared in a response body"


async def stored_grant(ctx: AppContext, user_id: str) -> dict[str, Any] | None:
    async with ctx.db.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM wearable_connections WHERE user_id = :u"), {"u": user_id}
        )
        row = result.mappings().first()
    return dict(row) if row else None


async def test_connect_callback_status_sync_disconnect(
    ctx: AppContext, test_settings: Settings, session: Session
) -> None:
    connect = await session.call("GET", "/v1/wearables/fitbit/connect")
    assert connect.status_code == 200, connect.text
    url = httpx.URL(connect.json()["authorize_url"])
    params = dict(url.params)
    state = connect.json()["state"]
    assert url.host == "www.fitbit.com" and params["state"] == state
    assert params["client_id"] == "23ABCD" and params["code_challenge_method"] == "S256"
    assert params["redirect_uri"] == CONFIGURED.fitbit_redirect_uri
    session.fitbit.challenge = params["code_challenge"]
    async with ctx.db.engine.connect() as conn:  # the state is kept hashed, verifier sealed
        (pending,) = (
            await conn.execute(
                text("SELECT * FROM oauth_states WHERE user_id = :u"), {"u": session.user_id}
            )
        ).mappings()
    assert pending["state_hash"] == state_digest(state) and state not in str(dict(pending))
    assert pending["code_verifier"].startswith(PREFIX)

    done = await session.callback(state)
    assert done.status_code == 200, done.text
    status = done.json()
    assert status["connected"] is True and status["provider"] == "fitbit"
    assert status["external_user_id"] == FITBIT_USER
    assert sorted(status["scopes"]) == ["activity", "heartrate", "profile", "sleep"]
    exchange = session.fitbit.requests[-1]
    form = {k: v[0] for k, v in parse_qs(exchange.content.decode()).items()}
    assert form["grant_type"] == "authorization_code" and form["code"] == CODE
    assert code_challenge(form["code_verifier"]) == params["code_challenge"]
    assert exchange.headers["Authorization"].startswith("Basic ")

    row = await stored_grant(ctx, session.user_id)
    assert row is not None
    assert str(row["access_token"]).startswith(PREFIX)
    assert "access-1" not in str(row) and "refresh-1" not in str(row)
    cipher = cipher_from_settings(test_settings)
    assert cipher.reveal(str(row["refresh_token"]))[0] == "refresh-1"

    again = await session.call("GET", "/v1/wearables/fitbit")
    assert again.status_code == 200 and again.json() == status

    synced = await session.call(
        "POST", "/v1/wearables/fitbit/sync", json={"start": "2017-12-16", "end": "2017-12-17"}
    )
    assert synced.status_code == 200, synced.text
    summary = synced.json()
    assert summary["format"] == "fitbit_web_api" and summary["sources"] == ["fitbit"]
    assert summary["requests"] == 5  # profile, heart range, sleep range, 2 daily summaries
    assert summary["rate_limit_remaining"] == 149
    counts = await wearable_row_counts(ctx, session.user_id)
    assert summary["inserted"] == sum(counts.values()) == counts["wearable_daily"] == 22
    days = await session.call(
        "GET", "/v1/activity/daily", params={"from": "2017-12-16", "to": "2017-12-16"}
    )
    assert days.json()[0]["steps"] == 1698 and days.json()[0]["resting_hr_bpm"] == 58

    gone = await session.call("DELETE", "/v1/wearables/fitbit")
    assert gone.status_code == 200, gone.text
    assert gone.json() == {"provider": "fitbit", "connected": False, "revoked": True}
    assert session.fitbit.revoked == [{"token": "refresh-1"}]  # Basic auth: no client_id
    assert await stored_grant(ctx, session.user_id) is None
    missing = await session.call("GET", "/v1/wearables/fitbit")
    assert missing.status_code == 404 and "not connected" in missing.json()["detail"]
    after = await session.call(
        "POST", "/v1/wearables/fitbit/sync", json={"start": "2017-12-16", "end": "2017-12-16"}
    )
    assert after.status_code == 409 and "/v1/wearables/fitbit/connect" in after.json()["detail"]
    assert (await session.call("DELETE", "/v1/wearables/fitbit")).status_code == 404


async def test_a_state_works_once_and_only_for_its_user(
    ctx: AppContext, app_http: Any, session: Session
) -> None:
    state = await session.connect()
    other_headers, other_id = await register(session.http, "fitbit")
    try:
        stolen = await session.http.get(
            "/v1/wearables/fitbit/callback",
            params={"state": state, "code": CODE},
            headers=other_headers,
        )
        assert stolen.status_code == 400 and "unknown" in stolen.json()["detail"]
        assert (await session.callback(state)).status_code == 200  # still usable by its owner
        replay = await session.callback(state)
        assert replay.status_code == 400
        assert replay.json()["detail"].startswith("unknown or already used OAuth state")
        unknown = await session.callback("never-issued")
        assert unknown.status_code == 400
    finally:
        async with ctx.db.engine.begin() as conn:
            await conn.execute(text("DELETE FROM oauth_states WHERE user_id = :u"), {"u": other_id})


async def test_expired_state_is_refused_and_used_up(ctx: AppContext, session: Session) -> None:
    state = await session.connect()
    async with ctx.db.engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE oauth_states SET expires_at = now() - interval '1 minute' "
                "WHERE state_hash = :h"
            ),
            {"h": state_digest(state)},
        )
    expired = await session.callback(state)
    assert expired.status_code == 400 and "expired" in expired.json()["detail"]
    assert (await session.callback(state)).status_code == 400
    assert await stored_grant(ctx, session.user_id) is None
    assert not [r for r in session.fitbit.requests if str(r.url) == TOKEN_URL]


async def test_fitbit_errors_on_the_code_exchange(ctx: AppContext, session: Session) -> None:
    wrong = await session.callback(await session.connect(), code="forged")
    assert wrong.status_code == 400
    assert wrong.json() == {"detail": "Fitbit refused the code (invalid_grant); start again"}

    session.fitbit.token_error = httpx.Response(
        401, json={"errors": [{"errorType": "invalid_client", "message": "bad secret"}]}
    )
    misconfigured = await session.callback(await session.connect())
    assert misconfigured.status_code == 502
    assert "invalid_client" in misconfigured.json()["detail"]

    session.fitbit.token_error = None
    declined = await session.callback(await session.connect(), error="access_denied")
    assert declined.status_code == 400 and "access_denied" in declined.json()["detail"]
    assert await stored_grant(ctx, session.user_id) is None


async def test_rate_limit_is_passed_on_with_retry_after(ctx: AppContext, session: Session) -> None:
    assert (await session.callback(await session.connect())).status_code == 200
    session.fitbit.rate_limited = ("/1.2/user/-/sleep/", "1800")  # after profile and heart
    limited = await session.call(
        "POST", "/v1/wearables/fitbit/sync", json={"start": "2017-12-16", "end": "2017-12-17"}
    )
    assert limited.status_code == 429, limited.text
    assert limited.headers["Retry-After"] == "1800"
    assert "retry in 1800 s" in limited.json()["detail"]
    counts = await wearable_row_counts(ctx, session.user_id)
    assert counts["wearable_daily"] == 1  # the heart range stored before the limit hit


async def test_one_sync_per_user_at_a_time(ctx: AppContext, session: Session) -> None:
    assert (await session.callback(await session.connect())).status_code == 200
    body = {"start": "2017-12-16", "end": "2017-12-16"}
    async with exclusive(ctx.db, f"fitbit-sync:{session.user_id}") as held:
        assert held  # stands for a sync running in another worker
        busy = await session.call("POST", "/v1/wearables/fitbit/sync", json=body)
        assert busy.status_code == 409, busy.text
        assert "already running" in busy.json()["detail"]
        async with exclusive(ctx.db, f"fitbit-sync:{session.user_id}") as again:
            assert not again
    done = await session.call("POST", "/v1/wearables/fitbit/sync", json=body)
    assert done.status_code == 200, done.text


async def test_refused_refresh_asks_to_reconnect(ctx: AppContext, session: Session) -> None:
    assert (await session.callback(await session.connect())).status_code == 200
    async with ctx.db.engine.begin() as conn:  # the access token has expired
        await conn.execute(
            text("UPDATE wearable_connections SET expires_at = now() WHERE user_id = :u"),
            {"u": session.user_id},
        )
    dead = {"errors": [{"errorType": "invalid_grant", "message": "Refresh token invalid: x"}]}
    session.fitbit.refresh_error = httpx.Response(400, json=dead)
    refused = await session.call(
        "POST", "/v1/wearables/fitbit/sync", json={"start": "2017-12-16", "end": "2017-12-16"}
    )
    assert refused.status_code == 409, refused.text
    assert "invalid_grant" in refused.json()["detail"] and "reconnect" in refused.json()["detail"]
    assert "Refresh token invalid" not in refused.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"start": "2017-12-17", "end": "2017-12-16"}, "on or after start"),
        ({"start": "2017-01-01", "end": "2018-06-01"}, "at most 366 days"),
        ({"start": "2099-01-01", "end": "2099-01-02"}, "in the future"),
        ({"start": "2017-12-16"}, "Field required"),
    ],
)
async def test_sync_range_is_validated(
    session: Session, body: dict[str, str], message: str
) -> None:
    response = await session.call("POST", "/v1/wearables/fitbit/sync", json=body)
    assert response.status_code == 422
    assert message in str(response.json()["detail"])
    assert session.fitbit.requests == []


async def test_not_configured_is_503_naming_the_variable(app_http: Any, session: Session) -> None:
    _, fitbit, app = app_http
    app.dependency_overrides[get_connector_settings] = lambda: ConnectorSettings()
    day = {"start": "2017-12-16", "end": "2017-12-16"}
    calls = [
        ("GET", "/v1/wearables/fitbit/connect", {}),
        ("GET", "/v1/wearables/fitbit/callback", {"params": {"state": "s", "code": "c"}}),
        ("POST", "/v1/wearables/fitbit/sync", {"json": day}),
    ]
    for method, url, kwargs in calls:
        response = await session.call(method, url, **kwargs)
        assert response.status_code == 503, (url, response.text)
        assert "Fitbit connector is not configured" in response.json()["detail"]
        assert "NUTRI_CONNECTORS__FITBIT_CLIENT_ID" in response.json()["detail"]
    assert (await session.call("GET", "/v1/wearables/fitbit")).status_code == 404
    assert fitbit.requests == []


async def test_routes_need_a_signed_in_user(app_http: Any) -> None:
    http, fitbit, _ = app_http
    for method, url in [
        ("GET", "/v1/wearables/fitbit/connect"),
        ("GET", "/v1/wearables/fitbit/callback?state=s&code=c"),
        ("GET", "/v1/wearables/fitbit"),
        ("DELETE", "/v1/wearables/fitbit"),
        ("POST", "/v1/wearables/fitbit/sync"),
    ]:
        assert (await http.request(method, url)).status_code == 401, url
    assert fitbit.requests == []
