"""Import wearable exports into PostgreSQL, idempotently, one transaction per import.

Parsed chunks are ``COPY``-ed straight into the tables; a chunk holding a key already
stored (a re-import, an overlapping export) goes through a temp staging table and
``INSERT … ON CONFLICT (user_id, dedupe_key) DO NOTHING`` instead. So a re-import inserts
nothing, and a corrupt file rolls everything back. A parser process
(:mod:`store.wearables_feed`) parses and encodes the next chunks while the server stores
the current one, so Python and PostgreSQL work side by side on two cores; a few chunks
are held at most, so memory stays flat whatever the file size. The
``wearable_imports`` row is updated in separate short transactions, so status and
progress show meanwhile.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import AsyncIterator
from datetime import tzinfo
from typing import Any

import asyncpg
from sqlalchemy import func, insert, update

from agents.wearables import WearableFormatError, ZipLimits
from store import wearables_feed, wearables_rows
from store import wearables_models as m
from store.database import Database
from store.wearables_feed import FeedJob, Frame
from store.wearables_rows import COPY_COLUMNS, ImportSummary, progress_document

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
    job = FeedJob(
        os.fspath(path),
        user_id,
        str(import_id),
        tz,
        limits,
        wearables_rows.CHUNK,
        wearables_rows.ACTIVITY_LENGTH,
    )
    try:
        async with wearables_feed.spawn(job) as frames:
            _, fmt = await anext(frames)  # detection fails here, before any transaction
            await update_import(db, import_id, format=fmt)
            async with db.engine.connect() as conn:
                pg: asyncpg.Connection = (await conn.get_raw_connection()).driver_connection
                async with pg.transaction():
                    summary = await _copy_all(db, pg, frames, import_id)
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
    db: Database, pg: asyncpg.Connection, frames: AsyncIterator[Frame], import_id: uuid.UUID
) -> ImportSummary:
    """Store chunk after chunk as the parser process sends them; return its summary."""
    writer, inserted, reported = _Writer(pg), 0, time.monotonic()
    async for frame in frames:
        if frame[0] == "done":
            summary: ImportSummary = frame[1]
            summary.inserted = inserted
            return summary
        _, table, count, data, read = frame
        inserted += await writer.write(table, count, data)
        if time.monotonic() - reported > 1.0:
            reported = time.monotonic()
            progress = progress_document("importing", read, inserted)
            await update_import(db, import_id, progress=progress)
    raise RuntimeError("the import's parser process sent no summary")


class _Writer:
    """Stores chunks: COPY straight into the table while no key clashes, else via staging.

    A straight COPY runs in a savepoint; a key already stored (a re-import, an overlap
    with an earlier import) fails it, and the chunk goes through a temp staging table
    and ``INSERT … ON CONFLICT DO NOTHING`` instead, as do the next chunks until one
    inserts all its rows. Either way the import stays one transaction.
    """

    def __init__(self, pg: asyncpg.Connection) -> None:
        self.pg = pg
        self.straight = dict.fromkeys(COPY_COLUMNS, True)
        self.staged: set[str] = set()

    async def write(self, table: str, count: int, data: bytes) -> int:
        """Store ``count`` rows (keys distinct, binary COPY ``data``); return how many were new."""
        if self.straight[table]:
            try:
                async with self.pg.transaction():
                    return _count(await self._copy(table, table, data))
            except asyncpg.UniqueViolationError:
                pass
        inserted = await self._merge(table, data)
        self.straight[table] = inserted == count
        return inserted

    async def _copy(self, into: str, table: str, data: bytes) -> str:
        """COPY a chunk of ``table``'s rows into ``into`` (the table or its staging table)."""
        status: str = await self.pg.copy_to_table(
            into, source=memoryview(data), columns=COPY_COLUMNS[table], format="binary"
        )
        return status

    async def _merge(self, table: str, data: bytes) -> int:
        """COPY into the staging table, insert the rows whose keys are new."""
        stage, cols = f"_stage_{table}", ", ".join(COPY_COLUMNS[table])
        if table not in self.staged:
            await self.pg.execute(f"CREATE TEMP TABLE {stage} (LIKE {table}) ON COMMIT DROP")
            self.staged.add(table)
        await self._copy(stage, table, data)
        status = await self.pg.execute(
            f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {stage} "
            "ON CONFLICT (user_id, dedupe_key) DO NOTHING"
        )
        await self.pg.execute(f"TRUNCATE {stage}")
        return _count(status)


def _count(status: str) -> int:
    """Rows affected, from a command tag such as ``COPY 5000`` or ``INSERT 0 12``."""
    return int(status.rsplit(" ", 1)[-1])
