"""Candidate retrieval for food search: four retrievers, two connections at once.

Full-text (tsvector, OR of the query's words), trigram word similarity on the
name (typos, partial words), a "head" retriever and pgvector cosine distance
(meaning) each return their top-N foods with a rank and the fields the
re-ranker reads. One connection runs the full-text and head retrievers; the
other runs the trigram retriever while the phrase is still being embedded,
then the vector retriever. USDA names read "Head, qualifier, ...", so the head
retriever lists official foods whose first one or two name segments hold a
query word, most query words first, then the names with the fewest qualifiers
that change the food: plain "Tomatoes, red, ripe, raw, year round average" is
otherwise crowded out by a hundred tomato dishes. The lexical retrievers read
the phrase with the vocabulary's synonyms applied.

Cost shapes the SQL: the full-text and head retrievers share one scan of the
matching rows (``hits``); the cover-density rank, the dearest expression, is
computed only for rows that can still reach the top N (as many query words
matched as the N-th best row); the head retriever matches stored word vectors
of the name parts (migrations 0005, 0007) rather than per-row regular
expressions.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import asyncpg
import numpy as np

from store.embeddings import Vector
from store.nutrients import CORE_KEYS
from store.read_pool import positional
from store.vocabulary import (
    aliases,
    broader,
    designation_key,
    designations,
    misspelled,
    phrase_words,
    retrieval_words,
)

T = TypeVar("T")
_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 8
HEAD_SOURCES = ("sr28", "fndds")
_NAMED = ("id", "source", "source_id", "name", "category", "is_branded", "is_mixed_dish")
FIELDS = ", ".join(f"f.{c}" for c in (*_NAMED, "search_text", *CORE_KEYS))
"""The columns every retriever returns first, in the order :func:`_candidate` unpacks."""


VOCABULARY_SQL = (
    "SELECT DISTINCT w FROM foods, regexp_split_to_table(lower(name), '[^a-z]+') AS w "
    "WHERE source IN ('sr28', 'fndds')"
)
_VOCABULARY: dict[str, frozenset[str]] = {}
_LOCKS: dict[int, asyncio.Lock] = {}
DESIGNATED_SQL = (
    "SELECT id, name, search_text FROM foods WHERE source = 'fndds' AND search_text LIKE '%;%'"
)
_DESIGNATED: dict[str, dict[str, tuple[str, ...]]] = {}
DESIGNATED_ROWS_SQL = f"SELECT {FIELDS}, f.embedding FROM foods f WHERE f.id = ANY($1::text[])"


@lru_cache(maxsize=MAX_WORDS + 1)
def _lexical_sql(n_words: int) -> str:
    """Full-text and head retrievers: each food with its rank in each."""
    matched = (
        " + ".join(f"(tsv @@ (SELECT to_tsquery('english', :w{i})))::int" for i in range(n_words))
        or "0"
    )
    names = ["tsq", "n", "head_q", *(f"w{i}" for i in range(n_words))]
    return positional(
        f"""
WITH hits AS MATERIALIZED (
    SELECT id, tsv, source, is_branded, name_head_tsv, name_first_tsv, name_core_length,
           {matched} AS matched, length(name) AS name_length
    FROM foods
    WHERE :tsq <> '' AND tsv @@ (SELECT to_tsquery('english', :tsq))
), cut AS (
    SELECT coalesce(min(matched), 0) AS matched FROM (
        SELECT matched FROM hits ORDER BY matched DESC LIMIT :n) s
), lex AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM hits WHERE matched >= (SELECT matched FROM cut)
        ORDER BY matched DESC, ts_rank_cd(tsv, (SELECT to_tsquery('english', :tsq)), 1) DESC,
                 name_length, id
        LIMIT :n) s
), hd AS (
    SELECT id, row_number() OVER () AS r FROM (
        SELECT id FROM hits
        WHERE :head_q <> '' AND source IN {HEAD_SOURCES} AND NOT is_branded
          AND name_head_tsv @@ (SELECT to_tsquery('simple', :head_q))
        ORDER BY matched DESC, name_first_tsv @@ (SELECT to_tsquery('simple', :head_q)) DESC,
                 name_core_length, id
        LIMIT :n) s
)
SELECT {FIELDS}, f.embedding, lex.r AS lex_rank, hd.r AS head_rank
FROM lex FULL JOIN hd USING (id) JOIN foods f USING (id)
""",
        names,
    )


TRIGRAM_SQL = positional(
    f"""
SELECT {FIELDS}, f.embedding, row_number() OVER () AS trg_rank FROM (
    SELECT * FROM foods WHERE :q <% name
    ORDER BY word_similarity(:q, name) DESC, length(name), id LIMIT :n) f
""",
    ["q", "n"],
)
"""Trigram word similarity on the name (typos, partial words), with the re-ranker's fields."""


SEMANTIC_SQL = positional(
    f"""
SELECT {FIELDS},
       row_number() OVER (ORDER BY d) AS sem_rank, 1 - d AS sem_sim
FROM (SELECT *, embedding <=> :vec AS d FROM foods ORDER BY embedding <=> :vec, id LIMIT :n) f
""",
    ["vec", "n"],
)
"""The pgvector retriever, with the fields the re-ranker reads."""


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
    nutrients: dict[str, float]  # core per-100 g figures; get_foods has the full set
    lexical_rank: int | None
    trigram_rank: int | None
    semantic_rank: int | None
    semantic_similarity: float | None
    head_rank: int | None = None


def _term(word: str) -> str:
    return f"{word}:*" if len(word) > 3 else word


def _head_query(words: list[str]) -> str:
    """Prefix query for a query word at a word start of the first name segments."""
    stems = sorted({w.rstrip("s") for w in words if len(w) > 2 and w.isalnum() and not w.isdigit()})
    return " | ".join(f"{s}:*" for s in stems)


def _candidate(
    row: Any,
    ranks: tuple[int | None, ...],
    semantic: tuple[int | None, float | None],
) -> Candidate:
    # FIELDS order: positions are much cheaper than a Row's attribute lookups
    food_id, source, source_id, name, category, branded, mixed, search_text, *rest = row
    core = rest[: len(CORE_KEYS)]
    return Candidate(
        id=food_id,
        source=source,
        source_id=source_id,
        name=name,
        category=category,
        is_branded=branded,
        is_mixed_dish=mixed,
        search_text=search_text,
        nutrients={k: float(v) for k, v in zip(CORE_KEYS, core, strict=True) if v is not None},
        lexical_rank=ranks[0],
        trigram_rank=ranks[1],
        semantic_rank=semantic[0],
        semantic_similarity=semantic[1],
        head_rank=ranks[2],
    )


def _similarity(embedding: Vector | None, vector: Vector) -> float | None:
    """Cosine similarity of a stored unit vector to the query (None when not embedded)."""
    if embedding is None:
        return None
    return float(np.dot(embedding, vector))


def _ranks(ranks: dict[str, list[int | None]], food_id: str) -> tuple[int | None, ...]:
    """(full-text, trigram, head) ranks of a food; None where a retriever missed it."""
    lexical, trigram, head = ranks.get(food_id, (None, None, None))
    return lexical, trigram, head


async def _read_once(cache: dict[str, T], key: str, read: Callable[[], Awaitable[T]]) -> T:
    """``cache[key]``, read once per database: concurrent first searches wait for one read."""
    if key not in cache:
        lock = _LOCKS.setdefault(id(asyncio.get_running_loop()), asyncio.Lock())
        async with lock:
            if key not in cache:
                cache[key] = await read()
    return cache[key]


async def _name_words(conn: asyncpg.Connection, key: str) -> frozenset[str]:
    """Every word of the official food names, read once per database for spelling repair."""

    async def read() -> frozenset[str]:
        return frozenset(w for (w,) in await conn.fetch(VOCABULARY_SQL) if len(w) > 2)

    return await _read_once(_VOCABULARY, key, read)


async def _designated(conn: asyncpg.Connection, key: str) -> dict[str, tuple[str, ...]]:
    """FNDDS's designations and other names, phrase key to food ids, read once.

    A designation is "tea, NS as to type" of "Tea, hot, leaf, black"; another name is
    "pork bun" of "Bao bun".
    """

    async def read() -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for food_id, name, search_text in await conn.fetch(DESIGNATED_SQL):
            for phrase in designations(name, search_text) | aliases(name, search_text):
                found.setdefault(phrase, []).append(food_id)
        return {k: tuple(v) for k, v in found.items()}

    return await _read_once(_DESIGNATED, key, read)


def forget_names(database: str) -> None:
    """Drop the words and designations read from ``database`` (after an import)."""
    _VOCABULARY.pop(database, None)
    _DESIGNATED.pop(database, None)


def respell(words: list[str], vocabulary: frozenset[str]) -> list[str]:
    """Likely intended spellings of the words no food name uses, two at most per word."""
    return [fix for word in words for fix in sorted(misspelled(word, vocabulary))[:2]]


Connect = Callable[[], AbstractAsyncContextManager[asyncpg.Connection]]


async def retrieve(
    connect: Connect,
    database: str,
    query: str,
    vector: Vector | Awaitable[Vector],
    per_retriever: int,
) -> list[Candidate]:
    """Union of the four retrievers' top ``per_retriever`` foods.

    ``vector`` may still be on its way (an awaitable): the word retrievers
    start while the phrase is being embedded. Foods only the word retrievers
    found get their similarity from the stored vector they return.
    """
    words = retrieval_words(query)
    phrase = " ".join(phrase_words(query)) or query.lower()

    async def lexical() -> list[Any]:
        async with connect() as conn:
            vocabulary = await _name_words(conn, database)
            fixes = respell(words, vocabulary)  # and their broader heads: "spagetti" -> pasta
            used = list(dict.fromkeys(words + fixes + broader(fixes)))[:MAX_WORDS]
            tsq = " | ".join(_term(w) for w in used)
            terms = (_term(w) for w in used)
            rows = list(
                await conn.fetch(
                    _lexical_sql(len(used)), tsq, per_retriever, _head_query(used), *terms
                )
            )
            filed = (await _designated(conn, database)).get(designation_key(query), ())
            missing = set(filed) - {row["id"] for row in rows}
            if missing:  # the record FNDDS files the phrase under, however far down it ranks
                rows += await conn.fetch(DESIGNATED_ROWS_SQL, sorted(missing))
            return rows

    async def trigram_then_semantic() -> tuple[list[Any], Vector, list[Any]]:
        async with connect() as conn:  # the trigram scan runs while the phrase is embedded
            near = list(await conn.fetch(TRIGRAM_SQL, phrase, per_retriever))
            ready = vector if isinstance(vector, np.ndarray) else await vector
            similar = await conn.fetch(SEMANTIC_SQL, ready, per_retriever)
            return near, ready, list(similar)

    word_rows, (trigram_rows, ready, vector_rows) = await asyncio.gather(
        lexical(), trigram_then_semantic()
    )
    ranks: dict[str, list[int | None]] = {}
    for row in word_rows:
        if "lex_rank" in row:  # designated rows come with no rank
            ranks[row["id"]] = [row["lex_rank"], None, row["head_rank"]]
    for row in trigram_rows:
        ranks.setdefault(row["id"], [None, None, None])[1] = row["trg_rank"]
    found = {
        row["id"]: _candidate(row, _ranks(ranks, row["id"]), (row["sem_rank"], row["sem_sim"]))
        for row in vector_rows
    }
    for row in (*word_rows, *trigram_rows):
        if row["id"] not in found:
            similarity = _similarity(row["embedding"], ready)
            found[row["id"]] = _candidate(row, _ranks(ranks, row["id"]), (None, similarity))
    return list(found.values())
