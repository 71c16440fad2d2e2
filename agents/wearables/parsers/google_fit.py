"""Google Takeout ``Fit/`` folder: All Data JSON, Daily activity metrics CSV, Activities TCX.

``All Data`` files hold one data source each, as ``{"Data Source", "Data Points"}`` with
epoch-nanosecond times; they are streamed with ijson. Takeout repeats the same steps in
raw, per-device derived and merged streams, so per data type only the most merged
streams are read (the others are reported as skipped) to avoid double counting.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ijson

from agents.wearables.parsers import google_daily, tcx
from agents.wearables.records import Provider, Record, Sample, SampleKind, SourceInfo, StageName
from agents.wearables.safety import note
from agents.wearables.sleep import SleepAssembler
from agents.wearables.sources import InputTree, SourceLike, as_tree
from agents.wearables.timeutil import from_epoch_ns
from agents.wearables.units import CANONICAL_UNIT

FORMAT: Provider = "google_fit"
KINDS: dict[str, SampleKind] = {
    "com.google.step_count.delta": "steps",
    "com.google.calories.expended": "total_energy_kcal",
    "com.google.distance.delta": "distance_m",
    "com.google.heart_rate.bpm": "heart_rate_bpm",
    "com.google.weight": "body_mass_kg",
}
SLEEP_TYPE = "com.google.sleep.segment"
SLEEP_STAGES: dict[int, StageName] = {
    1: "awake",
    2: "asleep",
    3: "awake",
    4: "light",
    5: "deep",
    6: "rem",
}


def is_fit_json(name: str) -> bool:
    """Whether ``name`` is a Takeout ``Fit/All Data`` JSON file."""
    return name.endswith(".json") and "/All Data/" in f"/{name}"


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield samples, sleep, workouts and daily summaries of a Takeout Fit folder or zip."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        yield from _all_data(tree, errs)
        for name in tree.names:
            if name.endswith(".csv") and "Daily activity metrics" in name:
                with tree.open_member(name) as stream:
                    yield from google_daily.parse_csv(name, stream, errs)
            elif name.endswith(".tcx") and "/Activities/" in f"/{name}":
                with tree.open_member(name) as stream:
                    yield from tcx.parse_stream(stream, errs, FORMAT, "Google Fit")


def source_info(stream_id: str) -> SourceInfo:
    """``derived:<type>:<app>:<maker>:<model>:…`` → app and ``maker model`` device."""
    parts = stream_id.split(":")
    app = parts[2] if len(parts) > 2 and "." in parts[2] else None
    rest = parts[3:] if app else parts[2:]
    device = " ".join(rest[:2]) if len(rest) >= 3 else None
    return SourceInfo(FORMAT, device or None, app)


def _select(tree: InputTree, errors: list[str]) -> list[tuple[str, str]]:
    """Pick per data type the merged (else derived, else raw) streams to read."""
    by_type: dict[str, list[tuple[str, str]]] = {}
    for name in filter(is_fit_json, tree.names):
        with tree.open_member(name) as stream:
            stream_id = next(ijson.items(stream, "Data Source"), "")
        data_type = stream_id.split(":")[1] if stream_id.count(":") >= 1 else ""
        if data_type in KINDS or data_type == SLEEP_TYPE:
            by_type.setdefault(data_type, []).append((name, stream_id))
    chosen: list[tuple[str, str]] = []
    for data_type, streams in sorted(by_type.items()):
        for rank in ("merge", "derived:", ""):
            picked = [s for s in streams if rank in s[1]]
            if picked:
                break
        if len(picked) < len(streams):
            note(
                errors,
                f"google_fit: read {len(picked)} of {len(streams)} overlapping "
                f"{data_type} streams (skipped the less merged ones)",
            )
        chosen.extend(picked)
    return chosen


def _all_data(tree: InputTree, errors: list[str]) -> Iterator[Record]:
    sleep = SleepAssembler()
    for name, stream_id in _select(tree, errors):
        info = source_info(stream_id)
        with tree.open_member(name) as stream:
            for point in ijson.items(stream, "Data Points.item", use_float=True):
                record = _point(point, info, sleep, errors)
                if record is not None:
                    yield record
    yield from sleep.flush()


def _point(
    point: dict[str, Any], info: SourceInfo, sleep: SleepAssembler, errors: list[str]
) -> Record | None:
    data_type = point.get("dataTypeName", "")
    values = point.get("fitValue") or [{}]
    value = values[0].get("value", {})
    number = value.get("fpVal", value.get("intVal"))
    if number is None:
        note(errors, f"google_fit: {data_type} point without a numeric value skipped")
        return None
    start = from_epoch_ns(point["startTimeNanos"])
    end = from_epoch_ns(point["endTimeNanos"])
    if data_type == SLEEP_TYPE:
        stage = SLEEP_STAGES.get(int(number))
        return sleep.add(stage, start, end, info) if stage else None
    kind = KINDS.get(data_type)
    if kind is None:
        return None
    return Sample(kind, start, end, float(number), CANONICAL_UNIT[kind], info)
