"""Import a named source into the knowledge base (shared by CLI, server start-up and tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import text

from store.database import Database
from store.embeddings import Embedder
from store.loader import ImportSummary, ProgressCallback, load_source
from store.records import ImportFormatError
from store.sources import SOURCES, locate


async def import_source(
    db: Database,
    embedder: Embedder,
    name: str,
    path: Path | None = None,
    usda_dir: Path | None = None,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Parse one release and replace that source's foods in one transaction."""
    if name not in SOURCES:
        raise ImportFormatError(f"unknown source {name!r}; choose one of {', '.join(SOURCES)}")
    spec = SOURCES[name]
    location = locate(spec, path, usda_dir)
    if not location.exists():
        raise ImportFormatError(f"{name}: {location} does not exist")
    return await load_source(
        db, spec.source, spec.reader(location), location=str(location),
        embedder=embedder, progress=progress,
    )  # fmt: skip


async def loaded_sources(db: Database) -> set[str]:
    """Sources with at least one completed import."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(text("SELECT DISTINCT source FROM import_runs"))
        return {r[0] for r in rows}


async def ensure_sources(
    db: Database,
    embedder: Embedder,
    names: Sequence[str],
    usda_dir: Path | None,
    progress: ProgressCallback | None = None,
) -> list[ImportSummary]:
    """Import each named source that has never been imported."""
    have = await loaded_sources(db)
    done = []
    for name in names:
        if SOURCES[name].source not in have:
            done.append(await import_source(db, embedder, name, None, usda_dir, progress))
    return done
