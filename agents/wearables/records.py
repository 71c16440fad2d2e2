"""Normalized wearable records: what every parser yields, whatever the export format.

Times are tz-aware UTC; values are in one canonical unit per kind so a store can sum
them without knowing where they came from. Each record has a ``dedupe_key()`` so that
importing the same export twice can be made idempotent with a unique index.

Stored keys must never change, so the key text is fixed: ``|``-joined parts, ``None`` as
an empty string, floats as ``format(round(x, 6), ".10g")``, times as ``isoformat()``
(:func:`_key`). An import hashes millions of sample keys, so ``Sample`` builds that same
text inline from memoised pieces (:func:`canon_time`, :func:`canon_float`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from hashlib import sha1
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


_new_sha1 = sha1().copy  # copying a fresh hasher skips OpenSSL's per-call algorithm fetch


def _hex(text: str) -> str:
    hasher = _new_sha1()
    hasher.update(text.encode("utf-8"))
    return hasher.hexdigest()


def _key(*parts: object) -> str:
    """Hash the canonical text of ``parts`` into a fixed-length, index-friendly key."""
    return _hex("|".join("" if p is None else _canon(p) for p in parts))


def _canon(part: object) -> str:
    """Render a key part so equal facts give equal text (floats rounded, UTC ISO times)."""
    if isinstance(part, float):
        return format(round(part, 6), ".10g")
    if isinstance(part, datetime):
        return part.isoformat()
    return str(part)


_MEMO_LIMIT = 1 << 16  # entries per memo; cleared when full, so memory stays bounded
_MM_SS = tuple(f"{m:02d}:{s:02d}+00:00" for m in range(60) for s in range(60))
_hour_heads: dict[int, str] = {}
_float_texts: dict[float, str] = {}


def canon_time(moment: datetime) -> str:
    """``_canon(moment)``; whole-second UTC times reuse their hour's ``YYYY-MM-DDTHH:``."""
    if moment.__class__ is datetime and moment.tzinfo is UTC and not moment.microsecond:
        hour = moment.toordinal() * 24 + moment.hour
        head = _hour_heads.get(hour)
        if head is None:
            if len(_hour_heads) >= _MEMO_LIMIT:
                _hour_heads.clear()
            head = _hour_heads[hour] = moment.isoformat()[:14]
        return head + _MM_SS[moment.minute * 60 + moment.second]
    return _canon(moment)


def canon_float(value: float) -> str:
    """``_canon(value)``, memoised: an export repeats few distinct values."""
    if value.__class__ is not float:
        return _canon(value)
    text = _float_texts.get(value)
    if text is None:
        text = format(round(value, 6), ".10g")
        if value and value == value:  # ±0.0 are equal keys but render apart; NaN ≠ NaN
            if len(_float_texts) >= _MEMO_LIMIT:
                _float_texts.clear()
            _float_texts[value] = text
    return text


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
        s, start, end, kind = self.source, self.start, self.end, self.kind
        provider, device, app = s.provider, s.device, s.app
        start_text = canon_time(start)
        end_text = start_text if end is start else canon_time(end)
        return _hex(  # _key's text, inlined: this runs for every sample of an import
            f"sample|{'' if provider is None else provider}|{'' if kind is None else kind}|"
            f"{start_text}|{end_text}|{canon_float(self.value)}|"
            f"{'' if device is None else device}|{'' if app is None else app}"
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
