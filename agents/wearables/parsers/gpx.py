"""GPX 1.0/1.1 tracks → one Workout per timed ``<trk>`` (distance, duration, heart rate).

Parsed as a namespace-blind event stream (so both GPX versions read the same) with
distance accumulated point by point using gpxpy's own 2-D formula, which makes the
figure identical to ``gpxpy``'s ``length_2d`` without holding the track in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from gpxpy.geo import distance as geo_distance

from agents.wearables.records import Provider, Record, Sample, SourceInfo, Workout
from agents.wearables.safety import note
from agents.wearables.sources import SourceLike, as_tree
from agents.wearables.timeutil import parse_iso
from agents.wearables.xmlstream import iter_events

FORMAT: Provider = "gpx"


@dataclass(slots=True)
class _Track:
    name: str = ""
    activity: str = ""
    metres: float = 0.0
    first: datetime | None = None
    last: datetime | None = None
    hr: list[tuple[datetime, float]] = field(default_factory=list)
    previous: tuple[float, float] | None = None


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield the workouts of every ``.gpx`` file in ``source``."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        for name in tree.names:
            if name.lower().endswith(".gpx"):
                with tree.open_member(name) as stream:
                    yield from parse_stream(stream, errs)


def parse_stream(stream: BinaryIO, errors: list[str]) -> Iterator[Record]:
    """Stream one GPX document."""
    path: list[str] = []
    track: _Track | None = None
    app: str | None = None
    point: tuple[float, float] | None = None
    point_time: datetime | None = None
    point_hr: float | None = None
    for event, name, attrs, text in iter_events(stream):
        if event == "start":
            path.append(name)
            if name == "gpx":
                app = attrs.get("creator") or None
            elif name == "trk":
                track = _Track()
            elif name == "trkseg" and track is not None:
                track.previous = None
            elif name == "trkpt" and track is not None:
                point = (float(attrs["lat"]), float(attrs["lon"]))
                point_time, point_hr = None, None
            continue
        path.pop()
        if track is None:
            continue
        parent = path[-1] if path else ""
        if name == "trkpt" and point is not None:
            _add_point(track, point, point_time, point_hr)
            point = None
        elif name == "time" and parent == "trkpt":
            point_time = parse_iso(text)
        elif name == "hr" and point is not None and text:
            point_hr = float(text)
        elif parent == "trk" and name in ("name", "type"):
            setattr(track, "activity" if name == "type" else "name", text)
        elif name == "trk":
            yield from _finish(track, SourceInfo(FORMAT, None, app), errors)
            track = None


def _add_point(
    track: _Track, here: tuple[float, float], moment: datetime | None, bpm: float | None
) -> None:
    if track.previous is not None:
        step = geo_distance(here[0], here[1], None, track.previous[0], track.previous[1], None)
        track.metres += step or 0.0
    track.previous = here
    if moment is not None:
        track.first = moment if track.first is None else min(track.first, moment)
        track.last = moment if track.last is None else max(track.last, moment)
        if bpm is not None:
            track.hr.append((moment, bpm))


def _finish(track: _Track, source: SourceInfo, errors: list[str]) -> Iterator[Record]:
    if track.first is None or track.last is None:
        note(errors, f"gpx: track {track.name!r} has no timed points; skipped")
        return
    avg_hr = sum(b for _, b in track.hr) / len(track.hr) if track.hr else None
    yield Workout(
        track.activity.lower() or "unknown",
        track.first,
        track.last,
        None,
        track.metres,
        avg_hr,
        source,
    )
    for moment, bpm in track.hr:
        yield Sample("heart_rate_bpm", moment, moment, bpm, "count/min", source)
