"""Table rows of normalized wearable records, built in chunks off the event loop.

Row building is most of an import's Python work: samples are inlined, keys repeated
within a chunk keep their first row (as ``ON CONFLICT DO NOTHING`` would), and the
summary (formats, sources, local days, counts) is gathered on the way.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, tzinfo
from itertools import islice
from typing import Any

from agents.wearables import DailySummary, Record, Sample, SleepSession, SourceInfo, Workout
from agents.wearables.priority import source_label

CHUNK = 20_000  # records per COPY; at most two chunks are held at a time
ACTIVITY_LENGTH = 64  # the workouts.activity column; longer exported names are cut, not refused
RECORD_TYPES = {
    Sample: "samples",
    SleepSession: "sleep_sessions",
    Workout: "workouts",
    DailySummary: "daily_summaries",
}
_SOURCED = ("user_id", "dedupe_key", "provider", "device", "app", "import_id")
COLUMNS: dict[str, tuple[str, ...]] = {
    "wearable_samples": (*_SOURCED, "kind", "start_at", "end_at", "value"),
    "wearable_sleep": (*_SOURCED, "start_at", "end_at", "stages"),
    "wearable_workouts": (
        *_SOURCED,
        "activity",
        "start_at",
        "end_at",
        "energy_kcal",
        "distance_m",
        "avg_hr",
    ),
    "wearable_daily": (*_SOURCED, "day", "kind", "value"),
}
TABLE_OF = dict(zip(RECORD_TYPES, COLUMNS, strict=True))  # record type -> table


@dataclass(slots=True)
class ImportSummary:
    """What an import found; ``as_json()`` is the CLI's and API's summary document."""

    format: str
    tz: tzinfo
    sources: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES.values(), 0))
    inserted: int = 0
    errors: list[str] = field(default_factory=list)

    _seen: set[tuple[str, str | None, str | None]] = field(
        default_factory=set, init=False, repr=False, compare=False
    )

    def add(self, record: Record) -> None:
        """Count one parsed record, its source and its local day."""
        self.records[RECORD_TYPES[type(record)]] += 1
        self.add_source(record.source)
        if isinstance(record, DailySummary):
            self.days.add(record.day)
        else:
            moment = record.end if isinstance(record, SleepSession) else record.start
            self.days.add(moment.astimezone(self.tz).date())

    def add_source(self, source: SourceInfo) -> None:
        """Note a record's source (a parser makes many equal ``SourceInfo`` objects)."""
        key = (source.provider, source.device, source.app)
        if key not in self._seen:
            self._seen.add(key)
            self.sources.add(source_label(source))

    def as_json(self) -> dict[str, Any]:
        """``{"format", "sources", "days", "first_day", "last_day", "records", "errors"}``."""
        return {
            "format": self.format,
            "sources": sorted(self.sources),
            "days": len(self.days),
            "first_day": min(self.days).isoformat() if self.days else None,
            "last_day": max(self.days).isoformat() if self.days else None,
            "records": dict(self.records),
            "errors": list(self.errors),
        }

    def progress(self, phase: str) -> dict[str, Any]:
        """The import row's progress document."""
        return {
            "phase": phase,
            "records_read": sum(self.records.values()),
            "records_inserted": self.inserted,
        }


def row_of(record: Record, user_id: str, import_id: uuid.UUID | str | None) -> tuple[Any, ...]:
    """The table row of a record, in :data:`COLUMNS` order."""
    s = record.source
    head = (user_id, record.dedupe_key(), s.provider, s.device, s.app, import_id)
    if isinstance(record, Sample):
        return (*head, record.kind, record.start, record.end, record.value)
    if isinstance(record, SleepSession):
        stages = [
            {"stage": st.stage, "start": st.start.isoformat(), "end": st.end.isoformat()}
            for st in record.stages
        ]
        return (*head, record.start, record.end, json.dumps(stages))
    if isinstance(record, Workout):
        return (
            *head,
            record.activity[:ACTIVITY_LENGTH],
            record.start,
            record.end,
            record.energy_kcal,
            record.distance_m,
            record.avg_hr,
        )
    return (*head, record.day, record.kind, record.value)


def chunk_rows(
    records: Iterator[Record],
    summary: ImportSummary,
    user_id: str,
    import_id: uuid.UUID | str | None,
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows per table for the next :data:`CHUNK` records, counted into ``summary``.

    A key repeated within the chunk keeps its first row, as ``ON CONFLICT DO NOTHING``
    would. Samples are most of any export, so their work is inlined here.
    """
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
    samples, seen, count = rows["wearable_samples"], set(), 0
    days, tz, last_source = summary.days, summary.tz, None
    for record in islice(records, CHUNK):
        if record.__class__ is not Sample:
            summary.add(record)
            row = row_of(record, user_id, import_id)
            if row[1] not in seen:
                seen.add(row[1])
                rows[TABLE_OF[type(record)]].append(row)
            continue
        count += 1
        s, start = record.source, record.start
        if s is not last_source:
            last_source = s
            summary.add_source(s)
        days.add(start.astimezone(tz).date())
        key = record.dedupe_key()
        if key in seen:
            continue
        seen.add(key)
        provider, device, app = s.provider, s.device, s.app
        kind, end, value = record.kind, record.end, record.value
        samples.append((user_id, key, provider, device, app, import_id, kind, start, end, value))
    summary.records["samples"] += count
    return rows
