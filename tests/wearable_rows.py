"""Row counts of one user's wearable records: the "re-import changes nothing" checks."""

from __future__ import annotations

from sqlalchemy import text

from nutriprofile.context import AppContext

TABLES = ("wearable_samples", "wearable_sleep", "wearable_workouts", "wearable_daily")


async def wearable_row_counts(ctx: AppContext, user: str) -> dict[str, int]:
    """Rows per wearable table stored for ``user``."""
    async with ctx.db.engine.connect() as conn:
        counts: dict[str, int] = {}
        for table in TABLES:
            query = text(f"SELECT count(*) FROM {table} WHERE user_id = :u")
            counts[table] = (await conn.execute(query, {"u": user})).scalar_one()
        return counts
