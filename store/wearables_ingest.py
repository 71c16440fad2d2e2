"""Store records that arrive live (API sync, webhooks), idempotently, in one transaction.

Unlike a file import, a live source revises what it sent: today's step total grows until
midnight, and a night's stages are re-scored. Rows keep their ``dedupe_key`` identity, so
daily values and sleep stages are *updated* when they changed and left alone otherwise;
samples and workouts (whose keys include their values) are inserted once. Sending the
same records again therefore changes nothing. A webhook delivery can be claimed in the
same transaction (``event=``): a second delivery of it stores nothing.
OAuth grants live in :mod:`store.connector_grants` (re-exported here for older callers).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, delete, literal_column, or_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from agents.wearables.records import Record
from store import wearables_models as m
from store.connector_grants import load_connection as load_connection
from store.connector_grants import save_connection as save_connection
from store.connector_models import WebhookEvent
from store.database import Database
from store.wearables_rows import COLUMNS, TABLE_OF, row_of

CHUNK = 1000  # rows per INSERT: 10 columns x 1000 stays under asyncpg's 32767 parameters
MODELS: dict[str, Any] = {
    "wearable_samples": m.WearableSample,
    "wearable_sleep": m.WearableSleep,
    "wearable_workouts": m.WearableWorkout,
    "wearable_daily": m.WearableDaily,
}
REVISABLE = {"wearable_daily": ("value",), "wearable_sleep": ("stages",)}


@dataclass(frozen=True, slots=True)
class EventKey:
    """A webhook delivery's identity: provider and id (or body hash)."""

    provider: str
    event_id: str
    event_type: str | None = None


@dataclass(frozen=True, slots=True)
class IngestResult:
    """How many distinct records were given, inserted and updated; or a duplicate event."""

    records: int
    inserted: int
    updated: int
    duplicate: bool = False


async def store_records(
    db: Database, user_id: str, records: Iterable[Record], *, event: EventKey | None = None
) -> IngestResult:
    """Insert new records and update revised ones for ``user_id``, all or nothing."""
    rows = _rows(records, user_id)
    inserted = updated = 0
    async with db.engine.begin() as conn:
        if event is not None and not await _claim(conn, event, user_id):
            return IngestResult(0, 0, 0, duplicate=True)
        for table, table_rows in rows.items():
            for at in range(0, len(table_rows), CHUNK):
                new, changed = await _upsert(conn, table, table_rows[at : at + CHUNK])
                inserted, updated = inserted + new, updated + changed
    return IngestResult(sum(map(len, rows.values())), inserted, updated)


def _rows(records: Iterable[Record], user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Rows per table, one per dedupe key (the last record of a key wins)."""
    by_key: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in COLUMNS}
    for record in records:
        table = TABLE_OF[type(record)]
        row = dict(zip(COLUMNS[table], row_of(record, user_id, None), strict=True))
        if table == "wearable_sleep":
            row["stages"] = json.loads(row["stages"])  # row_of renders text for COPY
        by_key[table][row["dedupe_key"]] = row
    return {t: list(rows.values()) for t, rows in by_key.items() if rows}


async def _claim(conn: AsyncConnection, event: EventKey, user_id: str) -> bool:
    """Record the delivery; False when it was already processed (or is in flight)."""
    claimed = await conn.execute(
        pg_insert(WebhookEvent)
        .values(
            provider=event.provider,
            event_id=event.event_id,
            event_type=event.event_type,
            user_id=user_id,
        )
        .on_conflict_do_nothing(index_elements=["provider", "event_id"])
        .returning(WebhookEvent.event_id)
    )
    return claimed.first() is not None


async def _upsert(
    conn: AsyncConnection, table: str, rows: Sequence[dict[str, Any]]
) -> tuple[int, int]:
    """One multi-row INSERT … ON CONFLICT; returns (inserted, updated)."""
    target = MODELS[table].__table__
    stmt = pg_insert(target).values(list(rows))
    keys = ["user_id", "dedupe_key"]
    revisable = REVISABLE.get(table)
    if revisable:
        stmt = stmt.on_conflict_do_update(
            index_elements=keys,
            set_={c: stmt.excluded[c] for c in revisable},
            where=or_(*(target.c[c].is_distinct_from(stmt.excluded[c]) for c in revisable)),
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    fresh = literal_column("xmax = 0", Boolean).label("fresh")
    flags = [bool(f) for f in (await conn.execute(stmt.returning(fresh))).scalars()]
    return sum(flags), len(flags) - sum(flags)


async def prune_webhook_events(db: Database, before: datetime) -> int:
    """Forget deliveries received before ``before``; returns how many rows went."""
    async with db.engine.begin() as conn:
        result = await conn.execute(delete(WebhookEvent).where(WebhookEvent.received_at < before))
        return int(result.rowcount or 0)
