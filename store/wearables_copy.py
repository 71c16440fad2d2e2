"""PostgreSQL binary ``COPY`` encoding of wearable rows, done by the import's parser process.

Encoding in the process that parses (instead of asyncpg's encoder in the process that
talks to the server) leaves the server connection with bytes to forward only. Samples,
most of any export, have a fast path: the columns that repeat for a source and kind
(user, import, provider, device, app, kind) are encoded once, and the rest of a row is
one ``struct`` pack. Other rows are encoded field by field from their column types.
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from agents.wearables.records import SourceInfo

HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
TRAILER = struct.pack(">h", -1)
NULL = struct.pack(">i", -1)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # PostgreSQL's timestamp and date epoch
UNIX_TO_EPOCH_US = (EPOCH - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
HOUR_US = 3_600_000_000
_EPOCH_DAY = date(2000, 1, 1).toordinal()
_MICRO = timedelta(microseconds=1)
_LEN = struct.Struct(">i").pack
_F8 = struct.Struct(">id").pack
_TS = struct.Struct(">iq").pack
_DATE = struct.Struct(">ii").pack
_SAMPLE_TAIL = struct.Struct(">i40siqiqid").pack  # dedupe_key, start_at, end_at, value

SAMPLE_COLUMNS = (
    "user_id",
    "import_id",
    "provider",
    "device",
    "app",
    "kind",
    "dedupe_key",
    "start_at",
    "end_at",
    "value",
)


def _text(value: str) -> bytes:
    data = value.encode()
    return _LEN(len(data)) + data


def _uuid(value: uuid.UUID | str) -> bytes:
    raw = value.bytes if isinstance(value, uuid.UUID) else uuid.UUID(value).bytes
    return _LEN(16) + raw


def micros(moment: datetime) -> int:
    """``moment`` as PostgreSQL stores a ``timestamptz``: microseconds since :data:`EPOCH`."""
    return (moment - EPOCH) // _MICRO


def _timestamptz(value: datetime) -> bytes:
    return _TS(8, micros(value))


def _float8(value: float) -> bytes:
    return _F8(8, value)


def _date(value: date) -> bytes:
    return _DATE(4, value.toordinal() - _EPOCH_DAY)


def _jsonb(value: str) -> bytes:
    data = b"\x01" + value.encode()  # jsonb's binary form: version 1, then the JSON text
    return _LEN(len(data)) + data


Encoder = Callable[[Any], bytes]
_BY_COLUMN: dict[str, Encoder] = {
    "user_id": _text,
    "dedupe_key": _text,
    "provider": _text,
    "device": _text,
    "app": _text,
    "import_id": _uuid,
    "kind": _text,
    "activity": _text,
    "start_at": _timestamptz,
    "end_at": _timestamptz,
    "value": _float8,
    "energy_kcal": _float8,
    "distance_m": _float8,
    "avg_hr": _float8,
    "day": _date,
    "stages": _jsonb,
}


class RowEncoder:
    """Encodes the rows of one table, given in ``columns`` order, as binary COPY tuples."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._fields = [_BY_COLUMN[c] for c in columns]
        self._count = struct.pack(">h", len(columns))

    def encode(self, row: Sequence[Any]) -> bytes:
        """One tuple: field count, then each field (``None`` as NULL)."""
        parts = [self._count]
        for encode, value in zip(self._fields, row, strict=True):
            parts.append(NULL if value is None else encode(value))
        return b"".join(parts)


class SampleEncoder:
    """Encodes samples in :data:`SAMPLE_COLUMNS` order, the repeated columns memoised."""

    def __init__(self, user_id: str, import_id: uuid.UUID | str | None) -> None:
        self._head = struct.pack(">h", len(SAMPLE_COLUMNS)) + _text(user_id)
        self._head += NULL if import_id is None else _uuid(import_id)
        self._prefixes: dict[tuple[str, str | None, str | None, str], bytes] = {}

    def prefix(self, source: SourceInfo, kind: str) -> bytes:
        """Everything of a row before its key: fixed for one source and kind."""
        key = (source.provider, source.device, source.app, kind)
        found = self._prefixes.get(key)
        if found is None:
            if len(self._prefixes) > 4096:  # real exports have a few dozen; bound the rest
                self._prefixes.clear()
            parts = [self._head] + [NULL if p is None else _text(p) for p in key]
            found = self._prefixes[key] = b"".join(parts)
        return found

    @staticmethod
    def tail(key: str, start_us: int, end_us: int, value: float) -> bytes:
        """The key (40 hex digits), interval (:func:`micros`) and value of a row."""
        return _SAMPLE_TAIL(40, key.encode(), 8, start_us, 8, end_us, 8, value)


def payload(rows: dict[str, bytes]) -> bytes:
    """A complete binary COPY stream of ``rows``' tuples, in key order."""
    return b"".join([HEADER, *map(rows.__getitem__, sorted(rows)), TRAILER])
