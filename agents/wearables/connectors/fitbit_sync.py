"""Pull a date range from the Fitbit Web API into the user's stored wearable records.

Order keeps the request count low (Fitbit allows 150 an hour per user): the profile (for
the time zone), heart rate and sleep as ranges (chunked to Fitbit's maxima), then one
daily summary per day. Each batch is stored as soon as it arrives, so a sync stopped by
the rate limit keeps what it got, and running it again is harmless (see
:func:`store.wearables_ingest.store_records`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from agents.wearables.connectors import fitbit_api_records as api
from agents.wearables.connectors.fitbit_client import FitbitClient, RateLimit, TokenSaver
from agents.wearables.connectors.fitbit_oauth import FitbitApp, Tokens
from agents.wearables.records import Record
from store.connector_grants import load_connection, save_connection
from store.database import Database
from store.token_crypto import TokenCipher
from store.wearables_ingest import store_records
from store.wearables_rows import ImportSummary

PROVIDER = "fitbit"
SLEEP_MAX_DAYS = 100
HEART_MAX_DAYS = 365
MAX_SYNC_DAYS = 366


@dataclass(slots=True)
class SyncSummary:
    """What a sync read and changed; ``as_json()`` is a reportable document."""

    user_id: str
    start: date
    end: date
    found: ImportSummary
    inserted: int = 0
    updated: int = 0
    requests: int = 0
    rate_limit: RateLimit | None = None
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Found records (as an import summary) plus inserted/updated and quota left."""
        return {
            **self.found.as_json(),
            "user_id": self.user_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "inserted": self.inserted,
            "updated": self.updated,
            "requests": self.requests,
            "rate_limit_remaining": self.rate_limit.remaining if self.rate_limit else None,
            "notes": list(self.notes),
        }


def profile_timezone(profile: dict[str, Any]) -> tzinfo:
    """The user's zone from ``user.timezone``, else the fixed ``offsetFromUTCMillis``."""
    user = profile.get("user") or {}
    try:
        return ZoneInfo(str(user["timezone"]))
    except (KeyError, ZoneInfoNotFoundError, ValueError):
        millis = int(user.get("offsetFromUTCMillis") or 0)
        return timezone(timedelta(milliseconds=millis))


def _chunks(start: date, end: date, days: int) -> Iterator[tuple[date, date]]:
    while start <= end:
        last = min(end, start + timedelta(days=days - 1))
        yield start, last
        start = last + timedelta(days=1)


async def sync_fitbit(
    client: FitbitClient,
    db: Database,
    user_id: str,
    start: date,
    end: date,
    *,
    intraday: bool = False,
) -> SyncSummary:
    """Fetch ``start``..``end`` (inclusive, the user's local days) and store it.

    Raises:
        ValueError: an empty or over-long range.
        FitbitRateLimited: the quota ran out; what was fetched before is stored.
        FitbitAPIError, FitbitAuthError: Fitbit refused; likewise.
    """
    if end < start or (end - start).days >= MAX_SYNC_DAYS:
        raise ValueError(f"end must be on or after start, at most {MAX_SYNC_DAYS} days")
    tz = profile_timezone(await client.profile())
    summary = SyncSummary(user_id, start, end, ImportSummary("fitbit_web_api", tz))

    async def keep(records: list[Record]) -> None:
        for record in records:
            summary.found.add(record)
        result = await store_records(db, user_id, records)
        summary.inserted += result.inserted
        summary.updated += result.updated

    try:
        for first, last in _chunks(start, end, HEART_MAX_DAYS):
            await keep(api.heart_records(await client.heart_range(first, last)))
        for first, last in _chunks(start, end, SLEEP_MAX_DAYS):
            await keep(api.sleep_records(await client.sleep_range(first, last), tz))
        for day, _ in _chunks(start, end, 1):
            records = api.activity_records(day, await client.daily_activity(day))
            if intraday:
                records += api.intraday_step_records(day, await client.intraday_steps(day), tz)
            await keep(records)
    finally:
        summary.requests, summary.rate_limit = client.requests, client.rate_limit
    return summary


async def connected_client(
    db: Database,
    http: httpx.AsyncClient,
    app: FitbitApp,
    user_id: str,
    *,
    cipher: TokenCipher | None = None,
    **options: Any,
) -> FitbitClient | None:
    """A client on the user's stored grant that stores every refreshed token pair.

    ``cipher`` opens and seals the stored tokens (default: the process's, from settings);
    ``options`` go to :class:`FitbitClient` (``sleep``, ``clock``, ``max_wait_s``, …).
    """
    row = await load_connection(db, user_id, PROVIDER, cipher=cipher)
    if row is None:
        return None
    tokens = Tokens(
        row.access_token,
        row.refresh_token,
        row.expires_at,
        tuple(row.scopes.split()),
        row.external_user_id,
    )
    saver = token_saver(db, user_id, cipher)
    return FitbitClient(http, app, tokens, on_tokens=saver, **options)


def token_saver(db: Database, user_id: str, cipher: TokenCipher | None = None) -> TokenSaver:
    """The ``on_tokens`` callback persisting a (new) token pair for ``user_id``, sealed."""

    async def save(tokens: Tokens) -> None:
        await save_connection(
            db,
            user_id,
            PROVIDER,
            access_token=tokens.access_token,
            refresh_token=tokens.refresh_token,
            expires_at=tokens.expires_at,
            scopes=tokens.scopes,
            external_user_id=tokens.user_id,
            cipher=cipher,
        )

    return save
