"""The semantic retriever's HNSW index finds what an exact scan finds.

An HNSW graph is approximate and differs from one import to the next; with too narrow a
search width a phrase's nearest foods change with the install (a fresh import once lost
"Tofu, raw, regular" for "tofu" at ``ef_search`` 40). The default width must make the
index agree with an exact scan on the phrases users type, clearly better than 40 did.
"""

import csv

import asyncpg
import pytest

from evals.loaders.builtin import builtin_path
from store.retrieval import SEMANTIC_SQL

pytestmark = pytest.mark.db

EXACT_SQL = """
SELECT id FROM (SELECT id, embedding <=> $1 AS d FROM foods) f ORDER BY d, id LIMIT $2
"""
FORMER_WIDTH = 40


def sample_phrases(every: int = 4) -> list[str]:
    """Every ``every``-th phrase of the food-search set, in file order."""
    with builtin_path("food_search").open(newline="") as f:
        phrases = [row["phrase"] for row in csv.DictReader(f)]
    return phrases[::every]


async def nearest(conn: asyncpg.Connection, vector: object, n: int, width: int | None) -> set[str]:
    """The ``n`` nearest foods by the index at ``width``, or by an exact scan (None)."""
    async with conn.transaction():
        if width is None:
            await conn.execute("SET LOCAL enable_indexscan = off")
            return {r["id"] for r in await conn.fetch(EXACT_SQL, vector, n)}
        await conn.execute(f"SET LOCAL hnsw.ef_search = {int(width)}")
        return {r["id"] for r in await conn.fetch(SEMANTIC_SQL, vector, n)}


async def test_the_default_search_width_finds_what_an_exact_scan_finds(ctx) -> None:
    n, width = ctx.settings.search.candidates, ctx.settings.search.hnsw_width
    phrases = sample_phrases()
    vectors = await ctx.search.embed(phrases)
    found = {width: 0, FORMER_WIDTH: 0}
    expected = 0
    async with ctx.db.search.connection() as conn:
        for vector in vectors:
            exact = await nearest(conn, vector, n, None)
            expected += len(exact)
            for w in found:
                found[w] += len(await nearest(conn, vector, n, w) & exact)
    recall = {w: hits / expected for w, hits in found.items()}
    print(f"HNSW recall@{n} on {len(phrases)} phrases: {recall}")
    assert len(phrases) >= 190
    assert recall[width] >= 0.97
    assert recall[width] >= min(recall[FORMER_WIDTH] + 0.01, 1.0)  # unless 40 is exact too
