"""Parse the FNDDS "At A Glance" workbooks into ``FoodRecord``s.

FNDDS is what national dietary surveys code foods against, and its
"Additional food description" synonyms are the best search aid USDA ships.
All four workbooks are read and cross-checked before the first record is
yielded, so a damaged download never loads half a release.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from store.importers._common import (
    Table,
    cell_text,
    parse_float,
    read_table,
    require_dir,
    split_measure,
)
from store.records import FoodRecord, ImportFormatError, PortionRecord

_WHAT = "FNDDS"
CODE = "Food code"
_DESCRIPTION = "Main food description"
_ADDITIONAL = "Additional food description"
_CATEGORY = "WWEIA Category description"
_CATEGORY_NUMBER = "WWEIA Category number"
_SEQ = "Seq num"
_PORTION = "Portion description"
_PORTION_WEIGHT = "Portion weight (g)"
_INGREDIENT = "Ingredient code"

NUTRIENT_COLUMNS: dict[str, str] = {
    "Energy (kcal)": "energy_kcal",
    "Protein (g)": "protein_g",
    "Carbohydrate (g)": "carbohydrate_g",
    "Sugars, total (g)": "sugars_g",
    "Fiber, total dietary (g)": "fiber_g",
    "Total Fat (g)": "fat_g",
    "Fatty acids, total saturated (g)": "saturated_fat_g",
    "Fatty acids, total monounsaturated (g)": "monounsaturated_fat_g",
    "Fatty acids, total polyunsaturated (g)": "polyunsaturated_fat_g",
    "Cholesterol (mg)": "cholesterol_mg",
    "Vitamin A, RAE (mcg_RAE)": "vitamin_a_rae_ug",
    "Folate, DFE (mcg_DFE)": "folate_dfe_ug",
    "Vitamin B-12 (mcg)": "vitamin_b12_ug",
    "Vitamin C (mg)": "vitamin_c_mg",
    "Vitamin D (D2 + D3) (mcg)": "vitamin_d_ug",
    "Vitamin E (alpha-tocopherol) (mg)": "vitamin_e_mg",
    "Vitamin K (phylloquinone) (mcg)": "vitamin_k_ug",
    "Calcium (mg)": "calcium_mg",
    "Phosphorus (mg)": "phosphorus_mg",
    "Magnesium (mg)": "magnesium_mg",
    "Iron (mg)": "iron_mg",
    "Zinc (mg)": "zinc_mg",
    "Potassium (mg)": "potassium_mg",
    "Sodium (mg)": "sodium_mg",
    "Caffeine (mg)": "caffeine_mg",
    "Alcohol (g)": "alcohol_g",
    "Water (g)": "water_g",
}
"""FNDDS column header (whitespace collapsed) -> canonical nutrient key.

FNDDS has no trans-fat column, so ``trans_fat_g`` is never set here.
"""


def _locate(directory: Path, label: str) -> Path:
    """Find the one workbook whose name ends in ``label`` (any release year prefix)."""
    matches = sorted(directory.glob(f"*{label}.xlsx"))
    if not matches:
        raise ImportFormatError(f"{_WHAT}: no '*{label}.xlsx' workbook in {directory}")
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise ImportFormatError(f"{_WHAT}: several '{label}' workbooks in {directory}: {names}")
    return matches[0]


def _food_code(table: Table, row: int) -> str:
    """Food codes are 8-digit integers that spreadsheets store as floats."""
    value = parse_float(table.cell(row, CODE), table.where(row), CODE)
    if not value.is_integer() or value <= 0:
        raise ImportFormatError(f"{table.where(row)}: {CODE} is not a food code: {value!r}")
    return str(int(value))


def _nutrients(table: Table) -> dict[str, dict[str, float]]:
    values: dict[str, dict[str, float]] = {}
    for row in table.rows():
        code = _food_code(table, row)
        if code in values:
            raise ImportFormatError(f"{table.where(row)}: food code {code} listed twice")
        values[code] = {
            key: parse_float(table.cell(row, header), table.where(row), header)
            for header, key in NUTRIENT_COLUMNS.items()
            if table.cell(row, header) != ""
        }
    return values


def _portions(table: Table) -> dict[str, list[PortionRecord]]:
    portions: dict[str, list[PortionRecord]] = {}
    for row in table.rows():
        where = table.where(row)
        description = cell_text(table.cell(row, _PORTION))
        if not description:
            raise ImportFormatError(f"{where}: empty {_PORTION}")
        amount, unit = split_measure(description)
        portion = PortionRecord(
            description=description,
            amount=amount,
            unit=unit,
            gram_weight=parse_float(table.cell(row, _PORTION_WEIGHT), where, _PORTION_WEIGHT),
            seq=int(parse_float(table.cell(row, _SEQ), where, _SEQ)),
        )
        portions.setdefault(_food_code(table, row), []).append(portion)
    return portions


def _check_known(name: str, codes: set[str] | Counter[str], known: set[str]) -> None:
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ImportFormatError(
            f"{_WHAT}: {name} lists {len(unknown)} food codes missing from Foods and "
            f"Beverages (first: {unknown[0]}); workbooks are from different releases?"
        )


def read_fndds(directory: Path) -> Iterator[FoodRecord]:
    """Yield every FNDDS food with nutrients per 100 g, portions and synonyms.

    A food is a mixed dish when the Ingredients workbook lists more than one
    ingredient for it.

    Raises:
        ImportFormatError: a workbook is missing, truncated or lacks a required
            sheet or column, or the workbooks disagree about the food codes.
    """
    require_dir(directory, _WHAT)
    foods = read_table(
        _locate(directory, "Foods and Beverages"),
        [CODE, _DESCRIPTION, _ADDITIONAL, _CATEGORY_NUMBER, _CATEGORY],
    )
    nutrient_table = read_table(_locate(directory, "Nutrient Values"), [CODE, *NUTRIENT_COLUMNS])
    portion_table = read_table(
        _locate(directory, "Portions and Weights"), [CODE, _SEQ, _PORTION, _PORTION_WEIGHT]
    )
    ingredient_table = read_table(_locate(directory, "Ingredients"), [CODE, _INGREDIENT])

    codes = [_food_code(foods, row) for row in foods.rows()]
    known = set(codes)
    if len(known) != len(codes):
        raise ImportFormatError(f"{foods.path}: a food code is listed more than once")
    nutrients = _nutrients(nutrient_table)
    portions = _portions(portion_table)
    ingredients = Counter(_food_code(ingredient_table, row) for row in ingredient_table.rows())
    _check_known("Nutrient Values", set(nutrients), known)
    _check_known("Portions and Weights", set(portions), known)
    _check_known("Ingredients", ingredients, known)

    for code, row in zip(codes, foods.rows(), strict=True):
        name = cell_text(foods.cell(row, _DESCRIPTION))
        if not name:
            raise ImportFormatError(f"{foods.where(row)}: empty {_DESCRIPTION}")
        extra = {"wweia_category_number": cell_text(foods.cell(row, _CATEGORY_NUMBER))}
        additional = cell_text(foods.cell(row, _ADDITIONAL))
        if additional:
            extra["additional_descriptions"] = additional
        yield FoodRecord(
            source="fndds",
            source_id=code,
            name=name,
            category=cell_text(foods.cell(row, _CATEGORY)) or None,
            nutrients=nutrients.get(code, {}),
            portions=tuple(sorted(portions.get(code, []), key=lambda p: p.seq)),
            is_mixed_dish=ingredients[code] > 1,
            data_type="survey_fndds_food",
            extra=extra,
        )
