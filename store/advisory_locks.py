"""Cluster-wide "one at a time" sections on PostgreSQL advisory locks.

A Fitbit sync refreshes single-use tokens: two syncs of one user at once (two tabs, two
workers) would race and the loser's refresh would be refused. A session-level advisory
lock held on its own connection covers every worker of every process on the database,
and PostgreSQL releases it by itself if the holder dies.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text

from store.database import Database

_TRY = text("SELECT pg_try_advisory_lock(hashtextextended(:key, 0))")
_RELEASE = text("SELECT pg_advisory_unlock(hashtextextended(:key, 0))")


@asynccontextmanager
async def exclusive(db: Database, key: str) -> AsyncIterator[bool]:
    """Yield True while holding the lock named ``key``, False when someone else holds it."""
    async with db.engine.connect() as conn:
        held = bool(await conn.scalar(_TRY, {"key": key}))
        await conn.commit()
        try:
            yield held
        finally:
            if held:
                await conn.scalar(_RELEASE, {"key": key})
                await conn.commit()
