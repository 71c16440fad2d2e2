"""Metric functions against hand-computed values."""

from __future__ import annotations

from typing import Any

import pytest

from evals.items import item_metrics, match_items, name_score, names_match
from evals.metrics import (
    acc_within_abs,
    answered,
    calibration,
    error_summary,
    flag_quality,
    latency_summary,
    nutrient_metrics,
    within_relative,
)
from evals.search_metrics import hit_rank, mean_reciprocal_rank, top_k
from evals.types import FoodSearchCase, LabeledMeal, MealOutcome, MealPrediction, SearchOutcome


def meal(
    i: int, carb: float, energy: float, items: tuple[tuple[str, float], ...] | None = None
) -> LabeledMeal:
    truth = {"carbohydrate_g": carb, "protein_g": 10.0, "fat_g": 5.0, "energy_kcal": energy}
    return LabeledMeal(f"m{i}", "text", truth, "unit", "natural", items)


def outcome(m: LabeledMeal, **prediction: Any) -> MealOutcome:
    return MealOutcome(m, MealPrediction(**prediction))


def test_error_summary_by_hand() -> None:
    pairs = [(12.0, 10.0), (5.0, 8.0), (3.0, 0.0)]
    summary = error_summary(pairs)
    # |errors| 2, 3, 3 -> MAE 8/3; signed 2, -3, 3 -> bias 2/3.
    assert summary["mae"] == pytest.approx(8 / 3)
    assert summary["bias"] == pytest.approx(2 / 3)
    # MAPE skips the zero truth: (2/10 + 3/8) / 2 * 100 = 28.75 %.
    assert summary["mape"] == pytest.approx(28.75)
    assert summary["mape_skipped_zero_truth"] == 1
    assert summary["n"] == 3
    assert error_summary([]) == {
        "n": 0,
        "mae": None,
        "mape": None,
        "mape_skipped_zero_truth": 0,
        "bias": None,
    }


def test_acc_7_5_is_strict_and_counts_missing_as_misses() -> None:
    pairs = [(17.5, 10.0), (17.4, 10.0), (2.6, 10.0), (10.0, 10.0)]
    # 7.5 exactly is NOT accurate (NutriBench: |pred - true| < 7.5); 3 of 4 are.
    assert acc_within_abs(pairs, 4) == 0.75
    # Two more meals that failed to answer count in the denominator.
    assert acc_within_abs(pairs, 6) == 0.5
    assert acc_within_abs([], 0) is None


def test_energy_within_relative() -> None:
    pairs = [(110.0, 100.0), (111.0, 100.0), (80.0, 100.0), (0.0, 0.0), (1.0, 0.0)]
    assert within_relative(pairs, 5, 0.10) == pytest.approx(2 / 5)  # 110 and the exact 0
    assert within_relative(pairs, 5, 0.20) == pytest.approx(4 / 5)


def test_nutrient_metrics_skip_failures_for_errors_but_not_for_hit_rates() -> None:
    outcomes = [
        outcome(meal(1, 50, 400), totals={"carbohydrate_g": 45.0, "energy_kcal": 420.0}),
        outcome(meal(2, 20, 200), totals={"carbohydrate_g": 30.0, "energy_kcal": 150.0}),
        outcome(meal(3, 20, 200), error="boom", totals={"carbohydrate_g": 20.0}),
    ]
    m = nutrient_metrics(outcomes)
    assert m["carb"]["n"] == 2
    assert m["carb"]["mae"] == pytest.approx(7.5)
    assert m["carb"]["bias"] == pytest.approx(2.5)
    assert m["carb"]["acc_7_5"] == pytest.approx(1 / 3)
    assert m["energy"]["mae"] == pytest.approx(35.0)
    assert m["energy"]["mape"] == pytest.approx((5 + 25) / 2)
    assert m["energy"]["within_10"] == pytest.approx(1 / 3)
    assert m["energy"]["within_20"] == pytest.approx(1 / 3)
    assert m["protein"]["n"] == 0 and m["protein"]["mae"] is None
    assert "acc_7_5" not in m["energy"] and "within_10" not in m["carb"]


def test_calibration_coverage() -> None:
    outcomes = [
        outcome(
            meal(1, 50, 400), ranges={"carbohydrate_g": (40.0, 60.0), "energy_kcal": (300.0, 350.0)}
        ),
        outcome(meal(2, 20, 200), ranges={"carbohydrate_g": (20.0, 25.0)}),  # boundary counts
        outcome(meal(3, 20, 200), ranges={"carbohydrate_g": (30.0, 10.0)}),  # reversed: miss
        outcome(meal(4, 20, 200), error="x", ranges={"carbohydrate_g": (0.0, 99.0)}),
    ]
    cal = calibration(outcomes)
    assert cal["n"] == 4
    assert cal["coverage"] == pytest.approx(2 / 4)
    assert cal["per_nutrient"]["carb"] == {
        "n": 3,
        "coverage": pytest.approx(2 / 3),
        "mean_width": pytest.approx(12.5),
    }
    assert cal["per_nutrient"]["energy"]["coverage"] == 0.0
    assert cal["per_nutrient"]["fat"] == {"n": 0, "coverage": None, "mean_width": None}
    assert calibration([])["coverage"] is None


def test_flag_quality_compares_flagged_and_unflagged_errors() -> None:
    outcomes = [
        outcome(
            meal(1, 50, 400),
            totals={"energy_kcal": 600.0, "carbohydrate_g": 70.0},
            flags=["portion_uncertain"],
        ),
        outcome(
            meal(2, 50, 400),
            totals={"energy_kcal": 500.0, "carbohydrate_g": 50.0},
            flags=["portion_uncertain", "unknown_food"],
        ),
        outcome(meal(3, 50, 400), totals={"energy_kcal": 420.0, "carbohydrate_g": 52.0}),
        outcome(meal(4, 50, 400), totals={"energy_kcal": 380.0, "carbohydrate_g": 50.0}),
    ]
    flags = flag_quality(outcomes)
    assert (flags["n_flagged"], flags["n_unflagged"]) == (2, 2)
    assert flags["energy_mae_flagged"] == pytest.approx(150.0)
    assert flags["energy_mae_unflagged"] == pytest.approx(20.0)
    assert flags["energy_mae_ratio"] == pytest.approx(7.5)
    assert flags["carb_mae_flagged"] == pytest.approx(10.0)
    assert flags["carb_mae_unflagged"] == pytest.approx(1.0)
    assert flags["by_flag"] == {
        "portion_uncertain": {"n": 2, "energy_mae": pytest.approx(150.0)},
        "unknown_food": {"n": 1, "energy_mae": pytest.approx(100.0)},
    }


def test_answered_needs_items_and_no_error() -> None:
    outcomes = [
        outcome(meal(1, 1, 1), items=[("rice", 100.0)]),
        outcome(meal(2, 1, 1), items=[]),
        outcome(meal(3, 1, 1), items=[("rice", 1.0)], error="late"),
    ]
    assert answered(outcomes) == 1


def test_latency_percentiles_interpolate_linearly() -> None:
    lat = latency_summary([10.0, 20.0, 30.0, 40.0, 100.0])
    assert lat["p50"] == 30.0
    assert lat["p95"] == pytest.approx(40.0 + 0.8 * 60.0)  # rank 3.8 between 40 and 100
    assert lat["mean"] == 40.0 and lat["max"] == 100.0
    assert latency_summary([])["p50"] is None


def test_fuzzy_names() -> None:
    assert names_match("olive oil", "Extra-virgin olive oil")
    assert names_match("tomato", "tomatoes")
    assert names_match("Bell-Pepper", "bell peppers")
    assert not names_match("chicken breast", "chicken thigh")
    assert not names_match("rice", "beef")
    assert name_score("", "rice") == 0.0


def test_match_items_is_one_to_one_and_best_first() -> None:
    predicted = ["brown rice", "rice", "salsa"]
    truth = ["rice", "black beans"]
    # Both predictions match "rice" at 100; only one may claim it: the closer spelling.
    assert match_items(predicted, truth) == [(1, 0)]
    assert match_items(["white rice", "rice"], ["rice", "white rice"]) == [(0, 1), (1, 0)]


def test_item_precision_recall() -> None:
    truth_a = (("tomatoes", 15.0), ("avocado", 23.0), ("olive oil", 4.0))
    truth_b = (("hummus", 56.0),)
    outcomes = [
        outcome(
            meal(1, 1, 1, truth_a), items=[("tomato", 20.0), ("avocados", 25.0), ("bread", 30.0)]
        ),
        outcome(meal(2, 1, 1, truth_b), error="timeout", items=[("hummus", 50.0)]),
        outcome(meal(3, 1, 1, None), items=[("anything", 1.0)]),  # no item truth: ignored
    ]
    items = item_metrics(outcomes)
    assert (items["n_meals"], items["n_predicted"], items["n_truth"], items["n_matched"]) == (
        2,
        3,
        4,
        2,
    )
    assert items["precision"] == pytest.approx(2 / 3)
    assert items["recall"] == pytest.approx(2 / 4)


def test_food_search_metrics() -> None:
    case = FoodSearchCase("fs-1", "milk", ("sr28:01077", "fndds:11111000"), "")
    outcomes = [
        SearchOutcome(case, ["sr28:01077", "sr28:01079"], 1.0),
        SearchOutcome(case, ["sr28:01079", "x:1", "fndds:11111000"], 1.0),
        SearchOutcome(case, ["x:1"] * 5 + ["sr28:01077"], 1.0),
        SearchOutcome(case, [], 1.0, error="down"),
    ]
    assert [hit_rank(o) for o in outcomes] == [1, 3, 6, None]
    assert top_k(outcomes, 1) == 0.25
    assert top_k(outcomes, 3) == 0.5
    assert top_k(outcomes, 10) == 0.75
    assert mean_reciprocal_rank(outcomes) == pytest.approx((1 + 1 / 3 + 1 / 6) / 4)
    assert top_k([], 1) is None
