"""Consensus validation: compare independent estimates of each item by content.

Agreement gives a point estimate with a calibrated low–high range and a
confidence; disagreement beyond a threshold becomes a flag and a clarifying
question. Ranges start from the uncertainty of how the grams were obtained and
widen to cover every estimate that is still plausible.

With a chat model configured, its parse (grounded in our food search and portion data)
is one more reading, aligned by content; a food only the model saw is asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from agents.nutrition.calculator import atwater_disagrees
from agents.nutrition.models import Estimate, ItemAnalysis, Range
from agents.nutrition.portions.units import ML_PER_UNIT
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
MEASURED_SOURCES = {"food_measure", "food_density"}
"""A stated volume read off the food's own measures or density: a table knows no better."""


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


_MEASURE = re.compile(r"USDA measure '([^']+)'")


def _reading(detail: str) -> str:
    """How the grams were read, in a few words: "1 cup", "USDA's typical amount"."""
    found = _MEASURE.search(detail)
    if found is None:
        return detail.split(":")[0]
    label = found.group(1)
    if label.lower().startswith("guideline amount"):
        return "USDA's guideline amount"  # "... per slice of bread/roll", times the slices
    return "USDA's typical amount" if label == "Quantity not specified" else label


def _portion_question(phrase: str, primary: Estimate, other: Estimate) -> str:
    options = [(_reading(primary.portion_detail), primary.grams)]
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
        names = "; ".join(s.name for s in resolved.suggestions) or "nothing close"  # names hold ","
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
            measured = item.unit in ML_PER_UNIT and primary.portion_source in MEASURED_SOURCES
            settled = measured or primary.portion_source == "explicit_mass"
            if not settled and not (1 / PORTION_RATIO_LIMIT <= ratio <= PORTION_RATIO_LIMIT):
                flags.append("portion_disagreement")
                questions.append(_portion_question(item.food, primary, other))
                confidence -= 0.15
                plausible.append(other)
        elif other.method == "variant" or foods_agree(primary, other):
            plausible.append(other)  # an equally named record bounds the range, no question
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


MODEL_ALIGN_MIN = 80.0
MODEL_NAME_CLOSE = 60.0
MODEL_GRAMS_TOLERANCE = 0.3
MODEL_AGREEMENT_BONUS = 0.1
MODEL_CONFIDENCE_CAP = 0.95


@dataclass(frozen=True, slots=True)
class ModelComparison:
    """Items after comparison with the model's reading, plus meal-level flags and questions."""

    items: list[ItemAnalysis]
    flags: list[str]
    questions: list[str]


def _close(a: str, b: str) -> float:
    return float(fuzz.token_set_ratio(a, b, processor=default_process))


def _similarity(rule: ItemAnalysis, model: ResolvedItem) -> float:
    """How surely two readings are the same item: same food record, else name overlap."""
    found = model.estimates[0].food if model.known and model.estimates else None
    if rule.food is not None and found is not None and rule.food.id == found.id:
        return 200.0
    scores = [_close(rule.food_phrase, model.item.food)]
    if rule.food is not None:
        scores.append(_close(model.item.food, rule.food.name))
    if found is not None:
        scores.append(_close(rule.food_phrase, found.name))
    return max(scores)


def align(rule: list[ItemAnalysis], model: list[ResolvedItem]) -> dict[int, int]:
    """Pair rule items with model items by content, best pairs first, one to one."""
    pairs = sorted(
        ((_similarity(r, m), i, j) for i, r in enumerate(rule) for j, m in enumerate(model)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    out: dict[int, int] = {}
    for score, i, j in pairs:
        if score >= MODEL_ALIGN_MIN and i not in out and j not in out.values():
            out[i] = j
    return out


def model_food_agrees(ours: Estimate, theirs: Estimate) -> bool:
    """Same record, or equivalent nutrition for the same kind of food (group or name)."""
    if ours.food.id == theirs.food.id:
        return True
    kind = ours.food.category is not None and ours.food.category == theirs.food.category
    return foods_agree(ours, theirs) and (
        kind or _close(ours.food.name, theirs.food.name) >= MODEL_NAME_CLOSE
    )


def grams_agree(ours: float, theirs: float) -> bool:
    """Two readings of the amount within the tolerance of the larger."""
    return abs(ours - theirs) <= MODEL_GRAMS_TOLERANCE * max(ours, theirs, 1.0)


def _widen(ranges: dict[str, Range], other: Estimate) -> dict[str, Range]:
    out = dict(ranges)
    for key, (low, high) in ranges.items():
        value = round(other.nutrients.get(key, 0.0), 1)
        out[key] = (min(low, value), max(high, value))
    return out


def compare_with_model(item: ItemAnalysis, model: ResolvedItem) -> ItemAnalysis:
    """Agreement raises confidence; disagreement widens the range and asks the user."""
    if not model.known or not model.estimates:
        return item
    theirs = model.estimates[0]
    if item.status != "matched" or not item.estimates:
        return replace(
            item, flags=sorted({*item.flags, "model_suggestion"}),
            questions=[*item.questions, f"The model read '{item.food_phrase}' as "
                       f"{theirs.food.name}: is that it?"],
            suggestions=[theirs.food, *(s for s in item.suggestions if s.id != theirs.food.id)],
        )  # fmt: skip
    ours = item.estimates[0]
    food_ok = model_food_agrees(ours, theirs)
    grams_ok = grams_agree(ours.grams, theirs.grams)
    flags, questions, confidence = list(item.flags), list(item.questions), item.confidence
    if food_ok and grams_ok:
        confidence = max(confidence, min(confidence + MODEL_AGREEMENT_BONUS, MODEL_CONFIDENCE_CAP))
    if not food_ok:
        flags.append("model_food_disagreement")
        questions.append(f"Which {item.food_phrase}: {ours.food.name} or {theirs.food.name}?")
        confidence -= 0.2
    if not grams_ok:
        flags.append("model_portion_disagreement")
        questions.append(f"How much {item.food_phrase}: about {ours.grams:.0f} g or about "
                         f"{theirs.grams:.0f} g?")  # fmt: skip
        confidence -= 0.15
    agree = food_ok and grams_ok
    return replace(
        item, ranges=item.ranges if agree else _widen(item.ranges, theirs),
        confidence=round(max(confidence, 0.05), 2), flags=sorted(set(flags)),
        questions=list(dict.fromkeys(questions)), estimates=[*item.estimates, theirs],
    )  # fmt: skip


def compare_model_reading(items: list[ItemAnalysis], model: list[ResolvedItem]) -> ModelComparison:
    """Compare every item with its model counterpart; model-only foods become questions.

    A food only the model saw is never added to the totals: the user is asked instead.
    """
    pairs = align(items, model)
    compared = [compare_with_model(it, model[pairs[i]]) if i in pairs else it
                for i, it in enumerate(items)]  # fmt: skip
    flags: list[str] = []
    questions: list[str] = []
    for j in sorted(set(range(len(model))) - set(pairs.values())):
        extra = model[j]
        if extra.known and extra.estimates:
            flags.append("model_extra_item")
            questions.append(
                f"The model also saw {extra.item.food} ({extra.estimates[0].food.name}), "
                "which is not counted: did you have it?"
            )
    return ModelComparison(compared, flags, questions)
