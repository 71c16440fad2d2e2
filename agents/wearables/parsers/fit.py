"""Garmin FIT files (activity, monitoring, weight scale) decoded with fitdecode.

A FIT file is decoded completely, with CRCs enforced, *before* its first record is
yielded: a truncated, bit-flipped or mislabelled file raises one
:class:`WearableFormatError` and contributes nothing, so a caller can reject the whole
import. FIT files are small (a day or one workout), so holding one file's records is fine.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

from agents.wearables.parsers.fit_monitoring import MonitoringState
from agents.wearables.records import Provider, Record, Sample, SourceInfo, Workout
from agents.wearables.safety import WearableFormatError
from agents.wearables.sources import SourceLike, as_tree

FORMAT: Provider = "garmin_fit"
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
MAX_FIT_BYTES = 256 << 20
_KEPT = {
    "file_id",
    "record",
    "session",
    "monitoring",
    "monitoring_info",
    "activity",
    "weight_scale",
}


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield the records of every ``.fit`` file in ``source`` (each decoded in full first)."""
    with as_tree(source) as tree:
        for name in tree.names:
            if name.lower().endswith(".fit"):
                with tree.open_member(name) as stream:
                    data = stream.read(MAX_FIT_BYTES + 1)
                if len(data) > MAX_FIT_BYTES:
                    raise WearableFormatError(f"FIT file {name} is larger than 256 MiB")
                yield from decode(data, name)


def decode(data: bytes, name: str = "FIT file") -> list[Record]:
    """Decode one FIT file into records, or raise a one-line WearableFormatError."""
    try:
        messages = _messages(data)
    except (
        fitdecode.FitError,
        struct.error,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        EOFError,
    ) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise WearableFormatError(f"corrupt FIT file {name}: {reason}") from None
    if not messages:
        raise WearableFormatError(f"corrupt FIT file {name}: no data messages")
    return _records(messages)


def _messages(data: bytes) -> list[tuple[str, dict[str, Any], int | None, int | None]]:
    """(name, fields, raw timestamp, raw cycles) for the message types we use."""
    found = []
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if frame.frame_type != fitdecode.FIT_FRAME_DATA or frame.name not in _KEPT:
                continue
            if frame.name == "record":  # thousands per file: read only what we use
                fields = {k: frame.get_value(k, fallback=None) for k in ("timestamp", "heart_rate")}
            else:
                fields = {f.name: f.value for f in frame.fields}
            stamp = frame.get_raw_value("timestamp", fallback=None)
            cycles = frame.get_raw_value(3, fallback=None) if frame.name == "monitoring" else None
            found.append((frame.name, fields, stamp, cycles))
    return found


def _records(messages: list[tuple[str, dict[str, Any], int | None, int | None]]) -> list[Record]:
    source = SourceInfo(FORMAT)
    monitoring: MonitoringState | None = None
    last_stamp: int | None = None
    out: list[Record] = []
    for name, fields, stamp, cycles in messages:
        if isinstance(stamp, int):
            last_stamp = stamp
        if name == "file_id":
            source = SourceInfo(FORMAT, _device(fields))
        elif (
            name == "monitoring_info" and fields.get("local_timestamp") and fields.get("timestamp")
        ):
            offset = fields["local_timestamp"] - fields["timestamp"]
            monitoring = MonitoringState(source, offset)
        elif name == "monitoring":
            t16 = fields.get("timestamp_16")
            if t16 is not None and last_stamp is not None:
                last_stamp += (int(t16) - (last_stamp & 0xFFFF)) & 0xFFFF
            if last_stamp is None:
                continue
            monitoring = monitoring or MonitoringState(source, timedelta(0))
            when = FIT_EPOCH + timedelta(seconds=last_stamp)
            monitoring.add(when, fields, cycles, out)
        elif name == "record" and fields.get("heart_rate") and fields.get("timestamp"):
            moment = fields["timestamp"]
            out.append(
                Sample(
                    "heart_rate_bpm",
                    moment,
                    moment,
                    float(fields["heart_rate"]),
                    "count/min",
                    source,
                )
            )
        elif name == "weight_scale" and fields.get("weight") and fields.get("timestamp"):
            moment = fields["timestamp"]
            out.append(
                Sample("body_mass_kg", moment, moment, float(fields["weight"]), "kg", source)
            )
        elif name == "session" and fields.get("start_time"):
            out.append(_workout(fields, source))
    if monitoring is not None:
        out.extend(monitoring.daily())
    return out


def _workout(fields: dict[str, Any], source: SourceInfo) -> Workout:
    start: datetime = fields["start_time"]
    elapsed = fields.get("total_elapsed_time") or fields.get("total_timer_time")
    end = start + timedelta(seconds=float(elapsed)) if elapsed else fields.get("timestamp", start)
    energy, distance, hr = (
        fields.get(k) for k in ("total_calories", "total_distance", "avg_heart_rate")
    )
    return Workout(
        str(fields.get("sport") or "generic"),
        start,
        end,
        float(energy) if energy is not None else None,
        float(distance) if distance is not None else None,
        float(hr) if hr is not None else None,
        source,
    )


def _device(fields: dict[str, Any]) -> str | None:
    maker = fields.get("manufacturer")
    product = fields.get("garmin_product") or fields.get("product")
    parts = [str(p) for p in (maker, product) if p not in (None, "")]
    return " ".join(parts) or None
