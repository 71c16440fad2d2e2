"""Small checks shared by the USDA release parsers.

Every parser reports problems the same way: an ``ImportFormatError`` that
names the file and what is wrong with it, so an operator can fix the download
instead of reading a traceback.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from store.records import ImportFormatError

_LEADING_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)(?:\s+(\d+)/(\d+)|/(\d+))?(?:\s+(.*))?$")


def require_dir(directory: Path, what: str) -> Path:
    """Return ``directory`` if it exists, else fail naming the release expected there."""
    if not directory.is_dir():
        raise ImportFormatError(f"{what}: directory not found: {directory}")
    return directory


def require_file(path: Path, what: str) -> Path:
    """Return ``path`` if it is a file, else fail naming the release it belongs to."""
    if not path.is_file():
        raise ImportFormatError(f"{what}: required file missing: {path}")
    return path


def parse_float(text: object, where: object, column: str) -> float:
    """Parse a finite number from a text field or spreadsheet cell.

    ``where`` (file and row) is only turned into text when the cell is bad, so
    callers on hot paths can pass a cheap object instead of a formatted string.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        raise ImportFormatError(f"{where}: {column} is not a number: {text!r}")
    try:
        value = float(text)
    except ValueError:
        raise ImportFormatError(f"{where}: {column} is not a number: {text!r}") from None
    if not math.isfinite(value):
        raise ImportFormatError(f"{where}: {column} is not a finite number: {text!r}")
    return value


def format_amount(amount: float) -> str:
    """Write an amount the way a person would ("0.5", "1", "0.333")."""
    return f"{amount:g}"


def split_measure(description: str) -> tuple[float, str]:
    """Split a household measure such as "1 cup", "1/2 bagel" or "1 1/2 cups".

    Descriptions without a clean leading number ("Quantity not specified",
    "1-3 ring pretzel") count as one of themselves: the unit keeps the full text.
    """
    match = _LEADING_AMOUNT.match(description)
    if match is None:
        return 1.0, description.strip()
    whole, num, den, bare_den, rest = match.groups()
    amount = float(whole)
    if num is not None and float(den) != 0:
        amount += float(num) / float(den)
    elif bare_den is not None and float(bare_den) != 0:
        amount /= float(bare_den)
    unit = (rest or "").strip()
    return amount, unit or description.strip()


def cell_text(value: object) -> str:
    """Spreadsheet cell as trimmed text; whole-number floats lose their ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


@dataclass(frozen=True, slots=True)
class Table:
    """A worksheet's data rows addressed by header name, remembering where each came from."""

    path: Path
    columns: dict[str, int]
    data: list[tuple[int, list[object]]]

    def rows(self) -> range:
        """Indices of the non-blank data rows below the header."""
        return range(len(self.data))

    def cell(self, row: int, header: str) -> object:
        """The cell under ``header``; short rows read as blank."""
        cells = self.data[row][1]
        index = self.columns[header]
        return cells[index] if index < len(cells) else ""

    def where(self, row: int) -> str:
        """The file and spreadsheet row number, for error messages."""
        return f"{self.path}: row {self.data[row][0]}"


def read_table(path: Path, required: Sequence[str], search_rows: int = 20) -> Table:
    """Read the first sheet whose header row (within ``search_rows``) has ``required``.

    USDA workbooks put title rows above the header, so the header is found by
    content rather than position; header text is compared with whitespace
    collapsed (a header with a line break inside matches the one-line name).
    """
    require_file(path, "workbook")
    best: set[str] = set()
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for sheet in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(sheet).to_python()
            for number, row in enumerate(rows[:search_rows], start=1):
                headers: dict[str, int] = {}
                for index, value in enumerate(row):
                    headers.setdefault(cell_text(value), index)
                found = set(required) & set(headers)
                if len(found) == len(set(required)):
                    data: list[tuple[int, list[object]]] = [
                        (number + offset, list[object](cells))
                        for offset, cells in enumerate(rows[number:], start=1)
                        if any(cell != "" for cell in cells)
                    ]
                    return Table(path, headers, data)
                best = max(best, found, key=len)
    except (CalamineError, OSError) as exc:
        raise ImportFormatError(
            f"{path}: cannot read workbook ({exc}); truncated or not an .xlsx file?"
        ) from exc
    missing = ", ".join(repr(name) for name in required if name not in best)
    raise ImportFormatError(f"{path}: no sheet has a header row with columns {missing}")
