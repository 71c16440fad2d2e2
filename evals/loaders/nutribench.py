"""Load NutriBench meal descriptions (WWEIA natural and metric variants).

NutriBench ships ``meal_description, carb, protein, fat, energy`` with grams
and kcal.  The natural and metric files describe the same meals in the same
order, so ids are built from the row number and pair up across variants.
"""

from __future__ import annotations

import csv
from pathlib import Path

from evals.loaders._rows import (
    RowError,
    parse_amount,
    require_columns,
    require_file,
    where,
)
from evals.types import LabeledMeal, LoadResult

COLUMNS: tuple[str, ...] = ("meal_description", "carb", "protein", "fat", "energy")
_TRUTH_COLUMNS: dict[str, str] = {
    "carb": "carbohydrate_g",
    "protein": "protein_g",
    "fat": "fat_g",
    "energy": "energy_kcal",
}


def nutribench_mode(path: Path) -> str:
    """Name the variant from the file name (``natural``, ``metric`` or ``default``)."""
    stem = path.stem.lower()
    for mode in ("natural", "metric"):
        if mode in stem:
            return mode
    return "default"


def load_nutribench(path: Path, mode: str | None = None) -> LoadResult:
    """Read a NutriBench CSV into labelled meals.

    Args:
        path: The CSV file.
        mode: Variant name; guessed from the file name when omitted.

    Returns:
        The meals in file order, and one message per rejected row.
    """
    require_file(path)
    mode = mode or nutribench_mode(path)
    dataset = f"nutribench/{path.stem}"
    meals: list[LabeledMeal] = []
    rejected: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        require_columns(path, header, COLUMNS)
        index = {name.strip(): i for i, name in enumerate(header or [])}
        for row_number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue
            try:
                meals.append(_meal(row, index, len(header or []), row_number, dataset, mode))
            except RowError as exc:
                rejected.append(f"{where(path, reader.line_num)}: {exc}")
    return LoadResult(dataset=dataset, meals=meals, rejected=rejected)


def _meal(
    row: list[str], index: dict[str, int], width: int, number: int, dataset: str, mode: str
) -> LabeledMeal:
    """Validate one row and turn it into a ``LabeledMeal``."""
    if len(row) != width:
        raise RowError(f"expected {width} fields, found {len(row)}")
    text = row[index["meal_description"]].strip()
    if not text:
        raise RowError("meal_description is empty")
    truth = {key: parse_amount(row[index[col]], col) for col, key in _TRUTH_COLUMNS.items()}
    return LabeledMeal(
        id=f"nb-{number:04d}",
        text=text,
        truth=truth,
        dataset=dataset,
        mode=mode,
    )
