"""Adapters from the system under test to what the eval runner expects."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict
from typing import Any

from langchain_core.language_models import BaseChatModel

from agents.nutrition.analyzer import MealAnalyzer
from agents.nutrition.models import MealAnalysis
from evals.types import LabeledMeal, MealOutcome, MealPrediction
from graphs.meal_analysis import COMPARED_NOTE, MealContext, build_graph
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
    if analysis.notes:
        trace["notes"] = analysis.notes
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


def model_predictor(
    search: FoodSearch, llm: BaseChatModel, validate: Callable[[str], str] = str.strip
) -> Callable[[LabeledMeal], Awaitable[MealPrediction]]:
    """Predict with the meal graph plus the model leg (``llm``'s parse, grounded in our data).

    ``validate`` is the analyzer's text check, so both predictors refuse the same texts.
    """
    graph: Any = build_graph().compile()
    context = MealContext(search=search, llm=llm)

    async def predict(meal: LabeledMeal) -> MealPrediction:
        out = await graph.ainvoke({"text": validate(meal.text)}, context=context)
        analysis: MealAnalysis = out["analysis"]
        return prediction_from(analysis)

    return predict


def model_leg_summary(outcomes: Sequence[MealOutcome]) -> dict[str, Any]:
    """How often the model's parse was compared, and why it was skipped when it was not."""
    compared = skipped = 0
    reasons: dict[str, int] = {}
    for outcome in outcomes:
        notes: list[str] = outcome.prediction.trace.get("notes", [])
        if any(n.startswith(COMPARED_NOTE) for n in notes):
            compared += 1
        elif outcome.prediction.error is None:
            skipped += 1
            for note in notes:
                reasons[note] = reasons.get(note, 0) + 1
    return {"compared": compared, "skipped": skipped, "skip_reasons": reasons}


def search_predictor(search: FoodSearch, limit: int = 3) -> Callable[[str], Awaitable[list[str]]]:
    """Ranked food ids for a phrase."""

    async def run(phrase: str) -> list[str]:
        return [hit.id for hit in await search.search(phrase, limit)]

    return run
