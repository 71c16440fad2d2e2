"""Fitbit records written in the user's *local* clock: sleep logs and exercises.

Fitbit's legacy archive mixes clocks: intraday series are UTC, but sleep and exercise
logs are local wall time without an offset. The offset is inferred from the heart-rate
day files (``heart_rate-D.json`` spans exactly local day D in UTC): each file admits a
range of offsets, and the quarter-hour offset admitted by most files wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from agents.wearables.records import SleepSession, SleepStage, SourceInfo, StageName, Workout
from agents.wearables.timeutil import parse_fitbit, parse_iso, to_utc
from agents.wearables.units import factor

SOURCE = SourceInfo("fitbit")
LEVELS: dict[str, StageName] = {
    "wake": "awake",
    "awake": "awake",
    "restless": "awake",
    "light": "light",
    "deep": "deep",
    "rem": "rem",
    "asleep": "asleep",
}
_QUARTERS = range(-12 * 4, 14 * 4 + 1)


def infer_offset(day_bounds: Iterable[tuple[date, datetime, datetime]]) -> timedelta | None:
    """Most-supported UTC offset given (local day, first UTC reading, last UTC reading)."""
    votes: Counter[int] = Counter()
    for day, first, last in day_bounds:
        midnight = datetime.combine(day, datetime.min.time(), first.tzinfo)
        low = midnight - first  # offset >= low
        high = midnight + timedelta(days=1) - last  # offset < high
        votes.update(q for q in _QUARTERS if low <= timedelta(minutes=15 * q) < high)
    if not votes:
        return None
    best = max(votes.values())
    tied = sorted(q for q, n in votes.items() if n == best)
    return timedelta(minutes=15 * tied[len(tied) // 2])


def _local(text: str, offset: timedelta) -> datetime:
    """``2017-12-16T03:56:30.000`` (local wall time) → UTC."""
    return to_utc(datetime.fromisoformat(text) - offset)


def sleep_session(log: dict[str, Any], offset: timedelta) -> SleepSession:
    """One sleep log with its stage timeline; short wakes are cut out of longer stages."""
    levels = log.get("levels") or {}
    longs = [
        (_local(d["dateTime"], offset), LEVELS.get(d["level"], "asleep"), d["seconds"])
        for d in levels.get("data", [])
    ]
    shorts = sorted(
        (_local(d["dateTime"], offset), d["seconds"]) for d in levels.get("shortData", [])
    )
    stages: list[SleepStage] = []
    for start, stage, seconds in longs:
        end = start + timedelta(seconds=seconds)
        cursor = start
        for s_start, s_seconds in shorts:
            s_end = s_start + timedelta(seconds=s_seconds)
            if s_end <= cursor or s_start >= end:
                continue
            if s_start > cursor:
                stages.append(SleepStage(stage, cursor, s_start))
            cursor = max(cursor, min(s_end, end))
        if cursor < end:
            stages.append(SleepStage(stage, cursor, end))
    stages.extend(SleepStage("awake", s, s + timedelta(seconds=n)) for s, n in shorts)
    stages.sort(key=lambda s: (s.start, s.end))
    return SleepSession(
        _local(log["startTime"], offset), _local(log["endTime"], offset), tuple(stages), SOURCE
    )


def workout(entry: dict[str, Any], offset: timedelta) -> Workout:
    """One exercise log (``startTime`` ``MM/DD/YY HH:MM:SS`` local, duration in ms)."""
    raw_start = str(entry["startTime"])
    start = parse_fitbit(raw_start, offset) if "/" in raw_start else parse_iso(raw_start) - offset
    end = start + timedelta(milliseconds=float(entry.get("duration") or 0))
    distance = entry.get("distance")
    if distance is not None:
        distance = float(distance) * factor("distance_m", entry.get("distanceUnit") or "km")
    calories, hr = entry.get("calories"), entry.get("averageHeartRate")
    name = str(entry.get("activityName") or "other").strip().lower().replace(" ", "_")
    return Workout(
        name,
        start,
        end,
        float(calories) if calories is not None else None,
        distance,
        float(hr) if hr is not None else None,
        SOURCE,
    )
