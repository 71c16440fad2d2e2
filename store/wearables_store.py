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
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import tzinfo
from typing import Any

import asyncpg
from sqlalchemy import func, insert, update

from agents.wearables import (
    Record,
    WearableFormatError,
    ZipLimits,
    parse_path,
)
from store import wearables_models as m
from store.database import Database
from store.wearables_rows import COLUMNS, ImportSummary, chunk_rows

DEFAULT_USER = "local"


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
