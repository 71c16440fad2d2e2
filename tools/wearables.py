"""LangChain tool exposing the wearable reader to the coach: daily activity from the store.

The user id, database, time zone and body profile are ``InjectedToolArg``s, supplied by
the server and never chosen by the model; the model only picks the date range.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from langchain_core.tools import InjectedToolArg, tool

from agents.wearables.budget import BodyProfile, day_budget
from agents.wearables.daily import DayActivity, resolve_timezone
from store.database import Database
from store.wearables_queries import daily_activity, user_timezone

MAX_DAYS = 92


def _expenditure(row: DayActivity, profile: BodyProfile | None) -> dict[str, Any]:
    """Energy burned that day: the full budget with a profile, wearable data only without."""
    if profile is not None:
        budget = day_budget(row, profile)
        return {
            "expenditure_kcal": round(budget.expenditure_kcal),
            "expenditure_method": budget.method,
            "expenditure_lines": list(budget.lines),
        }
    total = row.total_energy_kcal
    if total is None and row.basal_energy_kcal is not None and row.active_energy_kcal is not None:
        total = row.basal_energy_kcal + row.active_energy_kcal
    return {"expenditure_kcal": None if total is None else round(total)}


def _day(row: DayActivity, profile: BodyProfile | None) -> dict[str, Any]:
    def num(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "day": row.day.isoformat(),
        "has_data": row.has_data,
        "steps": None if row.steps is None else round(row.steps),
        "distance_km": None if row.distance_m is None else round(row.distance_m / 1000, 2),
        "active_energy_kcal": num(row.active_energy_kcal),
        "basal_energy_kcal": num(row.basal_energy_kcal),
        "resting_heart_rate_bpm": num(row.resting_hr_bpm),
        "sleep_minutes": num(row.sleep_minutes),
        "workouts": row.workouts,
        "workout_minutes": round(row.workout_minutes),
        **_expenditure(row, profile),
    }


@tool(parse_docstring=True)
async def wearable_activity(
    start: date,
    end: date,
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    timezone: Annotated[str | None, InjectedToolArg] = None,
    profile: Annotated[BodyProfile | None, InjectedToolArg] = None,
) -> dict[str, Any]:
    """Daily activity from the user's wearables: steps, energy burned, resting heart rate, sleep.

    Use it for "how active was I this week?", "how many steps on Monday?" or "how much
    did I burn yesterday?". Days are the user's local calendar days; a figure is null
    when nothing was recorded. Energy burned per day is ``expenditure_kcal``.

    Args:
        start: First day, YYYY-MM-DD.
        end: Last day, YYYY-MM-DD, inclusive (at most 92 days after start).
        user_id: Injected by the server.
        db: Injected by the server.
        timezone: Injected by the server (the user's IANA zone).
        profile: Injected by the server (fills in energy when wearable data is partial).
    """
    if end < start or (end - start).days >= MAX_DAYS:
        raise ValueError(f"end must be on or after start and within {MAX_DAYS} days")
    tz = resolve_timezone(timezone or await user_timezone(db, user_id))
    rows = await daily_activity(db, user_id, start, end, tz)
    days = [_day(r, profile) for r in rows]
    with_data = [d for d in days if d["has_data"]]
    steps = [d["steps"] for d in days if d["steps"] is not None]
    burned = [d["expenditure_kcal"] for d in days if d["expenditure_kcal"] is not None]
    return {
        "timezone": tz.key,
        "days": days,
        "totals": {
            "days": len(days),
            "days_with_data": len(with_data),
            "steps": sum(steps) if steps else None,
            "average_daily_steps": round(sum(steps) / len(steps)) if steps else None,
            "expenditure_kcal": sum(burned) if burned else None,
            "workouts": sum(d["workouts"] for d in days),
            "workout_minutes": sum(d["workout_minutes"] for d in days),
        },
    }


WEARABLE_TOOLS = [wearable_activity]
