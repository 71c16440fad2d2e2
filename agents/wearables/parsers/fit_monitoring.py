"""Garmin FIT ``monitoring`` messages: cumulative counters → interval samples.

Monitoring files (vívofit, watches' daily files) store *running totals per activity
type* that restart at local midnight, with most messages carrying only a 16-bit
``timestamp_16``. Each sample here is the increase of one counter since the previous
message of the same activity type; a daily total message (``duration_min``) becomes a
DailySummary instead, so it is never counted twice.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Record,
    Sample,
    SampleKind,
    SourceInfo,
)
from agents.wearables.units import CANONICAL_UNIT

STEP_TYPES = {"walking", "running"}
COUNTERS: dict[str, SampleKind] = {"calories": "active_energy_kcal", "distance": "distance_m"}


class MonitoringState:
    """Carries the running totals, the full timestamp and the day across messages."""

    def __init__(self, source: SourceInfo, utc_offset: timedelta) -> None:
        self.source = source
        self.utc_offset = utc_offset
        self._last: dict[tuple[str, str], tuple[date, float, datetime]] = {}
        self._daily: dict[tuple[date, DailyKind], float] = {}

    def add(
        self, when: datetime, fields: dict[str, Any], cycles_raw: int | None, out: list[Record]
    ) -> None:
        """Turn one monitoring message (with resolved ``when``) into samples."""
        activity = str(fields.get("activity_type", "generic"))
        if fields.get("duration_min"):
            self._summary(when, fields, activity, cycles_raw)
            return
        counters: list[tuple[str, SampleKind, float]] = [
            (name, kind, float(fields[name]))
            for name, kind in COUNTERS.items()
            if fields.get(name) is not None
        ]
        if cycles_raw is not None and activity in STEP_TYPES:
            counters.append(("steps", "steps", float(cycles_raw)))
        day = (when + self.utc_offset).date()
        day_start = datetime.combine(day, time(), when.tzinfo) - self.utc_offset
        for counter, kind, total in counters:
            key = (activity, counter)
            last_day, last_total, last_when = self._last.get(key, (day, 0.0, day_start))
            if last_day != day:
                last_total, last_when = 0.0, day_start
            delta = total - last_total if total >= last_total else total
            self._last[key] = (day, total, when)
            if delta > 0:
                out.append(Sample(kind, last_when, when, delta, CANONICAL_UNIT[kind], self.source))

    def _summary(
        self, when: datetime, fields: dict[str, Any], activity: str, cycles_raw: int | None
    ) -> None:
        start = when - timedelta(minutes=float(fields["duration_min"]))
        day = (start + self.utc_offset).date()
        if cycles_raw is not None and activity in STEP_TYPES:
            self._daily[(day, "steps")] = self._daily.get((day, "steps"), 0.0) + cycles_raw
        if fields.get("active_calories") is not None:
            key: tuple[date, DailyKind] = (day, "active_energy_kcal")
            self._daily[key] = self._daily.get(key, 0.0) + float(fields["active_calories"])

    def daily(self) -> list[Record]:
        """Daily totals read from summary messages, summed over activity types."""
        return [
            DailySummary(day, kind, value, self.source)
            for (day, kind), value in sorted(self._daily.items())
        ]
