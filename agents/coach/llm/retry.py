"""Retry with exponential backoff for rate-limited or overloaded inference calls.

Hugging Face Inference Providers answer 429 (rate limit) and 503 (model loading or
overloaded) and usually say how long to wait in ``Retry-After`` (or the IETF ``RateLimit``
header). Waiting exactly that long is both polite and the fastest way to an answer; a wait
longer than the policy allows is treated as "give up here" so a fallback model can take over.
Sleep and clock are injected so tests never really wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

import httpx
from huggingface_hub.errors import HfHubHTTPError
from huggingface_hub.utils._http import parse_ratelimit_headers

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """How often, and how long between tries, one model is retried."""

    max_retries: int = 3
    base_delay_s: float = 1.0
    max_delay_s: float = 30.0
    retry_statuses: frozenset[int] = frozenset({429, 503})
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    sleep_sync: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time


def http_response(exc: BaseException) -> httpx.Response | None:
    """The HTTP response an inference error carries, if it came from one."""
    if isinstance(exc, HfHubHTTPError | httpx.HTTPStatusError):
        return exc.response
    return None


def http_status(exc: BaseException) -> int | None:
    """The HTTP status code behind an inference error, if any."""
    response = http_response(exc)
    return None if response is None else response.status_code


def server_wait_s(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the server asked the client to wait, from ``Retry-After`` or ``RateLimit``.

    Args:
        headers: Response headers (case-insensitive lookups are done here).
        now: Current Unix time, used when ``Retry-After`` is an HTTP date.

    Returns:
        The wait in seconds, or ``None`` when the server did not say.
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    value = lowered.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    if value:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - now)
        except (TypeError, ValueError):
            pass
    info = parse_ratelimit_headers(lowered)
    if info is not None and info.remaining == 0:
        return float(info.reset_in_seconds)
    return None


def backoff_s(policy: RetryPolicy, attempt: int, exc: BaseException) -> float | None:
    """Delay before the next try after failure number ``attempt`` (0-based), or ``None``.

    ``None`` means "do not retry": the error is not retryable, the retries are spent, or
    the server asked for a longer wait than the policy accepts.
    """
    response = http_response(exc)
    if response is None or response.status_code not in policy.retry_statuses:
        return None
    if attempt >= policy.max_retries:
        return None
    asked = server_wait_s(response.headers, policy.clock())
    if asked is None:
        return min(policy.base_delay_s * 2.0**attempt, policy.max_delay_s)
    return asked if asked <= policy.max_delay_s else None


async def aretry(call: Callable[[], Awaitable[T]], policy: RetryPolicy) -> T:
    """Await ``call()`` until it succeeds or :func:`backoff_s` says stop."""
    attempt = 0
    while True:
        try:
            return await call()
        except Exception as exc:
            delay = backoff_s(policy, attempt, exc)
            if delay is None:
                raise
        await policy.sleep(delay)
        attempt += 1


def retry(call: Callable[[], T], policy: RetryPolicy) -> T:
    """Blocking twin of :func:`aretry`."""
    attempt = 0
    while True:
        try:
            return call()
        except Exception as exc:
            delay = backoff_s(policy, attempt, exc)
            if delay is None:
                raise
        policy.sleep_sync(delay)
        attempt += 1


async def aretry_stream(
    open_stream: Callable[[], AsyncIterator[T]], policy: RetryPolicy
) -> AsyncIterator[T]:
    """Re-open a stream until its first item arrives; later failures propagate.

    A request is only safe to repeat before anything was handed to the caller, and a
    streamed chat completion fails (429/503) before its first chunk.
    """
    attempt = 0
    while True:
        stream = open_stream()
        try:
            first = await anext(stream)
        except StopAsyncIteration:
            return
        except Exception as exc:
            delay = backoff_s(policy, attempt, exc)
            if delay is None:
                raise
            await policy.sleep(delay)
            attempt += 1
            continue
        yield first
        async for item in stream:
            yield item
        return
