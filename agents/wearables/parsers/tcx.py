"""Training Center XML (Garmin devices, Google Fit activities) → workouts + heart rate.

One file may hold several ``<Activity>`` elements (Google Fit writes two for one walk);
each becomes a Workout whose totals come from its laps (calories, distance, average HR)
with the trackpoints as fallback (cumulative distance, HR readings). Each activity is
emitted when its closing tag is read, so memory is bounded by one activity.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import BinaryIO

from agents.wearables.records import Provider, Record, Sample, SourceInfo, Workout
from agents.wearables.safety import note
from agents.wearables.sources import SourceLike, as_tree
from agents.wearables.timeutil import parse_iso
from agents.wearables.xmlstream import iter_events

FORMAT: Provider = "tcx"


@dataclass(slots=True)
class _Activity:
    sport: str
    end: datetime | None = None
    starts: list[datetime] = field(default_factory=list)
    calories: list[float] = field(default_factory=list)
    lap_distance: list[float] = field(default_factory=list)
    lap_hr: list[tuple[float, float]] = field(default_factory=list)
    track_distance: tuple[float, float] | None = None
    hr: list[tuple[datetime, float]] = field(default_factory=list)
    device: str | None = None

    def see_distance(self, metres: float) -> None:
        """Track the span of cumulative trackpoint distances."""
        low, high = self.track_distance or (metres, metres)
        self.track_distance = (min(low, metres), max(high, metres))

    def extend_to(self, moment: datetime) -> None:
        """Push the activity's end out to ``moment`` if it is later."""
        self.end = moment if self.end is None else max(self.end, moment)


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield the workouts and heart-rate samples of every ``.tcx`` file in ``source``."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        for name in tree.names:
            if name.lower().endswith(".tcx"):
                with tree.open_member(name) as stream:
                    yield from parse_stream(stream, errs)


def parse_stream(
    stream: BinaryIO, errors: list[str], provider: Provider = FORMAT, app: str | None = None
) -> Iterator[Record]:
    """Stream one TCX document."""
    path: list[str] = []
    act: _Activity | None = None
    lap_start: datetime | None = None
    lap_seconds = 0.0
    point_time: datetime | None = None
    for event, name, attrs, text in iter_events(stream):
        if event == "start":
            path.append(name)
            if name == "Activity":
                act = _Activity(attrs.get("Sport", "other").lower())
            elif name == "Lap" and act is not None:
                lap_start = parse_iso(attrs["StartTime"])
                act.starts.append(lap_start)
                lap_seconds = 0.0
            elif name == "Trackpoint":
                point_time = None
            continue
        path.pop()
        parent = path[-1] if path else ""
        if act is None or not text and name != "Activity":
            continue
        if name == "Activity":
            yield from _finish(act, provider, app, errors)
            act = None
        elif parent == "Lap":
            if name == "TotalTimeSeconds":
                lap_seconds = float(text)
                if lap_start is not None:
                    act.extend_to(lap_start + timedelta(seconds=lap_seconds))
            elif name == "DistanceMeters":
                act.lap_distance.append(float(text))
            elif name == "Calories":
                act.calories.append(float(text))
        elif name == "Value" and parent == "AverageHeartRateBpm" and path[-2] == "Lap":
            act.lap_hr.append((float(text), lap_seconds))
        elif parent == "Trackpoint":
            if name == "Time":
                point_time = parse_iso(text)
                act.extend_to(point_time)
            elif name == "DistanceMeters":
                act.see_distance(float(text))
        elif name == "Value" and parent == "HeartRateBpm" and point_time is not None:
            act.hr.append((point_time, float(text)))
        elif name == "Name" and parent == "Creator" and path[-2] == "Activity":
            act.device = text


def _finish(
    act: _Activity, provider: Provider, app: str | None, errors: list[str]
) -> Iterator[Record]:
    if not act.starts:
        note(errors, f"{provider}: activity without laps skipped")
        return
    source = SourceInfo(provider, act.device, app)
    if act.lap_hr and sum(w for _, w in act.lap_hr) > 0:
        avg_hr: float | None = sum(v * w for v, w in act.lap_hr) / sum(w for _, w in act.lap_hr)
    elif act.hr:
        avg_hr = sum(v for _, v in act.hr) / len(act.hr)
    else:
        avg_hr = None
    if act.lap_distance:
        distance: float | None = sum(act.lap_distance)
    elif act.track_distance:
        distance = act.track_distance[1] - act.track_distance[0]
    else:
        distance = None
    start = min(act.starts)
    yield Workout(
        act.sport,
        start,
        max(start, act.end or start),
        sum(act.calories) if act.calories else None,
        distance,
        avg_hr,
        source,
    )
    for moment, bpm in act.hr:
        yield Sample("heart_rate_bpm", moment, moment, bpm, "count/min", source)
