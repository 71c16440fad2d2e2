"""Consensus validation: compare independent estimates of each item by content.

Agreement gives a point estimate with a calibrated low–high range and a
confidence; disagreement beyond a threshold becomes a flag and a clarifying
question. Ranges start from the uncertainty of how the grams were obtained and
widen to cover every estimate that is still plausible.
"""

from __future__ import annotations

from agents.nutrition.calculator import atwater_disagrees
from agents.nutrition.models import Estimate, ItemAnalysis, Range
from agents.nutrition.resolver import ResolvedItem
from store.nutrients import MACRO_KEYS

PORTION_UNCERTAINTY = {
    "explicit_mass": 0.15, "unit_conversion": 0.15, "food_measure": 0.2, "food_density": 0.25,
    "category_default": 0.4, "default_serving": 0.4,
}  # fmt: skip
FOOD_ENERGY_TOLERANCE = 0.3
PORTION_RATIO_LIMIT = 1.75
ABSURD_GRAMS = 2500.0
STRONG_MATCH = 0.99
VAGUE_SOURCES = {"category_default", "default_serving"}


def foods_agree(a: Estimate, b: Estimate) -> bool:
    """Two readings name nutritionally equivalent foods (energy and carbs per 100 g)."""
    if a.food.id == b.food.id:
        return True
    ea, eb = a.per_100g.get("energy_kcal", 0.0), b.per_100g.get("energy_kcal", 0.0)
    ca, cb = a.per_100g.get("carbohydrate_g", 0.0), b.per_100g.get("carbohydrate_g", 0.0)
    energy_ok = abs(ea - eb) <= FOOD_ENERGY_TOLERANCE * max(ea, eb, 20.0)
    carbs_ok = abs(ca - cb) <= max(5.0, 0.3 * max(ca, cb))
    return energy_ok and carbs_ok


def _vague(primary: Estimate) -> bool:
    """Grams came from a table, and another reading of the amount differs by over 30 %."""
    if primary.portion_source not in VAGUE_SOURCES or not primary.portion_alternatives:
        return False
    other = primary.portion_alternatives[0][1]
    return abs(other - primary.grams) > 0.3 * max(primary.grams, 1.0)


def _portion_question(phrase: str, primary: Estimate, other: Estimate) -> str:
    options = [(primary.portion_detail.split(":")[0], primary.grams)]
    options += list(primary.portion_alternatives[:1]) or [("a typical serving", other.grams)]
    text = " or ".join(f"{label} ({grams:.0f} g)" for label, grams in options[:2])
    return f"How much {phrase}: {text}?"


def _range(primary: Estimate, plausible: list[Estimate]) -> dict[str, Range]:
    u = PORTION_UNCERTAINTY.get(primary.portion_source, 0.3)
    out: dict[str, Range] = {}
    for key in MACRO_KEYS:
        point = primary.nutrients.get(key, 0.0)
        values = [e.nutrients.get(key, 0.0) for e in plausible]
        low = min([point * (1 - u), *values])
        high = max([point * (1 + u), *values])
        out[key] = (round(low, 1), round(high, 1))
    return out


def consensus_item(resolved: ResolvedItem) -> ItemAnalysis:
    """Reduce one item's estimates to a point, a range, a confidence, flags and questions."""
    item = resolved.item
    if not resolved.known or not resolved.estimates:
        names = ", ".join(s.name for s in resolved.suggestions) or "nothing close"
        return ItemAnalysis(
            item.text, item.food, item.meal, "unknown", None, None, None, None, {}, {}, 0.0,
            flags=["unknown_food"],
            questions=[f"I could not find '{item.food}' in the USDA data. Closest: {names}. "
                       "Which one did you mean?"],
            suggestions=list(resolved.suggestions),
        )  # fmt: skip
    primary, *others = resolved.estimates
    flags: list[str] = []
    questions: list[str] = []
    confidence = 1.0 - PORTION_UNCERTAINTY.get(primary.portion_source, 0.3)
    strong = primary.food.coverage >= STRONG_MATCH
    plausible: list[Estimate] = []
    for other in others:
        if other.method == "category_portion":
            ratio = max(other.grams, 1e-6) / max(primary.grams, 1e-6)
            if primary.portion_source != "explicit_mass" and not (
                1 / PORTION_RATIO_LIMIT <= ratio <= PORTION_RATIO_LIMIT
            ):
                flags.append("portion_disagreement")
                questions.append(_portion_question(item.food, primary, other))
                confidence -= 0.15
                plausible.append(other)
        elif foods_agree(primary, other):
            plausible.append(other)
        elif not strong:
            flags.append("food_disagreement")
            questions.append(f"Which {item.food}: {primary.food.name} or {other.food.name}?")
            confidence -= 0.2
            plausible.append(other)
    if not questions and _vague(primary):
        flags.append("vague_portion")
        label, grams = primary.portion_alternatives[0]
        questions.append(
            f"How much {item.food}: {label} ({grams:.0f} g) or about {primary.grams:.0f} g?"
        )
        confidence -= 0.1
    if primary.grams > ABSURD_GRAMS:
        flags.append("implausible_amount")
        questions.append(f"Did you really have {primary.grams:,.0f} g of {item.food}?")
        confidence -= 0.4
    if atwater_disagrees(primary.per_100g):
        flags.append("atwater_mismatch")
    return ItemAnalysis(
        item.text, item.food, item.meal, "matched", primary.food, round(primary.grams, 1),
        primary.portion_source, primary.portion_detail,
        {k: round(v, 2) for k, v in primary.nutrients.items()},
        _range(primary, plausible), round(max(confidence, 0.05), 2),
        flags=sorted(set(flags)), questions=list(dict.fromkeys(questions)),
        suggestions=list(resolved.suggestions[1:]), estimates=list(resolved.estimates),
    )  # fmt: skip
