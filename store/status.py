"""What the knowledge base holds: counts per source and the last import of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from store.database import Database

STATUS_SQL = text(
    """
SELECT f.source, count(*) AS foods,
       (SELECT count(*) FROM portions p JOIN foods g ON g.id = p.food_id
        WHERE g.source = f.source) AS portions,
       (SELECT max(finished_at) FROM import_runs r WHERE r.source = f.source) AS imported_at
FROM foods f GROUP BY f.source ORDER BY f.source
"""
)


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """Counts for one loaded source."""

    source: str
    foods: int
    portions: int
    imported_at: datetime | None


async def source_status(db: Database) -> list[SourceStatus]:
    """One row per loaded source."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(STATUS_SQL)
        return [SourceStatus(r.source, r.foods, r.portions, r.imported_at) for r in rows]
