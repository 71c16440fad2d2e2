"""Write parsed food records into the knowledge base: all or nothing, repeatable.

Records are fully parsed and embedded *before* the write transaction opens, and
the write replaces one source's rows in a single transaction, so a failed or
interrupted import leaves the previous data intact and re-importing the same
release leaves identical rows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import text

from store.database import Database
from store.embeddings import MODEL_NAME, Embedder, Vector, text_hash
from store.nutrients import CORE_KEYS
from store.records import FoodRecord, ImportFormatError

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``(stage, done, total)`` while an import runs."""

EMBED_CHUNK = 512
FOOD_COLUMNS = (
    "id", "source", "source_id", "name", "category", "data_type", "is_branded",
    "is_mixed_dish", *CORE_KEYS, "other_nutrients", "search_text", "extra", "embedding",
)  # fmt: skip
PORTION_COLUMNS = ("food_id", "seq", "description", "amount", "unit", "gram_weight", "source")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one import wrote."""

    source: str
    foods: int
    portions: int
    embedded: int
    seconds: float

    def line(self) -> str:
        """One-line human summary."""
        return (
            f"{self.source}: {self.foods:,} foods, {self.portions:,} portions "
            f"({self.embedded:,} new embeddings) in {self.seconds:.1f} s"
        )


def food_key(record: FoodRecord) -> str:
    """The stable public id of a food."""
    return f"{record.source}:{record.source_id}"


def search_text(record: FoodRecord) -> str:
    """Name plus the synonyms the source gives, for lexical and semantic search."""
    parts = [record.name]
    for key in ("common_names", "additional_descriptions"):
        value = record.extra.get(key)
        if value:
            parts.append(value)
    return " ; ".join(parts)[:2000]


def _collect(records: Iterable[FoodRecord], source: str) -> list[FoodRecord]:
    foods = list(records)
    if not foods:
        raise ImportFormatError(f"{source}: the release contained no foods")
    seen: set[str] = set()
    for food in foods:
        if food.source != source:
            raise ImportFormatError(f"{source}: record {food_key(food)} has the wrong source")
        key = food_key(food)
        if key in seen:
            raise ImportFormatError(f"{source}: duplicate food id {key}")
        seen.add(key)
    return foods


async def _embeddings(
    db: Database, texts: list[str], embedder: Embedder, progress: ProgressCallback | None
) -> tuple[list[Vector], list[tuple[str, Vector]]]:
    """Vectors for ``texts``, from the cache table where possible; returns new cache rows."""
    hashes = [text_hash(t) for t in texts]
    async with db.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT text_hash, embedding FROM embedding_cache "
                "WHERE model = :m AND text_hash = ANY(:hashes)"
            ),
            {"m": MODEL_NAME, "hashes": hashes},
        )
        cached: dict[str, Vector] = {h: _as_array(v) for h, v in rows}
    todo = sorted({h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}.items())
    fresh: list[tuple[str, Vector]] = []
    for start in range(0, len(todo), EMBED_CHUNK):
        chunk = todo[start : start + EMBED_CHUNK]
        vectors = embedder.encode([t for _, t in chunk])
        fresh.extend((h, v) for (h, _), v in zip(chunk, vectors, strict=True))
        if progress:
            progress("embedding", min(start + EMBED_CHUNK, len(todo)), len(todo))
    cached.update(fresh)
    return [cached[h] for h in hashes], fresh


def _as_array(value: object) -> Vector:
    """A stored vector (pgvector's ``Vector`` or a list) as a float32 array."""
    to_numpy = getattr(value, "to_numpy", None)
    return np.asarray(to_numpy() if to_numpy else value, dtype=np.float32)


def _food_row(record: FoodRecord, vector: Vector) -> tuple[object, ...]:
    core = [record.nutrients.get(k) for k in CORE_KEYS]
    other = {k: v for k, v in record.nutrients.items() if k not in CORE_KEYS}
    return (
        food_key(record), record.source, record.source_id, record.name, record.category,
        record.data_type, record.is_branded, record.is_mixed_dish, *core, json.dumps(other),
        search_text(record), json.dumps(record.extra), vector,
    )  # fmt: skip


async def load_source(
    db: Database,
    source: str,
    records: Iterable[FoodRecord],
    *,
    location: str,
    embedder: Embedder,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Replace every food of ``source`` with ``records`` in one transaction."""
    started = time.perf_counter()
    foods = _collect(records, source)
    if progress:
        progress("parsed", len(foods), len(foods))
    vectors, fresh = await _embeddings(db, [search_text(f) for f in foods], embedder, progress)
    food_rows = [_food_row(f, v) for f, v in zip(foods, vectors, strict=True)]
    portion_rows = [
        (food_key(f), p.seq, p.description, p.amount, p.unit, p.gram_weight, source)
        for f in foods
        for p in f.portions
    ]
    async with db.engine.begin() as conn:
        raw = (await conn.get_raw_connection()).driver_connection
        assert raw is not None
        await raw.execute("DELETE FROM foods WHERE source = $1", source)
        await raw.copy_records_to_table("foods", records=food_rows, columns=FOOD_COLUMNS)
        await raw.copy_records_to_table("portions", records=portion_rows, columns=PORTION_COLUMNS)
        await raw.executemany(
            "INSERT INTO embedding_cache (text_hash, model, embedding) VALUES ($1, $2, $3) "
            "ON CONFLICT DO NOTHING",
            [(h, MODEL_NAME, v) for h, v in fresh],
        )
        seconds = time.perf_counter() - started
        await raw.execute(
            "INSERT INTO import_runs (source, location, foods, portions, seconds) "
            "VALUES ($1, $2, $3, $4, $5)",
            source, location, len(food_rows), len(portion_rows), seconds,
        )  # fmt: skip
    await _tidy(db)
    if progress:
        progress("written", len(food_rows), len(food_rows))
    return ImportSummary(source, len(food_rows), len(portion_rows), len(fresh), seconds)


async def _tidy(db: Database) -> None:
    """Vacuum and analyze the replaced tables now, outside the import's transaction.

    A source replaced is thousands of dead rows and stale planner statistics;
    left to autovacuum, the clean-up (HNSW index included) lands a minute later
    in the middle of searches, which then run up to half again as slow.
    """
    async with db.engine.connect() as conn:
        tidy = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await tidy.execute(text("VACUUM (ANALYZE) foods, portions"))
