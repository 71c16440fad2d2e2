"""LangChain tools exposing the nutrition calculator agent to other graphs (the coach).

Server-side dependencies (the analyzer, the search service) are ``InjectedToolArg``s:
hidden from the model's schema and supplied by the calling graph.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from langchain_core.tools import InjectedToolArg, tool

from agents.nutrition.analyzer import MealAnalyzer
from store.search import FoodSearch


@tool
async def analyze_meal(
    text: str, analyzer: Annotated[MealAnalyzer, InjectedToolArg]
) -> dict[str, Any]:
    """Analyse a meal description: foods, grams and nutrients from USDA data.

    Args:
        text: What the user ate, in their own words (e.g. "two eggs and toast").
        analyzer: Injected by the server.
    """
    analysis = await analyzer.analyze(text)
    return {
        "items": [
            {
                "food": item.food.name if item.food else None,
                "food_id": item.food.id if item.food else None,
                "phrase": item.food_phrase,
                "status": item.status,
                "grams": item.grams,
                "portion": item.portion_detail,
                "nutrients": item.nutrients,
                "ranges": item.ranges,
                "flags": item.flags,
            }
            for item in analysis.items
        ],  # fmt: skip
        "totals": analysis.totals,
        "ranges": analysis.ranges,
        "questions": analysis.questions,
        "explanation": analysis.explanation,
    }


@tool
async def search_foods(
    query: str, search: Annotated[FoodSearch, InjectedToolArg], limit: int = 5
) -> list[dict[str, Any]]:
    """Look up foods in the USDA knowledge base; nutrients are per 100 g.

    Args:
        query: A food phrase such as "brown rice" or "greek yogurt".
        search: Injected by the server.
        limit: How many foods to return (1-20).
    """
    hits = await search.search(query, max(1, min(limit, 20)))
    return [asdict(h) for h in hits]


NUTRITION_TOOLS = [analyze_meal, search_foods]
