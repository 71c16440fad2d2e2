"""Load labelled food-search phrases: ``phrase,accepted,reason``.

``accepted`` is a ``;``-separated list of ``source:source_id`` keys (for
example ``sr28:01077;fndds:11111000``); any of them counts as a correct hit.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from evals.loaders._rows import RowError, require_columns, require_file, where
from evals.types import FoodSearchCase, FoodSearchLoadResult

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "datasets" / "food_search.csv"
COLUMNS: tuple[str, ...] = ("phrase", "accepted", "reason")
_KEY = re.compile(r"^[a-z0-9_-]+:\S+$")


def parse_accepted(raw: str) -> tuple[str, ...]:
    """Split and validate the accepted keys, keeping their order and dropping repeats.

    Raises:
        RowError: When the list is empty or a key is not ``source:source_id``.
    """
    keys = [k.strip() for k in raw.split(";") if k.strip()]
    if not keys:
        raise RowError("accepted is empty")
    bad = [k for k in keys if not _KEY.match(k)]
    if bad:
        raise RowError(f"accepted key(s) {bad} are not 'source:source_id'")
    return tuple(dict.fromkeys(keys))


def load_food_search(path: Path = DEFAULT_PATH) -> FoodSearchLoadResult:
    """Read the food-search phrases.

    Args:
        path: The CSV file.

    Returns:
        Cases in file order and one message per rejected row (empty phrase,
        malformed keys, wrong field count, duplicate phrase).
    """
    require_file(path)
    dataset = f"food-search/{path.stem}"
    cases: list[FoodSearchCase] = []
    rejected: list[str] = []
    first_line: dict[str, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(path, list(reader.fieldnames or []), COLUMNS)
        for number, row in enumerate(reader, start=1):
            try:
                if None in row or any(row.get(c) is None for c in COLUMNS):
                    raise RowError("wrong number of fields")
                phrase = " ".join((row["phrase"] or "").split())
                if not phrase:
                    raise RowError("phrase is empty")
                if phrase.lower() in first_line:
                    raise RowError(f"duplicate phrase (first at line {first_line[phrase.lower()]})")
                accepted = parse_accepted(row["accepted"] or "")
            except RowError as exc:
                rejected.append(f"{where(path, reader.line_num)}: {exc}")
                continue
            first_line[phrase.lower()] = reader.line_num
            reason = (row["reason"] or "").strip()
            cases.append(FoodSearchCase(f"fs-{number:04d}", phrase, accepted, reason))
    return FoodSearchLoadResult(dataset=dataset, cases=cases, rejected=rejected)
