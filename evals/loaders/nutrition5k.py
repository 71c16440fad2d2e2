"""Load Nutrition5k dish metadata as meal descriptions built from ingredients.

Each row is ``dish_id, total_calories, total_mass, total_fat, total_carb,
total_protein`` followed by groups of 7 ``ingr_id, ingr_name, grams, calories,
fat, carb, protein``.  The official release has no header; a leading
``dish_id, ...`` header row is tolerated.  In the cafe2 dev slice every dish
has zero calorie/macro totals but complete ingredient rows, so when *all*
totals are zero while the ingredients are not, the truth is the ingredient sum
(and a note says how often that happened).  Rows whose totals disagree with
their ingredients, whose mass is zero, or whose ingredients lack a name (the
meal text could not describe them) are rejected.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal

from evals.loaders._rows import RowError, parse_amount, require_file, where
from evals.types import LabeledMeal, LoadResult

Nutrition5kMode = Literal["grams", "names-only"]
MODES: tuple[str, ...] = ("grams", "names-only")
_GROUP = 7
_HEAD = 6
# Order of calories/fat/carb/protein in the dish head (offset 1) and in a group (offset 3).
_KEYS: tuple[str, ...] = ("energy_kcal", "fat_g", "carbohydrate_g", "protein_g")


def _agrees(total: float, parts: float) -> bool:
    """Totals are rounded in the release; allow 1 unit or 5 %, whichever is larger."""
    return abs(total - parts) <= max(1.0, 0.05 * abs(total))


def _ingredients(row: list[str]) -> list[tuple[str, list[float]]]:
    """Parse the ingredient groups: name plus grams, calories, fat, carb, protein."""
    groups: list[tuple[str, list[float]]] = []
    for start in range(_HEAD, len(row), _GROUP):
        ingr_id, name, *numbers = row[start : start + _GROUP]
        if not name.strip():
            raise RowError(f"ingredient {ingr_id.strip()} has no name")
        fields = ("grams", "calories", "fat", "carb", "protein")
        values = [
            parse_amount(v, f"{name.strip()} {f}") for v, f in zip(numbers, fields, strict=True)
        ]
        groups.append((name.strip(), values))
    return groups


def _truth(row: list[str], groups: list[tuple[str, list[float]]]) -> tuple[dict[str, float], bool]:
    """Return the truth per nutrient and whether it had to come from the ingredients."""
    heads = ("total_calories", "total_fat", "total_carb", "total_protein")
    totals = [parse_amount(row[i], h) for i, h in zip((1, 3, 4, 5), heads, strict=True)]
    mass = parse_amount(row[2], "total_mass")
    sums = [sum(values[k] for _, values in groups) for k in range(5)]
    if mass <= 0:
        raise RowError("total_mass is zero")
    if not _agrees(mass, sums[0]):
        raise RowError(f"total_mass {mass:g} g != ingredient grams {sums[0]:.1f} g")
    derived = all(t == 0 for t in totals) and any(s > 0 for s in sums[1:])
    if not derived:
        for head, total, part in zip(heads, totals, sums[1:], strict=True):
            if not _agrees(total, part):
                raise RowError(f"{head} {total:g} != ingredient sum {part:.1f}")
    chosen = sums[1:] if derived else totals
    return dict(zip(_KEYS, chosen, strict=True)), derived


def _text(groups: list[tuple[str, list[float]]], mode: Nutrition5kMode) -> str:
    """Describe the dish: ``15.6 g tomatoes, ...`` or just the names."""
    if mode == "names-only":
        return ", ".join(name for name, _ in groups)
    return ", ".join(f"{_grams(values[0])} g {name}" for name, values in groups)


def _grams(grams: float) -> str:
    """One decimal like the spec example, but keep a pinch of salt from reading as 0.0 g."""
    return f"{grams:.2g}" if 0 < grams < 1 else f"{grams:.1f}"


def load_nutrition5k(path: Path, mode: Nutrition5kMode = "grams") -> LoadResult:
    """Read a Nutrition5k dish-metadata CSV into labelled meals.

    Args:
        path: ``dish_metadata_cafe1.csv`` / ``cafe2.csv`` (or a slice of one).
        mode: ``grams`` describes each ingredient with its weight; ``names-only``
            leaves portion estimation to the system under test.

    Returns:
        Meals in file order, rejected-row messages, and notes on derived totals.
    """
    require_file(path)
    if mode not in MODES:
        raise ValueError(f"unknown Nutrition5k mode {mode!r}; expected one of {MODES}")
    dataset = f"nutrition5k/{path.stem}/{mode}"
    meals: list[LabeledMeal] = []
    rejected: list[str] = []
    derived_count = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if reader.line_num == 1 and row[0].strip() == "dish_id":
                continue
            try:
                if len(row) < _HEAD + _GROUP or (len(row) - _HEAD) % _GROUP:
                    raise RowError(f"{len(row)} fields; expected 6 + 7k with k >= 1")
                groups = _ingredients(row)
                truth, derived = _truth(row, groups)
            except RowError as exc:
                rejected.append(f"{where(path, reader.line_num)} {row[0].strip()}: {exc}")
                continue
            derived_count += derived
            meals.append(
                LabeledMeal(
                    id=row[0].strip(),
                    text=_text(groups, mode),
                    truth=truth,
                    dataset=dataset,
                    mode=mode,
                    truth_items=tuple((name, values[0]) for name, values in groups),
                )
            )
    notes = []
    if derived_count:
        notes.append(
            f"{derived_count} dish(es) had all-zero calorie/macro totals; "
            "truth is the sum of their ingredient rows"
        )
    return LoadResult(dataset=dataset, meals=meals, rejected=rejected, notes=notes)
