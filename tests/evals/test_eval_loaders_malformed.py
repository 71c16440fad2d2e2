"""Malformed rows are rejected with a message and counted, never silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.loaders import (
    DatasetError,
    load_builtin,
    load_food_search,
    load_nutribench,
    load_nutrition5k,
    parse_dataset_spec,
)
from evals.loaders.builtin import DATASETS_DIR


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_nutribench_rejects_bad_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "meals_natural.csv",
        "meal_description,carb,protein,fat,energy\n"
        "A cup of milk,12,8,5,150\n"
        "Not a number,abc,8,5,150\n"
        ",1,1,1,10\n"
        "Negative fat,1,1,-2,10\n"
        "Too many,1,1,1,10,99\n"
        "Too few,1,1,1\n"
        "Infinite,inf,1,1,10\n"
        "\n"
        "A banana,27,1.3,0.4,105\n",
    )
    result = load_nutribench(path)
    assert [m.text for m in result.meals] == ["A cup of milk", "A banana"]
    assert [m.id for m in result.meals] == ["nb-0001", "nb-0009"]
    assert result.meals[0].mode == "natural"
    assert result.rejected == [
        "meals_natural.csv:3: carb='abc' is not a number",
        "meals_natural.csv:4: meal_description is empty",
        "meals_natural.csv:5: fat='-2' is negative",
        "meals_natural.csv:6: expected 5 fields, found 6",
        "meals_natural.csv:7: expected 5 fields, found 4",
        "meals_natural.csv:8: carb='inf' is not finite",
    ]


def test_nutribench_missing_column_fails_whole_file(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "meal_description,carb,protein,fat\nA,1,1,1\n")
    with pytest.raises(DatasetError, match=r"missing column\(s\) \['energy'\]"):
        load_nutribench(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="nope.csv"):
        load_nutribench(tmp_path / "nope.csv")


GOOD = "dish_1,0,100,0,0,0,ingr_1,rice,60,78,0.2,17,1.6,ingr_2,beans,40,52,0.2,9.5,3.5"
WATER = "dish_2,0.0,250,0.0,0.0,0.0,ingr_9,water,250,0,0,0,0"
WITH_TOTALS = (
    "dish_3,130,100,0.4,26.5,5.1,ingr_1,rice,60,78,0.2,17,1.6,ingr_2,beans,40,52,0.2,9.5,3.5"
)


@pytest.mark.parametrize("header", ["", "dish_id, total_calories, total_mass, total_fat\n"])
def test_nutrition5k_accepts_good_rows_with_or_without_header(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, "dishes.csv", header + "\n".join([GOOD, WATER, WITH_TOTALS]) + "\n")
    result = load_nutrition5k(path)
    assert result.rejected == []
    assert [m.id for m in result.meals] == ["dish_1", "dish_2", "dish_3"]
    derived, water, stated = result.meals
    assert derived.truth == pytest.approx(
        {"energy_kcal": 130, "fat_g": 0.4, "carbohydrate_g": 26.5, "protein_g": 5.1}
    )
    assert derived.text == "60.0 g rice, 40.0 g beans"
    assert water.truth == {"energy_kcal": 0, "fat_g": 0, "carbohydrate_g": 0, "protein_g": 0}
    assert stated.truth["energy_kcal"] == 130
    assert result.notes == [
        "1 dish(es) had all-zero calorie/macro totals; truth is the sum of their ingredient rows"
    ]


def test_nutrition5k_rejects_malformed_dishes(tmp_path: Path) -> None:
    rows = [
        GOOD,
        "dish_4,10,5,0,0,0,ingr_1,rice,5,10,0,2",  # 12 fields
        "dish_5,0,100,0,0,0,ingr_1,rice,sixty,78,0.2,17,1.6",
        "dish_6,500,100,0.4,26.5,5.1,ingr_1,rice,60,78,0.2,17,1.6,ingr_2,beans,40,52,0.2,9.5,3.5",
        "dish_7,0,100,0,0,0,ingr_1,,100,10,0,2,0",
        "dish_8,0,0,0,0,0,ingr_1,salt,0,0,0,0,0",
        "dish_9,0,300,0,0,0,ingr_1,rice,60,78,0.2,17,1.6",
        "dish_10,0,0,0,0,0",
    ]
    path = write(tmp_path, "dishes.csv", "\n".join(rows) + "\n")
    result = load_nutrition5k(path, "names-only")
    assert [m.id for m in result.meals] == ["dish_1"]
    assert result.meals[0].text == "rice, beans"
    assert result.rejected == [
        "dishes.csv:2 dish_4: 12 fields; expected 6 + 7k with k >= 1",
        "dishes.csv:3 dish_5: rice grams='sixty' is not a number",
        "dishes.csv:4 dish_6: total_calories 500 != ingredient sum 130.0",
        "dishes.csv:5 dish_7: ingredient ingr_1 has no name",
        "dishes.csv:6 dish_8: total_mass is zero",
        "dishes.csv:7 dish_9: total_mass 300 g != ingredient grams 60.0 g",
        "dishes.csv:8 dish_10: 6 fields; expected 6 + 7k with k >= 1",
    ]


def test_nutrition5k_unknown_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "dishes.csv", GOOD + "\n")
    with pytest.raises(ValueError, match="unknown Nutrition5k mode"):
        load_nutrition5k(path, "portions")  # type: ignore[arg-type]


def test_builtin_rejects_missing_provenance_and_duplicates(tmp_path: Path) -> None:
    header = "id,text,carbohydrate_g,protein_g,fat_g,energy_kcal,label_source\n"
    path = write(
        tmp_path,
        "mine.csv",
        header
        + "m1,Toast,13,3,1,75,18075 32 g\n"
        + "m2,Mystery,1,1,1,10,\n"
        + "m1,Again,1,1,1,10,x\n"
        + "m3,Bad,1,1,1,ten,x\n",
    )
    result = load_builtin(path)
    assert [m.id for m in result.meals] == ["m1"]
    assert result.rejected == [
        "mine.csv:3: m2: label_source is empty (labels need provenance)",
        "mine.csv:4: duplicate id 'm1'",
        "mine.csv:5: energy_kcal='ten' is not a number",
    ]


def test_food_search_loader(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "fs.csv",
        "phrase,accepted,reason\n"
        'milk,sr28:01077;fndds:11111000,"Whole milk, by default"\n'
        "  2%   milk ,sr28:01079 ; sr28:01079,\n"
        "butter,,no key\n"
        "egg,01123,no source\n"
        ",sr28:01123,empty phrase\n"
        "MILK,sr28:01077,duplicate\n"
        "cheese,sr28:01009,ok,extra\n",
    )
    result = load_food_search(path)
    assert [(c.id, c.phrase, c.accepted) for c in result.cases] == [
        ("fs-0001", "milk", ("sr28:01077", "fndds:11111000")),
        ("fs-0002", "2% milk", ("sr28:01079",)),
    ]
    assert result.cases[0].reason == "Whole milk, by default"
    assert result.rejected == [
        "fs.csv:4: accepted is empty",
        "fs.csv:5: accepted key(s) ['01123'] are not 'source:source_id'",
        "fs.csv:6: phrase is empty",
        "fs.csv:7: duplicate phrase (first at line 2)",
        "fs.csv:8: wrong number of fields",
    ]


def test_parse_dataset_spec(tmp_path: Path) -> None:
    spec = parse_dataset_spec("nutribench:/data/x_metric.csv")
    assert (spec.kind, spec.path, spec.mode) == ("nutribench", Path("/data/x_metric.csv"), None)
    spec = parse_dataset_spec("nutrition5k:/d/a:b.csv:names-only")
    assert (spec.path, spec.mode) == (Path("/d/a:b.csv"), "names-only")
    assert parse_dataset_spec("nutrition5k:/d/x.csv:grams").mode == "grams"
    assert parse_dataset_spec("builtin:other").path == DATASETS_DIR / "other.csv"
    assert parse_dataset_spec("food-search").path == DATASETS_DIR / "food_search.csv"
    fs = write(tmp_path, "fs.csv", "phrase,accepted,reason\nmilk,sr28:01077,x\n")
    loader = parse_dataset_spec(f"food-search:{fs}")
    assert loader.is_food_search
    assert len(loader.load_cases().cases) == 1
    with pytest.raises(DatasetError, match="food-search dataset"):
        loader.load_meals()
    with pytest.raises(DatasetError, match="meal dataset"):
        parse_dataset_spec("builtin").load_cases()
    for bad in ("nutribench", "nutrition5k:", "usda:x", "builtin:../secrets"):
        with pytest.raises(DatasetError):
            parse_dataset_spec(bad)
