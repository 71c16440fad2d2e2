"""The process's database handle: engine, sessions, migrations applied."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from nutriprofile.settings import Settings
from store.db import create_engine, resolve_database_url, session_factory
from store.migrate import upgrade_to_head
from store.read_pool import ReadPool


@dataclass(slots=True)
class Database:
    """An engine plus a session factory, opened once per process.

    ``reader`` is a second, autocommit pool for single-statement reads on the
    path (food details, name reads); writes and multi-statement work use
    ``engine``. ``search`` holds plain asyncpg connections for the retrievers,
    the hottest path of all.
    """

    url: str
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    reader: AsyncEngine
    search: ReadPool

    async def ping(self) -> bool:
        """True when the server answers a trivial query."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return False

    async def close(self) -> None:
        """Return all pooled connections."""
        await self.search.close()
        await self.reader.dispose()
        await self.engine.dispose()


async def open_database(settings: Settings, migrate: bool = True) -> Database:
    """Resolve the server (embedded by default), connect and apply migrations."""
    url = await resolve_database_url(settings)
    engine = create_engine(
        url,
        pool_size=settings.db.pool_size,
        echo=settings.db.echo,
        ef_search=settings.search.hnsw_width,
    )
    if migrate:
        await upgrade_to_head(engine)
        await engine.dispose()  # reconnect so every connection registers the vector type
    reader = create_engine(
        url,
        pool_size=settings.db.pool_size,
        echo=settings.db.echo,
        ef_search=settings.search.hnsw_width,
        read_only=True,
    )
    search = ReadPool(url, settings.db.pool_size, settings.search.hnsw_width)
    return Database(
        url=url, engine=engine, sessions=session_factory(engine), reader=reader, search=search
    )
