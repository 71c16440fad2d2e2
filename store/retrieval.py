"""Candidate retrieval for food search: four retrievers in one round trip.

Full-text (tsvector, OR of the query's words), trigram word similarity on the
name (typos, partial words), a "head" retriever and pgvector cosine distance
(meaning) each return their top-N ids with a rank; one SQL statement gathers
the union with the food fields the re-ranker needs. USDA names read "Head,
qualifier, ...", so the head retriever lists official foods whose first one or
two name segments hold a query word, most query words first, then the names
with the fewest qualifiers that change the food: plain "Tomatoes, red, ripe,
raw, year round average" is otherwise crowded out by a hundred tomato dishes.
The lexical retrievers read the phrase with the vocabulary's synonyms applied.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from store.embeddings import Vector
from store.nutrients import CORE_KEYS
from store.vocabulary import misspelled, phrase_words, retrieval_words

_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 8
HEAD_SOURCES = ("sr28", "fndds")
_DEFAULTISH = (
    r"\m(raw|cooked|boiled|nfs|ns as to [a-z ]+|year round average|ripe|regular|plain|"
    r"fresh|from fresh|drained|without salt|no added fat|commercial|prepared|includes skin)\M"
)


VOCABULARY_SQL = text(
    "SELECT DISTINCT w FROM foods, regexp_split_to_table(lower(name), '[^a-z]+') AS w "
    "WHERE source IN ('sr28', 'fndds')"
)
_VOCABULARY: dict[str, frozenset[str]] = {}
_LOCKS: dict[int, asyncio.Lock] = {}


@lru_cache(maxsize=MAX_WORDS + 1)
def _candidates_sql(n_words: int) -> TextClause:
    matched = (
        " + ".join(f"(tsv @@ to_tsquery('english', :w{i}))::int" for i in range(n_words)) or "0"
    )
    return text(
        f"""
WITH lex AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods
        WHERE :tsq <> '' AND tsv @@ to_tsquery('english', :tsq)
        ORDER BY {matched} DESC, ts_rank_cd(tsv, to_tsquery('english', :tsq), 1) DESC,
                 length(name)
        LIMIT :n) s
), trg AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods WHERE :q <% name
        ORDER BY word_similarity(:q, name) DESC, length(name) LIMIT :n) s
), hd AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods
        WHERE :head_re <> '' AND tsv @@ to_tsquery('english', :tsq)
          AND source IN {HEAD_SOURCES} AND NOT is_branded AND lower(name) ~ :head_re
        ORDER BY {matched} DESC, split_part(lower(name), ',', 1) ~ :first_re DESC,
                 length(regexp_replace(lower(name), '{_DEFAULTISH}', '', 'g')), id
        LIMIT :n) s
), sem AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM foods ORDER BY embedding <=> :vec LIMIT :n) s
), ids AS (
    SELECT id FROM lex UNION SELECT id FROM trg UNION SELECT id FROM hd UNION SELECT id FROM sem
)
SELECT f.id, f.source, f.source_id, f.name, f.category, f.is_branded, f.is_mixed_dish,
       f.search_text, {", ".join("f." + k for k in CORE_KEYS)}, f.other_nutrients,
       lex.r AS lex_rank, trg.r AS trg_rank, hd.r AS head_rank, sem.r AS sem_rank,
       1 - (f.embedding <=> :vec) AS sem_sim
FROM ids JOIN foods f USING (id)
LEFT JOIN lex USING (id) LEFT JOIN trg USING (id) LEFT JOIN hd USING (id)
LEFT JOIN sem USING (id)
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
    head_rank: int | None = None


def _term(word: str) -> str:
    return f"{word}:*" if len(word) > 3 else word


def _head_patterns(words: list[str]) -> tuple[str, str]:
    """Regexes for a query word at a word start in the first one or two name segments."""
    stems = sorted({w.rstrip("s") for w in words if len(w) > 2 and not w.isdigit()})
    if not stems:
        return "", ""
    alts = "|".join(re.escape(s) for s in stems)
    return rf"^([^,]*, )?[^,]*\m({alts})", rf"\m({alts})"


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
        head_rank=row.head_rank,
    )


async def _name_words(conn: AsyncConnection) -> frozenset[str]:
    """Every word of the official food names, read once per database for spelling repair."""
    key = str(conn.engine.url)
    if key not in _VOCABULARY:
        lock = _LOCKS.setdefault(id(asyncio.get_running_loop()), asyncio.Lock())
        async with lock:  # concurrent first searches read it once, not once each
            if key not in _VOCABULARY:
                rows = await conn.execute(VOCABULARY_SQL)
                _VOCABULARY[key] = frozenset(w for (w,) in rows if len(w) > 2)
    return _VOCABULARY[key]


def respell(words: list[str], vocabulary: frozenset[str]) -> list[str]:
    """Likely intended spellings of the words no food name uses, two at most per word."""
    return [fix for word in words for fix in sorted(misspelled(word, vocabulary))[:2]]


async def retrieve(
    conn: AsyncConnection, query: str, vector: Vector, per_retriever: int
) -> list[Candidate]:
    """Union of the four retrievers' top ``per_retriever`` foods."""
    words = retrieval_words(query)
    words = list(dict.fromkeys(words + respell(words, await _name_words(conn))))[:MAX_WORDS]
    head_re, first_re = _head_patterns(words)
    params: dict[str, Any] = {
        "tsq": " | ".join(_term(w) for w in words),
        "q": " ".join(phrase_words(query)) or query.lower(),
        "vec": vector,
        "n": per_retriever,
        "head_re": head_re,
        "first_re": first_re,
    }
    params.update({f"w{i}": _term(w) for i, w in enumerate(words)})
    result = await conn.execute(_candidates_sql(len(words)), params)
    return [_candidate(row) for row in result]
