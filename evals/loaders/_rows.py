"""Small parsing helpers shared by the CSV loaders.

Every loader must refuse bad rows with a message naming the file, the line and
the problem, so the helpers raise ``RowError`` and the loaders collect them.
"""

from __future__ import annotations

import math
from pathlib import Path


class RowError(ValueError):
    """One row cannot be used; the message says why."""


class DatasetError(ValueError):
    """A whole dataset file is unusable (missing, wrong header)."""


def parse_amount(raw: str | None, field: str) -> float:
    """Parse a nutrient amount: a finite, non-negative number.

    Args:
        raw: The cell text (``None`` when the row was too short).
        field: Column name used in the error message.

    Returns:
        The parsed value.

    Raises:
        RowError: If the cell is missing, not a number, not finite or negative.
    """
    if raw is None or not raw.strip():
        raise RowError(f"{field} is empty")
    try:
        value = float(raw)
    except ValueError:
        raise RowError(f"{field}={raw!r} is not a number") from None
    if not math.isfinite(value):
        raise RowError(f"{field}={raw!r} is not finite")
    if value < 0:
        raise RowError(f"{field}={raw!r} is negative")
    return value


def where(path: Path, line: int) -> str:
    """Format a row location the same way in every rejection message."""
    return f"{path.name}:{line}"


def require_file(path: Path) -> Path:
    """Fail early, naming the path, when a dataset file does not exist."""
    if not path.is_file():
        raise DatasetError(f"dataset file not found: {path}")
    return path


def require_columns(path: Path, header: list[str] | None, needed: tuple[str, ...]) -> None:
    """Check that a CSV header holds every column the loader reads.

    Raises:
        DatasetError: Naming the missing columns and the header that was found.
    """
    found = [h.strip() for h in header or []]
    missing = [c for c in needed if c not in found]
    if missing:
        raise DatasetError(f"{path}: missing column(s) {missing}; header is {found}")
