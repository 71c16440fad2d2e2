"""The labelled food-search set only points at foods that exist in the USDA releases."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "evals" / "datasets" / "food_search.csv"
FNDDS_FOODS = "2021-2023 FNDDS At A Glance - Foods and Beverages.xlsx"
Rows = list[dict[str, str]]
ID_PATTERN = {"sr28": re.compile(r"\d{5}"), "fndds": re.compile(r"\d{8}")}


def _rows() -> Rows:
    with DATASET.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["phrase", "accepted", "reason"]
        return list(reader)


def _accepted(row: dict[str, str]) -> list[tuple[str, str]]:
    pairs = [item.partition(":") for item in row["accepted"].split(";")]
    return [(source, ident) for source, _, ident in pairs]


@pytest.fixture(scope="module")
def rows() -> Rows:
    return _rows()


@pytest.fixture(scope="module")
def sr28_ids(usda_dir: Path) -> set[str]:
    path = usda_dir / "sr28" / "FOOD_DES.txt"
    with path.open(encoding="latin-1") as handle:
        return {line.split("^", 1)[0].strip("~") for line in handle if line.strip()}


@pytest.fixture(scope="module")
def fndds_codes(usda_dir: Path) -> set[str]:
    book = CalamineWorkbook.from_path(str(usda_dir / "fndds-2021-2023" / FNDDS_FOODS))
    table = book.get_sheet_by_name("Food and Beverages").to_python()
    header = next(i for i, row in enumerate(table) if row and row[0] == "Food code")
    return {str(int(row[0])) for row in table[header + 1 :] if isinstance(row[0], float)}


def test_release_files_parse_to_full_catalogues(sr28_ids: set[str], fndds_codes: set[str]) -> None:
    assert len(sr28_ids) == 8789
    assert "01077" in sr28_ids  # Milk, whole, 3.25% milkfat
    assert len(fndds_codes) > 5000
    assert "11111000" in fndds_codes  # Milk, whole


def test_at_least_300_labelled_phrases(rows: Rows) -> None:
    assert len(rows) >= 300


def test_phrases_are_unique_lowercase_and_trimmed(rows: Rows) -> None:
    phrases = [row["phrase"] for row in rows]
    duplicates = [p for p, n in Counter(p.casefold() for p in phrases).items() if n > 1]
    assert duplicates == []
    assert all(p == p.strip() and p == p.lower() and p for p in phrases)


def test_every_row_has_a_reason(rows: Rows) -> None:
    assert [row["phrase"] for row in rows if not row["reason"].strip()] == []


def test_sources_and_id_formats(rows: Rows) -> None:
    bad = [
        (row["phrase"], f"{source}:{ident}")
        for row in rows
        for source, ident in _accepted(row)
        if source not in ID_PATTERN or not ID_PATTERN[source].fullmatch(ident)
    ]
    assert bad == []


def test_no_id_listed_twice_in_a_row(rows: Rows) -> None:
    assert [row["phrase"] for row in rows if len(set(_accepted(row))) != len(_accepted(row))] == []


def test_every_accepted_id_exists_in_the_release(
    rows: Rows, sr28_ids: set[str], fndds_codes: set[str]
) -> None:
    known = {"sr28": sr28_ids, "fndds": fndds_codes}
    missing = [
        (row["phrase"], f"{source}:{ident}")
        for row in rows
        for source, ident in _accepted(row)
        if ident not in known.get(source, set())
    ]
    assert missing == []


def test_known_labels_point_at_the_right_foods(rows: Rows) -> None:
    by_phrase = {row["phrase"]: set(row["accepted"].split(";")) for row in rows}
    assert {"sr28:20037", "fndds:56205011"} <= by_phrase["brown rice"]
    assert "sr28:20036" not in by_phrase["brown rice"]  # raw rice is not the default
    assert by_phrase["fried egg"].isdisjoint(by_phrase["hard boiled egg"])
    assert by_phrase["garbanzo beans"] == by_phrase["chickpeas"]
    assert by_phrase["aubergine"] == by_phrase["eggplant"]
