"""The data that flows through an eval: labelled inputs, predictions and outcomes.

Kept free of I/O so loaders, metrics, the runner and the report writers can
all agree on one vocabulary without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NUTRIENT_KEYS: tuple[str, ...] = ("carbohydrate_g", "protein_g", "fat_g", "energy_kcal")
"""The nutrients every labelled meal carries (keys shared with ``store.nutrients``)."""

SHORT_NAMES: dict[str, str] = {
    "carbohydrate_g": "carb",
    "protein_g": "protein",
    "fat_g": "fat",
    "energy_kcal": "energy",
}
"""Report keys: ``metrics.carb.mae`` reads better than ``metrics.carbohydrate_g.mae``."""


@dataclass(frozen=True, slots=True)
class LabeledMeal:
    """One meal description with its ground-truth nutrient totals.

    Attributes:
        id: Stable identifier within the dataset (used to pair runs in comparisons).
        text: The meal as the system under test will read it.
        truth: Ground truth per nutrient key in ``NUTRIENT_KEYS``.
        dataset: Name of the dataset the meal came from.
        mode: Dataset variant, e.g. ``natural``, ``metric``, ``grams``, ``names-only``.
        truth_items: Ingredient names with grams, when the source has them (Nutrition5k).
    """

    id: str
    text: str
    truth: dict[str, float]
    dataset: str
    mode: str
    truth_items: tuple[tuple[str, float], ...] | None = None


@dataclass(frozen=True, slots=True)
class FoodSearchCase:
    """One food-search phrase and the database keys accepted as a correct hit."""

    id: str
    phrase: str
    accepted: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Meals a loader produced plus every row it refused and why.

    ``notes`` records deliberate, non-rejecting repairs (e.g. totals derived from
    ingredients) so that nothing a loader does to the data goes unreported.
    """

    meals: list[LabeledMeal]
    rejected: list[str]
    dataset: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FoodSearchLoadResult:
    """Food-search cases a loader produced plus the refused rows."""

    cases: list[FoodSearchCase]
    rejected: list[str]
    dataset: str = ""


@dataclass(frozen=True, slots=True)
class MealPrediction:
    """What the system under test said about one meal.

    Attributes:
        totals: Predicted total per nutrient key.
        ranges: Predicted plausible ``(low, high)`` interval per nutrient key.
        flags: Warnings the system raised (e.g. ``portion_uncertain``).
        items: Identified foods with estimated grams.
        latency_ms: Time to answer; the runner fills it in when left ``None``.
        trace: Free-form detail shown in the worst-case section of the report.
        error: Set when the prediction failed; totals are then ignored.
    """

    totals: dict[str, float] = field(default_factory=dict)
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    items: list[tuple[str, float]] = field(default_factory=list)
    latency_ms: float | None = None
    trace: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class MealOutcome:
    """A labelled meal paired with the prediction made for it."""

    meal: LabeledMeal
    prediction: MealPrediction


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Every outcome of a nutrient-estimation run, in dataset order."""

    dataset: str
    outcomes: list[MealOutcome]
    wall_s: float


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """One food-search case with the ranked keys the search returned."""

    case: FoodSearchCase
    ranked: list[str]
    latency_ms: float
    error: str | None = None


@dataclass(frozen=True, slots=True)
class FoodSearchResult:
    """Every outcome of a food-search run, in dataset order."""

    dataset: str
    outcomes: list[SearchOutcome]
    wall_s: float
