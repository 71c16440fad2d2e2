"""Read imported wearable data back: import rows, the user's zone, and daily activity.

Rows are fetched with Core selects (not ORM objects, which cost more than the query on
months of minute data) and turned back into the parser's record types, so the daily
aggregation in :mod:`agents.wearables.daily` sees exactly what an import produced.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, cast

from sqlalchemy import select

from agents.wearables import daily
from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Provider,
    Record,
    Sample,
    SampleKind,
    SleepSession,
    SleepStage,
    SourceInfo,
    StageName,
    Workout,
)
from agents.wearables.units import CANONICAL_UNIT
from store import wearables_models as m
from store.database import Database

SAMPLE_LOOKBACK = timedelta(days=2)  # longest sample interval a day query still sees


async def get_import(db: Database, import_id: uuid.UUID, user_id: str) -> m.WearableImport | None:
    """One of the user's import rows."""
    query = select(m.WearableImport).where(
        m.WearableImport.id == import_id, m.WearableImport.user_id == user_id
    )
    async with db.sessions() as session:
        found: m.WearableImport | None = (await session.scalars(query)).first()
        return found


async def user_timezone(db: Database, user_id: str) -> str | None:
    """The time zone of the user's latest import, if any."""
    query = (
        select(m.WearableImport.timezone)
        .where(m.WearableImport.user_id == user_id)
        .order_by(m.WearableImport.created_at.desc())
        .limit(1)
    )
    async with db.engine.connect() as conn:
        found: str | None = (await conn.execute(query)).scalar()
        return found


async def load_records(
    db: Database, user_id: str, first: date, last: date, tz: tzinfo
) -> list[Record]:
    """Records that can touch local days ``first``..``last`` (only sample kinds used)."""
    start, end = daily.local_window(first, last, tz)
    sample, sleep, workout, day = (
        m.WearableSample,
        m.WearableSleep,
        m.WearableWorkout,
        m.WearableDaily,
    )
    kinds = [*daily.TOTAL_KINDS, "resting_heart_rate_bpm"]
    queries = (
        (
            sample,
            (
                sample.start_at < end,
                sample.end_at >= start,
                sample.start_at >= start - SAMPLE_LOOKBACK,
                sample.kind.in_(kinds),
            ),
        ),
        (sleep, (sleep.end_at >= start, sleep.end_at < end)),
        (workout, (workout.start_at >= start, workout.start_at < end)),
        (day, (day.day >= first, day.day <= last)),
    )
    out: list[Record] = []
    async with db.engine.connect() as conn:
        for model, where in queries:
            query = select(model.__table__).where(model.user_id == user_id, *where)
            out.extend(_record(model, row) for row in await conn.execute(query))
    return out


def _record(model: type[Any], row: Any) -> Record:
    """A stored row back as the parser's record type."""
    src = SourceInfo(cast(Provider, row.provider), row.device, row.app)
    if model is m.WearableSample:
        kind = cast(SampleKind, row.kind)
        return Sample(kind, row.start_at, row.end_at, row.value, CANONICAL_UNIT[kind], src)
    if model is m.WearableSleep:
        stages = tuple(
            SleepStage(
                cast(StageName, s["stage"]),
                datetime.fromisoformat(s["start"]),
                datetime.fromisoformat(s["end"]),
            )
            for s in row.stages
        )
        return SleepSession(row.start_at, row.end_at, stages, src)
    if model is m.WearableWorkout:
        return Workout(
            row.activity, row.start_at, row.end_at, row.energy_kcal, row.distance_m, row.avg_hr, src
        )
    return DailySummary(row.day, cast(DailyKind, row.kind), row.value, src)


async def daily_activity(
    db: Database, user_id: str, first: date, last: date, tz: tzinfo
) -> list[daily.DayActivity]:
    """One de-duplicated :class:`DayActivity` per local day (see ``agents.wearables.daily``)."""
    return daily.aggregate_days(await load_records(db, user_id, first, last, tz), tz, first, last)
