"""Plain asyncpg connections for the food-search hot path.

A search runs three short statements on two connections. Through SQLAlchemy's
pool each checkout first pings the server (a round trip that also wakes a
backend on a 2-core machine), and each statement pays the ORM layer's
parameter and row processing: together about a millisecond of a ten-millisecond
search. This pool hands out asyncpg connections as they are: autocommit, no
ping (asyncpg notices a closed socket by itself and reconnects on the next
acquire), no reset statement on release (search never opens a transaction or
changes a setting), and statements prepared once per connection by asyncpg's own
cache. Vectors arrive as float32 arrays.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import numpy as np
import numpy.typing as npt
from sqlalchemy.engine import make_url

BROKEN = (
    asyncpg.InterfaceError,  # the connection is closed or in a bad state
    asyncpg.InternalClientError,  # a server message arrived mid-operation (a killed backend)
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,  # admin shutdown, server restarting
    OSError,
)
"""Errors after which a connection is dropped and the work can be tried again."""

APPLICATION = "nutriprofile-search"
_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


def positional(sql: str, names: list[str]) -> str:
    """``:name`` placeholders as asyncpg's ``$n``, numbered by their place in ``names``.

    Casts (``::int``) are left alone; an unknown name is an error, not a silent NULL.
    """

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            raise KeyError(f"no parameter named {name!r} in {names}")
        return f"${names.index(name) + 1}"

    return _NAMED.sub(number, sql)


def _decode_vector(data: bytes) -> npt.NDArray[np.float32]:
    """A vector from pgvector's binary form: int16 size, int16 unused, big-endian floats."""
    return np.frombuffer(data, dtype=">f4", offset=4).astype(np.float32)


def _encode_vector(value: Any) -> bytes:
    array = np.asarray(value, dtype=">f4")
    return len(array).to_bytes(2, "big") + b"\x00\x00" + array.tobytes()


async def _prepare(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec(
        "vector", schema="public", encoder=_encode_vector, decoder=_decode_vector,
        format="binary",
    )  # fmt: skip


async def _keep(_conn: asyncpg.Connection) -> None:
    """Nothing to reset: search connections hold no transaction and change no setting."""


class ReadPool:
    """A lazily opened asyncpg pool bound to the event loop that first uses it."""

    def __init__(self, url: str, size: int, ef_search: int) -> None:
        self._dsn = make_url(url).set(drivername="postgresql").render_as_string(False)
        self._size = size
        self._settings = {
            "hnsw.ef_search": str(ef_search), "jit": "off", "application_name": APPLICATION,
        }  # fmt: skip
        self._pool: asyncpg.Pool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._opening: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    async def _ready(self) -> asyncpg.Pool:
        loop = asyncio.get_running_loop()
        if self._pool is not None and self._loop is loop:
            return self._pool
        async with self._opening.setdefault(loop, asyncio.Lock()):
            if self._pool is None or self._loop is not loop:
                if self._pool is not None:  # a new event loop (a second asyncio.run)
                    self._pool.terminate()
                self._pool = await asyncpg.create_pool(
                    self._dsn, min_size=0, max_size=self._size, init=_prepare, reset=_keep,
                    server_settings=self._settings,
                )  # fmt: skip
                self._loop = loop
                self._opening = {loop: self._opening[loop]}
        return self._pool

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """One connection for a few statements.

        A broken one is dropped, and the others are replaced on their next use: a server
        restart closes them all, and a retry must not meet another dead one.
        """
        pool = await self._ready()
        async with pool.acquire() as conn:
            try:
                yield conn
            except BROKEN:
                with contextlib.suppress(asyncpg.InterfaceError):  # closed: already released
                    conn.terminate()
                await pool.expire_connections()  # its idle siblings likely died with it
                raise

    async def close(self) -> None:
        """Close the connections (those of another, finished event loop are dropped)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if self._loop is asyncio.get_running_loop():
            await pool.close()
        else:
            pool.terminate()
