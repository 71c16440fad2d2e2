"""One async engine per process, pointed at an external server or the embedded one."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from nutriprofile.settings import Settings
from store.embedded import start_embedded_server


def to_asyncpg_url(url: str) -> str:
    """Normalise ``postgres://`` / ``postgresql://`` URLs to the asyncpg dialect."""
    parsed = make_url(url)
    if parsed.drivername in {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}:
        parsed = parsed.set(drivername="postgresql+asyncpg")
    if parsed.drivername != "postgresql+asyncpg":
        raise ValueError(
            f"unsupported database URL scheme {parsed.drivername!r}; use postgresql://"
        )
    return parsed.render_as_string(hide_password=False)


async def resolve_database_url(settings: Settings) -> str:
    """The asyncpg URL to use, starting the embedded server when none is configured."""
    external = settings.resolved_database_url()
    if external:
        return to_asyncpg_url(external)
    socket_dir = await asyncio.to_thread(start_embedded_server, pgdata_dir(settings.data_dir))
    await _ensure_database(socket_dir, settings.db.name)
    return f"postgresql+asyncpg://postgres@/{settings.db.name}?host={socket_dir}"


async def _ensure_database(socket_dir: str, name: str) -> None:
    """Create the application database on the embedded server once."""
    conn = await asyncpg.connect(host=socket_dir, user="postgres", database="postgres")
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            try:
                await conn.execute(f'CREATE DATABASE "{name}"')
            except (asyncpg.DuplicateDatabaseError, asyncpg.UniqueViolationError):
                pass  # another process won the race
    finally:
        await conn.close()


def create_engine(
    url: str,
    pool_size: int = 10,
    echo: bool = False,
    ef_search: int = 200,
    *,
    read_only: bool = False,
) -> AsyncEngine:
    """An engine whose connections know the pgvector type and the HNSW search width.

    ``read_only`` engines run in autocommit for single-statement reads (food
    search): no BEGIN/ROLLBACK around each query, and the pool's liveness ping
    is one round trip instead of three -- six round trips per search become two.
    """
    options: dict[str, object] = {"isolation_level": "AUTOCOMMIT"} if read_only else {}
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        echo=echo,
        connect_args={"server_settings": {"hnsw.ef_search": str(ef_search), "jit": "off"}},
        **options,
    )
    _register_vector_codec(engine)
    return engine


def _register_vector_codec(engine: AsyncEngine) -> None:
    from pgvector.asyncpg import register_vector
    from sqlalchemy import event

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: object, _record: object) -> None:
        run_async = dbapi_conn.run_async  # type: ignore[attr-defined]
        try:
            run_async(register_vector)
        except ValueError:
            pass  # extension not created yet (before the first migration)


def session_factory(engine: AsyncEngine) -> async_sessionmaker:  # type: ignore[type-arg]
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


def pgdata_dir(data_dir: Path) -> Path:
    """Where the embedded server keeps its files."""
    return data_dir / "pgdata"
