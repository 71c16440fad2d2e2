"""Explicit mass and volume of an item, in grams and millilitres.

"oz" is a weight unless the item is a drink: "a 12 oz can of cola" is 12 fl oz, "a 4 oz
container of yogurt" is 4 oz by weight. Measures written between the count and the
serving word size each item ("two 12-oz cans" is 24 fl oz in total).
"""

from __future__ import annotations

from dataclasses import dataclass

from agents.nutrition.parsing.amounts import Amount
from agents.nutrition.parsing.lexicon_food import BEVERAGES
from agents.nutrition.parsing.numbers import number_at
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import read_measure, to_grams, to_ml

_DRINK_CONTAINERS = frozenset(
    {"bottle", "glass", "mug", "carton", "box", "shot", "drink", "fl_oz", "ml", "l"}
)


@dataclass(slots=True)
class Totals:
    """Explicit total mass/volume of an item and, for containers, one container's volume."""

    mass_g: float | None = None
    volume_ml: float | None = None
    container_volume_ml: float | None = None

    def fill_from(self, other: Totals) -> None:
        """Take the other's values where this one has none."""
        if self.mass_g is None:
            self.mass_g = other.mass_g
        if self.volume_ml is None:
            self.volume_ml = other.volume_ml
        if self.container_volume_ml is None:
            self.container_volume_ml = other.container_volume_ml


def is_drink(unit: str | None, food_words: list[str]) -> bool:
    """Whether "oz" should be read as fluid ounces for this item."""
    if unit in _DRINK_CONTAINERS:
        return True
    return bool(food_words) and (food_words[-1] in BEVERAGES or "drink" in food_words)


def _convert(unit: str, value: float, drink: bool) -> tuple[float | None, float | None]:
    if unit == "oz" and drink:
        unit = "fl_oz"
    return to_grams(unit, value), to_ml(unit, value)


def totals(amount: Amount, unit: str | None, food_words: list[str]) -> Totals:
    """Totals from the amount phrase that opens the item."""
    out = Totals()
    drink = is_drink(unit, food_words) or is_drink(amount.serving, food_words)
    for measure in amount.measures:
        grams, ml = _convert(measure.unit, measure.value, drink)
        factor = (amount.count or 1.0) if measure.per_item else 1.0
        if grams is not None and out.mass_g is None:
            out.mass_g = round(grams * factor, 2)
        if ml is not None and out.volume_ml is None:
            out.volume_ml = round(ml * factor, 2)
            if measure.per_item and amount.serving is not None:
                out.container_volume_ml = ml
    return out


def explicit_totals(tokens: list[Token], food_words: list[str]) -> Totals:
    """Totals from a number + unit anywhere in ``tokens`` ("weighing 1.6 ounces")."""
    out = Totals()
    drink = is_drink(None, food_words)
    for i, tok in enumerate(tokens[:-1]):
        if (value := number_at(tok)) is None:
            continue  # "weighing 1.6 ounces", "of about three ounces"
        j = i + 1 + (tokens[i + 1].low == "-")
        measure = read_measure(tokens, j)
        if measure is None or not measure.is_measure:
            continue
        grams, ml = _convert(measure.unit, value, drink)
        out.mass_g = out.mass_g if out.mass_g is not None else grams
        out.volume_ml = out.volume_ml if out.volume_ml is not None else ml
    return out
