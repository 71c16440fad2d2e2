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
from datetime import UTC, date, datetime, timedelta
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
_hours: dict[int, tuple[str, int]] = {}
_float_texts: dict[float, str] = {}
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def canon_time(moment: datetime) -> str:
    """``_canon(moment)``; whole-second UTC times reuse their hour's ``YYYY-MM-DDTHH:``."""
    if _memoisable(moment):
        return canon_time_micros(moment)[0]
    return _canon(moment)


def _memoisable(moment: datetime) -> bool:
    """Whole-second UTC times: their text and microseconds come from an hourly memo."""
    return moment.__class__ is datetime and moment.tzinfo is UTC and not moment.microsecond


def canon_time_micros(moment: datetime) -> tuple[str, int]:
    """``canon_time(moment)`` and ``moment`` in microseconds since 1970 (UTC), together.

    An import needs both for every sample (the key and the stored time); whole-second
    UTC times get both from one memo of their hour.
    """
    if _memoisable(moment):
        hour = moment.toordinal() * 24 + moment.hour
        memo = _hours.get(hour)
        if memo is None:
            if len(_hours) >= _MEMO_LIMIT:
                _hours.clear()
            start = moment.replace(minute=0, second=0)
            memo = _hours[hour] = (moment.isoformat()[:14], (start - _UNIX) // _MICRO)
        index = moment.minute * 60 + moment.second
        return memo[0] + _MM_SS[index], memo[1] + index * 1_000_000
    return _canon(moment), (moment - _UNIX) // _MICRO


def sample_key_parts(source: SourceInfo, kind: str) -> tuple[str, str]:
    """The text around a sample key's times and value, fixed for one source and kind."""
    provider, device, app = source.provider, source.device, source.app
    return (
        f"sample|{'' if provider is None else provider}|{'' if kind is None else kind}|",
        f"|{'' if device is None else device}|{'' if app is None else app}",
    )


def sample_key(head: str, start: str, end: str, value: float, tail: str) -> str:
    """A sample's key from :func:`sample_key_parts` and its canonical times."""
    return _hex(f"{head}{start}|{end}|{canon_float(value)}{tail}")


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
        start, end = self.start, self.end
        start_text = canon_time(start)
        end_text = start_text if end is start else canon_time(end)
        head, tail = sample_key_parts(self.source, self.kind)  # _key's text, inlined
        return sample_key(head, start_text, end_text, self.value, tail)


_SAMPLE_SLOTS = tuple(getattr(Sample, name).__set__ for name in Sample.__slots__)
_new_object = object.__new__


def new_sample(
    kind: SampleKind, start: datetime, end: datetime, value: float, unit: str, source: SourceInfo
) -> Sample:
    """``Sample(kind, start, end, value, unit, source)`` for parsers' hot loops.

    It fills the slots directly: the frozen dataclass's ``__init__`` goes through
    ``object.__setattr__`` per field, which is most of the cost of making a sample.
    """
    sample: Sample = _new_object(Sample)
    set_kind, set_start, set_end, set_value, set_unit, set_source = _SAMPLE_SLOTS
    set_kind(sample, kind)
    set_start(sample, start)
    set_end(sample, end)
    set_value(sample, value)
    set_unit(sample, unit)
    set_source(sample, source)
    return sample


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
