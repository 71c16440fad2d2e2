"""Reading Samsung Health's CSV dialect into plain ``{column: value}`` rows.

Every export CSV starts with a UTF-8 BOM and a metadata line (``<datatype>,<version>,<n>``)
before the real header, data rows carry one trailing field more than the header, and
column names are sometimes prefixed with the data type (``com.samsung.health.step_count.
start_time``) and sometimes not; rows come out keyed by the bare column name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import BinaryIO

from agents.wearables.timeutil import from_epoch_ms


def data_type(name: str) -> str:
    """``com.samsung.shealth.exercise.20251215221761.csv`` → ``com.samsung.shealth.exercise``."""
    stem = PurePosixPath(name).name.removesuffix(".csv")
    head, _, tail = stem.rpartition(".")
    return head if tail.isdigit() else stem


def is_samsung_csv(name: str) -> bool:
    """Whether ``name`` looks like a Samsung Health export CSV."""
    base = PurePosixPath(name).name
    return base.endswith(".csv") and base.startswith(
        ("com.samsung.shealth.", "com.samsung.health.")
    )


def bare(column: str) -> str:
    """Strip the ``com.samsung.…`` data-type prefix from a column name."""
    return column.rsplit(".", 1)[-1] if column.startswith("com.samsung.") else column


def read_rows(stream: BinaryIO) -> Iterator[dict[str, str]]:
    """Yield rows keyed by bare column names (prefixed names win on a clash)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    first = text.readline()
    reader = csv.reader(text)
    fields = next(csv.reader([first]), [])
    if len(fields) == 3 and fields[1].strip().isdigit():  # <datatype>,<version>,<n>
        header = next(reader, [])
    else:  # no metadata line: the first line was the header
        header = fields
    order = sorted(range(len(header)), key=lambda i: header[i].startswith("com.samsung."))
    for row in reader:
        yield {bare(header[i]): row[i] for i in order if i < len(row)}


def cell_float(row: dict[str, str], column: str) -> float | None:
    """A numeric cell, ``None`` when blank or missing."""
    value = row.get(column, "")
    return float(value) if value.strip() else None


def cell_time(row: dict[str, str], column: str) -> datetime | None:
    """A UTC time cell: ``YYYY-MM-DD HH:MM:SS.mmm`` text or epoch milliseconds."""
    value = row.get(column, "").strip()
    if not value:
        return None
    if value.isdigit():
        return from_epoch_ms(value)
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
