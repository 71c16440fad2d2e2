"""Adapters from the system under test to what the eval runner expects."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict

from agents.nutrition.analyzer import MealAnalyzer
from agents.nutrition.models import MealAnalysis
from evals.types import LabeledMeal, MealPrediction
from store.search import FoodSearch


def prediction_from(analysis: MealAnalysis) -> MealPrediction:
    """A meal analysis as the runner's prediction, with the full trace kept."""
    items = [(i.food.name if i.food else i.food_phrase, i.grams or 0.0) for i in analysis.items]
    trace = {
        "items": [
            {
                "text": i.text,
                "phrase": i.food_phrase,
                "status": i.status,
                "food": asdict(i.food) if i.food else None,
                "grams": i.grams,
                "portion": f"{i.portion_source}: {i.portion_detail}",
                "carbs": round(i.nutrients.get("carbohydrate_g", 0.0), 1),
                "kcal": round(i.nutrients.get("energy_kcal", 0.0), 1),
                "flags": i.flags,
                "estimates": [f"{e.method}: {e.food.name} {e.grams:.0f} g" for e in i.estimates],
            }
            for i in analysis.items
        ],  # fmt: skip
        "questions": analysis.questions,
    }
    return MealPrediction(
        totals=dict(analysis.totals),
        ranges={k: (lo, hi) for k, (lo, hi) in analysis.ranges.items()},
        flags=list(analysis.flags),
        items=items,
        trace=trace,
    )


def analyzer_predictor(
    analyzer: MealAnalyzer,
) -> Callable[[LabeledMeal], Awaitable[MealPrediction]]:
    """Predict a labelled meal with the meal-analysis graph."""

    async def predict(meal: LabeledMeal) -> MealPrediction:
        return prediction_from(await analyzer.analyze(meal.text))

    return predict


def search_predictor(search: FoodSearch, limit: int = 3) -> Callable[[str], Awaitable[list[str]]]:
    """Ranked food ids for a phrase."""

    async def run(phrase: str) -> list[str]:
        return [hit.id for hit in await search.search(phrase, limit)]

    return run
