"""Load the project's own labelled meals from ``evals/datasets/<name>.csv``.

Labels are computed by ``evals.builtin_labels`` from USDA SR28; every row must
carry its ``label_source`` so a label without provenance is refused.
"""

from __future__ import annotations

import csv
from pathlib import Path

from evals.loaders._rows import (
    DatasetError,
    RowError,
    parse_amount,
    require_columns,
    require_file,
    where,
)
from evals.types import NUTRIENT_KEYS, LabeledMeal, LoadResult

DATASETS_DIR = Path(__file__).resolve().parents[1] / "datasets"
DEFAULT_NAME = "builtin_meals"
COLUMNS: tuple[str, ...] = ("id", "text", *NUTRIENT_KEYS, "label_source")


def builtin_path(name: str = DEFAULT_NAME) -> Path:
    """Locate a built-in dataset by name (a bare name, no directories)."""
    if not name or Path(name).name != name:
        raise DatasetError(f"built-in dataset name must be a bare file stem, got {name!r}")
    return DATASETS_DIR / f"{name}.csv"


def load_builtin(path: Path, mode: str = "natural") -> LoadResult:
    """Read a built-in labelled-meal CSV.

    Args:
        path: The CSV (see ``builtin_path``).
        mode: Variant name recorded on each meal.

    Returns:
        Meals in file order and one message per rejected row (duplicate ids,
        empty text, bad numbers, missing provenance).
    """
    require_file(path)
    dataset = f"builtin/{path.stem}"
    meals: list[LabeledMeal] = []
    rejected: list[str] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        require_columns(path, list(reader.fieldnames or []), COLUMNS)
        for row in reader:
            try:
                meal = _meal(row, dataset, mode, seen)
            except RowError as exc:
                rejected.append(f"{where(path, reader.line_num)}: {exc}")
                continue
            seen.add(meal.id)
            meals.append(meal)
    return LoadResult(dataset=dataset, meals=meals, rejected=rejected)


def _meal(
    row: dict[str | None, str | None], dataset: str, mode: str, seen: set[str]
) -> LabeledMeal:
    """Validate one row; ``DictReader`` puts surplus cells under the ``None`` key."""
    if None in row or any(row.get(c) is None for c in COLUMNS):
        raise RowError("wrong number of fields")
    meal_id, text = (row["id"] or "").strip(), (row["text"] or "").strip()
    if not meal_id or not text:
        raise RowError("id and text must not be empty")
    if meal_id in seen:
        raise RowError(f"duplicate id {meal_id!r}")
    if not (row["label_source"] or "").strip():
        raise RowError(f"{meal_id}: label_source is empty (labels need provenance)")
    truth = {key: parse_amount(row[key], key) for key in NUTRIENT_KEYS}
    return LabeledMeal(id=meal_id, text=text, truth=truth, dataset=dataset, mode=mode)
