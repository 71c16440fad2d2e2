"""US customary units, reduced to one canonical spelling each.

Plain constants rather than ``pint``: conversions sit on the hot path of every
portion and the set of units people use for food is small and fixed.
"""

from __future__ import annotations

from typing import Final

GRAMS_PER_UNIT: Final[dict[str, float]] = {
    "g": 1.0,
    "mg": 0.001,
    "kg": 1000.0,
    "oz": 28.3495,
    "lb": 453.592,
}

CUP_ML: Final = 236.5882365
"""The US customary cup; spoons and fluid ounces are exact fractions of it."""

ML_PER_UNIT: Final[dict[str, float]] = {
    "ml": 1.0,
    "l": 1000.0,
    "cup": CUP_ML,
    "tbsp": CUP_ML / 16,
    "tsp": CUP_ML / 48,
    "fl_oz": CUP_ML / 8,
    "pint": CUP_ML * 2,
    "quart": CUP_ML * 4,
    "gallon": CUP_ML * 16,
    "pinch": CUP_ML / 768,
    "dash": CUP_ML / 384,
    "cubic_inch": 16.387064,
}
"""Millilitres per unit (1 cup = 236.588 ml, 1 tbsp = 14.787 ml, 1 fl oz = 29.5735 ml)."""

_SPELLINGS: Final[dict[str, str]] = {
    "g": "gram|grams|gr|gm",
    "mg": "milligram|milligrams",
    "kg": "kilogram|kilograms|kilo|kilos",
    "oz": "ounce|ounces",
    "lb": "pound|pounds|lbs",
    "ml": "milliliter|milliliters|millilitre|millilitres",
    "l": "liter|liters|litre|litres",
    "cup": "cups|c",
    "tbsp": "tablespoon|tablespoons|tbs|tbl|spoonful|spoonfuls",
    "tsp": "teaspoon|teaspoons",
    "fl_oz": "fl oz|fl. oz|fl. oz.|floz|fluid ounce|fluid ounces|fo",
    "pint": "pints|pt",
    "quart": "quarts|qt",
    "gallon": "gallons",
    "pinch": "pinches",
    "dash": "dashes",
    "each": "ea|whole|item|items|unit",
    "piece": "pieces|pc|pcs|chunk|chunks",
    "slice": "slices",
    "link": "links",
    "bottle": "bottles",
    "can": "cans",
    "glass": "glasses",
    "plate": "plates|plateful",
    "bowl": "bowls|bowlful",
    "handful": "handfuls",
    "serving": "servings|portion|portions",
    "patty": "patties",
    "scoop": "scoops",
    "stick": "sticks",
    "strip": "strips|rasher|rashers",
    "bar": "bars",
    "container": "containers|carton|cartons|tub",
    "packet": "packets|envelope|envelopes|sachet",
    "pouch": "pouches",
    "box": "boxes",
    "bag": "bags",
    "package": "packages|pack|pkg",
    "jar": "jars",
    "drink": "drinks",
    "mug": "mugs",
    "cube": "cubes",
    "square": "squares",
    "wedge": "wedges",
    "leaf": "leaves",
    "head": "heads",
    "stalk": "stalks",
    "spear": "spears",
    "ear": "ears",
    "fillet": "fillets",
    "steak": "steaks",
}
_ALIASES: Final[dict[str, str]] = {
    alias: unit for unit, spellings in _SPELLINGS.items() for alias in spellings.split("|")
}

COUNT_UNITS: Final[frozenset[str]] = frozenset(_SPELLINGS) - set(GRAMS_PER_UNIT) - set(ML_PER_UNIT)
"""Count words that name a piece or a vessel rather than a mass or volume."""

VESSEL_UNITS: Final[frozenset[str]] = frozenset(
    {"bowl", "plate", "glass", "mug", "handful", "serving", "scoop"}
)
"""Vague household amounts: their size comes from a category table, not the food."""

WHOLE_UNITS: Final[frozenset[str]] = frozenset(
    {
        "bar",
        "drink",
        "pouch",
        "package",
        "packet",
        "bag",
        "box",
        "container",
        "bottle",
        "can",
        "jar",
    }
)
"""Wrappers that hold one whole item as sold: "1 bar king size" is one king-size candy bar."""

UNIT_EQUIVALENTS: Final[dict[str, frozenset[str]]] = {
    "slice": frozenset({"piece", "strip"}),
    "piece": frozenset({"slice", "bar", "stick", "each"}),
    "strip": frozenset({"slice", "piece"}),
    "bottle": frozenset({"can"}),
    "can": frozenset({"bottle"}),
    "drink": frozenset({"glass"}),
    "container": frozenset({"package", "box", "jar", "pouch"}),
    "packet": frozenset({"package", "pouch"}),
    "stick": frozenset({"bar", "piece"}),
    "bar": frozenset({"piece", "stick"}),
    "square": frozenset({"piece"}),
}
"""Looser readings of a count word, tried only when the exact word is absent."""


def normalize_unit(unit: str | None) -> str | None:
    """Return the canonical spelling of ``unit``; ``None`` and blanks stay ``None``."""
    if unit is None:
        return None
    text = unit.strip().lower().rstrip(".")
    if not text:
        return None
    return _ALIASES.get(text, text)
