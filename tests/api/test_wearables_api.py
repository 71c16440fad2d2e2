import asyncio
import csv
import uuid
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text

from api.app import create_app
from api.routes.wearables import get_wearable_user

pytestmark = pytest.mark.db

TREND = "com.samsung.shealth.step_daily_trend.20251215221761.csv"
FINAL = {"succeeded", "failed"}


@pytest.fixture
async def user_client(ctx, test_settings):
    """The app with the wearable user overridden by a fresh id (cleaned up after)."""
    user = f"test-{uuid.uuid4()}"
    app = create_app(test_settings, ctx=ctx)
    app.dependency_overrides[get_wearable_user] = lambda: user
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            yield c
    async with ctx.db.engine.begin() as conn:
        for table in (
            "wearable_samples",
            "wearable_sleep",
            "wearable_workouts",
            "wearable_daily",
            "wearable_imports",
        ):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user})


async def upload(client, path, timezone="UTC", name=None):
    files = {"file": (name or path.name, path.read_bytes(), "application/octet-stream")}
    return await client.post("/v1/wearables/import", params={"timezone": timezone}, files=files)


async def wait_for(client, url):
    for _ in range(100):
        body = (await client.get(url)).json()
        if body["status"] in FINAL:
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"import still {body['status']}")


async def test_upload_round_trip(user_client, shared_dir):
    path = shared_dir / "wearables/samsung-health" / TREND
    accepted = await upload(user_client, path, "America/Sao_Paulo")
    assert accepted.status_code == 202
    body = accepted.json()
    assert body["status"] == "queued"
    status = await wait_for(user_client, body["status_url"])
    assert status["status"] == "succeeded", status
    assert status["filename"] == TREND and status["format"] == "samsung_health"
    assert status["summary"]["records"]["daily_summaries"] > 0
    assert status["progress"]["phase"] == "done"

    with path.open(encoding="utf-8-sig", newline="") as fh:
        fh.readline()
        midnight_ms = str(int(datetime(2025, 12, 13, tzinfo=UTC).timestamp() * 1000))
        (expected,) = [
            int(r["count"])
            for r in csv.DictReader(fh)
            if r["source_type"] == "-2" and r["day_time"] == midnight_ms
        ]
    days = await user_client.get(
        "/v1/activity/daily", params={"from": "2025-12-12", "to": "2025-12-13"}
    )
    assert days.status_code == 200
    rows = days.json()
    assert [r["day"] for r in rows] == ["2025-12-12", "2025-12-13"]
    assert rows[1]["steps"] == expected == 7583
    assert rows[1]["basis"]["steps"].startswith("daily total")

    again = await wait_for(user_client, (await upload(user_client, path)).json()["status_url"])
    assert again["status"] == "succeeded" and again["progress"]["records_inserted"] == 0
    assert (
        await user_client.get(
            "/v1/activity/daily", params={"from": "2025-12-12", "to": "2025-12-13"}
        )
    ).json() == rows


async def test_corrupt_upload_fails_and_stores_nothing(user_client, shared_dir):
    data = bytearray((shared_dir / "wearables/fit/garmin-fenix-5-run.fit").read_bytes())
    data[len(data) // 2] ^= 0xFF
    files = {"file": ("run.fit", bytes(data), "application/octet-stream")}
    accepted = await user_client.post("/v1/wearables/import", files=files)
    status = await wait_for(user_client, accepted.json()["status_url"])
    assert status["status"] == "failed"
    assert "corrupt FIT file" in status["errors"][0]
    days = await user_client.get(
        "/v1/activity/daily", params={"from": "2017-06-11", "to": "2017-06-11"}
    )
    assert days.json()[0]["workouts"] == 0 and days.json()[0]["basis"] == {}


async def test_upload_over_the_limit_is_413(user_client, shared_dir, monkeypatch):
    monkeypatch.setenv("NUTRI_WEARABLES_MAX_UPLOAD_BYTES", "1000")
    answer = await upload(user_client, shared_dir / "wearables/fit/garmin-fenix-5-run.fit")
    assert answer.status_code == 413
    assert answer.json()["detail"] == "upload exceeds 1,000 bytes"


async def test_bad_uploads_are_rejected(user_client):
    no_file = await user_client.post("/v1/wearables/import", files={"other": ("a.txt", b"x")})
    assert no_file.status_code == 422
    not_multipart = await user_client.post("/v1/wearables/import", content=b"raw")
    assert not_multipart.status_code == 415
    bad_tz = await user_client.post(
        "/v1/wearables/import", params={"timezone": "Mars/X"}, files={"file": ("a.fit", b"x")}
    )
    assert bad_tz.status_code == 422


async def test_wearable_routes_require_sign_in(client):
    for method, url in (
        ("GET", "/v1/activity/daily?from=2025-01-01&to=2025-01-02"),
        ("GET", f"/v1/wearables/imports/{uuid.uuid4()}"),
        ("POST", "/v1/wearables/import"),
    ):
        assert (await client.request(method, url)).status_code == 401


async def test_unknown_import_and_bad_range(user_client):
    client = user_client
    missing = await client.get(f"/v1/wearables/imports/{uuid.uuid4()}")
    assert missing.status_code == 404
    backwards = await client.get(
        "/v1/activity/daily", params={"from": "2025-01-02", "to": "2025-01-01"}
    )
    assert backwards.status_code == 422
    too_long = await client.get(
        "/v1/activity/daily", params={"from": "2024-01-01", "to": "2025-06-01"}
    )
    assert too_long.status_code == 422


async def test_openapi_documents_the_upload(client):
    spec = (await client.get("/openapi.json")).json()
    body = spec["paths"]["/v1/wearables/import"]["post"]["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    assert schema["required"] == ["file"] and schema["properties"]["file"]["format"] == "binary"
    assert "/v1/activity/daily" in spec["paths"]
