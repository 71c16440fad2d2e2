"""Meal-level figures: totals, summed ranges, per-slot totals, meal flags."""

from __future__ import annotations

from collections import defaultdict

from agents.nutrition.calculator import add
from agents.nutrition.models import ItemAnalysis, MealAnalysis, Range
from store.nutrients import MACRO_KEYS

NO_FOOD = (
    "I could not find any food or drink in this text. Describe what you ate, "
    "e.g. 'a cup of rice and two eggs'."
)


def summarize(text: str, items: list[ItemAnalysis]) -> MealAnalysis:
    """Totals and ranges over matched items; unknown items contribute no numbers."""
    matched = [i for i in items if i.status == "matched"]
    totals = {k: round(v, 1) for k, v in add(i.nutrients for i in matched).items()}
    ranges: dict[str, Range] = {
        k: (
            round(sum(i.ranges[k][0] for i in matched), 1),
            round(sum(i.ranges[k][1] for i in matched), 1),
        )
        for k in MACRO_KEYS
    }
    slots: dict[str, list[ItemAnalysis]] = defaultdict(list)
    for item in matched:
        slots[item.meal or "unspecified"].append(item)
    by_meal = {
        slot: {k: round(v, 1) for k, v in add(i.nutrients for i in group).items()}
        for slot, group in slots.items()
    }
    flags = sorted({f for i in items for f in i.flags})
    questions = [q for i in items for q in i.questions]
    explanation = NO_FOOD if not items else None
    return MealAnalysis(text, items, totals, ranges, by_meal, flags, questions, explanation)
