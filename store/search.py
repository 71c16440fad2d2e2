"""Hybrid food search: lexical + trigram + semantic retrieval, fused and re-ranked."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from nutriprofile.settings import SearchSettings
from store.database import Database
from store.embed_batcher import EmbedBatcher
from store.embeddings import Embedder, Vector
from store.food_names import NAME_CACHE_SIZE, read_names
from store.nutrients import CORE_KEYS
from store.ranking import Scored, rerank
from store.read_pool import BROKEN
from store.records import PortionRecord
from store.retrieval import Candidate, forget_names, retrieve
from store.ttl_cache import TTLCache

DETAIL_CACHE_SIZE = 20_000
RANKED_CACHE_SIZE = 5_000
CACHE_TTL_S = 300.0


class SearchQueryError(ValueError):
    """The search phrase is empty or too long."""


@dataclass(frozen=True, slots=True)
class FoodHit:
    """One search result with the evidence behind its rank."""

    id: str
    name: str
    source: str
    source_id: str
    category: str | None
    score: float
    coverage: float
    lexical_rank: int | None
    trigram_rank: int | None
    semantic_rank: int | None
    semantic_similarity: float | None
    is_branded: bool
    is_mixed_dish: bool
    nutrients: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FoodDetail:
    """A food with all its nutrients, portions and provenance."""

    id: str
    name: str
    source: str
    source_id: str
    category: str | None
    data_type: str | None
    is_branded: bool
    is_mixed_dish: bool
    nutrients: dict[str, float]
    portions: list[PortionRecord]
    extra: dict[str, object]


def _hit(s: Scored) -> FoodHit:
    c = s.candidate
    return FoodHit(
        id=c.id, name=c.name, source=c.source, source_id=c.source_id, category=c.category,
        score=round(s.score, 4), coverage=round(s.coverage, 3), lexical_rank=c.lexical_rank,
        trigram_rank=c.trigram_rank, semantic_rank=c.semantic_rank,
        semantic_similarity=c.semantic_similarity, is_branded=c.is_branded,
        is_mixed_dish=c.is_mixed_dish, nutrients=c.nutrients,
    )  # fmt: skip


class FoodSearch:
    """Search and look up foods in the knowledge base."""

    def __init__(self, db: Database, embedder: Embedder, settings: SearchSettings) -> None:
        self._db = db
        self._embedder = embedder
        self._batcher = EmbedBatcher(embedder)
        self._settings = settings
        self._details: TTLCache[str, FoodDetail] = TTLCache(DETAIL_CACHE_SIZE, CACHE_TTL_S)
        self._ranked: TTLCache[str, list[Scored]] = TTLCache(RANKED_CACHE_SIZE, CACHE_TTL_S)
        self._gate = asyncio.Semaphore(db.reader.pool.size())  # type: ignore[attr-defined]

    def clean(self, query: str) -> str:
        """Validate a phrase: non-empty and within the length limit."""
        cleaned = " ".join(query.split())
        if not cleaned:
            raise SearchQueryError("the search phrase is empty")
        if len(cleaned) > self._settings.max_query_chars:
            raise SearchQueryError(
                f"the search phrase has {len(cleaned)} characters; "
                f"the limit is {self._settings.max_query_chars}"
            )
        return cleaned

    @property
    def max_query_chars(self) -> int:
        """Longest phrase accepted."""
        return self._settings.max_query_chars

    async def embed(self, phrases: Sequence[str]) -> list[Vector]:
        """Query vectors for several phrases, batched with other requests, off the event loop."""
        return await self._batcher.embed(phrases)

    async def _embed_one(self, phrase: str) -> Vector:
        return (await self.embed([phrase]))[0]

    async def candidates(self, query: str, vector: Vector | None = None) -> list[Scored]:
        """All re-ranked candidates for one phrase (the consensus nodes read them).

        Without ``vector`` the phrase is embedded (batched with other callers)
        while the word retrievers already run. Results are cached per phrase for
        a few minutes: people and eval sets name the same foods again and again,
        and the answer only changes on re-import.
        """
        key = " ".join(query.lower().split())
        cached = self._ranked.get(key)
        if cached is not None:
            return cached
        embedding = vector if vector is not None else asyncio.ensure_future(self._embed_one(query))
        try:
            try:
                found = await self._retrieve(query, embedding)
            except BROKEN:  # a connection the server closed (restart): once more, on new ones
                found = await self._retrieve(query, embedding)
        finally:
            if isinstance(embedding, asyncio.Future) and not embedding.done():
                embedding.cancel()
        ranked = rerank(query, found)
        self._ranked.put(key, ranked)
        return ranked

    async def _retrieve(self, query: str, vector: Vector | Awaitable[Vector]) -> list[Candidate]:
        return await retrieve(
            self._retrieval_connection, self._db.url, query, vector, self._settings.candidates
        )

    @asynccontextmanager
    async def _retrieval_connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A plain asyncpg connection for the retrievers, within the same limit."""
        async with self._gate, self._db.search.connection() as conn:
            yield conn

    @asynccontextmanager
    async def _connect(self) -> AsyncIterator[AsyncConnection]:
        """A read connection, within the pool's size (waiting callers queue here)."""
        async with self._gate, self._db.reader.connect() as conn:
            yield conn

    async def search(self, query: str, limit: int = 10) -> list[FoodHit]:
        """The best ``limit`` foods for one phrase."""
        return (await self.search_many([query], limit))[0]

    async def search_many(self, queries: Sequence[str], limit: int = 10) -> list[list[FoodHit]]:
        """Several phrases; their embeddings share batches."""
        cleaned = [self.clean(q) for q in queries]
        ranked = await asyncio.gather(*(self.candidates(q) for q in cleaned))
        return [[_hit(s) for s in r[:limit]] for r in ranked]

    async def get_food(self, food_id: str) -> FoodDetail | None:
        """Everything about one food, or None when the id is unknown."""
        details = await self.get_foods([food_id])
        return details.get(food_id)

    async def get_foods(self, food_ids: Sequence[str]) -> dict[str, FoodDetail]:
        """Several foods by id, with portions; recently read foods come from memory."""
        found: dict[str, FoodDetail] = {}
        missing = []
        for food_id in dict.fromkeys(food_ids):
            cached = self._details.get(food_id)
            if cached is None:
                missing.append(food_id)
            else:
                found[food_id] = cached
        if missing:
            async with self._connect() as conn:
                rows = await conn.execute(DETAILS_SQL, {"ids": missing})
                for row in rows:
                    detail = _detail(row)
                    self._details.put(detail.id, detail)
                    found[detail.id] = detail
        return found

    async def warm_up(self) -> int:
        """Read every food name the re-ranker will see, once per database and process.

        A phrase seen for the first time still meets mostly known foods; reading
        their names ahead (about 2 s of one core, in a thread) takes that work off
        the first searches. Skipped when the names outnumber the reading cache.
        """
        key = str(self._db.url)
        if key in _NAMES_READ:
            return 0
        _NAMES_READ.add(key)
        async with self._connect() as conn:
            count = await conn.scalar(text("SELECT count(*) FROM foods"))
            if not count or count > NAME_CACHE_SIZE // 2:
                return 0
            rows = [(name, search) for name, search in await conn.execute(NAMES_SQL)]
        return await asyncio.to_thread(read_names, rows)

    def forget_cached(self) -> None:
        """Drop cached foods and rankings (call after importing in this process)."""
        self._details.clear()
        self._ranked.clear()
        forget_names(self._db.url)


NAMES_SQL = text("SELECT name, search_text FROM foods")
_NAMES_READ: set[str] = set()

DETAILS_SQL = text(
    f"""
SELECT f.id, f.name, f.source, f.source_id, f.category, f.data_type, f.is_branded,
       f.is_mixed_dish, {", ".join("f." + k for k in CORE_KEYS)}, f.other_nutrients, f.extra,
       coalesce((SELECT json_agg(json_build_array(p.description, p.amount, p.unit,
                                                  p.gram_weight, p.seq) ORDER BY p.seq, p.id)
                 FROM portions p WHERE p.food_id = f.id), '[]'::json) AS portions
FROM foods f WHERE f.id = ANY(:ids)
"""
)


def _detail(row: Any) -> FoodDetail:
    """One row of :data:`DETAILS_SQL` (a food and its portions in one round trip)."""
    nutrients = {k: float(v) for k in CORE_KEYS if (v := getattr(row, k)) is not None}
    nutrients.update(row.other_nutrients or {})
    return FoodDetail(
        id=row.id, name=row.name, source=row.source, source_id=row.source_id,
        category=row.category, data_type=row.data_type, is_branded=row.is_branded,
        is_mixed_dish=row.is_mixed_dish, nutrients=nutrients,
        portions=[PortionRecord(d, float(a), u, float(g), int(q))
                  for d, a, u, g, q in row.portions],
        extra=dict(row.extra or {}),
    )  # fmt: skip
