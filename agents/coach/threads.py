"""Durable chat threads: a LangGraph Postgres checkpointer on the application database.

A thread belongs to one user by construction: the checkpointer key is
``"<user id>:<public id>"`` and callers only ever pass the public id, so another user's
id simply names an empty thread of one's own (the API answers 404).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from psycopg.conninfo import make_conninfo
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from sqlalchemy.engine import make_url

_PUBLIC_ID = re.compile(r"^[0-9a-f]{32}$")
_LIBPQ_QUERY_KEYS = ("host", "port", "sslmode", "application_name", "connect_timeout")
_LIST_SQL = """
SELECT thread_id FROM checkpoints
WHERE checkpoint_ns = '' AND thread_id LIKE %s
GROUP BY thread_id ORDER BY max(checkpoint_id) DESC LIMIT %s
"""


def psycopg_conninfo(url: str) -> str:
    """SQLAlchemy URL (``postgresql+asyncpg://…?host=/socket/dir``) → libpq conninfo."""
    parsed = make_url(url)
    params: dict[str, Any] = {"dbname": parsed.database, "user": parsed.username,
                              "password": parsed.password, "host": parsed.host,
                              "port": parsed.port}  # fmt: skip
    for key in (*_LIBPQ_QUERY_KEYS, "ssl"):
        value = parsed.query.get(key)
        if isinstance(value, tuple):
            value = value[0] if value else None
        name = "sslmode" if key == "ssl" else key
        if value is not None and params.get(name) is None:
            params[name] = value
    return make_conninfo(**{k: str(v) for k, v in params.items() if v is not None})


def new_thread_id() -> str:
    """A fresh public thread id (32 hex digits)."""
    return uuid.uuid4().hex


def thread_key(user_id: str, thread_id: str) -> str | None:
    """The checkpointer key of a user's thread; None for a malformed public id."""
    return f"{user_id}:{thread_id}" if _PUBLIC_ID.match(thread_id) else None


class ThreadStore:
    """Owns the connection pool and the checkpointer; one per process."""

    def __init__(self, pool: AsyncConnectionPool[Any], saver: AsyncPostgresSaver) -> None:
        self.pool = pool
        self.saver = saver

    @classmethod
    async def open(cls, database_url: str, max_size: int = 10) -> ThreadStore:
        """Connect and create the checkpoint tables if they are missing."""
        pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
            psycopg_conninfo(database_url), min_size=1, max_size=max_size, open=False,
            check=AsyncConnectionPool.check_connection,  # survive a database restart
            kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
        )  # fmt: skip
        await pool.open(wait=True)
        saver = AsyncPostgresSaver(pool)
        await saver.setup()
        return cls(pool, saver)

    async def close(self) -> None:
        """Return the pool's connections."""
        await self.pool.close()

    async def exists(self, key: str) -> bool:
        """Whether the thread has any checkpoint."""
        return await self.saver.aget_tuple({"configurable": {"thread_id": key}}) is not None

    async def list_ids(self, user_id: str, limit: int = 50) -> list[str]:
        """The user's public thread ids, most recently active first."""
        async with self.pool.connection() as conn:
            cursor = await conn.execute(_LIST_SQL, (f"{user_id}:%", limit))
            rows = await cursor.fetchall()
        return [str(row["thread_id"]).split(":", 1)[1] for row in rows]

    async def delete(self, key: str) -> None:
        """Remove every checkpoint and write of the thread."""
        await self.saver.adelete_thread(key)
