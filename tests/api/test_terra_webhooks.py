"""Terra webhook: signature and replay checks, idempotent storage, visible in daily activity.

Terra is the edge being faked: payloads have the shapes of Terra's ``daily`` and ``sleep``
events and are signed exactly as Terra signs (``t=…,v1=HMAC-SHA256(secret, "t.body")``).
Storage is the real test database, read back through ``GET /v1/activity/daily``.
"""

import dataclasses
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from agents.wearables.connectors.webhooks import SignatureError, sign, verify_signature
from api.app import create_app
from nutriprofile.context import AppContext
from nutriprofile.settings import ConnectorSettings, Settings
from tests.accounts import register
from tests.wearable_rows import TABLES, wearable_row_counts

pytestmark = pytest.mark.db

SECRET = "whsec-terra-test-7f3c0e9a2b"
URL = "/v1/wearables/webhooks/terra"


def daily_payload(user_id: str | None, steps: int = 10123) -> dict[str, Any]:
    return {
        "type": "daily",
        "user": {
            "user_id": "6e1a8f2c-terra-user",
            "provider": "GARMIN",
            "reference_id": user_id,
            "scopes": "activity,daily,sleep",
            "last_webhook_update": "2025-12-03T07:12:45.000000+00:00",
        },
        "data": [
            {
                "metadata": {
                    "start_time": "2025-12-02T00:00:00.000000+01:00",
                    "end_time": "2025-12-03T00:00:00.000000+01:00",
                    "upload_type": 1,
                },
                "distance_data": {
                    "steps": steps,
                    "distance_meters": 7421.5,
                    "floors_climbed": 6,
                    "detailed": {"distance_samples": [], "step_samples": []},
                },
                "calories_data": {
                    "total_burned_calories": 2412,
                    "BMR_calories": 1640,
                    "net_activity_calories": 772,
                    "calorie_samples": [],
                },
                "heart_rate_data": {
                    "summary": {"resting_hr_bpm": 54, "avg_hr_bpm": 71, "max_hr_bpm": 148},
                    "detailed": {"hr_samples": []},
                },
                "active_durations_data": {"activity_seconds": 5400},
            }
        ],
        "version": "2022-03-16",
    }


def sleep_payload(user_id: str) -> dict[str, Any]:
    samples = [
        ("2025-12-01T23:10:00.000000+01:00", 1),  # awake
        ("2025-12-01T23:25:00.000000+01:00", 4),  # light
        ("2025-12-02T00:40:00.000000+01:00", 5),  # deep
        ("2025-12-02T01:40:00.000000+01:00", 4),  # light
        ("2025-12-02T03:00:00.000000+01:00", 6),  # REM
        ("2025-12-02T04:00:00.000000+01:00", 4),  # light
        ("2025-12-02T06:35:00.000000+01:00", 1),  # awake until end_time
    ]
    return {
        "type": "sleep",
        "user": {"user_id": "6e1a8f2c-terra-user", "provider": "GARMIN", "reference_id": user_id},
        "data": [
            {
                "metadata": {
                    "start_time": "2025-12-01T23:10:00.000000+01:00",
                    "end_time": "2025-12-02T06:45:00.000000+01:00",
                    "is_nap": False,
                    "upload_type": 1,
                    "summary_id": "x-1",
                },
                "sleep_durations_data": {
                    "asleep": {"duration_asleep_state_seconds": 26400},
                    "awake": {"duration_awake_state_seconds": 1500},
                    "hypnogram_samples": [{"timestamp": t, "level": lv} for t, lv in samples],
                },
            }
        ],
        "version": "2022-03-16",
    }


def signed(
    payload: dict[str, Any], *, at: float | None = None, secret: str = SECRET
) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload).encode()
    header = sign(secret, body, int(at if at is not None else time.time()))
    return body, {"terra-signature": header, "Content-Type": "application/json"}


async def post(client: httpx.AsyncClient, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
    body, headers = signed(payload, **kwargs)
    return await client.post(URL, content=body, headers=headers)


@pytest.fixture(scope="module")
async def terra_client(
    ctx: AppContext, test_settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a Terra signing secret configured (the shared context otherwise)."""
    connectors = ConnectorSettings(terra_signing_secret=SecretStr(SECRET))
    settings = test_settings.model_copy(update={"connectors": connectors})
    app = create_app(settings, ctx=dataclasses.replace(ctx, settings=settings))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            yield c


@pytest.fixture
async def user(
    terra_client: httpx.AsyncClient, ctx: AppContext
) -> AsyncIterator[tuple[str, dict[str, str]]]:
    """A registered user: (id, bearer headers); wearable rows removed afterwards."""
    headers, user_id = await register(terra_client, "terra")
    yield user_id, headers
    async with ctx.db.engine.begin() as conn:
        for table in (*TABLES, "webhook_events"):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user_id})


async def test_signed_daily_and_sleep_are_stored_and_visible(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, headers = user
    daily = await post(terra_client, daily_payload(user_id))
    assert daily.status_code == 200, daily.text
    assert daily.json() == {
        "status": "stored",
        "type": "daily",
        "records": 7,
        "inserted": 7,
        "updated": 0,
        "reason": None,
    }
    night = await post(terra_client, sleep_payload(user_id))
    assert night.status_code == 200 and night.json()["inserted"] == 1

    days = await terra_client.get(
        "/v1/activity/daily",
        params={"from": "2025-12-02", "to": "2025-12-02", "timezone": "Europe/Paris"},
        headers=headers,
    )
    assert days.status_code == 200, days.text
    (day,) = days.json()
    assert day["steps"] == 10123 and day["distance_m"] == 7421.5 and day["flights"] == 6
    assert day["total_energy_kcal"] == 2412 and day["basal_energy_kcal"] == 1640
    assert day["active_energy_kcal"] == 772 and day["resting_hr_bpm"] == 54
    assert day["basis"]["steps"] == "daily total: garmin_fit: garmin / terra"
    # 23:25 -> 06:35 asleep (light, deep, light, REM, light), the awake stretches excluded
    assert day["sleep_minutes"] == 7 * 60 + 10


async def test_duplicate_delivery_changes_nothing(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, _ = user
    payload = daily_payload(user_id)
    first = await post(terra_client, payload)
    assert first.json()["status"] == "stored"
    stored = await wearable_row_counts(ctx, user_id)
    retry = await post(terra_client, payload, at=time.time() + 5)  # Terra's retry: new t
    assert retry.status_code == 200 and retry.json()["status"] == "duplicate"
    assert await wearable_row_counts(ctx, user_id) == stored
    async with ctx.db.engine.connect() as conn:
        events = (
            await conn.execute(
                text("SELECT provider, event_type FROM webhook_events WHERE user_id = :u"),
                {"u": user_id},
            )
        ).all()
    assert [tuple(e) for e in events] == [("terra", "daily")]


async def test_revised_day_updates_the_stored_total(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, headers = user
    await post(terra_client, daily_payload(user_id, steps=4000))
    later = await post(terra_client, daily_payload(user_id, steps=11500))
    assert later.json()["status"] == "stored"
    assert (later.json()["inserted"], later.json()["updated"]) == (0, 1)
    days = await terra_client.get(
        "/v1/activity/daily",
        params={"from": "2025-12-02", "to": "2025-12-02", "timezone": "Europe/Paris"},
        headers=headers,
    )
    assert days.json()[0]["steps"] == 11500


async def test_bad_signature_is_401_and_stores_nothing(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, _ = user
    body, headers = signed(daily_payload(user_id), secret="not-the-secret")
    response = await terra_client.post(URL, content=body, headers=headers)
    assert response.status_code == 401
    assert "does not match" in response.json()["detail"]
    tampered_body, good = signed(daily_payload(user_id))
    tampered = await terra_client.post(
        URL, content=tampered_body.replace(b"10123", b"99999"), headers=good
    )
    assert tampered.status_code == 401
    missing = await terra_client.post(URL, content=tampered_body)
    assert missing.status_code == 401 and "missing" in missing.json()["detail"]
    assert sum((await wearable_row_counts(ctx, user_id)).values()) == 0


async def test_stale_timestamp_is_401_replay(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, _ = user
    response = await post(terra_client, daily_payload(user_id), at=time.time() - 301)
    assert response.status_code == 401
    assert "tolerance 300 s" in response.json()["detail"]
    assert sum((await wearable_row_counts(ctx, user_id)).values()) == 0


async def test_unhandled_types_are_acknowledged_and_ignored(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]], ctx: AppContext
) -> None:
    user_id, _ = user
    for kind in ("healthcheck", "auth", "activity"):
        payload: dict[str, Any] = {
            "type": kind,
            "user": {"reference_id": user_id},
            "data": [],
            "status": "success",
        }
        response = await post(terra_client, payload)
        assert response.status_code == 200
        assert response.json()["status"] == "ignored" and response.json()["type"] == kind
    no_user = daily_payload(None)
    response = await post(terra_client, no_user)
    assert response.json() == {
        "status": "ignored",
        "type": "daily",
        "records": 0,
        "inserted": 0,
        "updated": 0,
        "reason": "no user.reference_id",
    }
    too_long = await post(terra_client, daily_payload("x" * 65))  # not one of our user ids
    assert too_long.json()["status"] == "ignored"


async def test_malformed_bodies_are_client_errors(
    terra_client: httpx.AsyncClient, user: tuple[str, dict[str, str]]
) -> None:
    user_id, _ = user
    body = b"[1, 2"
    response = await terra_client.post(
        URL, content=body, headers={"terra-signature": sign(SECRET, body, int(time.time()))}
    )
    assert response.status_code == 400
    broken = daily_payload(user_id)
    del broken["data"][0]["metadata"]
    response = await post(terra_client, broken)
    assert response.status_code == 422 and "metadata" in response.json()["detail"]
    for odd in (
        {"type": "daily", "user": "x", "data": []},
        {"type": "sleep", "data": {"metadata": {}}},
    ):
        response = await post(terra_client, odd)
        assert response.status_code == 422, response.text


async def test_missing_secret_is_503(client: httpx.AsyncClient) -> None:
    body, headers = signed({"type": "healthcheck"})
    response = await client.post(URL, content=body, headers=headers)
    assert response.status_code == 503
    assert "NUTRI_CONNECTORS__TERRA_SIGNING_SECRET" in response.json()["detail"]


def test_secret_and_tolerance_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUTRI_CONNECTORS__TERRA_SIGNING_SECRET", "from-env")
    monkeypatch.setenv("NUTRI_CONNECTORS__WEBHOOK_TOLERANCE_S", "60")
    connectors = Settings().connectors
    assert connectors.terra_signing_secret is not None
    assert connectors.terra_signing_secret.get_secret_value() == "from-env"
    assert connectors.webhook_tolerance_s == 60


def test_signature_matches_terra_format_and_rotated_secrets() -> None:
    body = b'{"type":"daily"}'
    mac = hmac.new(SECRET.encode(), b"1723808700." + body, hashlib.sha256).hexdigest()
    assert sign(SECRET, body, 1723808700) == f"t=1723808700,v1={mac}"
    rotated = f"t=1723808700,v1={'0' * 64},v1={mac}"
    assert verify_signature(rotated, body, SECRET, now=1723808710) == 1723808700
    with pytest.raises(SignatureError, match="tolerance"):
        verify_signature(rotated, body, SECRET, now=1723808700 - 10_000)  # future-dated too
    with pytest.raises(SignatureError, match="malformed"):
        verify_signature("t=abc,v1=00", body, SECRET, now=0)
