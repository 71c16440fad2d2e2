"""Normalized wearable records: what every parser yields, whatever the export format.

Times are tz-aware UTC; values are in one canonical unit per kind so a store can sum
them without knowing where they came from. Each record has a ``dedupe_key()`` so that
importing the same export twice can be made idempotent with a unique index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, TypeAlias

Provider = Literal[
    "apple_health", "google_fit", "fitbit", "samsung_health", "garmin_fit", "tcx", "gpx", "terra"
]
SampleKind = Literal[
    "steps",
    "distance_m",
    "flights",
    "active_energy_kcal",
    "basal_energy_kcal",
    "total_energy_kcal",
    "heart_rate_bpm",
    "resting_heart_rate_bpm",
    "hrv_ms",
    "body_mass_kg",
]
DailyKind = Literal[
    SampleKind,
    "move_minutes",
    "heart_points",
    "exercise_minutes",
    "stand_hours",
    "light_active_minutes",
    "moderate_active_minutes",
    "very_active_minutes",
    "sedentary_minutes",
]
StageName = Literal["awake", "light", "deep", "rem", "asleep", "in_bed"]


def _key(*parts: object) -> str:
    """Hash the canonical text of ``parts`` into a fixed-length, index-friendly key."""
    text = "|".join("" if p is None else _canon(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _canon(part: object) -> str:
    """Render a key part so equal facts give equal text (floats rounded, UTC ISO times)."""
    if isinstance(part, float):
        return format(round(part, 6), ".10g")
    if isinstance(part, datetime):
        return part.isoformat()
    return str(part)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a record came from: export family, recording device and writing app."""

    provider: Provider
    device: str | None = None
    app: str | None = None


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured quantity over ``[start, end]`` (start == end for instant readings)."""

    kind: SampleKind
    start: datetime
    end: datetime
    value: float
    unit: str
    source: SourceInfo

    def dedupe_key(self) -> str:
        """Stable identity: same provider, kind, interval, value, device and app."""
        s = self.source
        return _key(
            "sample", s.provider, self.kind, self.start, self.end, self.value, s.device, s.app
        )


@dataclass(frozen=True, slots=True)
class SleepStage:
    """A stretch of one sleep stage inside a session."""

    stage: StageName
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class SleepSession:
    """A night (or nap) with its stage timeline; ``stages`` may be empty."""

    start: datetime
    end: datetime
    stages: tuple[SleepStage, ...]
    source: SourceInfo

    def dedupe_key(self) -> str:
        """Stable identity: provider, interval, device and app (stages are detail)."""
        s = self.source
        return _key("sleep", s.provider, self.start, self.end, s.device, s.app)


@dataclass(frozen=True, slots=True)
class Workout:
    """A recorded exercise session with its headline totals when the export has them."""

    activity: str
    start: datetime
    end: datetime
    energy_kcal: float | None
    distance_m: float | None
    avg_hr: float | None
    source: SourceInfo

    def dedupe_key(self) -> str:
        """Stable identity: provider, activity, interval, device and app."""
        s = self.source
        return _key("workout", s.provider, self.activity, self.start, self.end, s.device, s.app)


@dataclass(frozen=True, slots=True)
class DailySummary:
    """A day-level figure as the export states it (local calendar day of the user)."""

    day: date
    kind: DailyKind
    value: float
    source: SourceInfo

    def dedupe_key(self) -> str:
        """Stable identity: provider, day, kind, device and app (value may be revised)."""
        s = self.source
        return _key("daily", s.provider, self.day.isoformat(), self.kind, s.device, s.app)


Record: TypeAlias = Sample | SleepSession | Workout | DailySummary
