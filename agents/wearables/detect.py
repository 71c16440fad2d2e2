"""Entry point: recognise an export (file, folder or zip) and stream its records.

Detection looks at member names first (an Apple ``export.zip`` also holds GPX routes, a
Takeout ``Fit`` folder also holds TCX files, so the richest format wins) and sniffs
file heads only for loose files. Any decoding failure surfaces as one
:class:`WearableFormatError`, so the caller can reject the import as a whole.
"""

from __future__ import annotations

import csv
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import ijson

from agents.wearables.parsers import apple, fit, fitbit, google_fit, gpx, samsung, tcx
from agents.wearables.parsers.samsung_csv import is_samsung_csv
from agents.wearables.records import DailySummary, Record, Sample, SleepSession, Workout
from agents.wearables.safety import WearableFormatError, ZipLimits
from agents.wearables.sources import InputTree

Parser = Callable[[InputTree, list[str]], Iterator[Record]]
PARSERS: dict[str, Parser] = {
    "apple_health": apple.parse,
    "google_fit": google_fit.parse,
    "fitbit": fitbit.parse,
    "samsung_health": samsung.parse,
    "garmin_fit": fit.parse,
    "tcx": tcx.parse,
    "gpx": gpx.parse,
}
FITBIT_KINDS = {
    "steps",
    "calories",
    "heart_rate",
    "resting_heart_rate",
    "sleep",
    "exercise",
    *fitbit.DAILY_KINDS,
}
_SNIFF = (
    (b"<HealthData", "apple_health"),
    (b"<TrainingCenterDatabase", "tcx"),
    (b"<gpx", "gpx"),
    (b'"Data Source"', "google_fit"),
)
_DECODE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    json.JSONDecodeError,
    ijson.JSONError,
    csv.Error,
    UnicodeDecodeError,
    KeyError,
    TypeError,
    ValueError,
    IndexError,
)


@dataclass(slots=True)
class ParseResult:
    """A detected format, its lazily parsed records and the non-fatal problems seen.

    ``errors`` fills up while ``records`` is consumed.
    """

    format: str
    records: Iterator[Record]
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Collected:
    """All records of an export, split by type (for small exports and tests)."""

    format: str
    samples: list[Sample] = field(default_factory=list)
    sleep: list[SleepSession] = field(default_factory=list)
    workouts: list[Workout] = field(default_factory=list)
    daily: list[DailySummary] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def detect_tree(tree: InputTree) -> str:
    """Name the export format of an opened tree."""
    names = tree.names
    if any(n.endswith(".xml") for n in apple.export_members(names)) and any(
        b"<HealthData" in tree.read_head(n, 1 << 16) for n in apple.export_members(names)
    ):
        return "apple_health"
    if any(google_fit.is_fit_json(n) or "Daily activity metrics" in n for n in names):
        return "google_fit"
    if any(n.endswith(".json") and fitbit.file_kind(n) in FITBIT_KINDS for n in names):
        return "fitbit"
    if any(is_samsung_csv(n) for n in names):
        return "samsung_health"
    for suffix, fmt in ((".fit", "garmin_fit"), (".tcx", "tcx"), (".gpx", "gpx")):
        if any(n.lower().endswith(suffix) for n in names):
            return fmt
    if len(names) == 1:
        head = tree.read_head(names[0])
        if head[8:12] == b".FIT":
            return "garmin_fit"
        for marker, fmt in _SNIFF:
            if marker in head:
                return fmt
    raise WearableFormatError(f"{os.path.basename(tree.label)}: not a recognised export")


def detect_format(path: str | os.PathLike[str], limits: ZipLimits | None = None) -> str:
    """Name the export format of a file, folder or zip (zips are vetted first)."""
    with InputTree.open(path, limits) as tree:
        return detect_tree(tree)


def parse_path(path: str | os.PathLike[str], limits: ZipLimits | None = None) -> ParseResult:
    """Detect and start parsing ``path``; hostile zips are refused before returning."""
    tree = InputTree.open(path, limits)
    try:
        fmt = detect_tree(tree)
    except BaseException:
        tree.close()
        raise
    errors: list[str] = []
    return ParseResult(fmt, _guarded(fmt, tree, errors), errors)


def iter_records(
    path: str | os.PathLike[str], limits: ZipLimits | None = None
) -> tuple[str, Iterator[Record]]:
    """``(format, records)`` for ``path``; non-fatal problems are dropped."""
    result = parse_path(path, limits)
    return result.format, result.records


def collect(path: str | os.PathLike[str], limits: ZipLimits | None = None) -> Collected:
    """Parse ``path`` completely into lists (fine for small exports)."""
    result = parse_path(path, limits)
    out = Collected(result.format, errors=result.errors)
    for record in result.records:
        if isinstance(record, Sample):
            out.samples.append(record)
        elif isinstance(record, SleepSession):
            out.sleep.append(record)
        elif isinstance(record, Workout):
            out.workouts.append(record)
        else:
            out.daily.append(record)
    return out


def _guarded(fmt: str, tree: InputTree, errors: list[str]) -> Iterator[Record]:
    """Run the format's parser, turning any decoding failure into WearableFormatError."""
    try:
        yield from PARSERS[fmt](tree, errors)
    except WearableFormatError:
        raise
    except _DECODE_ERRORS as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise WearableFormatError(f"{fmt}: unreadable input ({detail})") from exc
    finally:
        tree.close()
