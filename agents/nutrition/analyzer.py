"""The nutrition calculator agent: validated meal text in, a traceable analysis out."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel

from agents.nutrition.models import MealAnalysis
from graphs.meal_analysis import MealContext, build_graph
from store.search import FoodSearch

MAX_MEAL_CHARS = 5_000


class MealTextError(ValueError):
    """The meal text is empty or too long."""


class MealAnalyzer:
    """Runs the compiled meal-analysis graph; one instance per process."""

    def __init__(
        self, search: FoodSearch, max_chars: int = MAX_MEAL_CHARS, llm: BaseChatModel | None = None
    ) -> None:
        """``llm`` adds the model's own parse as a further consensus estimate (never a value)."""
        self._context = MealContext(search=search, llm=llm)
        self._graph: Any = build_graph().compile()
        self._max_chars = max_chars

    def validate(self, text: str) -> str:
        """Reject empty and over-long texts with a clear message."""
        cleaned = text.strip()
        if not cleaned:
            raise MealTextError("the meal text is empty; describe what you ate")
        if len(cleaned) > self._max_chars:
            raise MealTextError(
                f"the meal text has {len(cleaned):,} characters; the limit is {self._max_chars:,}"
            )
        return cleaned

    async def analyze(self, text: str) -> MealAnalysis:
        """Parse, resolve, calculate and validate one meal description."""
        out = await self._graph.ainvoke({"text": self.validate(text)}, context=self._context)
        analysis: MealAnalysis = out["analysis"]
        return analysis
