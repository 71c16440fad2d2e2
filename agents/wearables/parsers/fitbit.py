"""Fitbit legacy account archive (``user-site-export/*.json``), one file at a time.

Intraday series (steps, calories per minute; heart rate every few seconds) carry
``MM/DD/YY HH:MM:SS`` strings that are UTC; they are streamed with ijson and their
heart-rate day spans feed the UTC-offset inference used afterwards for the local-time
sleep and exercise logs (see ``fitbit_local``). Zero-step minutes are not emitted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any

import ijson

from agents.wearables.parsers import fitbit_local
from agents.wearables.records import DailyKind, DailySummary, Provider, Record, Sample, SampleKind
from agents.wearables.safety import note
from agents.wearables.sources import InputTree, SourceLike, as_tree
from agents.wearables.timeutil import parse_fitbit
from agents.wearables.units import CANONICAL_UNIT

FORMAT: Provider = "fitbit"
SOURCE = fitbit_local.SOURCE
FILE_NAME = re.compile(r"^(?P<kind>[a-z_]+)-(?P<tag>\d{4}-\d{2}-\d{2}|\d+)\.json$")
MINUTE_KINDS: dict[str, SampleKind] = {"steps": "steps", "calories": "total_energy_kcal"}
DAILY_KINDS: dict[str, DailyKind] = {
    "lightly_active_minutes": "light_active_minutes",
    "moderately_active_minutes": "moderate_active_minutes",
    "very_active_minutes": "very_active_minutes",
    "sedentary_minutes": "sedentary_minutes",
}
MINUTE = timedelta(minutes=1)


def file_kind(name: str) -> str | None:
    """``…/steps/steps-2017-12-02.json`` → ``steps`` (None if not a Fitbit data file)."""
    match = FILE_NAME.match(PurePosixPath(name).name)
    return match.group("kind") if match else None


def parse(
    source: SourceLike, errors: list[str] | None = None, utc_offset: timedelta | None = None
) -> Iterator[Record]:
    """Yield Fitbit records; ``utc_offset`` overrides the inferred local-time offset."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        by_kind: dict[str, list[str]] = {}
        for name in tree.names:
            kind = file_kind(name)
            if kind:
                by_kind.setdefault(kind, []).append(name)
        bounds: list[tuple[date, datetime, datetime]] = []
        for name in by_kind.get("heart_rate", []):
            yield from _heart_rate(tree, name, bounds)
        for kind, sample_kind in MINUTE_KINDS.items():
            for name in by_kind.get(kind, []):
                yield from _per_minute(tree, name, sample_kind)
        daily: list[tuple[str, DailyKind]] = [
            ("resting_heart_rate", "resting_heart_rate_bpm"),
            *DAILY_KINDS.items(),
        ]
        for kind, daily_kind in daily:
            for name in by_kind.get(kind, []):
                yield from _daily(tree, name, daily_kind)
        offset = utc_offset if utc_offset is not None else fitbit_local.infer_offset(bounds)
        if offset is None:
            offset = timedelta(0)
            if by_kind.get("sleep") or by_kind.get("exercise"):
                note(
                    errs,
                    "fitbit: no heart-rate day files to infer the UTC offset; "
                    "sleep/exercise local times read as UTC",
                )
        for name in by_kind.get("sleep", []):
            for log in _items(tree, name):
                yield fitbit_local.sleep_session(log, offset)
        for name in by_kind.get("exercise", []):
            for entry in _items(tree, name):
                yield fitbit_local.workout(entry, offset)


def _items(tree: InputTree, name: str) -> Iterator[dict[str, Any]]:
    with tree.open_member(name) as stream:
        yield from ijson.items(stream, "item", use_float=True)


def _heart_rate(
    tree: InputTree, name: str, bounds: list[tuple[date, datetime, datetime]]
) -> Iterator[Record]:
    first: datetime | None = None
    last: datetime | None = None
    for item in _items(tree, name):
        moment = parse_fitbit(item["dateTime"])
        first = moment if first is None or moment < first else first
        last = moment if last is None or moment > last else last
        bpm = item["value"]["bpm"]
        yield Sample("heart_rate_bpm", moment, moment, float(bpm), "count/min", SOURCE)
    tag = FILE_NAME.match(PurePosixPath(name).name)
    if first is not None and last is not None and tag and "-" in tag.group("tag"):
        bounds.append((date.fromisoformat(tag.group("tag")), first, last))


def _per_minute(tree: InputTree, name: str, kind: SampleKind) -> Iterator[Record]:
    unit = CANONICAL_UNIT[kind]
    for item in _items(tree, name):
        value = float(item["value"])
        if value:
            start = parse_fitbit(item["dateTime"])
            yield Sample(kind, start, start + MINUTE, value, unit, SOURCE)


def _daily(tree: InputTree, name: str, kind: DailyKind) -> Iterator[Record]:
    for item in _items(tree, name):
        value = item["value"]
        if isinstance(value, dict):
            value = value.get("value")
        if value in (None, "", 0, 0.0, "0") and kind == "resting_heart_rate_bpm":
            continue
        if value not in (None, ""):
            yield DailySummary(parse_fitbit(item["dateTime"]).date(), kind, float(value), SOURCE)
