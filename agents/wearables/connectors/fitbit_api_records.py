"""Fitbit Web API answers → normalized records, the same records the archive parser yields.

The API speaks the user's local clock: dates are local days and sleep/intraday times are
local wall time without an offset, so they are read in the profile's time zone. Records
carry the archive's :data:`~agents.wearables.parsers.fitbit_local.SOURCE`, so a day seen
both in an archive and through the API has the same dedupe keys and is stored once.
Distances are kilometres because the client sends no ``Accept-Language`` (metric).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from agents.wearables.parsers import fitbit_local
from agents.wearables.records import DailyKind, DailySummary, Record, Sample
from agents.wearables.timeutil import to_utc
from agents.wearables.units import factor

SOURCE = fitbit_local.SOURCE
MINUTE = timedelta(minutes=1)
SUMMARY_KINDS: dict[str, DailyKind] = {
    "steps": "steps",
    "caloriesOut": "total_energy_kcal",
    "caloriesBMR": "basal_energy_kcal",
    "activityCalories": "active_energy_kcal",
    "floors": "flights",
    "lightlyActiveMinutes": "light_active_minutes",
    "fairlyActiveMinutes": "moderate_active_minutes",
    "veryActiveMinutes": "very_active_minutes",
    "sedentaryMinutes": "sedentary_minutes",
}
KM = factor("distance_m", "km")


def activity_records(day: date, body: Mapping[str, Any]) -> list[Record]:
    """Daily totals from ``GET /1/user/-/activities/date/{day}.json``'s ``summary``."""
    summary = body.get("summary") or {}
    out: list[Record] = [
        DailySummary(day, kind, float(summary[key]), SOURCE)
        for key, kind in SUMMARY_KINDS.items()
        if summary.get(key) is not None
    ]
    total = next(
        (d.get("distance") for d in summary.get("distances") or [] if d.get("activity") == "total"),
        None,
    )
    if total is not None:
        out.append(DailySummary(day, "distance_m", float(total) * KM, SOURCE))
    resting = summary.get("restingHeartRate")
    if resting:  # absent or 0 when the tracker was not worn
        out.append(DailySummary(day, "resting_heart_rate_bpm", float(resting), SOURCE))
    return out


def heart_records(body: Mapping[str, Any]) -> list[Record]:
    """Resting heart rate per day from the heart-rate time series (``activities-heart``)."""
    out: list[Record] = []
    for entry in body.get("activities-heart") or []:
        resting = (entry.get("value") or {}).get("restingHeartRate")
        if resting:
            day = date.fromisoformat(entry["dateTime"])
            out.append(DailySummary(day, "resting_heart_rate_bpm", float(resting), SOURCE))
    return out


def sleep_records(body: Mapping[str, Any], tz: tzinfo) -> list[Record]:
    """Sleep logs (``sleep[]`` with ``levels.data``/``shortData``) read in zone ``tz``.

    Uses the archive's :func:`~agents.wearables.parsers.fitbit_local.sleep_session`, with
    the zone's offset at each log's start (a night crossing a DST change is off by that hour
    after the change, as in the archive).
    """
    out: list[Record] = []
    for log in body.get("sleep") or []:
        offset = tz.utcoffset(datetime.fromisoformat(log["startTime"])) or timedelta(0)
        out.append(fitbit_local.sleep_session(log, offset))
    return out


def intraday_step_records(day: date, body: Mapping[str, Any], tz: tzinfo) -> list[Record]:
    """Per-minute steps (``activities-steps-intraday.dataset``), zero minutes left out."""
    dataset = (body.get("activities-steps-intraday") or {}).get("dataset") or []
    return list(_minutes(day, dataset, tz))


def _minutes(day: date, dataset: list[dict[str, Any]], tz: tzinfo) -> Iterator[Sample]:
    for point in dataset:
        value = float(point.get("value") or 0)
        if value:
            local = datetime.combine(day, time.fromisoformat(point["time"]))
            start = to_utc(local.replace(tzinfo=tz))
            yield Sample("steps", start, start + MINUTE, value, "count", SOURCE)
