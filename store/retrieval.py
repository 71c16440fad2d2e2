"""Candidate retrieval for food search: three retrievers in one round trip.

Full-text (tsvector, OR of the query's words), trigram word similarity on the
name (typos, partial words) and pgvector cosine distance (meaning) each return
their top-N ids with a rank; one SQL statement gathers the union with the food
fields the re-ranker needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from store.embeddings import Vector
from store.nutrients import CORE_KEYS

_WORD = re.compile(r"[a-z0-9]+")

CANDIDATES_SQL = text(
    f"""
WITH lex AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods
        WHERE :tsq <> '' AND tsv @@ to_tsquery('english', :tsq)
        ORDER BY ts_rank_cd(tsv, to_tsquery('english', :tsq), 1) DESC, length(name)
        LIMIT :n) s
), trg AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods WHERE :q <% name
        ORDER BY word_similarity(:q, name) DESC, length(name) LIMIT :n) s
), sem AS (
    SELECT id, row_number() OVER () AS r, d FROM (
        SELECT id, embedding <=> :vec AS d FROM foods
        ORDER BY embedding <=> :vec LIMIT :n) s
), ids AS (SELECT id FROM lex UNION SELECT id FROM trg UNION SELECT id FROM sem)
SELECT f.id, f.source, f.source_id, f.name, f.category, f.is_branded, f.is_mixed_dish,
       f.search_text, {", ".join("f." + k for k in CORE_KEYS)}, f.other_nutrients,
       lex.r AS lex_rank, trg.r AS trg_rank, sem.r AS sem_rank, 1 - sem.d AS sem_sim
FROM ids JOIN foods f USING (id)
LEFT JOIN lex USING (id) LEFT JOIN trg USING (id) LEFT JOIN sem USING (id)
"""
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A food proposed by at least one retriever, with each retriever's rank."""

    id: str
    source: str
    source_id: str
    name: str
    category: str | None
    is_branded: bool
    is_mixed_dish: bool
    search_text: str
    nutrients: dict[str, float]
    lexical_rank: int | None
    trigram_rank: int | None
    semantic_rank: int | None
    semantic_similarity: float | None


def tsquery_for(query: str) -> str:
    """An OR query of the phrase's words (prefix-matched), safe to pass to to_tsquery."""
    words = _WORD.findall(query.lower())
    return " | ".join(f"{w}:*" if len(w) > 3 else w for w in words[:16])


def _candidate(row: Any) -> Candidate:
    nutrients = {k: float(v) for k in CORE_KEYS if (v := getattr(row, k)) is not None}
    nutrients.update(row.other_nutrients or {})
    return Candidate(
        id=row.id,
        source=row.source,
        source_id=row.source_id,
        name=row.name,
        category=row.category,
        is_branded=row.is_branded,
        is_mixed_dish=row.is_mixed_dish,
        search_text=row.search_text,
        nutrients=nutrients,
        lexical_rank=row.lex_rank,
        trigram_rank=row.trg_rank,
        semantic_rank=row.sem_rank,
        semantic_similarity=None if row.sem_sim is None else float(row.sem_sim),
    )


async def retrieve(
    conn: AsyncConnection, query: str, vector: Vector, per_retriever: int
) -> list[Candidate]:
    """Union of the three retrievers' top ``per_retriever`` foods."""
    result = await conn.execute(
        CANDIDATES_SQL,
        {"tsq": tsquery_for(query), "q": query.lower(), "vec": vector, "n": per_retriever},
    )
    return [_candidate(row) for row in result]
