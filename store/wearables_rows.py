"""Table rows of normalized wearable records, encoded for COPY a chunk at a time.

Row building is most of an import's Python work after parsing, and it runs in the
import's parser process (:mod:`store.wearables_feed`): samples are inlined, keys
repeated within a chunk keep their first row (as ``ON CONFLICT DO NOTHING`` would), and
the summary (formats, sources, local days, counts) is gathered on the way.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import islice
from typing import Any

from agents.wearables import DailySummary, Record, Sample, SleepSession, SourceInfo, Workout
from agents.wearables.priority import source_label
from agents.wearables.records import canon_time_micros, sample_key, sample_key_parts
from store.wearables_copy import (
    EPOCH,
    HOUR_US,
    SAMPLE_COLUMNS,
    UNIX_TO_EPOCH_US,
    RowEncoder,
    SampleEncoder,
    payload,
)

CHUNK = 20_000  # records per COPY; a few chunks are held at a time
_LAST_OF_HOUR = timedelta(hours=1, microseconds=-1)
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
COPY_COLUMNS = {**COLUMNS, "wearable_samples": SAMPLE_COLUMNS}  # the order chunks encode
Chunk = tuple[int, bytes]  # rows, binary COPY payload


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
            self.days.add(self.local_day(moment))

    def local_day(self, moment: datetime) -> date:
        """The user's calendar day at ``moment``."""
        return moment.astimezone(self.tz).date()

    def hour_day(self, hour: datetime) -> date | None:
        """The user's day throughout the hour from ``hour``; None if local midnight is in it."""
        day = hour.astimezone(self.tz).date()
        return day if (hour + _LAST_OF_HOUR).astimezone(self.tz).date() == day else None

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

    def read(self) -> int:
        """Records counted so far."""
        return sum(self.records.values())

    def progress(self, phase: str) -> dict[str, Any]:
        """The import row's progress document."""
        return progress_document(phase, self.read(), self.inserted)


def progress_document(phase: str, read: int, inserted: int) -> dict[str, Any]:
    """``{"phase", "records_read", "records_inserted"}`` for the import row."""
    return {"phase": phase, "records_read": read, "records_inserted": inserted}


def row_of(
    record: Record,
    user_id: str,
    import_id: uuid.UUID | str | None,
    activity_length: int | None = None,
) -> tuple[Any, ...]:
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
            record.activity[: ACTIVITY_LENGTH if activity_length is None else activity_length],
            record.start,
            record.end,
            record.energy_kcal,
            record.distance_m,
            record.avg_hr,
        )
    return (*head, record.day, record.kind, record.value)


class RowChunker:
    """Turns records into per-table binary COPY payloads, a chunk of records at a time.

    Within a chunk a repeated key keeps its first row (as ``ON CONFLICT DO NOTHING``
    would) and rows are sorted by key, so the server walks its primary-key index in
    order instead of jumping about. Samples are most of any export: their work is
    inlined in :meth:`next`.
    """

    def __init__(
        self,
        summary: ImportSummary,
        user_id: str,
        import_id: uuid.UUID | str | None,
        *,
        chunk: int | None = None,
        activity_length: int | None = None,
    ) -> None:
        self.summary = summary
        self.user_id, self.import_id = user_id, import_id
        self.chunk = CHUNK if chunk is None else chunk
        self.activity_length = activity_length
        self._samples = SampleEncoder(user_id, import_id)
        self._others = {t: RowEncoder(COLUMNS[t]) for t in COLUMNS}
        self._hour_days: dict[int, date | None] = {}  # None: local midnight falls in the hour

    def next(self, records: Iterator[Record]) -> dict[str, Chunk]:
        """Payloads per table for the next records (no table: the records are done)."""
        others: dict[str, dict[str, bytes]] = {t: {} for t in COLUMNS}
        samples: dict[str, bytes] = {}
        summary, count = self.summary, 0
        prefix_of, encode, time_of = self._samples.prefix, self._samples.tail, canon_time_micros
        shift = UNIX_TO_EPOCH_US
        days, hour_days, hour_day = summary.days, self._hour_days, self._hour_day
        last_source, last_kind, prefix, last_hour, day = None, None, b"", -1, None
        head = tail = ""
        for record in islice(records, self.chunk):
            if record.__class__ is not Sample:
                summary.add(record)
                row = row_of(record, self.user_id, self.import_id, self.activity_length)
                table = TABLE_OF[type(record)]
                if row[1] not in others[table]:
                    others[table][row[1]] = self._others[table].encode(row)
                continue
            count += 1
            s, kind, start, end = record.source, record.kind, record.start, record.end
            if s is not last_source or kind is not last_kind:
                if s is not last_source:
                    summary.add_source(s)
                last_source, last_kind, prefix = s, kind, prefix_of(s, kind)
                head, tail = sample_key_parts(s, kind)
            start_text, start_us = time_of(start)
            end_text, end_us = (start_text, start_us) if end is start else time_of(end)
            start_us, end_us = start_us - shift, end_us - shift  # to PostgreSQL's epoch
            if start_us // HOUR_US != last_hour:  # the local day is looked up once an hour
                last_hour = start_us // HOUR_US
                day = hour_days.get(last_hour) or hour_day(last_hour)
                if day is not None:
                    days.add(day)
            if day is None:
                days.add(summary.local_day(start))
            key = sample_key(head, start_text, end_text, record.value, tail)  # = dedupe_key()
            if key not in samples:
                samples[key] = prefix + encode(key, start_us, end_us, record.value)
        summary.records["samples"] += count
        others["wearable_samples"] = samples
        return {t: (len(rows), payload(rows)) for t, rows in others.items() if rows}

    def _hour_day(self, hour: int) -> date | None:
        """:meth:`ImportSummary.hour_day` of the ``hour``-th hour since the COPY epoch."""
        if len(self._hour_days) >= 1 << 16:
            self._hour_days.clear()
        day = self._hour_days[hour] = self.summary.hour_day(EPOCH + timedelta(hours=hour))
        return day
