"""Nutrients = grams × per-100 g values; totals; the Atwater cross-check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from store.nutrients import MACRO_KEYS

ATWATER = {"protein_g": 4.0, "carbohydrate_g": 4.0, "fat_g": 9.0, "alcohol_g": 7.0}
ATWATER_TOLERANCE = 0.25
ATWATER_MIN_KCAL = 40.0


def scale(per_100g: Mapping[str, float], grams: float) -> dict[str, float]:
    """Nutrients in ``grams`` of a food given per 100 g."""
    factor = grams / 100.0
    return {k: v * factor for k, v in per_100g.items()}


def add(
    totals: Iterable[Mapping[str, float]], keys: Iterable[str] = MACRO_KEYS
) -> dict[str, float]:
    """Sum the given nutrients over several items (missing values count as 0)."""
    wanted = tuple(keys)
    out = dict.fromkeys(wanted, 0.0)
    for nutrients in totals:
        for k in wanted:
            out[k] += nutrients.get(k, 0.0)
    return out


def atwater_energy(per_100g: Mapping[str, float]) -> float:
    """Energy implied by the macronutrients with general factors (4/4/9, alcohol 7)."""
    return sum(per_100g.get(k, 0.0) * f for k, f in ATWATER.items())


def atwater_disagrees(per_100g: Mapping[str, float]) -> bool:
    """True when a record's stated energy and its macros disagree beyond tolerance.

    Foods with specific Atwater factors (fibre-rich grains, nuts) stay within
    about 15 % of the general factors; beyond 25 % the record deserves a flag.
    """
    stated = per_100g.get("energy_kcal")
    if stated is None:
        return False
    implied = atwater_energy(per_100g)
    reference = max(stated, implied)
    if reference < ATWATER_MIN_KCAL:
        return False
    return abs(stated - implied) / reference > ATWATER_TOLERANCE
