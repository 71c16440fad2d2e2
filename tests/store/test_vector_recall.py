"""The semantic retriever's HNSW index finds what an exact scan finds.

An HNSW graph is approximate and differs from one import to the next; with too narrow a
search width a phrase's nearest foods change with the install (a fresh import once lost
"Tofu, raw, regular" for "tofu" at ``ef_search`` 40). The default width must make the
index agree with an exact scan on the phrases users type.
"""

import csv

import pytest

from evals.loaders.builtin import builtin_path
from store.retrieval import SEMANTIC_SQL

pytestmark = pytest.mark.db

EXACT_SQL = """
SELECT id FROM (SELECT id, embedding <=> $1 AS d FROM foods) f ORDER BY d, id LIMIT $2
"""


def sample_phrases(every: int = 8) -> list[str]:
    """Every ``every``-th phrase of the food-search set, in file order."""
    path = builtin_path("food_search")
    with path.open(newline="") as f:
        phrases = [row["phrase"] for row in csv.DictReader(f)]
    return phrases[::every]


async def test_the_default_search_width_finds_what_an_exact_scan_finds(ctx) -> None:
    width = ctx.settings.search.candidates
    phrases = sample_phrases()
    vectors = await ctx.search.embed(phrases)
    found = expected = 0
    async with ctx.db.search.connection() as conn:
        for vector in vectors:
            approximate = {r["id"] for r in await conn.fetch(SEMANTIC_SQL, vector, width)}
            async with conn.transaction():
                await conn.execute("SET LOCAL enable_indexscan = off")
                exact = {r["id"] for r in await conn.fetch(EXACT_SQL, vector, width)}
            found += len(approximate & exact)
            expected += len(exact)
    recall = found / expected
    print(f"HNSW recall@{width} on {len(phrases)} phrases: {recall:.4f}")
    assert len(phrases) >= 90
    assert recall >= 0.985
