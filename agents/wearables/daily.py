"""Daily activity in the user's time zone, with nothing counted twice.

Per local day and quantity:

1. **A stated daily total beats summed samples.** If a source gave a DailySummary for
   the day (Samsung's combined step trend, Google's daily metrics, Garmin's daily
   totals, Apple's rings), that total is the figure and the samples are ignored; among
   several totals the highest-priority source wins, then the largest.
2. **Otherwise samples are merged by source priority** (watch > phone > app, see
   :mod:`agents.wearables.priority`): a lower source counts only for time no better one
   covers, and overlaps within a source count once.
3. Samples crossing local midnight are split pro rata; sleep (asleep stages, merged
   like samples) counts on the wake-up day; workouts count on their start day, and one
   mostly overlapping a better-ranked workout is the same session seen twice: dropped.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from statistics import fmean
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agents.wearables.priority import Item, Piece, merge, source_label, source_tier
from agents.wearables.records import DailySummary, Record, Sample, SleepSession, SourceInfo, Workout

TOTAL_KINDS = (
    "steps",
    "distance_m",
    "flights",
    "active_energy_kcal",
    "basal_energy_kcal",
    "total_energy_kcal",
)
ASLEEP = {"asleep", "light", "deep", "rem"}


@dataclass(slots=True)
class DayActivity:
    """One local day's figures (None = no data) and which source each came from."""

    day: date
    steps: float | None = None
    distance_m: float | None = None
    flights: float | None = None
    active_energy_kcal: float | None = None
    basal_energy_kcal: float | None = None
    total_energy_kcal: float | None = None
    resting_hr_bpm: float | None = None
    sleep_minutes: float | None = None
    workouts: int = 0
    workout_minutes: float = 0.0
    workout_energy_kcal: float | None = None
    basis: dict[str, str] = field(default_factory=dict)

    @property
    def has_data(self) -> bool:
        """Whether anything at all was recorded that day."""
        return bool(self.basis)


def resolve_timezone(name: str | None) -> ZoneInfo:
    """An IANA zone; unset means ``$TZ``, else UTC. Raises ValueError for unknown names."""
    zone = name or os.environ.get("TZ", "").lstrip(":") or "UTC"
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {zone!r} (use e.g. Europe/Paris)") from None


def local_window(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """UTC instants of local midnight starting ``first`` and ending ``last``."""
    end = datetime.combine(last + timedelta(days=1), time(), tz).astimezone(UTC)
    return datetime.combine(first, time(), tz).astimezone(UTC), end


def aggregate_days(
    records: Iterable[Record], tz: tzinfo, first: date, last: date
) -> list[DayActivity]:
    """Fold records into one :class:`DayActivity` per local day from ``first`` to ``last``."""
    days = {
        first + timedelta(days=i): DayActivity(first + timedelta(days=i))
        for i in range((last - first).days + 1)
    }
    samples: dict[str, list[Item]] = defaultdict(list)
    totals: dict[tuple[date, str], list[DailySummary]] = defaultdict(list)
    sleep: list[Item] = []
    workouts: list[Workout] = []
    for r in records:
        if isinstance(r, Sample):
            samples[r.kind].append((r.source, r.start, r.end, r.value, None))
        elif isinstance(r, DailySummary):
            totals[(r.day, r.kind)].append(r)
        elif isinstance(r, SleepSession):
            wake = r.end.astimezone(tz).date()
            stages = [(s.start, s.end) for s in r.stages if s.stage in ASLEEP]
            spans = stages if r.stages else [(r.start, r.end)]
            sleep.extend((r.source, a, b, (b - a).total_seconds() / 60, wake) for a, b in spans)
        else:
            workouts.append(r)
    for kind in TOTAL_KINDS:
        stated = {d for (d, k) in totals if k == kind}
        for day, (value, used) in _sum_by_day(merge(samples.get(kind, [])), tz).items():
            if day in days and day not in stated:
                _set(days[day], kind, value, "samples: " + ", ".join(sorted(used)))
    for (day, kind), found in totals.items():
        if day in days and kind in TOTAL_KINDS + ("resting_heart_rate_bpm",):
            best = min(
                found, key=lambda s: (source_tier(s.source), -s.value, source_label(s.source))
            )
            _set(days[day], kind, best.value, f"daily total: {source_label(best.source)}")
    _resting(days, samples.get("resting_heart_rate_bpm", []), tz)
    _sleep(days, merge(sleep))
    _workouts(days, workouts, tz)
    return list(days.values())


def _sum_by_day(pieces: list[Piece], tz: tzinfo) -> dict[date, tuple[float, set[str]]]:
    """Split pieces at local midnights; per day the sum and the sources that gave it."""
    sums: dict[date, float] = defaultdict(float)
    used: dict[date, set[SourceInfo]] = defaultdict(set)
    for a, b, value, _, source in pieces:
        day = a.astimezone(tz).date()
        while True:
            used[day].add(source)
            cut = datetime.combine(day + timedelta(days=1), time(), tz).astimezone(UTC)
            if b <= cut:
                sums[day] += value
                break
            share = value * (cut - a).total_seconds() / (b - a).total_seconds()
            sums[day] += share
            value, a, day = value - share, cut, day + timedelta(days=1)
    return {d: (sums[d], {source_label(s) for s in used[d]}) for d in sorted(sums)}


def _set(row: DayActivity, kind: str, value: float, basis: str) -> None:
    setattr(row, "resting_hr_bpm" if kind == "resting_heart_rate_bpm" else kind, value)
    row.basis[kind] = basis


def _resting(days: dict[date, DayActivity], items: list[Item], tz: tzinfo) -> None:
    """Resting HR from samples (Apple writes one a day) when no daily value exists."""
    per_day: dict[tuple[date, SourceInfo], list[float]] = defaultdict(list)
    for source, start, _, value, _ in items:
        per_day[(start.astimezone(tz).date(), source)].append(value)
    for (day, src), values in sorted(per_day.items(), key=lambda kv: source_tier(kv[0][1])):
        if day in days and days[day].resting_hr_bpm is None:
            _set(
                days[day], "resting_heart_rate_bpm", fmean(values), f"samples: {source_label(src)}"
            )


def _sleep(days: dict[date, DayActivity], pieces: list[Piece]) -> None:
    """Asleep minutes per wake-up day, from the merged (non-overlapping) pieces."""
    used: dict[date, set[str]] = defaultdict(set)
    for _, _, minutes, tag, source in pieces:
        if isinstance(tag, date) and (row := days.get(tag)) is not None:
            row.sleep_minutes = (row.sleep_minutes or 0.0) + minutes
            used[tag].add(source_label(source))
    for day, labels in used.items():
        days[day].basis["sleep_minutes"] = "sleep sessions: " + ", ".join(sorted(labels))


def _workouts(days: dict[date, DayActivity], workouts: list[Workout], tz: tzinfo) -> None:
    """Count each workout once: drop one mostly inside a better-ranked one."""
    kept: list[Workout] = []
    for w in sorted(
        workouts, key=lambda w: (source_tier(w.source), source_label(w.source), w.start)
    ):
        length = (w.end - w.start).total_seconds()
        if any(
            (min(w.end, k.end) - max(w.start, k.start)).total_seconds() > 0.5 * length
            for k in kept
            if length > 0
        ):
            continue
        kept.append(w)
        if (row := days.get(w.start.astimezone(tz).date())) is None:
            continue
        row.workouts += 1
        row.workout_minutes += length / 60
        if w.energy_kcal is not None:
            row.workout_energy_kcal = (row.workout_energy_kcal or 0.0) + w.energy_kcal
        row.basis.setdefault("workouts", "workout sessions")
