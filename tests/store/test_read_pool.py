"""The search path's plain asyncpg pool: placeholders, vectors, and life without a ping."""

import asyncio

import asyncpg
import numpy as np
import pytest
from sqlalchemy import text

from store.read_pool import APPLICATION, ReadPool, positional


def test_named_placeholders_become_numbered_and_casts_stay() -> None:
    sql = "SELECT (a @@ :q)::int, :n, :q, '[]'::json FROM t WHERE x = :n2"
    assert positional(sql, ["q", "n", "n2"]) == (
        "SELECT (a @@ $1)::int, $2, $1, '[]'::json FROM t WHERE x = $3"
    )


def test_an_unknown_placeholder_is_an_error() -> None:
    with pytest.raises(KeyError, match="limit"):
        positional("SELECT :limit", ["n"])


@pytest.mark.db
async def test_vectors_round_trip_as_float32_arrays(ctx) -> None:
    vector = np.linspace(-1.0, 1.0, 384, dtype=np.float32)
    async with ctx.db.search.connection() as conn:
        back = await conn.fetchval("SELECT $1::vector", vector)
        distance = await conn.fetchval("SELECT $1::vector <=> $1::vector", vector)
    assert back.dtype == np.float32
    np.testing.assert_array_equal(back, vector)
    assert distance == pytest.approx(0.0, abs=1e-6)


@pytest.mark.db
async def test_a_connection_killed_by_the_server_is_replaced_on_the_next_acquire(ctx) -> None:
    pool = ReadPool(ctx.db.url, size=1, ef_search=25)
    try:
        async with pool.connection() as conn:
            first = await conn.fetchval("SELECT pg_backend_pid()")
            assert await conn.fetchval("SHOW hnsw.ef_search") == "25"
        async with ctx.db.engine.connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:p)"), {"p": first})
        second, failures = None, 0
        for _ in range(3):  # the first try may still meet the dead socket, once
            try:
                async with pool.connection() as conn:
                    second = await conn.fetchval("SELECT pg_backend_pid()")
                break
            except (
                asyncpg.PostgresError,
                asyncpg.InterfaceError,
                asyncpg.InternalClientError,
                OSError,
            ):
                failures += 1
        assert failures <= 1
        assert second != first
    finally:
        await pool.close()


@pytest.mark.db
async def test_search_survives_the_server_closing_its_connections(ctx) -> None:
    phrases = ["kiwi fruit", "rye bread", "feta cheese", "lentil soup", "pear", "tuna", "kale"]
    found = await asyncio.gather(*(ctx.search.search(p, 3) for p in phrases))
    assert all(found)  # the pool now holds several idle connections
    async with ctx.db.engine.connect() as admin:
        killed = await admin.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :app"
            ),
            {"app": APPLICATION},
        )
    assert killed >= 1
    for phrase in ("kiwi fruit, raw", "dried apricots"):  # first sight: both reach the server
        hits = await ctx.search.search(phrase, 3)
        assert hits and ("Kiwi" in hits[0].name or "Apricot" in hits[0].name)


def test_hnsw_width_never_below_the_candidates_asked_for() -> None:
    from nutriprofile.settings import SearchSettings

    assert SearchSettings().hnsw_width == 200
    assert SearchSettings(candidates=300).hnsw_width == 300  # HNSW returns at most ef rows
    assert SearchSettings(ef_search=400).hnsw_width == 400
