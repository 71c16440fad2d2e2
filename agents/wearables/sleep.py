"""Assemble per-segment sleep data (Apple, Google Fit) into whole sleep sessions.

Some exports store one row per stage segment; a night is the run of segments from one
source with no gap longer than ``gap``. Only one open session per source is held, so
memory stays constant however long the export is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from agents.wearables.records import SleepSession, SleepStage, SourceInfo, StageName


@dataclass(slots=True)
class _Open:
    start: datetime
    end: datetime
    stages: list[SleepStage] = field(default_factory=list)


class SleepAssembler:
    """Join stage segments per source into sessions, closing one after a long gap."""

    def __init__(self, gap: timedelta = timedelta(minutes=30)) -> None:
        self._gap = gap
        self._open: dict[SourceInfo, _Open] = {}

    def add(
        self, stage: StageName, start: datetime, end: datetime, source: SourceInfo
    ) -> SleepSession | None:
        """Add a segment; return the session it closed, if it started a new night."""
        closed = None
        current = self._open.get(source)
        if current is not None and (
            start > current.end + self._gap or end < current.start - self._gap
        ):
            closed = self._close(source, current)
            current = None
        if current is None:
            current = self._open[source] = _Open(start, end)
        current.start = min(current.start, start)
        current.end = max(current.end, end)
        current.stages.append(SleepStage(stage, start, end))
        return closed

    def flush(self) -> list[SleepSession]:
        """Close and return every open session (call once the input is exhausted)."""
        sessions = [self._close(src, cur) for src, cur in list(self._open.items())]
        return sessions

    def _close(self, source: SourceInfo, current: _Open) -> SleepSession:
        del self._open[source]
        stages = tuple(sorted(current.stages, key=lambda s: (s.start, s.end)))
        return SleepSession(current.start, current.end, stages, source)
