import json
import logging
import re
import uuid

import pytest

pytestmark = pytest.mark.db

ACCESS_LOGGER = "nutriprofile.access"


async def test_request_id_is_echoed_or_generated(client) -> None:
    echoed = await client.get("/health", headers={"X-Request-ID": "trace-123.abc"})
    assert echoed.headers["x-request-id"] == "trace-123.abc"
    generated = await client.get("/health")
    assert re.fullmatch(r"[0-9a-f]{32}", generated.headers["x-request-id"])
    unsafe = await client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", unsafe.headers["x-request-id"])
    too_long = await client.get("/health", headers={"X-Request-ID": "a" * 200})
    assert too_long.headers["x-request-id"] != "a" * 200


async def test_oversized_body_is_413_by_content_length(client) -> None:
    body = json.dumps({"text": "rice " * 250_000})  # > 1 MB
    response = await client.post(
        "/v1/meals", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "exceeds 1,000,000 bytes" in response.json()["detail"]
    assert response.headers["x-request-id"]


async def test_oversized_streamed_body_is_413(client) -> None:
    async def chunks():
        yield b'{"email": "a@example.com", "password": "'
        for _ in range(40):
            yield b"x" * 50_000
        yield b'"}'

    response = await client.post(
        "/v1/auth/register", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "request body exceeds 1,000,000 bytes"}


async def test_small_streamed_body_passes(client) -> None:
    async def chunks():
        yield b'{"email": "not-an-email", '
        yield b'"password": "long enough pw"}'

    response = await client.post(
        "/v1/auth/register", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422  # reached validation: the body was read whole


async def test_access_log_is_one_json_line_with_request_and_user(client, caplog) -> None:
    email = f"log-{uuid.uuid4().hex[:12]}@example.com"
    tokens = (
        await client.post("/v1/auth/register", json={"email": email, "password": "long enough"})
    ).json()
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    headers = {"Authorization": f"Bearer {tokens['access_token']}", "X-Request-ID": "log-test-1"}
    me = (await client.get("/v1/auth/me", headers=headers)).json()
    await client.get("/v1/meals/not-a-uuid", headers={"X-Request-ID": "log-test-2"})
    records = [json.loads(r.getMessage()) for r in caplog.records if r.name == ACCESS_LOGGER]
    by_id = {r["request_id"]: r for r in records}
    signed = by_id["log-test-1"]
    assert signed["user_id"] == me["id"]
    assert (signed["method"], signed["path"], signed["status"]) == ("GET", "/v1/auth/me", 200)
    assert signed["event"] == "http_request" and signed["latency_ms"] >= 0
    anonymous = by_id["log-test-2"]
    assert anonymous["user_id"] is None and anonymous["status"] == 401


async def test_wearable_upload_route_is_exempt_from_the_json_body_limit() -> None:
    from api.middleware import BodySizeLimitMiddleware

    seen: list[int] = []

    async def app(scope, receive, send) -> None:
        body = (await receive())["body"]
        seen.append(len(body))
        await send({"type": "http.response.start", "status": 202, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    limited = BodySizeLimitMiddleware(app, max_bytes=10, exempt_paths=("/v1/wearables/import",))
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"x" * 100, "more_body": False}

    async def send(message):
        sent.append(message)

    for path, status in (("/v1/wearables/import", 202), ("/v1/meals", 413)):
        sent.clear()
        scope = {
            "type": "http",
            "path": path,
            "method": "POST",
            "headers": [(b"content-length", b"100")],
        }
        await limited(scope, receive, send)
        assert sent[0]["status"] == status
    assert seen == [100]
