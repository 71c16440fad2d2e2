"""The runner: deterministic order, bounded concurrency, failures captured, low overhead."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable

import pytest

from evals.runner import run_eval, run_food_search_eval
from evals.types import FoodSearchCase, LabeledMeal, MealPrediction

TRUTH = {"carbohydrate_g": 10.0, "protein_g": 1.0, "fat_g": 1.0, "energy_kcal": 50.0}


def meals(n: int) -> list[LabeledMeal]:
    return [LabeledMeal(f"m{i:05d}", f"meal {i}", TRUTH, "unit", "natural") for i in range(n)]


async def test_results_keep_input_order_with_many_workers() -> None:
    rng = random.Random(7)
    delays = [rng.uniform(0, 0.01) for _ in range(60)]
    in_flight = peak = 0

    async def predict(meal: LabeledMeal) -> MealPrediction:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(delays[int(meal.id[1:])])
        in_flight -= 1
        return MealPrediction(totals={"carbohydrate_g": float(meal.id[1:])}, trace={"id": meal.id})

    result = await run_eval(meals(60), predict, workers=8)
    assert [o.meal.id for o in result.outcomes] == [m.id for m in meals(60)]
    assert [o.prediction.trace["id"] for o in result.outcomes] == [m.id for m in meals(60)]
    assert [o.prediction.totals["carbohydrate_g"] for o in result.outcomes] == list(range(60))
    assert peak == 8  # bounded, and actually parallel
    assert result.dataset == "unit"


async def test_failures_timeouts_and_latency_are_recorded() -> None:
    async def predict(meal: LabeledMeal) -> MealPrediction:
        if meal.id == "m00001":
            raise RuntimeError("model unavailable")
        if meal.id == "m00002":
            await asyncio.sleep(5)
        if meal.id == "m00003":
            return MealPrediction(latency_ms=123.0)
        await asyncio.sleep(0.02)
        return MealPrediction(totals=dict(TRUTH))

    result = await run_eval(meals(4), predict, workers=4, timeout_s=0.2, dataset="named")
    ok, failed, slow, reported = (o.prediction for o in result.outcomes)
    assert result.dataset == "named"
    assert ok.error is None and ok.latency_ms is not None and ok.latency_ms >= 20
    assert failed.error == "RuntimeError: model unavailable"
    assert slow.error == "timeout after 0.2 s"
    assert reported.latency_ms == 123.0  # the predictor's own number wins
    assert result.wall_s < 1.0


async def test_synchronous_raise_in_predict_is_captured() -> None:
    def predict(meal: LabeledMeal) -> Awaitable[MealPrediction]:  # raises before any await
        raise ValueError("bad input")

    result = await run_eval(meals(2), predict, workers=2)
    assert [o.prediction.error for o in result.outcomes] == ["ValueError: bad input"] * 2


async def test_invalid_worker_count() -> None:
    async def predict(meal: LabeledMeal) -> MealPrediction:
        return MealPrediction()

    with pytest.raises(ValueError, match="workers"):
        await run_eval(meals(1), predict, workers=0)


async def test_5000_meals_are_each_predicted_once_in_order() -> None:
    """A large run loses or repeats nothing; its speed is measured by ``make bench``."""
    prediction = MealPrediction(totals=dict(TRUTH), items=[("rice", 100.0)])
    seen: list[str] = []

    async def predict(meal: LabeledMeal) -> MealPrediction:
        seen.append(meal.id)
        return prediction

    data = meals(5000)
    result = await run_eval(data, predict, workers=16)
    assert [o.meal.id for o in result.outcomes] == [m.id for m in data]
    assert sorted(seen) == sorted(m.id for m in data)


async def test_progress_bar_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    async def predict(meal: LabeledMeal) -> MealPrediction:
        return MealPrediction()

    await run_eval(meals(3), predict, workers=2, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err


async def test_food_search_run_keeps_order_and_errors() -> None:
    cases = [FoodSearchCase(f"fs-{i}", p, ("sr28:01077",), "") for i, p in enumerate("abcd")]

    async def search(phrase: str) -> list[str]:
        await asyncio.sleep({"a": 0.02, "b": 0.0, "c": 0.01, "d": 0.0}[phrase])
        if phrase == "d":
            raise KeyError(phrase)
        return [f"sr28:{phrase}"]

    result = await run_food_search_eval(cases, search, workers=4)
    assert [o.case.phrase for o in result.outcomes] == list("abcd")
    assert [o.ranked for o in result.outcomes] == [["sr28:a"], ["sr28:b"], ["sr28:c"], []]
    assert result.outcomes[3].error == "KeyError: 'd'"
    assert all(o.latency_ms >= 0 for o in result.outcomes)
