"""The built-in labels are exactly what SR28 per-100 g values x stated grams give."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from evals.builtin_labels import (
    OUTPUT,
    RECIPE,
    Sr28Subset,
    build_rows,
    grams_for,
    main,
    parse_components,
    read_sr28_subset,
)


@pytest.fixture(scope="module")
def sr28_dir(usda_dir: Path) -> Path:
    return usda_dir / "sr28"


@pytest.fixture(scope="module")
def fresh_rows(sr28_dir: Path) -> list[dict[str, str]]:
    return build_rows(RECIPE, sr28_dir)


def test_committed_csv_matches_a_fresh_computation(fresh_rows: list[dict[str, str]]) -> None:
    with OUTPUT.open(encoding="utf-8", newline="") as handle:
        committed = list(csv.DictReader(handle))
    assert len(committed) >= 40
    assert committed == fresh_rows


def test_check_mode_flags_a_stale_file(sr28_dir: Path, tmp_path: Path) -> None:
    stale = tmp_path / "stale.csv"
    stale.write_text(OUTPUT.read_text(encoding="utf-8").replace("227.02", "230.00"), "utf-8")
    assert main(["--sr28", str(sr28_dir), "--out", str(stale), "--check"]) == 1


def test_milk_and_banana_by_hand(sr28_dir: Path, fresh_rows: list[dict[str, str]]) -> None:
    sr28 = read_sr28_subset(sr28_dir, {"01079", "09040"})
    # SR28: 2% milk 4.80 g carb / 50 kcal per 100 g, 1 cup = 244 g;
    # banana 22.84 g carb / 89 kcal per 100 g, 1 medium = 118 g.
    assert sr28.per_100g["01079"]["carbohydrate_g"] == 4.80
    assert grams_for("01079", 1, "cup", sr28) == 244
    assert grams_for("09040", 1, 'medium (7" to 7-7/8" long)', sr28) == 118
    row = next(r for r in fresh_rows if r["id"] == "bi-01")
    assert float(row["carbohydrate_g"]) == pytest.approx(4.80 * 2.44 + 22.84 * 1.18, abs=0.005)
    assert float(row["energy_kcal"]) == pytest.approx(50 * 2.44 + 89 * 1.18, abs=0.005)
    assert (
        row["label_source"] == '01079 244 g (1 x cup); 09040 118 g (1 x medium (7" to 7-7/8" long))'
    )


def test_every_label_source_names_ndb_numbers_and_grams() -> None:
    with OUTPUT.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for part in row["label_source"].split("; "):
                ndb, grams, unit = part.split(" ", 3)[:3]
                assert len(ndb) == 5 and ndb.isdigit(), part
                assert float(grams) > 0 and unit == "g", part


def test_measures_resolve_by_amount_and_refuse_ambiguity() -> None:
    sr28 = Sr28Subset(
        names={"08121": "oats"},
        per_100g={},
        weights={"08121": [(1.0, "cup", 234.0), (0.75, "cup", 175.0), (1.0, "tbsp", 14.6)]},
    )
    assert grams_for("08121", 2, "tbsp", sr28) == pytest.approx(29.2)
    # "0.75 cup" only picks the row; the quantity stays in cups.
    assert grams_for("08121", 0.75, "0.75 cup", sr28) == pytest.approx(175.0)
    assert grams_for("08121", 0.5, "1 cup", sr28) == 117.0
    assert grams_for("08121", 42, "g", sr28) == 42
    with pytest.raises(ValueError, match="matches 2 rows"):
        grams_for("08121", 1, "cup", sr28)
    with pytest.raises(ValueError, match="matches 0 rows"):
        grams_for("08121", 1, "bowl", sr28)


def test_parse_components() -> None:
    assert parse_components('01079|1|cup; 09040|0.5|medium (7" long)') == [
        ("01079", 1.0, "cup"),
        ("09040", 0.5, 'medium (7" long)'),
    ]
