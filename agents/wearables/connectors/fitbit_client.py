"""Fitbit Web API client: bearer tokens kept fresh, rate limits and transient errors handled.

* The access token is refreshed shortly before it expires, and once more if Fitbit still
  answers 401 ``expired_token``; refreshes are serialised because refresh tokens are
  single-use (two concurrent refreshes would lock the user out).
* 429 answers carry ``Retry-After`` (seconds): the client waits when that is within
  ``max_wait_s``, else raises :class:`FitbitRateLimited` so a scheduler can come back later.
  ``Fitbit-Rate-Limit-*`` headers of every answer are kept in :attr:`rate_limit`.
* 5xx answers and network errors are retried with exponential backoff.

``sleep`` and ``clock`` are injectable so tests never wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from agents.wearables.connectors.fitbit_oauth import (
    FitbitApp,
    Tokens,
    fitbit_error,
    refresh_tokens,
)

API_BASE = "https://api.fitbit.com"
TokenSaver = Callable[[Tokens], Awaitable[None]]
Sleeper = Callable[[float], Awaitable[None]]


class FitbitAPIError(Exception):
    """A Fitbit answer we cannot use (``status`` and Fitbit's ``error_type``)."""

    def __init__(self, message: str, status: int | None = None, error_type: str | None = None):
        super().__init__(message)
        self.status = status
        self.error_type = error_type


class FitbitRateLimited(FitbitAPIError):
    """429 with a wait longer than allowed; retry after ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: float):
        super().__init__(f"Fitbit rate limit hit; retry in {retry_after_s:.0f} s", 429)
        self.retry_after_s = retry_after_s


@dataclass(frozen=True, slots=True)
class RateLimit:
    """The quota state Fitbit reported on its last answer."""

    limit: int | None
    remaining: int | None
    reset_s: int | None

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimit | None:
        """Read ``Fitbit-Rate-Limit-Limit/Remaining/Reset``; None when absent."""
        values = [_int(headers.get(f"Fitbit-Rate-Limit-{n}")) for n in ("Limit", "Remaining")]
        reset = _int(headers.get("Fitbit-Rate-Limit-Reset"))
        if values == [None, None] and reset is None:
            return None
        return cls(values[0], values[1], reset)


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None else None
    except ValueError:
        return None


def _json_object(response: httpx.Response, path: str) -> dict[str, Any]:
    """The answer's JSON object, or FitbitAPIError for anything else."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise FitbitAPIError(f"Fitbit answered {path} with something other than a JSON object")
    return body


def _utc_now() -> datetime:
    return datetime.now(UTC)


class FitbitClient:
    """Authenticated GETs on the Fitbit Web API for one user."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        app: FitbitApp,
        tokens: Tokens,
        *,
        on_tokens: TokenSaver | None = None,
        clock: Callable[[], datetime] = _utc_now,
        sleep: Sleeper = asyncio.sleep,
        max_wait_s: float = 60.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        refresh_margin: timedelta = timedelta(minutes=5),
    ):
        self._http, self._app, self._tokens = http, app, tokens
        self._on_tokens, self._clock, self._sleep = on_tokens, clock, sleep
        self._max_wait_s, self._max_retries, self._backoff_s = max_wait_s, max_retries, backoff_s
        self._margin = refresh_margin
        self._refreshing = asyncio.Lock()
        self.rate_limit: RateLimit | None = None
        self.requests = 0

    @property
    def tokens(self) -> Tokens:
        """The current token pair (changes after each refresh)."""
        return self._tokens

    async def get_json(self, path: str) -> dict[str, Any]:
        """GET ``API_BASE + path`` and return the JSON object.

        Raises:
            FitbitRateLimited: over quota for longer than ``max_wait_s``.
            FitbitAPIError: any other unusable answer, after the retries.
            FitbitAuthError: the refresh token was refused (the user must reconnect).
        """
        if self._tokens.expires_within(self._margin, self._clock()):
            await self._refresh(self._tokens)
        refreshed, attempt = False, 0
        while True:
            used = self._tokens
            try:
                response = await self._http.get(
                    API_BASE + path,
                    headers={"Authorization": f"Bearer {used.access_token}"},
                )
            except httpx.TransportError as exc:
                attempt = await self._backoff(attempt, FitbitAPIError(f"network error: {exc}"))
                continue
            self.requests += 1
            self.rate_limit = RateLimit.from_headers(response.headers) or self.rate_limit
            status = response.status_code
            if status == 200:
                return _json_object(response, path)
            error_type, message = fitbit_error(response)
            if status == 401 and error_type == "expired_token" and not refreshed:
                await self._refresh(used)
                refreshed = True
            elif status == 429:
                wait = self._retry_after(response, attempt)
                if wait > self._max_wait_s or attempt >= self._max_retries:
                    raise FitbitRateLimited(wait)
                await self._sleep(wait)
                attempt += 1
            elif status >= 500:
                error = FitbitAPIError(f"Fitbit {status} on {path}: {message}", status, error_type)
                attempt = await self._backoff(attempt, error)
            else:
                raise FitbitAPIError(f"Fitbit {status} on {path}: {message}", status, error_type)

    async def _backoff(self, attempt: int, error: FitbitAPIError) -> int:
        """Sleep before retry ``attempt + 1``, or raise ``error`` when retries are spent."""
        if attempt >= self._max_retries:
            raise error
        await self._sleep(self._backoff_s * 2.0**attempt)
        return attempt + 1

    def _retry_after(self, response: httpx.Response, attempt: int) -> float:
        """Seconds to wait: ``Retry-After``, else the quota reset, else the backoff."""
        for name in ("Retry-After", "Fitbit-Rate-Limit-Reset"):
            value = _int(response.headers.get(name))
            if value is not None:
                return float(max(value, 0))
        return self._backoff_s * 2.0**attempt

    async def _refresh(self, used: Tokens) -> None:
        """Refresh once even if several requests notice the expiry at the same time."""
        async with self._refreshing:
            if self._tokens is not used:  # someone else refreshed while we waited
                return
            fresh = await refresh_tokens(
                self._http, self._app, used.refresh_token, now=self._clock()
            )
            if self._on_tokens is not None:
                await self._on_tokens(fresh)  # persist first: the old refresh token is now dead
            self._tokens = fresh

    async def profile(self) -> dict[str, Any]:
        """``GET /1/user/-/profile.json`` (``user.timezone``, ``user.offsetFromUTCMillis``)."""
        return await self.get_json("/1/user/-/profile.json")

    async def daily_activity(self, day: date) -> dict[str, Any]:
        """``GET /1/user/-/activities/date/{day}.json``: the day's ``summary``."""
        return await self.get_json(f"/1/user/-/activities/date/{day.isoformat()}.json")

    async def heart_range(self, start: date, end: date) -> dict[str, Any]:
        """``GET /1/user/-/activities/heart/date/{start}/{end}.json`` (at most a year)."""
        return await self.get_json(
            f"/1/user/-/activities/heart/date/{start.isoformat()}/{end.isoformat()}.json"
        )

    async def sleep_range(self, start: date, end: date) -> dict[str, Any]:
        """``GET /1.2/user/-/sleep/date/{start}/{end}.json`` (at most 100 days)."""
        return await self.get_json(
            f"/1.2/user/-/sleep/date/{start.isoformat()}/{end.isoformat()}.json"
        )

    async def intraday_steps(self, day: date) -> dict[str, Any]:
        """``GET /1/user/-/activities/steps/date/{day}/1d/1min.json`` (needs intraday access)."""
        return await self.get_json(
            f"/1/user/-/activities/steps/date/{day.isoformat()}/1d/1min.json"
        )
