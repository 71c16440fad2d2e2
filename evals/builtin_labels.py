"""Compute the built-in meals' labels from USDA SR28 (per 100 g x stated grams).

The recipe file lists, per meal, ``NDB|quantity|measure`` components where the
measure is either ``g`` or a household measure spelled exactly as in SR28
``WEIGHT.txt`` (``1 cup`` = ``Gm_Wgt / Amount`` grams per unit).  The output
CSV records the NDB numbers and grams behind every label in ``label_source``
so anyone can re-derive them.  Run ``python -m evals.builtin_labels`` to
rebuild ``evals/datasets/builtin_meals.csv`` (``--check`` only verifies it).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evals.types import NUTRIENT_KEYS

DATASETS = Path(__file__).resolve().parent / "datasets"
RECIPE = DATASETS / "builtin_meals_recipe.csv"
OUTPUT = DATASETS / "builtin_meals.csv"
_ROOT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SR28_DIR = Path(os.environ.get("NUTRI_SHARED_DIR", _ROOT_SHARED)) / "data" / "usda" / "sr28"
NUTR_NO: dict[str, str] = {
    "205": "carbohydrate_g",
    "203": "protein_g",
    "204": "fat_g",
    "208": "energy_kcal",
}
COLUMNS: tuple[str, ...] = ("id", "text", *NUTRIENT_KEYS, "label_source", "foods")


@dataclass(frozen=True, slots=True)
class Sr28Subset:
    """The slice of SR28 the recipe needs: names, per-100 g values, household weights."""

    names: dict[str, str]
    per_100g: dict[str, dict[str, float]]
    weights: dict[str, list[tuple[float, str, float]]]


def _fields(path: Path) -> list[list[str]]:
    """Split a caret-separated, tilde-quoted, latin-1 SR28 table."""
    with path.open(encoding="latin-1", newline="") as handle:
        return [[f.strip("~") for f in ln.rstrip("\r\n").split("^")] for ln in handle if ln.strip()]


def read_sr28_subset(sr28_dir: Path, ndbs: set[str]) -> Sr28Subset:
    """Read names, macro values and weights for ``ndbs`` only."""
    names = {f[0]: f[2] for f in _fields(sr28_dir / "FOOD_DES.txt") if f[0] in ndbs}
    per_100g: dict[str, dict[str, float]] = {}
    with (sr28_dir / "NUT_DATA.txt").open(encoding="latin-1", newline="") as handle:
        for line in handle:
            if line[1:6] not in ndbs:  # lines start with ~NNNNN~; skip the other 8,700 foods
                continue
            ndb, number, value = (f.strip("~") for f in line.split("^", 3)[:3])
            if ndb in ndbs and number in NUTR_NO:
                per_100g.setdefault(ndb, {})[NUTR_NO[number]] = float(value)
    weights: dict[str, list[tuple[float, str, float]]] = {}
    for f in _fields(sr28_dir / "WEIGHT.txt"):
        if f[0] in ndbs:
            weights.setdefault(f[0], []).append((float(f[2]), f[3], float(f[4])))
    return Sr28Subset(names, per_100g, weights)


def parse_components(text: str) -> list[tuple[str, float, str]]:
    """Split ``NDB|qty|measure; ...`` into ``(ndb, quantity, measure)`` tuples."""
    parts = []
    for chunk in text.split(";"):
        ndb, qty, measure = (p.strip() for p in chunk.split("|"))
        parts.append((ndb, float(qty), measure))
    return parts


def grams_for(ndb: str, qty: float, measure: str, sr28: Sr28Subset) -> float:
    """Convert a quantity of a measure to grams via SR28 WEIGHT (``g`` passes through).

    Raises:
        ValueError: When the measure is unknown or ambiguous for the food.
    """
    if measure == "g":
        return qty
    rows = sr28.weights.get(ndb, [])
    by_desc = [(amount, grams) for amount, desc, grams in rows if desc == measure]
    by_amount = [(amount, grams) for amount, desc, grams in rows if f"{amount:g} {desc}" == measure]
    found = by_desc if len(by_desc) == 1 else by_amount
    if len(found) != 1:
        known = [f"{amount:g} {desc}" for amount, desc, _ in rows]
        count = len(by_desc) or len(by_amount)
        raise ValueError(f"{ndb}: measure {measure!r} matches {count} rows; known: {known}")
    amount, grams = found[0]
    return qty * grams / amount


def label_row(meal_id: str, text: str, components: str, sr28: Sr28Subset) -> dict[str, str]:
    """Compute one output row: totals, the exact provenance and the food names."""
    totals = dict.fromkeys(NUTRIENT_KEYS, 0.0)
    sources, names = [], []
    for ndb, qty, measure in parse_components(components):
        values = sr28.per_100g.get(ndb, {})
        missing = [k for k in NUTRIENT_KEYS if k not in values]
        if ndb not in sr28.names or missing:
            raise ValueError(f"{meal_id}: NDB {ndb} unknown or lacks {missing}")
        grams = grams_for(ndb, qty, measure, sr28)
        for key in NUTRIENT_KEYS:
            totals[key] += values[key] * grams / 100.0
        how = "as stated" if measure == "g" else f"{qty:g} x {measure}"
        sources.append(f"{ndb} {grams:g} g ({how})")
        names.append(sr28.names[ndb])
    row = {"id": meal_id, "text": text, "label_source": "; ".join(sources)}
    row.update({key: f"{totals[key]:.2f}" for key in NUTRIENT_KEYS})
    row["foods"] = " | ".join(names)
    return row


def build_rows(recipe: Path, sr28_dir: Path) -> list[dict[str, str]]:
    """Label every meal in the recipe file."""
    with recipe.open(encoding="utf-8", newline="") as handle:
        meals = list(csv.DictReader(handle))
    ndbs = {ndb for m in meals for ndb, _, _ in parse_components(m["components"])}
    sr28 = read_sr28_subset(sr28_dir, ndbs)
    return [label_row(m["id"], m["text"], m["components"], sr28) for m in meals]


def write_rows(rows: list[dict[str, str]], out: Path) -> None:
    """Write the labelled CSV with a stable column order."""
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuild (or with ``--check`` verify) the built-in labelled meals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sr28", type=Path, default=SR28_DIR)
    parser.add_argument("--recipe", type=Path, default=RECIPE)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    rows = build_rows(args.recipe, args.sr28)
    if args.check:
        with args.out.open(encoding="utf-8", newline="") as handle:
            same = list(csv.DictReader(handle)) == rows
        print(f"{args.out}: {'up to date' if same else 'STALE'}", file=sys.stderr)
        return 0 if same else 1
    write_rows(rows, args.out)
    print(f"wrote {len(rows)} meals to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
