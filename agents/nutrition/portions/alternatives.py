"""Other plausible readings of a vague amount, so consensus can ask or give a range.

"A bowl of rice", "some pasta", "a piece of chicken" have no single weight.
Next to the chosen estimate we list what else the words could mean ("1 cup",
"large bowl (about 3 cups)", USDA's "Quantity not specified"), each weighed
with the same food so the numbers are directly comparable.
"""

from __future__ import annotations

from .categories import find_vessel
from .context import Food, Request
from .defaults import find_serving, serving_options
from .household import count_candidates, unspecified_candidate
from .models import PortionEstimate
from .units import GRAMS_PER_UNIT, ML_PER_UNIT, VESSEL_UNITS
from .weigh import grams_per_ml, weigh_volume

MAX_ALTERNATIVES = 5
_VAGUE_UNITS = VESSEL_UNITS | {"piece"}
_VESSEL_SCALES = ((1.0, ""), (0.5, "small "), (1.5, "large "))


def with_alternatives(estimate: PortionEstimate, request: Request, food: Food) -> PortionEstimate:
    """Add readings for vague amounts and mass/fluid ounce mix-ups to ``estimate``."""
    readings = list(estimate.alternatives)
    unit, quantity = request.unit, request.quantity
    if (unit is None and not request.stated) or unit in _VAGUE_UNITS:
        readings.extend(_vague_readings(request, food))
    if unit not in ML_PER_UNIT and unit not in GRAMS_PER_UNIT:
        for row in serving_options(food.tokens, unit, request.size, food.head)[:3]:
            if row.unit not in ML_PER_UNIT:
                readings.append((_times(quantity, row.label), row.grams * quantity))
    if not request.stated and unit not in (None, "each"):
        readings.append((f"2 {unit}", 2 * estimate.grams))
    if unit == "oz" and any(m.volume_unit == "fl_oz" for m in food.measures):
        fluid = weigh_volume(quantity * ML_PER_UNIT["fl_oz"], "fl_oz", food)
        readings.append((f"{quantity:g} fl oz", fluid.grams))
    alternatives = _distinct(readings, estimate.grams)
    if alternatives == estimate.alternatives:
        return estimate
    return PortionEstimate(estimate.grams, estimate.source, estimate.detail, alternatives)


def _times(quantity: float, label: str) -> str:
    """Prefix a label with the quantity unless it is one."""
    return label if quantity == 1 else f"{quantity:g} × {label}"


def _vague_readings(request: Request, food: Food) -> list[tuple[str, float]]:
    """Cup, vessel, size and USDA-typical readings of the same quantity."""
    quantity, unit = request.quantity, request.unit
    readings: list[tuple[str, float]] = []
    if unit is None:
        counts = count_candidates(food.measures, quantity, None, request.size, None, food.tokens)
        readings.extend((c.label, c.grams) for c in counts[:3])
        if not counts:
            readings.extend((m.label, m.grams) for m in food.measures if not (m.qns or m.mass))
        item = find_serving(food.tokens, None, request.size, food.head)
        if counts or (item is not None and item.unit not in ML_PER_UNIT):
            unit_for_vessel = None
        else:
            unit_for_vessel = "bowl"
    else:
        unit_for_vessel = unit if unit in VESSEL_UNITS else None
        item = find_serving(food.tokens, None, request.size, food.head)
        if item is not None and item.unit not in ML_PER_UNIT:
            readings.append((_times(quantity, item.label), item.grams * quantity))
    per_ml = grams_per_ml(food) if unit_for_vessel is not None or unit == "piece" else None
    if per_ml is not None:
        readings.append((f"{quantity:g} cup", quantity * ML_PER_UNIT["cup"] * per_ml))
    if unit_for_vessel is not None:
        readings.extend(_vessel_readings(unit_for_vessel, quantity, food, per_ml))
    typical = unspecified_candidate(food.measures, quantity)
    if typical is not None:
        label = _times(quantity, "USDA typical amount (quantity not specified)")
        readings.append((label, typical.grams))
    return readings


def _vessel_readings(
    unit: str, quantity: float, food: Food, per_ml: float | None
) -> list[tuple[str, float]]:
    """The vessel at its category size and a smaller and a larger one.

    Volume vessels need the food's weight per millilitre (``per_ml``); without
    one they are left out rather than guessed as water.
    """
    vessel = find_vessel(unit, food.tokens, food.category_tokens, False) or find_vessel(
        unit, food.tokens, food.category_tokens, True
    )
    if vessel is None:
        return []
    amount_unit = vessel.amount_unit.replace("_", " ")
    if vessel.grams is not None:
        return [(f"{quantity:g} {unit} ({vessel.amount:g} {amount_unit})", vessel.grams * quantity)]
    if per_ml is None:
        return []
    readings = []
    for scale, word in _VESSEL_SCALES:
        ml = (vessel.ml or 0.0) * scale * quantity
        label = f"{quantity:g} {word}{unit} (about {vessel.amount * scale:g} {amount_unit})"
        readings.append((label, ml * per_ml))
    return readings


def _distinct(readings: list[tuple[str, float]], chosen: float) -> tuple[tuple[str, float], ...]:
    """Drop readings within 0.5 g of the chosen one or of an earlier reading."""
    seen = [chosen]
    kept: list[tuple[str, float]] = []
    for label, grams in readings:
        if grams <= 0:
            continue
        for other in seen:
            if abs(grams - other) < 0.5:
                break
        else:
            seen.append(grams)
            kept.append((label, round(grams, 1)))
            if len(kept) == MAX_ALTERNATIVES:
                break
    return tuple(kept)
