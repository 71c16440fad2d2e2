"""Parse a FoodData Central CSV release zip into ``FoodRecord``s.

Members are read straight from the zip.  Foundation Foods often report
energy only as Atwater "general"/"specific" values and carbohydrate only "by
summation", so each catalogue nutrient has an ordered list of FDC numbers to
try.  Everything is parsed before the first record is yielded.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

from store.importers._common import format_amount, parse_float, require_file, split_measure
from store.nutrients import BY_USDA_NUMBER, NUTRIENTS
from store.records import FoodRecord, ImportFormatError, PortionRecord

_FALLBACKS: dict[str, tuple[str, ...]] = {
    "208": ("208", "957", "958"),  # Energy; Atwater general; Atwater specific (kcal)
    "205": ("205", "205.2"),  # Carbohydrate by difference; by summation
    "204": ("204", "298"),  # Total lipid; Total fat (NLEA)
    "269": ("269", "269.3"),  # Sugars incl. NLEA; Sugars, Total
}
"""Catalogue number -> FDC nutrient numbers to try, best first."""

FDC_FOOD_CATEGORIES: dict[str, str] = {
    "1": "Dairy and Egg Products",
    "2": "Spices and Herbs",
    "3": "Baby Foods",
    "4": "Fats and Oils",
    "5": "Poultry Products",
    "6": "Soups, Sauces, and Gravies",
    "7": "Sausages and Luncheon Meats",
    "8": "Breakfast Cereals",
    "9": "Fruits and Fruit Juices",
    "10": "Pork Products",
    "11": "Vegetables and Vegetable Products",
    "12": "Nut and Seed Products",
    "13": "Beef Products",
    "14": "Beverages",
    "15": "Finfish and Shellfish Products",
    "16": "Legumes and Legume Products",
    "17": "Lamb, Veal, and Game Products",
    "18": "Baked Products",
    "19": "Sweets",
    "20": "Cereal Grains and Pasta",
    "21": "Fast Foods",
    "22": "Meals, Entrees, and Side Dishes",
    "23": "Snacks",
    "24": "American Indian/Alaska Native Foods",
    "25": "Restaurant Foods",
}
"""FDC's ``food_category`` table (the SR food groups), used when a zip omits it.

The Foundation-only release ships ``food_category_id`` without the table.
"""

_REQUIRED: dict[str, tuple[str, ...]] = {
    "food.csv": ("fdc_id", "data_type", "description", "food_category_id"),
    "nutrient.csv": ("id", "unit_name", "nutrient_nbr"),
    "food_nutrient.csv": ("fdc_id", "nutrient_id", "amount"),
    "measure_unit.csv": ("id", "name"),
    "food_portion.csv": (
        "fdc_id",
        "seq_num",
        "amount",
        "measure_unit_id",
        "portion_description",
        "modifier",
        "gram_weight",
    ),
}
_UNITS = {"kcal": "kcal", "g": "g", "mg": "mg", "ug": "µg", "µg": "µg"}


class _Release:
    """A release zip whose CSV members are found by file name, in any folder."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.members = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}

    def has(self, name: str) -> bool:
        return name in self.members

    def rows(self, name: str, required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
        if name not in self.members:
            raise ImportFormatError(f"{self.path}: member {name} missing from the zip")
        with self.archive.open(self.members[name]) as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
            missing = [c for c in required or _REQUIRED[name] if c not in (reader.fieldnames or [])]
            if missing:
                raise ImportFormatError(f"{self.path}: {name} lacks columns {missing}")
            for row in reader:
                if None in row or None in row.values():
                    where = f"{self.path}: {name} line {reader.line_num}"
                    raise ImportFormatError(f"{where}: row has too few fields")
                yield row


def _number(nbr: str) -> str:
    return nbr[:-2] if nbr.endswith(".0") else nbr


def _nutrient_numbers(release: _Release) -> dict[str, str]:
    """FDC nutrient id -> nutrient number, refusing units that differ from the catalogue."""
    numbers: dict[str, str] = {}
    for row in release.rows("nutrient.csv"):
        number = _number(row["nutrient_nbr"])
        numbers[row["id"]] = number
        nutrient = BY_USDA_NUMBER.get(number)
        unit = _UNITS.get(row["unit_name"].lower(), row["unit_name"])
        if nutrient is not None and unit != nutrient.unit:
            raise ImportFormatError(
                f"{release.path}: nutrient.csv gives {number} in {row['unit_name']!r}, "
                f"expected {nutrient.unit!r}"
            )
    return numbers


def _pick(found: dict[str, float]) -> dict[str, float]:
    """Choose each catalogue nutrient's value from the best available FDC number."""
    picked: dict[str, float] = {}
    for nutrient in NUTRIENTS:
        for number in _FALLBACKS.get(nutrient.usda_number, (nutrient.usda_number,)):
            if number in found:
                picked[nutrient.key] = found[number]
                break
    return picked


def _nutrients(release: _Release, wanted: set[str]) -> dict[str, dict[str, float]]:
    numbers = _nutrient_numbers(release)
    found: dict[str, dict[str, float]] = {}
    for row in release.rows("food_nutrient.csv"):
        number = numbers.get(row["nutrient_id"])
        if row["fdc_id"] in wanted and number is not None and row["amount"] != "":
            where = f"{release.path}: food_nutrient.csv fdc_id {row['fdc_id']}"
            value = parse_float(row["amount"], where, "amount")
            found.setdefault(row["fdc_id"], {})[number] = value
    return {fdc_id: _pick(values) for fdc_id, values in found.items()}


def _portion(row: dict[str, str], unit_name: str, where: str) -> PortionRecord:
    amount = parse_float(row["amount"] or "1", where, "amount")
    modifier = " ".join(row["modifier"].split())
    text = " ".join(row["portion_description"].split()) or modifier
    if unit_name == "undetermined" and text:
        description = text
        amount, unit_name = split_measure(text)
    else:
        description = f"{format_amount(amount)} {unit_name}"
        description += f", {modifier}" if modifier else ""
    return PortionRecord(
        description=description,
        amount=amount,
        unit=unit_name,
        gram_weight=parse_float(row["gram_weight"], where, "gram_weight"),
        seq=int(parse_float(row["seq_num"] or "0", where, "seq_num")),
    )


def _portions(release: _Release, wanted: set[str]) -> dict[str, list[PortionRecord]]:
    units = {row["id"]: row["name"] for row in release.rows("measure_unit.csv")}
    portions: dict[str, list[PortionRecord]] = {}
    for row in release.rows("food_portion.csv"):
        if row["fdc_id"] not in wanted:
            continue
        where = f"{release.path}: food_portion.csv fdc_id {row['fdc_id']}"
        if row["measure_unit_id"] not in units:
            raise ImportFormatError(f"{where}: unknown measure_unit_id {row['measure_unit_id']}")
        portion = _portion(row, units[row["measure_unit_id"]], where)
        portions.setdefault(row["fdc_id"], []).append(portion)
    return portions


def _load(release: _Release, data_types: set[str]) -> list[FoodRecord]:
    categories = dict(FDC_FOOD_CATEGORIES)
    if release.has("food_category.csv"):
        categories = {
            r["id"]: r["description"]
            for r in release.rows("food_category.csv", ("id", "description"))
        }
    current: dict[str, dict[str, str]] = {}
    for data_type in sorted(data_types):
        # A release keeps superseded versions in food.csv; the per-type table lists current ones.
        if release.has(f"{data_type}.csv"):
            for row in release.rows(f"{data_type}.csv", ("fdc_id",)):
                current[row["fdc_id"]] = row
    foods = [
        row
        for row in release.rows("food.csv")
        if row["data_type"] in data_types
        and (row["fdc_id"] in current or not release.has(f"{row['data_type']}.csv"))
    ]
    wanted = {row["fdc_id"] for row in foods}
    nutrients = _nutrients(release, wanted)
    portions = _portions(release, wanted)
    return [
        FoodRecord(
            source="fdc_foundation",
            source_id=row["fdc_id"],
            name=row["description"],
            category=categories.get(row["food_category_id"]),
            nutrients=nutrients.get(row["fdc_id"], {}),
            portions=tuple(sorted(portions.get(row["fdc_id"], []), key=lambda p: p.seq)),
            data_type=row["data_type"],
            extra=_extra(row, current.get(row["fdc_id"], {})),
        )
        for row in foods
    ]


def _extra(food: dict[str, str], listing: dict[str, str]) -> dict[str, str]:
    extra = {
        "ndb_number": listing.get("NDB_number", ""),
        "publication_date": food.get("publication_date", ""),
    }
    return {key: value for key, value in extra.items() if value}


def read_fdc_zip(
    path: Path, data_types: AbstractSet[str] = frozenset({"foundation_food"})
) -> Iterator[FoodRecord]:
    """Yield the current foods of ``data_types`` from an FDC CSV release zip.

    Raises:
        ImportFormatError: the zip is missing, corrupt or truncated, or a
            required member, column or value is missing or malformed.
    """
    require_file(path, "FoodData Central zip")
    try:
        with zipfile.ZipFile(path) as archive:
            records = _load(_Release(archive, path), set(data_types))
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise ImportFormatError(f"{path}: unreadable FoodData Central zip ({exc})") from exc
    yield from records
