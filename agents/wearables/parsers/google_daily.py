"""Google Takeout ``Daily activity metrics`` CSVs: the per-day summary and 15-minute files.

``Daily activity metrics.csv`` has one row per local day (blank cells = no data);
``YYYY-MM-DD.csv`` files hold 15-minute buckets whose times carry the local offset
(``00:15:00.000+05:30``) but no date, which comes from the file name.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import BinaryIO

from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Record,
    Sample,
    SampleKind,
    SourceInfo,
)
from agents.wearables.safety import note
from agents.wearables.timeutil import parse_iso
from agents.wearables.units import CANONICAL_UNIT

SOURCE = SourceInfo("google_fit", None, "Google Fit")
DAILY_COLUMNS: dict[str, DailyKind] = {
    "Step count": "steps",
    "Calories (kcal)": "total_energy_kcal",
    "Distance (m)": "distance_m",
    "Move Minutes count": "move_minutes",
    "Heart Points": "heart_points",
    "Average weight (kg)": "body_mass_kg",
}
INTERVAL_COLUMNS: dict[str, SampleKind] = {
    "Step count": "steps",
    "Calories (kcal)": "total_energy_kcal",
    "Distance (m)": "distance_m",
    "Average heart rate (bpm)": "heart_rate_bpm",
}
_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.csv$")


def parse_csv(name: str, stream: BinaryIO, errors: list[str]) -> Iterator[Record]:
    """Dispatch on the file name: per-day bucket file or the all-days summary."""
    rows = csv.DictReader(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""))
    day_match = _DAY_FILE.match(PurePosixPath(name).name)
    if day_match:
        yield from _intervals(date.fromisoformat(day_match.group(1)), rows, errors)
    else:
        yield from _daily(rows, errors)


def _number(cell: str | None) -> float | None:
    return float(cell) if cell not in (None, "") else None


def _daily(rows: csv.DictReader[str], errors: list[str]) -> Iterator[Record]:
    for row in rows:
        try:
            day = date.fromisoformat(row["Date"])
            for column, kind in DAILY_COLUMNS.items():
                value = _number(row.get(column))
                if value is not None:
                    yield DailySummary(day, kind, value, SOURCE)
        except (KeyError, ValueError) as exc:
            note(errors, f"google_fit: daily metrics row skipped: {exc}")


def _intervals(day: date, rows: csv.DictReader[str], errors: list[str]) -> Iterator[Record]:
    for row in rows:
        try:
            start = _clock(day, row["Start time"])
            end = _clock(day, row["End time"])
            if end < start:  # the last bucket ends at the next midnight
                end = _clock(date.fromordinal(day.toordinal() + 1), row["End time"])
            for column, kind in INTERVAL_COLUMNS.items():
                value = _number(row.get(column))
                if value is not None:
                    yield Sample(kind, start, end, value, CANONICAL_UNIT[kind], SOURCE)
        except (KeyError, ValueError) as exc:
            note(errors, f"google_fit: 15-minute metrics row skipped: {exc}")


def _clock(day: date, clock: str) -> datetime:
    """``00:15:00.000+05:30`` on ``day`` → UTC."""
    return parse_iso(f"{day.isoformat()}T{clock}")
