"""Per-caller token buckets: Redis when ``REDIS_URL`` is set, in-process otherwise.

Signed-in callers are keyed by the user id in their access token, everyone else by client
IP; an exhausted bucket answers 429 with ``Retry-After``. Redis makes the limit hold
across worker processes; when it is unreachable requests pass (availability first).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import AuthError, decode_access_token
from api.auth_settings import AuthSettings, RateLimitSettings, get_auth_settings

log = logging.getLogger(__name__)

_TAKE_SCRIPT = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, tostring(retry), tostring(tokens)}
"""


@dataclass(frozen=True, slots=True)
class Bucket:
    """A bucket's size and refill speed."""

    capacity: int
    per_second: float


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether one request may pass, and how long to wait when it may not."""

    allowed: bool
    retry_after_s: float
    remaining: float


class Limiter(Protocol):
    """Takes one token from the bucket named ``key``."""

    async def take(self, key: str, bucket: Bucket) -> Decision:
        """Spend a token if one is left."""
        ...


class MemoryLimiter:
    """Buckets in a dict; right for one process, and for tests with an injected clock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000):
        self._clock = clock
        self._max_keys = max_keys
        self._state: dict[str, tuple[float, float]] = {}

    async def take(self, key: str, bucket: Bucket) -> Decision:
        """Refill by elapsed time, then spend one token or report the wait."""
        now = self._clock()
        tokens, stamp = self._state.get(key, (float(bucket.capacity), now))
        tokens = min(bucket.capacity, tokens + max(0.0, now - stamp) * bucket.per_second)
        allowed = tokens >= 1.0
        tokens = tokens - 1.0 if allowed else tokens
        if len(self._state) >= self._max_keys and key not in self._state:
            self._state.clear()  # full buckets carry no information; bounded memory wins
        self._state[key] = (tokens, now)
        wait = 0.0 if allowed else (1.0 - tokens) / bucket.per_second
        return Decision(allowed, wait, tokens)


class RedisLimiter:
    """The same bucket kept in Redis and updated atomically by a Lua script."""

    def __init__(self, client: Redis, prefix: str = "nutri:rl:") -> None:
        self._client = client
        self._prefix = prefix
        self._script: Any = client.register_script(_TAKE_SCRIPT)

    async def take(self, key: str, bucket: Bucket) -> Decision:
        """Run the script on the server's clock; let the request pass if Redis fails."""
        try:
            allowed, retry, left = await self._script(
                keys=[self._prefix + key], args=[bucket.capacity, bucket.per_second]
            )
        except RedisError as exc:
            log.warning("rate limiter unavailable, letting request pass: %s", exc)
            return Decision(True, 0.0, float(bucket.capacity))
        return Decision(bool(int(allowed)), float(retry), float(left))


def build_limiter(settings: RateLimitSettings) -> Limiter:
    """Redis-backed when a URL is configured, in-process otherwise."""
    if settings.redis_url:
        return RedisLimiter(Redis.from_url(settings.redis_url), settings.redis_prefix)
    return MemoryLimiter()


class RateLimitMiddleware:
    """Answer 429 with ``Retry-After`` once a caller's bucket is empty."""

    def __init__(
        self,
        app: ASGIApp,
        settings: RateLimitSettings | None = None,
        auth: AuthSettings | None = None,
        limiter: Limiter | None = None,
    ) -> None:
        self.app = app
        self.settings = settings or RateLimitSettings()
        self.auth = auth or get_auth_settings()
        self.limiter = limiter or build_limiter(self.settings)
        s = self.settings
        self.user_bucket = Bucket(s.user_capacity, s.user_per_minute / 60.0)
        self.anonymous_bucket = Bucket(s.anonymous_capacity, s.anonymous_per_minute / 60.0)

    def identify(self, scope: Scope) -> tuple[str, Bucket, str | None]:
        """Bucket key, bucket and user id: the token's user if valid, else the client IP."""
        header = Headers(scope=scope).get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token:
            try:
                user_id = str(decode_access_token(token.strip(), self.auth))
                return f"user:{user_id}", self.user_bucket, user_id
            except AuthError:
                pass  # the route answers 401; meanwhile count it against the address
        client = scope.get("client")
        return f"ip:{client[0] if client else 'unknown'}", self.anonymous_bucket, None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Spend a token per HTTP request; pass lifespan and websocket traffic through."""
        if scope["type"] != "http" or not self.settings.enabled:
            await self.app(scope, receive, send)
            return
        key, bucket, user_id = self.identify(scope)
        if user_id is not None:
            scope.setdefault("state", {})["user_id"] = user_id
        decision = await self.limiter.take(key, bucket)
        if decision.allowed:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(decision.retry_after_s))
        response = JSONResponse(
            {"detail": f"rate limit exceeded; retry in {retry_after} s"},
            status_code=429,
            headers={"Retry-After": str(retry_after)},
        )
        await response(scope, receive, send)
