"""Loaders against the real dev slices in shared/datasets and the built-in CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.loaders import load_builtin, load_nutribench, load_nutrition5k, parse_dataset_spec
from evals.loaders.builtin import builtin_path
from evals.types import NUTRIENT_KEYS


@pytest.fixture(scope="module")
def nutribench_dir(shared_dir: Path) -> Path:
    return shared_dir / "datasets" / "nutribench-dev"


@pytest.fixture(scope="module")
def cafe2(shared_dir: Path) -> Path:
    return shared_dir / "datasets" / "nutrition5k-dev" / "dish_metadata_cafe2.csv"


@pytest.mark.parametrize("variant", ["natural", "metric"])
def test_nutribench_dev_files_load_every_row(nutribench_dir: Path, variant: str) -> None:
    result = load_nutribench(nutribench_dir / f"wweia_meal_{variant}_dev.csv")
    assert len(result.meals) == 541
    assert result.rejected == []
    first = result.meals[0]
    assert first.id == "nb-0001"
    assert first.mode == variant
    assert first.dataset == f"nutribench/wweia_meal_{variant}_dev"
    assert first.truth == pytest.approx(
        {"carbohydrate_g": 44.98, "protein_g": 42.96, "fat_g": 13.11, "energy_kcal": 465.7}
    )
    assert sum(m.truth["energy_kcal"] == 0 for m in result.meals) == 1
    assert sum(m.truth["carbohydrate_g"] == 0 for m in result.meals) == 11


def test_nutribench_variants_pair_by_id(nutribench_dir: Path) -> None:
    natural = load_nutribench(nutribench_dir / "wweia_meal_natural_dev.csv").meals
    metric = load_nutribench(nutribench_dir / "wweia_meal_metric_dev.csv").meals
    assert [m.id for m in natural] == [m.id for m in metric]
    assert [m.truth for m in natural] == [m.truth for m in metric]
    assert "244g" in metric[0].text and "244g" not in natural[0].text


def test_nutrition5k_grams_mode(cafe2: Path) -> None:
    result = load_nutrition5k(cafe2, "grams")
    assert len(result.meals) == 189
    assert len(result.rejected) == 49
    assert all("has no name" in message for message in result.rejected)
    assert result.rejected[0].startswith("dish_metadata_cafe2.csv:10 dish_1573762622")
    assert result.notes == [
        "189 dish(es) had all-zero calorie/macro totals; truth is the sum of their ingredient rows"
    ]
    first = result.meals[0]
    assert first.id == "dish_1572974428"
    assert first.text.startswith("15.6 g tomatoes, 23.4 g avocado, 13.7 g multigrain bread")
    assert "0.046 g salt" in first.text
    assert first.truth_items is not None and len(first.truth_items) == 8
    assert first.truth_items[0][0] == "tomatoes"
    assert first.truth_items[0][1] == pytest.approx(15.57224)
    # Truth is the ingredient sum: 5.29 + 37.37 + 39.23 + 34.41 + 19.00 + 0 + 6.23 + 3.05 kcal.
    assert first.truth["energy_kcal"] == pytest.approx(144.599, abs=1e-3)
    assert first.truth["carbohydrate_g"] == pytest.approx(11.957, abs=1e-3)


def test_nutrition5k_names_only_mode(cafe2: Path) -> None:
    grams = load_nutrition5k(cafe2, "grams").meals
    names = load_nutrition5k(cafe2, "names-only")
    assert [m.id for m in names.meals] == [m.id for m in grams]
    assert names.meals[0].text == (
        "tomatoes, avocado, multigrain bread, olive oil, edamame, salt, sunflower seeds, "
        "pumpkin seeds"
    )
    assert not any(ch.isdigit() for m in names.meals for ch in m.text)
    assert names.meals[0].truth == grams[0].truth
    assert names.dataset == "nutrition5k/dish_metadata_cafe2/names-only"


def test_builtin_meals_load() -> None:
    result = load_builtin(builtin_path())
    assert len(result.meals) >= 40
    assert result.rejected == []
    assert len({m.id for m in result.meals}) == len(result.meals)
    banana = next(m for m in result.meals if m.id == "bi-01")
    assert banana.truth == {
        "carbohydrate_g": 38.66,
        "protein_g": 9.34,
        "fat_g": 5.22,
        "energy_kcal": 227.02,
    }
    assert all(set(m.truth) == set(NUTRIENT_KEYS) for m in result.meals)


def test_specs_load_real_files(nutribench_dir: Path, cafe2: Path) -> None:
    natural = parse_dataset_spec(f"nutribench:{nutribench_dir / 'wweia_meal_natural_dev.csv'}")
    assert len(natural.load_meals().meals) == 541
    names_only = parse_dataset_spec(f"nutrition5k:{cafe2}:names-only")
    assert names_only.mode == "names-only"
    assert names_only.load_meals().meals[0].mode == "names-only"
    assert parse_dataset_spec(f"nutrition5k:{cafe2}").mode == "grams"
    assert parse_dataset_spec("builtin").load_meals().dataset == "builtin/builtin_meals"
