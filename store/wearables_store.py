"""Import wearable exports into PostgreSQL, idempotently, one transaction per import.

Parsed batches are ``COPY``-ed into temp staging tables, then moved with ``INSERT … ON
CONFLICT (user_id, dedupe_key) DO NOTHING``: a re-import inserts nothing and a corrupt
file rolls everything back. The ``wearable_imports`` row is updated in separate short
transactions, so status and progress show while the import runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from itertools import islice
from typing import Any

import asyncpg
from sqlalchemy import func, insert, update

from agents.wearables import (
    DailySummary,
    Record,
    Sample,
    SleepSession,
    WearableFormatError,
    Workout,
    ZipLimits,
    parse_path,
)
from agents.wearables.priority import source_label
from store import wearables_models as m
from store.database import Database

DEFAULT_USER = "local"
BATCH = 5000
RECORD_TYPES = {
    Sample: "samples",
    SleepSession: "sleep_sessions",
    Workout: "workouts",
    DailySummary: "daily_summaries",
}
_SOURCED = ("user_id", "dedupe_key", "provider", "device", "app", "import_id")
COLUMNS: dict[str, tuple[str, ...]] = {
    "wearable_samples": (*_SOURCED, "kind", "start_at", "end_at", "value"),
    "wearable_sleep": (*_SOURCED, "start_at", "end_at", "stages"),
    "wearable_workouts": (
        *_SOURCED,
        "activity",
        "start_at",
        "end_at",
        "energy_kcal",
        "distance_m",
        "avg_hr",
    ),
    "wearable_daily": (*_SOURCED, "day", "kind", "value"),
}
TABLE_OF = dict(zip(RECORD_TYPES, COLUMNS, strict=True))  # record type -> table


@dataclass(slots=True)
class ImportSummary:
    """What an import found; ``as_json()`` is the CLI's and API's summary document."""

    format: str
    tz: tzinfo
    sources: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES.values(), 0))
    inserted: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, record: Record) -> None:
        """Count one parsed record, its source and its local day."""
        self.records[RECORD_TYPES[type(record)]] += 1
        self.sources.add(source_label(record.source))
        if isinstance(record, DailySummary):
            self.days.add(record.day)
        else:
            moment = record.end if isinstance(record, SleepSession) else record.start
            self.days.add(moment.astimezone(self.tz).date())

    def as_json(self) -> dict[str, Any]:
        """``{"format", "sources", "days", "first_day", "last_day", "records", "errors"}``."""
        return {
            "format": self.format,
            "sources": sorted(self.sources),
            "days": len(self.days),
            "first_day": min(self.days).isoformat() if self.days else None,
            "last_day": max(self.days).isoformat() if self.days else None,
            "records": dict(self.records),
            "errors": list(self.errors),
        }

    def progress(self, phase: str) -> dict[str, Any]:
        """The import row's progress document."""
        return {
            "phase": phase,
            "records_read": sum(self.records.values()),
            "records_inserted": self.inserted,
        }


def row_of(record: Record, user_id: str, import_id: uuid.UUID | None) -> tuple[Any, ...]:
    """The staging-table row of a record, in :data:`COLUMNS` order."""
    s = record.source
    head = (user_id, record.dedupe_key(), s.provider, s.device, s.app, import_id)
    if isinstance(record, Sample):
        return (*head, record.kind, record.start, record.end, record.value)
    if isinstance(record, SleepSession):
        stages = [
            {"stage": st.stage, "start": st.start.isoformat(), "end": st.end.isoformat()}
            for st in record.stages
        ]
        return (*head, record.start, record.end, json.dumps(stages))
    if isinstance(record, Workout):
        return (
            *head,
            record.activity,
            record.start,
            record.end,
            record.energy_kcal,
            record.distance_m,
            record.avg_hr,
        )
    return (*head, record.day, record.kind, record.value)


async def create_import(db: Database, user_id: str, filename: str, tz_name: str) -> uuid.UUID:
    """Register a queued import and return its id."""
    import_id = uuid.uuid4()
    async with db.engine.begin() as conn:
        await conn.execute(
            insert(m.WearableImport).values(
                id=import_id,
                user_id=user_id,
                filename=filename,
                timezone=tz_name,
                status="queued",
                progress={"records_read": 0, "records_inserted": 0},
                errors=[],
            )
        )
    return import_id


async def update_import(db: Database, import_id: uuid.UUID, **values: Any) -> None:
    """Set columns of an import row in its own short transaction."""
    async with db.engine.begin() as conn:
        await conn.execute(
            update(m.WearableImport).where(m.WearableImport.id == import_id).values(**values)
        )


async def run_import(
    db: Database,
    import_id: uuid.UUID,
    path: str | os.PathLike[str],
    user_id: str,
    tz: tzinfo,
    limits: ZipLimits | None = None,
) -> ImportSummary:
    """Parse ``path`` and store every record in one transaction; the row tracks progress.

    Raises:
        WearableFormatError: the export is unsupported or corrupt; nothing was stored.
    """
    await update_import(db, import_id, status="running")
    try:
        parsed = await asyncio.to_thread(parse_path, path, limits)
        summary = ImportSummary(parsed.format, tz, errors=parsed.errors)
        await update_import(db, import_id, format=parsed.format)
        async with db.engine.connect() as conn:
            pg: asyncpg.Connection = (await conn.get_raw_connection()).driver_connection
            async with pg.transaction():
                await _copy_all(db, pg, parsed.records, summary, user_id, import_id)
    except Exception as exc:
        known = isinstance(exc, WearableFormatError)
        error = str(exc) if known else f"internal error: {type(exc).__name__}"
        await update_import(db, import_id, status="failed", errors=[error], finished_at=func.now())
        raise
    await update_import(
        db,
        import_id,
        status="succeeded",
        summary=summary.as_json(),
        errors=summary.errors,
        finished_at=func.now(),
        progress=summary.progress("done"),
    )
    return summary


async def _copy_all(
    db: Database,
    pg: asyncpg.Connection,
    records: Iterator[Record],
    summary: ImportSummary,
    user_id: str,
    import_id: uuid.UUID,
) -> None:
    """Stage batches with COPY and move them into the tables, reporting progress."""
    for table in COLUMNS:
        await pg.execute(f"CREATE TEMP TABLE _stage_{table} (LIKE {table}) ON COMMIT DROP")
    reported = time.monotonic()

    def next_rows() -> dict[str, list[tuple[Any, ...]]]:  # parsing + hashing: worker thread
        rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
        for record in islice(records, BATCH):
            summary.add(record)
            rows[TABLE_OF[type(record)]].append(row_of(record, user_id, import_id))
        return rows

    while any((rows := await asyncio.to_thread(next_rows)).values()):
        for table, table_rows in rows.items():
            if table_rows:
                summary.inserted += await _flush(pg, table, table_rows)
        if time.monotonic() - reported > 1.0:
            reported = time.monotonic()
            await update_import(db, import_id, progress=summary.progress("importing"))


async def _flush(pg: asyncpg.Connection, table: str, rows: Sequence[tuple[Any, ...]]) -> int:
    """COPY rows into the staging table, insert the new ones, return how many."""
    cols = ", ".join(COLUMNS[table])
    await pg.copy_records_to_table(f"_stage_{table}", records=rows, columns=COLUMNS[table])
    status = await pg.execute(
        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _stage_{table} "
        "ON CONFLICT (user_id, dedupe_key) DO NOTHING"
    )
    await pg.execute(f"TRUNCATE _stage_{table}")
    return int(status.rsplit(" ", 1)[-1])
