"""Weigh an item said by its size in inches from the USDA measures that name sizes.

USDA writes the size of many whole items into the measure: "1 tortilla (approx 10" dia)",
"1 medium pizza (11-12" diameter)", "1 regular or 6" submarine", and weighs flat foods by
the "surface inch" (pizza 6.2 g, pancake 1.9 g). In order of trust, an item of a stated
size is: the food's measure of that very size; its area in surface inches; its nearest
sized measure scaled by area (round or square items) or length (subs, baguettes). A slice
of a 14-inch pizza is a slice of the pizza size that spans 14 inches ("large").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from .context import Food, Request
from .household import Candidate
from .measures import Measure, is_share
from .models import PortionEstimate
from .weigh import runner_ups

_NUMBER = r"\d+-\d+/\d+|\d+/\d+|\d+(?:\.\d+)?"
_SPAN = re.compile(
    rf"(?P<low>{_NUMBER})\"?(?:\s*(?:-|to)\s*(?P<high>{_NUMBER}))?\s*(?:\"|-?inch(?:es)?\b)"
)
_NOT_ONE_SIZE = re.compile(r"\bx\b|\d\s*x\s*\d|\bthick\b|\bstack\b|\bpieces?\b\s*\)|\bcubes?\b")
"""Several dimensions, a thickness, or pieces cut to a size: no one size to compare."""
_FLAT = re.compile(r"\bdia\b|\bdiameter\b|\bround\b|\bsquare\b|\bpan\b|\bpizza\b|\bpie\b")
_LONG = re.compile(r"\blong\b|\bsub\b|\bsubmarine\b")
_SURFACE = re.compile(r"^1 surface inch$", re.IGNORECASE)
TOLERANCE: Final = 0.5
"""Inches either side of a measure's size that still count as that size."""


@dataclass(frozen=True, slots=True)
class Span:
    """The size a whole-item measure names, in inches, and how weight grows with it."""

    low: float
    high: float
    flat: bool
    long: bool

    @property
    def middle(self) -> float:
        """The size the measure's grams stand for."""
        return (self.low + self.high) / 2

    def holds(self, inches: float) -> bool:
        """Whether ``inches`` is this measure's size."""
        return self.low - TOLERANCE <= inches <= self.high + TOLERANCE


def _inches(text: str) -> float:
    whole, dash, fraction = text.partition("-")
    if dash:  # "2-1/2": two and a half
        return float(whole) + _inches(fraction)
    numerator, slash, denominator = text.partition("/")
    return float(numerator) / float(denominator) if slash else float(text)


def item_span(description: str) -> Span | None:
    """The size of one whole item a USDA description names, or None."""
    lower = description.lower()
    found = _SPAN.search(lower)
    if found is None or is_share(lower) or _NOT_ONE_SIZE.search(lower):  # a share's is the whole's
        return None
    low = _inches(found.group("low"))
    high = _inches(found.group("high")) if found.group("high") else low
    if not 0 < low <= high:
        return None
    return Span(low, high, bool(_FLAT.search(lower)), bool(_LONG.search(lower)))


def is_surface_inch(measure: Measure) -> bool:
    """FNDDS's "1 surface inch": the weight of one square inch of a flat food."""
    return bool(_SURFACE.match(measure.label))


def _spans(food: Food) -> list[tuple[Measure, Span]]:
    return [
        (m, span)
        for m in food.measures
        if m.volume_ml is None and not m.mass and (span := item_span(m.label)) is not None
    ]


def _sized_estimate(
    grams: float, detail: str, others: Sequence[tuple[Measure, Span]]
) -> PortionEstimate:
    """The grams with the other sized measures (one item each) as alternatives."""
    alternatives = runner_ups([Candidate(m, 1.0 / m.amount) for m, _ in others], grams)
    return PortionEstimate(grams, "food_measure", detail, alternatives)


def by_inches(request: Request, food: Food) -> PortionEstimate | Request:
    """Grams for whole items of ``inches``, or the request restated in the food's sizes.

    A measure of that very size gives whole items and names the size of shares ("a slice
    of a 14-inch pizza" becomes a slice of a large pizza). With no such measure, whole
    items come from the surface inch or the nearest size scaled; failing both, the
    request goes on without its inches.
    """
    inches = request.inches
    if inches is None:
        return request
    spans = _spans(food)
    exact = sorted(
        ((m, s) for m, s in spans if s.holds(inches)),
        key=lambda ms: (abs(ms[1].middle - inches), ms[0].seq),
    )
    if not request.counts_items:
        sized = next((m.sizes for m, _ in exact if m.sizes), frozenset())
        return replace(request, size=min(sized) if len(sized) == 1 else request.size, inches=None)
    quantity = request.quantity
    if exact:
        measure = exact[0][0]
        grams = measure.grams / measure.amount * quantity
        detail = (
            f"USDA measure '{measure.label}' = {measure.grams:g} g × {quantity:g}; "
            f"{inches:g} inches is its size"
        )
        return _sized_estimate(grams, detail, [ms for ms in spans if ms[0] is not measure])
    surface = next((m for m in food.measures if is_surface_inch(m)), None)
    if surface is not None:
        area = math.pi * (inches / 2) ** 2 * quantity
        detail = (
            f"USDA measure '{surface.label}' = {surface.grams:g} g × {area:.4g} "
            f"(a {inches:g}-inch round is {area / quantity:.1f} square inches)"
        )
        return _sized_estimate(surface.grams * area, detail, spans)
    scalable = [(m, s) for m, s in spans if s.flat or s.long]
    if scalable:
        measure, span = min(scalable, key=lambda ms: (abs(ms[1].middle - inches), ms[0].seq))
        ratio = inches / span.middle
        factor = ratio**2 if span.flat else ratio
        grams = measure.grams / measure.amount * factor * quantity
        how = "area" if span.flat else "length"
        detail = (
            f"USDA measure '{measure.label}' = {measure.grams:g} g × {factor * quantity:.4g}; "
            f"no {inches:g}-inch measure, nearest size scaled by {how}"
        )
        return _sized_estimate(grams, detail, [ms for ms in spans if ms[0] is not measure])
    return replace(request, inches=None)
