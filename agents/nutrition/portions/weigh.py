"""Weigh a volume of a food: its own measures, then density, then defaults.

Shared by plain volume requests ("1 tbsp") and by everything that resolves to
a volume first (a bowl = 2 cups, a default serving of 1 cup).
"""

from __future__ import annotations

from collections.abc import Sequence

from .context import Food
from .defaults import find_volume_serving
from .densities import find_density
from .household import Candidate, volume_candidates
from .models import PortionEstimate
from .units import ML_PER_UNIT

MAX_RUNNER_UPS = 3
WATER_NOTE = "ml taken as water (1 g/ml)"
"""Ends the detail of a volume that nothing but water could weigh."""


def runner_ups(candidates: Sequence[Candidate], best: float) -> tuple[tuple[str, float], ...]:
    """Other measures' readings of the same amount, distinct in grams, best first."""
    seen = [best]
    found: list[tuple[str, float]] = []
    for candidate in candidates:
        grams = candidate.grams
        for other in seen:
            if abs(grams - other) < 0.5:
                break
        else:
            seen.append(grams)
            found.append((candidate.label, round(grams, 1)))
            if len(found) == MAX_RUNNER_UPS:
                break
    return tuple(found)


def from_candidates(candidates: Sequence[Candidate], note: str = "") -> PortionEstimate:
    """The best food measure as an estimate, the others as alternatives."""
    best = candidates[0]
    return PortionEstimate(
        grams=best.grams,
        source="food_measure",
        detail=best.describe() + note,
        alternatives=runner_ups(candidates[1:], best.grams),
    )


def weigh_volume(ml: float, unit: str | None, food: Food) -> PortionEstimate:
    """Grams for ``ml`` of the food; ``unit`` (cup, tbsp...) prefers a same-unit measure."""
    candidates = volume_candidates(food.measures, ml, unit, food.tokens)
    if candidates:
        return from_candidates(candidates)
    density = find_density(food.tokens)
    if density is not None:
        return PortionEstimate(ml * density.g_per_ml, "food_density", density.describe(ml))
    row = find_volume_serving(food.tokens, food.head)
    if row is not None:
        factor = ml / ML_PER_UNIT[row.unit]
        return PortionEstimate(row.grams * factor, "default_serving", row.describe(factor))
    return PortionEstimate(
        ml, "category_default", f"no USDA measure or density for this food; {ml:.4g} {WATER_NOTE}"
    )


def grams_per_ml(food: Food) -> float | None:
    """The food's weight per millilitre by the same order, or ``None`` if only water fits.

    A cheap twin of :func:`weigh_volume` for alternatives, which need numbers only.
    """
    cup = ML_PER_UNIT["cup"]
    candidates = volume_candidates(food.measures, cup, "cup", food.tokens)
    if candidates:
        return candidates[0].grams / cup
    density = find_density(food.tokens)
    if density is not None:
        return density.g_per_ml
    row = find_volume_serving(food.tokens, food.head)
    return row.grams / ML_PER_UNIT[row.unit] if row is not None else None
