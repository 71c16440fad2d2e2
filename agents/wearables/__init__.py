"""Wearable reader agent: health/fitness exports → normalized, storable records.

Use :func:`detect_format`, :func:`iter_records`, :func:`parse_path` or :func:`collect`
on a file, folder or zip; each parser streams so exports of any size fit in memory.
"""

from agents.wearables.detect import (
    Collected,
    ParseResult,
    collect,
    detect_format,
    iter_records,
    parse_path,
)
from agents.wearables.records import (
    DailySummary,
    Record,
    Sample,
    SleepSession,
    SleepStage,
    SourceInfo,
    Workout,
)
from agents.wearables.safety import WearableFormatError, ZipLimits

__all__ = [
    "Collected",
    "DailySummary",
    "ParseResult",
    "Record",
    "Sample",
    "SleepSession",
    "SleepStage",
    "SourceInfo",
    "WearableFormatError",
    "Workout",
    "ZipLimits",
    "collect",
    "detect_format",
    "iter_records",
    "parse_path",
]
