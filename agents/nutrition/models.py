"""Result types of meal analysis; every number carries its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class FoodRef:
    """The food record a number came from, and how well the phrase matched it."""

    id: str
    name: str
    source: str
    source_id: str
    category: str | None
    match_score: float
    coverage: float = 1.0


@dataclass(frozen=True, slots=True)
class Estimate:
    """One independent reading of an item: a food, its grams and the nutrients they give."""

    method: str
    food: FoodRef
    grams: float
    portion_source: str
    portion_detail: str
    per_100g: dict[str, float]
    portion_alternatives: tuple[tuple[str, float], ...] = ()
    nutrients: dict[str, float] = field(default_factory=dict)
    """Filled by the calculator: grams × per-100 g values."""


@dataclass(slots=True)
class ItemAnalysis:
    """One food of the meal after consensus."""

    text: str
    food_phrase: str
    meal: str | None
    status: str  # "matched" | "unknown"
    food: FoodRef | None
    grams: float | None
    portion_source: str | None
    portion_detail: str | None
    nutrients: dict[str, float]
    ranges: dict[str, Range]
    confidence: float
    flags: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    suggestions: list[FoodRef] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)


@dataclass(slots=True)
class MealAnalysis:
    """The whole meal: items, totals with ranges, per-slot totals, flags and questions."""

    text: str
    items: list[ItemAnalysis]
    totals: dict[str, float]
    ranges: dict[str, Range]
    by_meal: dict[str, dict[str, float]]
    flags: list[str]
    questions: list[str]
    explanation: str | None = None
    notes: list[str] = field(default_factory=list)
    """How the analysis was made beyond the rules: the model's parse compared, or skipped."""
