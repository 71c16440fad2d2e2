"""Apple Health ``export.xml`` (bare, in a folder, or inside ``export.zip``), streamed.

Exports reach several GB, so this drives expat directly: start-element callbacks turn
``Record``/``Workout``/``ActivitySummary`` attributes into records that are drained
after every 1 MB chunk. No tree is built, so memory is constant. The inline DTD that
Apple writes is accepted; any entity declaration or external DTD is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from agents.wearables.parsers import apple_types as T
from agents.wearables.parsers.apple_records import RecordReader
from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Provider,
    Record,
    SampleKind,
    SourceInfo,
    Workout,
)
from agents.wearables.safety import feed_xml, make_xml_parser, note
from agents.wearables.sources import SourceLike, as_tree
from agents.wearables.timeutil import parse_apple
from agents.wearables.units import CANONICAL_UNIT, factor

FORMAT: Provider = "apple_health"
_SUMMARY_FIELDS: tuple[tuple[str, DailyKind, str | None], ...] = (
    ("activeEnergyBurned", "active_energy_kcal", "activeEnergyBurnedUnit"),
    ("appleExerciseTime", "exercise_minutes", None),
    ("appleStandHours", "stand_hours", None),
)
_CONTAINERS = frozenset({"WorkoutStatistics", "Workout", "ActivitySummary", "Correlation"})


def export_members(names: tuple[str, ...]) -> list[str]:
    """Pick the main export XML(s) of a tree, skipping the clinical ``export_cda.xml``."""
    return [
        n
        for n in names
        if n.endswith(".xml")
        and "/workout-routes/" not in n
        and not n.endswith("_cda.xml")
        and "electrocardiograms" not in n
    ]


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield every supported record of an Apple Health export."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        for name in export_members(tree.names):
            if b"<HealthData" not in tree.read_head(name, 1 << 16):
                continue
            with tree.open_member(name) as stream:
                yield from parse_stream(stream, errs)


def parse_stream(stream: BinaryIO, errors: list[str]) -> Iterator[Record]:
    """Stream records out of one ``export.xml`` byte stream."""
    out: list[Record] = []
    reader = RecordReader(errors)
    workout: dict[str, str] = {}
    stats: dict[str, dict[str, str]] = {}
    depth = 0
    parser = make_xml_parser()
    parser.ordered_attributes = True

    def finish_workout() -> None:
        energy = _amount(workout, "totalEnergyBurned", "active_energy_kcal")
        if energy is None and T.ENERGY_STAT in stats:
            energy = _amount(stats[T.ENERGY_STAT], "sum", "active_energy_kcal")
        distance = _amount(workout, "totalDistance", "distance_m")
        if distance is None:
            parts = [
                _amount(s, "sum", "distance_m")
                for t, s in stats.items()
                if t.startswith(T.DISTANCE_STAT_PREFIX)
            ]
            distance = sum(p for p in parts if p is not None) if parts else None
        hr = stats.get(T.HEART_RATE_STAT, {}).get("average")
        out.append(
            Workout(
                T.activity_name(workout.get("workoutActivityType", "")),
                parse_apple(workout["startDate"]),
                parse_apple(workout["endDate"]),
                energy,
                distance,
                float(hr) if hr else None,
                reader.source(workout.get("device"), workout.get("sourceName")),
            )
        )

    def summary(a: dict[str, str]) -> None:
        day = date.fromisoformat(a["dateComponents"])
        info = SourceInfo(FORMAT, None, None)
        for attr, kind, unit_attr in _SUMMARY_FIELDS:
            if a.get(attr):
                value = float(a[attr])
                if unit_attr and a.get(unit_attr):
                    value *= factor("active_energy_kcal", a[unit_attr])
                out.append(DailySummary(day, kind, value, info))

    def start(name: str, attrs: list[str]) -> None:
        nonlocal depth
        try:
            if name == "Record":
                if depth == 0:
                    read(attrs, out)
            elif name not in _CONTAINERS:
                return  # MetadataEntry, HRV beats, routes, events…: millions, all unused
            elif name == "WorkoutStatistics":
                if workout:
                    a = dict(zip(attrs[::2], attrs[1::2], strict=True))
                    stats[a.get("type", "")] = a
            elif name == "Workout":
                workout.update(zip(attrs[::2], attrs[1::2], strict=True))
                parser.EndElementHandler = end
            elif name == "ActivitySummary":
                summary(dict(zip(attrs[::2], attrs[1::2], strict=True)))
            else:  # Correlation
                depth += 1
                parser.EndElementHandler = end
        except (KeyError, ValueError) as exc:
            note(errors, f"apple: skipped a {name} at line {parser.CurrentLineNumber}: {exc}")

    def end(name: str) -> None:
        nonlocal depth
        if name == "Workout":
            try:
                finish_workout()
            except (KeyError, ValueError) as exc:
                note(errors, f"apple: skipped a Workout at line {parser.CurrentLineNumber}: {exc}")
            workout.clear()
            stats.clear()
        elif name == "Correlation":
            depth -= 1
        if not workout and depth == 0:
            parser.EndElementHandler = None

    read = reader.read
    parser.StartElementHandler = start
    for _ in feed_xml(parser, stream):
        yield from out
        out.clear()
    yield from reader.sleep.flush()


def _amount(attrs: dict[str, str], key: str, kind: SampleKind) -> float | None:
    """Read ``attrs[key]`` in its ``…Unit``/``unit`` attribute, converted to ``kind``."""
    raw = attrs.get(key)
    if not raw:
        return None
    unit = attrs.get(key + "Unit") or attrs.get("unit") or CANONICAL_UNIT[kind]
    return float(raw) * factor(kind, unit)
