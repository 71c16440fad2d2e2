"""Import wearable exports into PostgreSQL, idempotently, one transaction per import.

Parsed chunks are ``COPY``-ed straight into the tables; a chunk holding a key already
stored (a re-import, an overlapping export) goes through a temp staging table and
``INSERT … ON CONFLICT (user_id, dedupe_key) DO NOTHING`` instead. So a re-import inserts
nothing, and a corrupt file rolls everything back. A worker thread parses and builds the
next chunk while the server stores the current one, so Python and PostgreSQL work side
by side; at most two chunks are held, so memory stays flat whatever the file size. The
``wearable_imports`` row is updated in separate short transactions, so status and
progress show meanwhile.
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
    SourceInfo,
    WearableFormatError,
    Workout,
    ZipLimits,
    parse_path,
)
from agents.wearables.priority import source_label
from store import wearables_models as m
from store.database import Database

DEFAULT_USER = "local"
CHUNK = 20_000  # records per COPY; at most two chunks are held at a time
ACTIVITY_LENGTH = 64  # the workouts.activity column; longer exported names are cut, not refused
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

    _seen: set[tuple[str, str | None, str | None]] = field(
        default_factory=set, init=False, repr=False, compare=False
    )

    def add(self, record: Record) -> None:
        """Count one parsed record, its source and its local day."""
        self.records[RECORD_TYPES[type(record)]] += 1
        self.add_source(record.source)
        if isinstance(record, DailySummary):
            self.days.add(record.day)
        else:
            moment = record.end if isinstance(record, SleepSession) else record.start
            self.days.add(moment.astimezone(self.tz).date())

    def add_source(self, source: SourceInfo) -> None:
        """Note a record's source (a parser makes many equal ``SourceInfo`` objects)."""
        key = (source.provider, source.device, source.app)
        if key not in self._seen:
            self._seen.add(key)
            self.sources.add(source_label(source))

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


def row_of(record: Record, user_id: str, import_id: uuid.UUID | str | None) -> tuple[Any, ...]:
    """The table row of a record, in :data:`COLUMNS` order."""
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
            record.activity[:ACTIVITY_LENGTH],
            record.start,
            record.end,
            record.energy_kcal,
            record.distance_m,
            record.avg_hr,
        )
    return (*head, record.day, record.kind, record.value)


def chunk_rows(
    records: Iterator[Record],
    summary: ImportSummary,
    user_id: str,
    import_id: uuid.UUID | str | None,
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for the next :data:`CHUNK` records, counted into ``summary``.

    A key repeated within the chunk keeps its first row, as ``ON CONFLICT DO NOTHING``
    would. Samples are most of any export, so their work is inlined here.
    """
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
    samples, seen, count = rows["wearable_samples"], set(), 0
    days, tz, last_source = summary.days, summary.tz, None
    for record in islice(records, CHUNK):
        if record.__class__ is not Sample:
            summary.add(record)
            row = row_of(record, user_id, import_id)
            if row[1] not in seen:
                seen.add(row[1])
                rows[TABLE_OF[type(record)]].append(row)
            continue
        count += 1
        s, start = record.source, record.start
        if s is not last_source:
            last_source = s
            summary.add_source(s)
        days.add(start.astimezone(tz).date())
        key = record.dedupe_key()
        if key in seen:
            continue
        seen.add(key)
        provider, device, app = s.provider, s.device, s.app
        kind, end, value = record.kind, record.end, record.value
        samples.append((user_id, key, provider, device, app, import_id, kind, start, end, value))
    summary.records["samples"] += count
    return rows


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
    """Store chunk after chunk while a worker thread builds the next one."""
    writer, reported = _Writer(pg), time.monotonic()
    import_key = str(import_id)  # rows of str, float and datetime only: the GC skips them

    def parse_ahead() -> asyncio.Future[dict[str, list[tuple[Any, ...]]]]:
        return asyncio.ensure_future(
            asyncio.to_thread(chunk_rows, records, summary, user_id, import_key)
        )

    pending = parse_ahead()
    try:
        while any((rows := await pending).values()):
            pending = parse_ahead()
            for table, table_rows in rows.items():
                if table_rows:
                    summary.inserted += await writer.write(table, table_rows)
            if time.monotonic() - reported > 1.0:
                reported = time.monotonic()
                await update_import(db, import_id, progress=summary.progress("importing"))
    finally:  # a failed store must not leave the parser running past the transaction
        if not pending.done():
            await asyncio.wait([pending])
        if not pending.cancelled():
            pending.exception()  # retrieved: a parse error after a store error is not "lost"


class _Writer:
    """Stores chunks: COPY straight into the table while no key clashes, else via staging.

    A straight COPY runs in a savepoint; a key already stored (a re-import, an overlap
    with an earlier import) fails it, and the chunk goes through a temp staging table
    and ``INSERT … ON CONFLICT DO NOTHING`` instead, as do the next chunks until one
    inserts all its rows. Either way the import stays one transaction.
    """

    def __init__(self, pg: asyncpg.Connection) -> None:
        self.pg = pg
        self.straight = dict.fromkeys(COLUMNS, True)
        self.staged: set[str] = set()

    async def write(self, table: str, rows: Sequence[tuple[Any, ...]]) -> int:
        """Store ``rows`` (keys distinct) in ``table``; return how many were new."""
        if self.straight[table]:
            try:
                async with self.pg.transaction():
                    status = await self.pg.copy_records_to_table(
                        table, records=rows, columns=COLUMNS[table]
                    )
                return _count(status)
            except asyncpg.UniqueViolationError:
                pass
        inserted = await self._merge(table, rows)
        self.straight[table] = inserted == len(rows)
        return inserted

    async def _merge(self, table: str, rows: Sequence[tuple[Any, ...]]) -> int:
        """COPY into the staging table, insert the rows whose keys are new."""
        stage, cols = f"_stage_{table}", ", ".join(COLUMNS[table])
        if table not in self.staged:
            await self.pg.execute(f"CREATE TEMP TABLE {stage} (LIKE {table}) ON COMMIT DROP")
            self.staged.add(table)
        await self.pg.copy_records_to_table(stage, records=rows, columns=COLUMNS[table])
        status = await self.pg.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {stage} "
            "ON CONFLICT (user_id, dedupe_key) DO NOTHING"
        )
        await self.pg.execute(f"TRUNCATE {stage}")
        return _count(status)


def _count(status: str) -> int:
    """Rows affected, from a command tag such as ``COPY 5000`` or ``INSERT 0 12``."""
    return int(status.rsplit(" ", 1)[-1])
