import shutil
import subprocess
import time
import uuid

import httpx
import pytest
from redis.asyncio import Redis

from api.app import create_app
from api.ratelimit import Bucket, MemoryLimiter, RedisLimiter

pytestmark = pytest.mark.db


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def redis_socket(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    folder = tmp_path_factory.mktemp("redis")
    socket = folder / "redis.sock"
    server = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not socket.exists():
        assert time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.05)
    yield str(socket)
    server.terminate()
    server.wait(timeout=10)


async def test_memory_bucket_refills_with_time() -> None:
    clock = FakeClock()
    limiter = MemoryLimiter(clock)
    bucket = Bucket(capacity=2, per_second=0.5)
    assert (await limiter.take("a", bucket)).allowed
    assert (await limiter.take("a", bucket)).allowed
    denied = await limiter.take("a", bucket)
    assert not denied.allowed and denied.retry_after_s == pytest.approx(2.0)
    assert (await limiter.take("b", bucket)).allowed  # other callers are unaffected
    clock.now += 1.0
    assert (await limiter.take("a", bucket)).retry_after_s == pytest.approx(1.0)
    clock.now += 1.0
    assert (await limiter.take("a", bucket)).allowed
    clock.now += 3600
    assert (await limiter.take("a", bucket)).remaining == pytest.approx(1.0)  # capped at capacity


async def test_redis_bucket_matches_the_memory_one(redis_socket) -> None:
    client = Redis.from_url(f"unix://{redis_socket}")
    try:
        limiter = RedisLimiter(client, prefix=f"test:{uuid.uuid4().hex}:")
        bucket = Bucket(capacity=2, per_second=0.5)
        assert (await limiter.take("a", bucket)).allowed
        assert (await limiter.take("a", bucket)).allowed
        denied = await limiter.take("a", bucket)
        assert not denied.allowed
        assert 1.9 < denied.retry_after_s <= 2.0
        assert (await limiter.take("b", bucket)).allowed
        ttl = await client.pttl(f"{limiter._prefix}a")
        assert 0 < ttl <= 5000
    finally:
        await client.aclose()


async def test_redis_outage_lets_requests_pass(tmp_path) -> None:
    client = Redis.from_url(f"unix://{tmp_path / 'nothing.sock'}")
    try:
        decision = await RedisLimiter(client).take("a", Bucket(1, 1.0))
        assert decision.allowed
    finally:
        await client.aclose()


@pytest.fixture(params=["memory", "redis"])
async def limited_client(request, monkeypatch, ctx, test_settings):
    monkeypatch.setenv("NUTRI_RATE__USER_CAPACITY", "2")
    monkeypatch.setenv("NUTRI_RATE__USER_PER_MINUTE", "1")
    monkeypatch.delenv("REDIS_URL", raising=False)
    prefix = f"test:{uuid.uuid4().hex}:"
    if request.param == "redis":
        socket = request.getfixturevalue("redis_socket")
        monkeypatch.setenv("REDIS_URL", f"unix://{socket}")
        monkeypatch.setenv("NUTRI_RATE__REDIS_PREFIX", prefix)
    app = create_app(test_settings, ctx=ctx)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
    if request.param == "redis":  # the buckets really lived in Redis
        redis = Redis.from_url(f"unix://{socket}")
        keys = await redis.keys(f"{prefix}*")
        await redis.aclose()
        assert any(k.startswith(f"{prefix}user:".encode()) for k in keys)


async def signed_in(client) -> dict[str, str]:
    email = f"limit-{uuid.uuid4().hex[:12]}@example.com"
    response = await client.post(
        "/v1/auth/register", json={"email": email, "password": "long enough pw"}
    )
    assert response.status_code == 201
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_per_user_limit_answers_429_with_retry_after(limited_client) -> None:
    alice, bob = await signed_in(limited_client), await signed_in(limited_client)
    for _ in range(2):
        assert (await limited_client.get("/v1/meals", headers=alice)).status_code == 200
    limited = await limited_client.get("/v1/meals", headers=alice)
    assert limited.status_code == 429
    assert 55 <= int(limited.headers["retry-after"]) <= 60  # one token per minute
    assert "rate limit" in limited.json()["detail"]
    assert limited.headers["x-request-id"]
    assert (await limited_client.get("/v1/meals", headers=bob)).status_code == 200


async def test_anonymous_callers_are_limited_by_address(monkeypatch, ctx, test_settings) -> None:
    monkeypatch.setenv("NUTRI_RATE__ANONYMOUS_CAPACITY", "1")
    monkeypatch.setenv("NUTRI_RATE__ANONYMOUS_PER_MINUTE", "0.5")
    monkeypatch.delenv("REDIS_URL", raising=False)
    app = create_app(test_settings, ctx=ctx)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("10.0.0.1", 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.get("/health")).status_code == 200
            second = await client.get("/health")
            assert second.status_code == 429 and second.headers["retry-after"] == "120"
