"""Fitbit Web API connector: PKCE, token exchange/refresh, rate limits, mapping, sync.

Fitbit is faked at the HTTP edge with ``httpx.MockTransport`` answering the payload shapes
of Fitbit's Web API reference; the sleep log is a real one from the shared account archive
(the API's v1.2 sleep log has the same shape), so the API mapping is checked against the
archive parser. Sync tests write to the real test database.
"""

import asyncio
import base64
import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from agents.wearables.connectors import fitbit_api_records as api
from agents.wearables.connectors.fitbit_client import (
    FitbitAPIError,
    FitbitClient,
    FitbitRateLimited,
    RateLimit,
)
from agents.wearables.connectors.fitbit_oauth import (
    AUTHORIZE_URL,
    TOKEN_URL,
    FitbitApp,
    FitbitAuthError,
    Tokens,
    check_state,
    code_challenge,
    exchange_code,
    new_code_verifier,
    refresh_tokens,
    start_authorization,
)
from agents.wearables.connectors.fitbit_sync import connected_client, sync_fitbit
from agents.wearables.parsers.fitbit_local import sleep_session
from agents.wearables.records import DailySummary, Sample, SleepSession
from nutriprofile.context import AppContext
from nutriprofile.settings import ConnectorSettings
from store.database import Database
from store.wearables_ingest import load_connection, save_connection
from store.wearables_queries import daily_activity
from tests.wearable_rows import TABLES, wearable_row_counts

NOW = datetime(2017, 12, 17, 9, 0, tzinfo=UTC)
SYDNEY = ZoneInfo("Australia/Sydney")
PUBLIC = FitbitApp("23ABCD", "https://app.example.com/fitbit/callback")
SERVER = FitbitApp("23ABCD", "https://app.example.com/fitbit/callback", SecretStr("s3cr3t"))
TOKEN_BODY = {
    "access_token": "eyJhbGciOiJIUzI1NiJ9.new.sig",
    "expires_in": 28800,
    "refresh_token": "c643a63c072f0f05478e9d18b991db80ef6061e4f8e6c822d83fed53e5fafdd7",
    "scope": "heartrate profile activity sleep",
    "token_type": "Bearer",
    "user_id": "GGNJL9",
}
OLD = Tokens("eyJhbGciOiJIUzI1NiJ9.old.sig", "old-refresh", NOW + timedelta(hours=8), (), "GGNJL9")
EXPIRED_BODY = {
    "errors": [{"errorType": "expired_token", "message": "Access token expired: eyJhbG..."}],
    "success": False,
}


def activity_body(steps: int = 1698) -> dict[str, Any]:
    return {
        "activities": [],
        "goals": {"activeMinutes": 30, "caloriesOut": 1950, "distance": 8.05, "steps": 6800},
        "summary": {
            "activeScore": -1,
            "activityCalories": 525,
            "caloriesBMR": 1973,
            "caloriesOut": 2628,
            "distances": [
                {"activity": "total", "distance": 1.26},
                {"activity": "tracker", "distance": 1.26},
                {"activity": "loggedActivities", "distance": 0},
                {"activity": "veryActive", "distance": 0},
                {"activity": "lightlyActive", "distance": 1.25},
            ],
            "elevation": 0,
            "fairlyActiveMinutes": 3,
            "floors": 2,
            "heartRateZones": [
                {
                    "caloriesOut": 1711.3,
                    "max": 94,
                    "min": 30,
                    "minutes": 1313,
                    "name": "Out of Range",
                }
            ],
            "lightlyActiveMinutes": 110,
            "marginalCalories": 281,
            "restingHeartRate": 58,
            "sedentaryMinutes": 802,
            "steps": steps,
            "useEstimation": True,
            "veryActiveMinutes": 0,
        },
    }


HEART_BODY = {
    "activities-heart": [
        {
            "dateTime": "2017-12-16",
            "value": {
                "customHeartRateZones": [],
                "heartRateZones": [
                    {
                        "caloriesOut": 1711.3,
                        "max": 94,
                        "min": 30,
                        "minutes": 1313,
                        "name": "Out of Range",
                    },
                    {
                        "caloriesOut": 403.2,
                        "max": 131,
                        "min": 94,
                        "minutes": 110,
                        "name": "Fat Burn",
                    },
                ],
                "restingHeartRate": 58,
            },
        },
        {"dateTime": "2017-12-17", "value": {"customHeartRateZones": [], "heartRateZones": []}},
    ]
}
PROFILE_BODY = {
    "user": {
        "encodedId": "GGNJL9",
        "timezone": "Australia/Sydney",
        "offsetFromUTCMillis": 39600000,
        "locale": "en_AU",
    }
}
INTRADAY_BODY = {
    "activities-steps": [{"dateTime": "2017-12-16", "value": "54"}],
    "activities-steps-intraday": {
        "dataset": [
            {"time": "00:00:00", "value": 0},
            {"time": "08:01:00", "value": 12},
            {"time": "08:02:00", "value": 42},
        ],
        "datasetInterval": 1,
        "datasetType": "minute",
    },
}


@pytest.fixture(scope="module")
def archive_sleep(wear: Path) -> dict[str, Any]:
    """The real 2017-12-16 sleep log of the shared Fitbit archive (a UTC+11 user)."""
    logs = json.loads((wear / "fitbit/user-site-export/sleep/sleep-2017-12-02.json").read_text())
    log = next(entry for entry in logs if entry["dateOfSleep"] == "2017-12-16")
    return {**log, "isMainSleep": True}  # the API's v1.2 log adds isMainSleep


class FakeFitbit:
    """Routes requests like api.fitbit.com; records every request; answers may be queued."""

    def __init__(self, sleep_log: dict[str, Any] | None = None, steps: int = 1698) -> None:
        self.requests: list[httpx.Request] = []
        self.queued: list[httpx.Response] = []
        self.valid = {OLD.access_token}
        self.steps = steps
        self.sleep_log = sleep_log
        self.refreshes = 0

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if str(request.url) == TOKEN_URL:
            self.refreshes += 1
            body: dict[str, Any] = {
                **TOKEN_BODY,
                "access_token": f"access-{self.refreshes}",
                "refresh_token": f"refresh-{self.refreshes}",
            }
            self.valid = {body["access_token"]}
            return httpx.Response(200, json=body)
        if self.queued:
            return self.queued.pop(0)
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if bearer not in self.valid:
            return httpx.Response(401, json=EXPIRED_BODY)
        headers = {
            "Fitbit-Rate-Limit-Limit": "150",
            "Fitbit-Rate-Limit-Remaining": "149",
            "Fitbit-Rate-Limit-Reset": "1234",
        }
        path = request.url.path
        if path == "/1/user/-/profile.json":
            return httpx.Response(200, json=PROFILE_BODY, headers=headers)
        if path.startswith("/1/user/-/activities/heart/date/"):
            return httpx.Response(200, json=HEART_BODY, headers=headers)
        if path.startswith("/1.2/user/-/sleep/date/"):
            sleep = [self.sleep_log] if self.sleep_log else []
            return httpx.Response(200, json={"sleep": sleep, "summary": {}}, headers=headers)
        if path.startswith("/1/user/-/activities/steps/date/"):
            return httpx.Response(200, json=INTRADAY_BODY, headers=headers)
        if path.startswith("/1/user/-/activities/date/"):
            return httpx.Response(200, json=activity_body(self.steps), headers=headers)
        return httpx.Response(404, json={"errors": [{"errorType": "not_found", "message": path}]})


class Sleeps:
    """Injected sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def form_of(request: httpx.Request) -> dict[str, str]:
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


# --- PKCE and the authorization URL ---------------------------------------------------


def test_pkce_challenge_matches_rfc7636_appendix_b() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert code_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_new_verifier_is_random_and_within_rfc_limits() -> None:
    verifiers = {new_code_verifier() for _ in range(20)}
    assert len(verifiers) == 20
    for v in verifiers:
        assert 43 <= len(v) <= 128
        assert set(v) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    assert len(new_code_verifier(32)) == 43 and len(new_code_verifier(96)) == 128
    with pytest.raises(ValueError):
        new_code_verifier(16)
    with pytest.raises(ValueError):
        code_challenge("too-short")


def test_authorize_url_carries_challenge_state_and_scopes() -> None:
    req = start_authorization(PUBLIC)
    url = httpx.URL(req.url)
    assert str(url.copy_with(query=None)) == AUTHORIZE_URL
    q = dict(url.params)
    assert q == {
        "client_id": "23ABCD",
        "response_type": "code",
        "code_challenge": code_challenge(req.code_verifier),
        "code_challenge_method": "S256",
        "scope": "activity heartrate sleep profile",
        "state": req.state,
        "redirect_uri": "https://app.example.com/fitbit/callback",
    }
    assert start_authorization(PUBLIC).state != req.state
    check_state(req.state, req.state)
    with pytest.raises(FitbitAuthError):
        check_state(req.state, req.state[:-1] + "x")
    with pytest.raises(FitbitAuthError):
        check_state(req.state, None)


def test_app_from_settings_requires_a_client_id() -> None:
    with pytest.raises(FitbitAuthError, match="FITBIT_CLIENT_ID"):
        FitbitApp.from_settings(ConnectorSettings())
    app = FitbitApp.from_settings(
        ConnectorSettings(fitbit_client_id="23ABCD", fitbit_client_secret=SecretStr("x"))
    )
    assert app.client_id == "23ABCD" and app.client_secret is not None


# --- token endpoint ---------------------------------------------------------------------


async def test_code_exchange_posts_pkce_form_with_basic_auth_for_server_apps() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=TOKEN_BODY)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        tokens = await exchange_code(http, SERVER, "auth-code-1", "v" * 43, now=NOW)
        await exchange_code(http, PUBLIC, "auth-code-2", "v" * 43, now=NOW)

    server, public = seen
    assert server.method == "POST" and str(server.url) == TOKEN_URL
    assert form_of(server) == {
        "client_id": "23ABCD",
        "grant_type": "authorization_code",
        "code": "auth-code-1",
        "code_verifier": "v" * 43,
        "redirect_uri": "https://app.example.com/fitbit/callback",
    }
    assert server.headers["Authorization"] == "Basic " + base64.b64encode(b"23ABCD:s3cr3t").decode()
    assert "Authorization" not in public.headers  # PKCE-only client: no secret to send
    assert form_of(public)["code"] == "auth-code-2"
    assert tokens.access_token == TOKEN_BODY["access_token"]
    assert tokens.refresh_token == TOKEN_BODY["refresh_token"]
    assert tokens.expires_at == NOW + timedelta(hours=8)
    assert tokens.scopes == ("heartrate", "profile", "activity", "sleep")
    assert tokens.user_id == "GGNJL9"


async def test_refresh_posts_refresh_grant_and_errors_are_typed() -> None:
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if form_of(request)["refresh_token"] == "dead":
            body = {
                "errors": [
                    {"errorType": "invalid_grant", "message": "Refresh token invalid: dead"}
                ],
                "success": False,
            }
            return httpx.Response(400, json=body)
        return httpx.Response(200, json=TOKEN_BODY)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        tokens = await refresh_tokens(http, SERVER, "old-refresh", now=NOW)
        with pytest.raises(FitbitAuthError) as failed:
            await refresh_tokens(http, SERVER, "dead", now=NOW)
    assert form_of(seen[0]) == {
        "client_id": "23ABCD",
        "grant_type": "refresh_token",
        "refresh_token": "old-refresh",
    }
    assert seen[0].headers["Authorization"].startswith("Basic ")
    assert tokens.refresh_token == TOKEN_BODY["refresh_token"] != "old-refresh"
    assert failed.value.error_type == "invalid_grant" and failed.value.status == 400


# --- the API client: rate limits, retries, expiry ---------------------------------------


def client_for(
    http: httpx.AsyncClient, tokens: Tokens = OLD, **options: Any
) -> tuple[FitbitClient, Sleeps, list[Tokens]]:
    sleeps = options.pop("sleep", Sleeps())
    saved = []

    async def on_tokens(tokens: Tokens) -> None:
        saved.append(tokens)

    client = FitbitClient(
        http, SERVER, tokens, on_tokens=on_tokens, clock=lambda: NOW, sleep=sleeps, **options
    )
    return client, sleeps, saved


async def test_429_waits_retry_after_then_succeeds() -> None:
    fake = FakeFitbit()
    fake.queued.append(
        httpx.Response(
            429,
            headers={
                "Retry-After": "7",
                "Fitbit-Rate-Limit-Limit": "150",
                "Fitbit-Rate-Limit-Remaining": "0",
                "Fitbit-Rate-Limit-Reset": "7",
            },
            json={"errors": [{"errorType": "system", "message": "Too Many Requests"}]},
        )
    )
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, sleeps, _ = client_for(http)
        body = await client.daily_activity(date(2017, 12, 16))
    assert body["summary"]["steps"] == 1698
    assert sleeps.waits == [7.0]
    assert client.rate_limit == RateLimit(150, 149, 1234)  # from the successful answer
    assert client.requests == 2


async def test_429_beyond_max_wait_raises_without_sleeping() -> None:
    fake = FakeFitbit()
    fake.queued.append(httpx.Response(429, headers={"Retry-After": "1800"}))
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, sleeps, _ = client_for(http, max_wait_s=60)
        with pytest.raises(FitbitRateLimited) as limited:
            await client.profile()
    assert limited.value.retry_after_s == 1800 and limited.value.status == 429
    assert sleeps.waits == []


async def test_transient_5xx_retried_with_backoff_then_gives_up() -> None:
    fake = FakeFitbit()
    fake.queued += [httpx.Response(503), httpx.Response(502)]
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, sleeps, _ = client_for(http, backoff_s=0.5)
        assert (await client.profile())["user"]["timezone"] == "Australia/Sydney"
        assert sleeps.waits == [0.5, 1.0]
        fake.queued += [httpx.Response(500)] * 4
        with pytest.raises(FitbitAPIError) as failed:
            await client.profile()
    assert failed.value.status == 500
    assert sleeps.waits == [0.5, 1.0, 0.5, 1.0, 2.0]  # max_retries=3 then raise


async def test_client_errors_are_not_retried() -> None:
    fake = FakeFitbit()
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, sleeps, _ = client_for(http)
        with pytest.raises(FitbitAPIError) as failed:
            await client.get_json("/1/user/-/nothing.json")
    assert failed.value.status == 404 and failed.value.error_type == "not_found"
    assert sleeps.waits == [] and len(fake.requests) == 1


async def test_non_json_success_is_an_api_error() -> None:
    fake = FakeFitbit()
    fake.queued.append(httpx.Response(200, text="<html>maintenance</html>"))
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, _ = client_for(http)
        with pytest.raises(FitbitAPIError, match="JSON object"):
            await client.profile()


async def test_401_expired_token_refreshes_once_stores_new_pair_and_retries() -> None:
    fake = FakeFitbit()
    fake.valid = set()  # Fitbit already considers the stored access token expired
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, saved = client_for(http)
        body = await client.profile()
    assert body["user"]["encodedId"] == "GGNJL9"
    api_calls = [r for r in fake.requests if str(r.url) != TOKEN_URL]
    assert [r.headers["Authorization"] for r in api_calls] == [
        f"Bearer {OLD.access_token}",
        "Bearer access-1",
    ]
    assert form_of(fake.requests[1])["refresh_token"] == "old-refresh"
    assert [t.refresh_token for t in saved] == ["refresh-1"]  # single-use: the new one is kept
    assert client.tokens.refresh_token == "refresh-1"


async def test_persisting_401_after_refresh_is_an_error_not_a_loop() -> None:
    fake = FakeFitbit()
    fake.queued += [httpx.Response(401, json=EXPIRED_BODY)] * 2
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, saved = client_for(http)
        with pytest.raises(FitbitAPIError) as failed:
            await client.profile()
    assert failed.value.status == 401 and failed.value.error_type == "expired_token"
    assert fake.refreshes == 1 and len(saved) == 1


async def test_token_near_expiry_is_refreshed_first_and_only_once_when_concurrent() -> None:
    fake = FakeFitbit()
    soon = Tokens(OLD.access_token, "old-refresh", NOW + timedelta(minutes=2))
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, saved = client_for(http, tokens=soon)
        await asyncio.gather(
            client.profile(), client.heart_range(date(2017, 12, 16), date(2017, 12, 17))
        )
    assert str(fake.requests[0].url) == TOKEN_URL
    assert fake.refreshes == 1 and len(saved) == 1
    assert all(r.headers["Authorization"] == "Bearer access-1" for r in fake.requests[1:])


# --- mapping real-shaped payloads ------------------------------------------------------


def test_daily_activity_summary_maps_to_daily_records() -> None:
    found = api.activity_records(date(2017, 12, 16), activity_body())
    records = [r for r in found if isinstance(r, DailySummary) and r.source.provider == "fitbit"]
    assert len(records) == len(found)
    values = {r.kind: r.value for r in records}
    assert values == {
        "steps": 1698,
        "total_energy_kcal": 2628,
        "basal_energy_kcal": 1973,
        "active_energy_kcal": 525,
        "flights": 2,
        "light_active_minutes": 110,
        "moderate_active_minutes": 3,
        "very_active_minutes": 0,
        "sedentary_minutes": 802,
        "distance_m": pytest.approx(1260.0),
        "resting_heart_rate_bpm": 58,
    }
    assert {r.day for r in records} == {date(2017, 12, 16)}


def test_heart_series_gives_resting_hr_only_where_measured() -> None:
    records = api.heart_records(HEART_BODY)
    assert records == [DailySummary(date(2017, 12, 16), "resting_heart_rate_bpm", 58.0, api.SOURCE)]
    # the same fact from the daily summary has the same identity: stored once
    same = [
        r
        for r in api.activity_records(date(2017, 12, 16), activity_body())
        if isinstance(r, DailySummary) and r.kind == "resting_heart_rate_bpm"
    ]
    assert same[0].dedupe_key() == records[0].dedupe_key()


def test_api_sleep_log_maps_like_the_archive_parser(archive_sleep: dict[str, Any]) -> None:
    (session,) = api.sleep_records({"sleep": [archive_sleep], "summary": {}}, SYDNEY)
    assert isinstance(session, SleepSession)
    assert session.start == datetime(2017, 12, 15, 16, 56, 30, tzinfo=UTC)  # 03:56:30 AEDT
    assert session.end == datetime(2017, 12, 16, 0, 50, tzinfo=UTC)
    archive = sleep_session(archive_sleep, timedelta(hours=11))
    assert session == archive and session.dedupe_key() == archive.dedupe_key()
    stages = {s.stage for s in session.stages}
    assert stages == {"awake", "light", "deep", "rem"}
    asleep = sum((s.end - s.start).total_seconds() for s in session.stages if s.stage != "awake")
    assert asleep / 60 == pytest.approx(archive_sleep["minutesAsleep"], abs=1)  # Fitbit floors


def test_intraday_steps_are_local_minutes_in_utc() -> None:
    records = api.intraday_step_records(date(2017, 12, 16), INTRADAY_BODY, SYDNEY)
    assert records == [
        Sample(
            "steps",
            datetime(2017, 12, 15, 21, 1, tzinfo=UTC),
            datetime(2017, 12, 15, 21, 2, tzinfo=UTC),
            12.0,
            "count",
            api.SOURCE,
        ),
        Sample(
            "steps",
            datetime(2017, 12, 15, 21, 2, tzinfo=UTC),
            datetime(2017, 12, 15, 21, 3, tzinfo=UTC),
            42.0,
            "count",
            api.SOURCE,
        ),
    ]


# --- sync into the real database ---------------------------------------------------------


@pytest.fixture
async def fitbit_user(ctx: AppContext) -> AsyncIterator[str]:
    user = f"test-fitbit-{uuid.uuid4()}"
    yield user
    async with ctx.db.engine.begin() as conn:
        for table in (*TABLES, "wearable_connections"):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user})


@pytest.mark.db
async def test_sync_stores_days_and_resync_changes_nothing(
    ctx: AppContext, fitbit_user: str, archive_sleep: dict[str, Any]
) -> None:
    fake = FakeFitbit(sleep_log=archive_sleep)
    first, last = date(2017, 12, 16), date(2017, 12, 17)
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, _ = client_for(http)
        summary = await sync_fitbit(client, ctx.db, fitbit_user, first, last, intraday=True)
        stored = await wearable_row_counts(ctx, fitbit_user)
        again = await sync_fitbit(client, ctx.db, fitbit_user, first, last, intraday=True)

    # profile + heart range + sleep range + 2 x (daily summary + intraday)
    assert summary.requests == 7
    assert summary.rate_limit is not None and summary.rate_limit.remaining == 149
    assert stored == {
        "wearable_samples": 4,
        "wearable_sleep": 1,
        "wearable_workouts": 0,
        "wearable_daily": 22,
    }
    assert summary.inserted == sum(stored.values()) and summary.updated == 0
    report = summary.as_json()
    assert report["format"] == "fitbit_web_api" and report["sources"] == ["fitbit"]
    assert report["records"]["sleep_sessions"] == 1

    assert (again.inserted, again.updated) == (0, 0)
    assert await wearable_row_counts(ctx, fitbit_user) == stored

    days = await daily_activity(ctx.db, fitbit_user, first, last, SYDNEY)
    day = days[0]
    assert day.day == first and day.steps == 1698 and day.resting_hr_bpm == 58
    assert day.basal_energy_kcal == 1973 and day.distance_m == pytest.approx(1260)
    assert day.basis["steps"] == "daily total: fitbit"
    assert day.sleep_minutes == pytest.approx(archive_sleep["minutesAsleep"], abs=1)  # woke 16th


@pytest.mark.db
async def test_resync_updates_a_revised_daily_total_in_place(
    ctx: AppContext, fitbit_user: str
) -> None:
    fake = FakeFitbit(steps=4000)
    day = date(2017, 12, 16)
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client, _, _ = client_for(http)
        await sync_fitbit(client, ctx.db, fitbit_user, day, day)
        fake.steps = 9500  # later the same day Fitbit reports more steps
        revised = await sync_fitbit(client, ctx.db, fitbit_user, day, day)
    assert (revised.inserted, revised.updated) == (0, 1)
    (row,) = await daily_activity(ctx.db, fitbit_user, day, day, SYDNEY)
    assert row.steps == 9500
    assert (await wearable_row_counts(ctx, fitbit_user))["wearable_daily"] == 11


@pytest.mark.db
async def test_connected_client_persists_refreshed_tokens(
    ctx: AppContext, fitbit_user: str
) -> None:
    await save_connection(
        ctx.db,
        fitbit_user,
        "fitbit",
        access_token="stale",
        refresh_token="old-refresh",
        expires_at=NOW - timedelta(minutes=1),
        scopes=("activity", "sleep"),
        external_user_id="GGNJL9",
    )
    fake = FakeFitbit()
    async with httpx.AsyncClient(transport=fake.transport()) as http:
        client = await connected_client(ctx.db, http, SERVER, fitbit_user, clock=lambda: NOW)
        assert client is not None
        await client.profile()
        assert await connected_client(ctx.db, http, SERVER, "nobody") is None
    assert form_of(fake.requests[0])["refresh_token"] == "old-refresh"
    row = await load_connection(ctx.db, fitbit_user, "fitbit")
    assert row is not None
    assert (row.access_token, row.refresh_token) == ("access-1", "refresh-1")
    assert row.expires_at == NOW + timedelta(hours=8)
    assert row.scopes == "heartrate profile activity sleep"


async def test_sync_rejects_bad_ranges() -> None:
    async with httpx.AsyncClient(transport=FakeFitbit().transport()) as http:
        client = FitbitClient(http, PUBLIC, OLD)
        no_db = cast(Database, None)  # refused before any database access
        with pytest.raises(ValueError):
            await sync_fitbit(client, no_db, "u", date(2017, 12, 2), date(2017, 12, 1))
        with pytest.raises(ValueError):
            await sync_fitbit(client, no_db, "u", date(2017, 1, 1), date(2018, 6, 1))
    assert client.requests == 0
