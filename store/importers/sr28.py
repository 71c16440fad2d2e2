"""Parse the USDA SR28 ASCII release into ``FoodRecord``s.

SR28 ships caret-separated files with ``~``-quoted text in latin-1.  All
tables are parsed and cross-checked before the first record is yielded, so a
truncated or mismatched download fails loudly instead of loading half a
database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from store.importers._common import format_amount, parse_float, require_dir
from store.nutrients import BY_USDA_NUMBER
from store.records import FoodRecord, ImportFormatError, PortionRecord

SR28_EXPECTED: dict[str, int] = {"foods": 8789, "weights": 15438}
"""Record counts stated in the SR28 documentation (sr28_doc.pdf, Table 3)."""

_WHAT = "SR28"
_FIELD_COUNTS: dict[str, int] = {
    "FD_GROUP.txt": 2,
    "NUTR_DEF.txt": 6,
    "FOOD_DES.txt": 14,
    "WEIGHT.txt": 7,
    "NUT_DATA.txt": 18,
}


@dataclass(frozen=True, slots=True)
class _Food:
    ndb_no: str
    group_code: str
    long_desc: str
    common_names: str
    manufacturer: str
    scientific_name: str


def _locate(directory: Path, name: str) -> Path:
    """Find ``name`` in ``directory``, tolerating a lower-case copy of the release."""
    exact = directory / name
    if exact.is_file():
        return exact
    for candidate in directory.iterdir():
        if candidate.name.lower() == name.lower() and candidate.is_file():
            return candidate
    raise ImportFormatError(f"{_WHAT}: required file missing: {exact}")


class _Line:
    """Where a row came from; the message is only formatted when something is wrong."""

    __slots__ = ("path", "number")

    def __init__(self, path: Path, number: int) -> None:
        self.path = path
        self.number = number

    def __str__(self) -> str:
        return f"{self.path}: line {self.number}"


def _text(field: str, where: _Line) -> str:
    """Strip the ``~`` text delimiters, refusing a half-quoted field."""
    if field.startswith("~"):
        if len(field) < 2 or not field.endswith("~"):
            raise ImportFormatError(f"{where}: unbalanced '~' in field {field!r}")
        return field[1:-1]
    return field


def _rows(path: Path, name: str, keep: int | None = None) -> Iterator[tuple[_Line, list[str]]]:
    """Yield ``(location, raw fields)`` per line, refusing short or unterminated lines.

    ``keep`` limits splitting to the leading fields a caller needs (NUT_DATA has
    18 fields per line and 679,045 lines; only the first three matter here).
    The location object is reused, so read it before the next line.
    """
    separators = _FIELD_COUNTS[name] - 1
    at = _Line(path, 0)
    with path.open(encoding="latin-1", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            at.number = number
            if line[-1:] != "\n":
                raise ImportFormatError(f"{at} has no line end (file truncated?)")
            if line.count("^") != separators:
                if not line.strip():
                    continue
                raise ImportFormatError(
                    f"{at}: expected {separators + 1} '^'-separated fields, "
                    f"found {line.count('^') + 1}"
                )
            if keep is None:
                yield at, line.rstrip("\r\n").split("^")
            else:  # the unsplit tail (with the line end) is left in the last element
                yield at, line.split("^", keep)


def _read_groups(path: Path) -> dict[str, str]:
    return {_text(f[0], at): _text(f[1], at) for at, f in _rows(path, "FD_GROUP.txt")}


def _check_units(path: Path) -> None:
    """Refuse a release whose units differ from the catalogue (values would be wrong)."""
    for at, f in _rows(path, "NUTR_DEF.txt"):
        nutrient = BY_USDA_NUMBER.get(_text(f[0], at))
        unit = _text(f[1], at)
        if nutrient is not None and unit != nutrient.unit:
            raise ImportFormatError(
                f"{at}: nutrient {nutrient.usda_number} is in {unit!r}, expected {nutrient.unit!r}"
            )


def _read_foods(path: Path, groups: dict[str, str]) -> list[_Food]:
    foods: list[_Food] = []
    for at, raw in _rows(path, "FOOD_DES.txt"):
        f = [_text(field, at) for field in raw]
        if not f[0] or not f[2]:
            raise ImportFormatError(f"{at}: empty NDB_No or Long_Desc")
        if f[1] not in groups:
            raise ImportFormatError(f"{at}: food group {f[1]!r} not in FD_GROUP")
        foods.append(_Food(f[0], f[1], f[2], f[4], f[5], f[9]))
    return foods


def _read_weights(path: Path, known: set[str]) -> dict[str, list[PortionRecord]]:
    portions: dict[str, list[PortionRecord]] = {}
    for at, f in _rows(path, "WEIGHT.txt", keep=5):
        ndb_no, unit = _text(f[0], at), _text(f[3], at)
        if ndb_no not in known:
            raise ImportFormatError(f"{at}: NDB_No {ndb_no!r} not in FOOD_DES")
        amount = parse_float(f[2], at, "Amount")
        portion = PortionRecord(
            description=f"{format_amount(amount)} {unit}",
            amount=amount,
            unit=unit,
            gram_weight=parse_float(f[4], at, "Gm_Wgt"),
            seq=int(parse_float(f[1], at, "Seq")),
        )
        portions.setdefault(ndb_no, []).append(portion)
    return portions


def _read_nutrients(path: Path, known: set[str]) -> dict[str, dict[str, float]]:
    """Stream NUT_DATA (36 MB), keeping catalogue nutrients; ids are matched still quoted."""
    keys = {f"~{number}~": nutrient.key for number, nutrient in BY_USDA_NUMBER.items()}
    foods = {f"~{ndb_no}~": ndb_no for ndb_no in known}
    values: dict[str, dict[str, float]] = {}
    for at, f in _rows(path, "NUT_DATA.txt", keep=3):
        ndb_no = foods.get(f[0])
        if ndb_no is None:
            raise ImportFormatError(f"{at}: NDB_No {f[0]!r} not in FOOD_DES")
        key = keys.get(f[1])
        if key is not None:
            values.setdefault(ndb_no, {})[key] = parse_float(f[2], at, "Nutr_Val")
    return values


def _extra(food: _Food) -> dict[str, str]:
    extra = {
        "common_names": food.common_names,
        "manufacturer": food.manufacturer,
        "scientific_name": food.scientific_name,
        "food_group_code": food.group_code,
    }
    return {key: value for key, value in extra.items() if value}


def read_sr28(directory: Path) -> Iterator[FoodRecord]:
    """Yield every SR28 food with catalogue nutrients per 100 g and its household weights.

    Raises:
        ImportFormatError: a file is missing, truncated or malformed, or the
            tables do not refer to each other consistently.
    """
    require_dir(directory, _WHAT)
    paths = {name: _locate(directory, name) for name in _FIELD_COUNTS}
    groups = _read_groups(paths["FD_GROUP.txt"])
    _check_units(paths["NUTR_DEF.txt"])
    foods = _read_foods(paths["FOOD_DES.txt"], groups)
    known = {food.ndb_no for food in foods}
    portions = _read_weights(paths["WEIGHT.txt"], known)
    nutrients = _read_nutrients(paths["NUT_DATA.txt"], known)
    for food in foods:
        yield FoodRecord(
            source="sr28",
            source_id=food.ndb_no,
            name=food.long_desc,
            category=groups[food.group_code],
            nutrients=nutrients.get(food.ndb_no, {}),
            portions=tuple(sorted(portions.get(food.ndb_no, []), key=lambda p: p.seq)),
            is_branded=bool(food.manufacturer),
            data_type="sr_legacy_food",
            extra=_extra(food),
        )
