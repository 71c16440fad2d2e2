"""Units: aliases to canonical names and conversion of measures to grams or millilitres.

Measures (g, oz, cup, ...) convert with US customary definitions; serving words (slice,
bottle, can, ...) are counts whose weight only the food lookup can supply.
"""

from __future__ import annotations

from dataclasses import dataclass

from agents.nutrition.parsing.tokens import Token

GRAMS_PER: dict[str, float] = {
    "g": 1.0,
    "kg": 1000.0,
    "oz": 28.349523125,
    "lb": 453.59237,
    "mg": 0.001,
}
ML_PER: dict[str, float] = {
    "ml": 1.0,
    "l": 1000.0,
    "cl": 10.0,
    "dl": 100.0,
    "fl_oz": 29.5735295625,
    "cup": 236.5882365,
    "tbsp": 14.78676478125,
    "tsp": 4.92892159375,
    "pint": 473.176473,
    "quart": 946.352946,
    "gallon": 3785.411784,
    "cubic_inch": 16.387064,
}
_ALIASES: dict[str, str] = {
    "g": "g",
    "gr": "g",
    "gm": "g",
    "gms": "g",
    "gram": "g",
    "grams": "g",
    "gramme": "g",
    "grammes": "g",
    "kg": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "mg": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "oz": "oz",
    "ozs": "oz",
    "ounce": "oz",
    "ounces": "oz",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "ml": "ml",
    "mls": "ml",
    "milliliter": "ml",
    "milliliters": "ml",
    "millilitre": "ml",
    "millilitres": "ml",
    "cc": "ml",
    "l": "l",
    "liter": "l",
    "liters": "l",
    "litre": "l",
    "litres": "l",
    "cl": "cl",
    "dl": "dl",
    "cup": "cup",
    "cups": "cup",
    "cupful": "cup",
    "c": "cup",  # "2 c rice", "1 c. milk"
    "tbsp": "tbsp",
    "tbsps": "tbsp",
    "tbs": "tbsp",
    "tbl": "tbsp",
    "tablespoon": "tbsp",
    "tablespoons": "tbsp",
    "tablespoonful": "tbsp",
    "tsp": "tsp",
    "tsps": "tsp",
    "teaspoon": "tsp",
    "teaspoons": "tsp",
    "teaspoonful": "tsp",
    "pint": "pint",
    "pints": "pint",
    "quart": "quart",
    "quarts": "quart",
    "gallon": "gallon",
    "gallons": "gallon",
    "floz": "fl_oz",
}
_PAIRS: dict[tuple[str, str], str] = {
    ("fl", "oz"): "fl_oz",
    ("fl", "ounce"): "fl_oz",
    ("fl", "ounces"): "fl_oz",
    ("fluid", "ounce"): "fl_oz",
    ("fluid", "ounces"): "fl_oz",
    ("fluid", "oz"): "fl_oz",
    ("cubic", "inch"): "cubic_inch",
    ("cubic", "inches"): "cubic_inch",
    ("surface", "inch"): "surface_inch",
    ("surface", "inches"): "surface_inch",
    ("juice", "box"): "box",
    ("juice", "boxes"): "box",
    ("juice", "pack"): "package",
    ("juice", "pouch"): "pouch",
}
# Serving and count words; value = canonical unit.
SERVINGS: dict[str, str] = {}
for _canon, _forms in {
    "slice": "slice slices",
    "piece": "piece pieces pc pcs",
    "bowl": "bowl bowls bowlful",
    "handful": "handful handfuls",
    "link": "link links",
    "bottle": "bottle bottles",
    "can": "can cans",
    "glass": "glass glasses",
    "plate": "plate plates plateful",
    "serving": "serving servings portion portions helping helpings",
    "patty": "patty patties",
    "scoop": "scoop scoops",
    "stick": "stick sticks",
    "strip": "strip strips",
    "bar": "bar bars",
    "container": "container containers tub tubs",
    "packet": "packet packets sachet sachets envelope",
    "package": "package packages pack packs pkg",
    "bag": "bag bags",
    "box": "box boxes",
    "carton": "carton cartons",
    "jar": "jar jars",
    "pouch": "pouch pouches",
    "tube": "tube tubes",
    "cube": "cube cubes",
    "wedge": "wedge wedges",
    "mug": "mug mugs",
    "order": "order orders",
    "square": "square squares",
    "sheet": "sheet sheets",
    "spoonful": "spoonful spoonfuls",
    "shot": "shot shots",
    "dash": "dash dashes",
    "pinch": "pinch pinches",
    "splash": "splash splashes",
    "dollop": "dollop dollops",
    "drizzle": "drizzle",
    "sprinkle": "sprinkle sprinkles",
    "bite": "bite bites",
    "ear": "ear ears",
    "clove": "clove cloves",
    "stalk": "stalk stalks",
    "leaf": "leaf leaves",
    "fillet": "fillet fillets filet",
    "loaf": "loaf loaves",
    "drink": "drink drinks",
    "each": "fruit",
    "side": "side sides",
    "cone": "cone cones",
    "bun": "bun",
    "nugget": "nugget nuggets",
    "wing": "wing wings",
    "drumstick": "drumstick drumsticks",
    "kernel": "kernel kernels",
    "rod": "rod rods",
    "roll": "roll rolls",
    "sleeve": "sleeve sleeves",
    "section": "section sections",
    "mini-roll": "mini-roll",
}.items():
    for _form in _forms.split():
        SERVINGS[_form] = _canon
# Serving words that name the food itself when they end the phrase ("granola bar").
SHAPE_UNITS: frozenset[str] = frozenset(
    {
        "bar",
        "stick",
        "patty",
        "link",
        "strip",
        "slice",
        "wedge",
        "cube",
        "square",
        "fillet",
        "loaf",
        "ear",
        "cone",
        "bun",
        "nugget",
        "wing",
        "drumstick",
        "shot",
        "drink",
        "side",
        "order",
        "each",
        "leaf",
        "sheet",
        "clove",
        "stalk",
    }
)
# Only a unit when followed by "of" ("a drink of whiskey" but not "a sports drink").
NEEDS_OF: frozenset[str] = frozenset(
    {
        "drink",
        "side",
        "order",
        "each",
        "cone",
        "bun",
        "nugget",
        "wing",
        "drumstick",
        "leaf",
        "loaf",
        "shot",
        "fillet",
        "sheet",
        "square",
        "ear",
        "clove",
        "stalk",
        "cube",
        "wedge",
        "kernel",
        "rod",
        "roll",
        "sleeve",
        "section",
        "mini-roll",
    }
)
CONTAINERS: frozenset[str] = frozenset(
    {
        "bottle",
        "can",
        "glass",
        "container",
        "packet",
        "package",
        "bag",
        "box",
        "carton",
        "jar",
        "pouch",
        "tube",
        "mug",
        "cup",
        "bowl",
        "plate",
    }
)


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found in the token stream: canonical name and index after it."""

    unit: str
    end: int

    @property
    def is_measure(self) -> bool:
        """Whether the unit converts to grams or millilitres."""
        return self.unit in GRAMS_PER or self.unit in ML_PER


def read_measure(tokens: list[Token], i: int) -> UnitMatch | None:
    """Read a measuring unit (g, oz, fl oz, cup, ...) at ``tokens[i]``."""
    if i >= len(tokens):
        return None
    low = tokens[i].low
    if i + 1 < len(tokens):
        pair = _PAIRS.get((low.rstrip("."), tokens[i + 1].low))
        if pair is not None and (pair in GRAMS_PER or pair in ML_PER):
            end = i + 2
            return UnitMatch(pair, end + (_low(tokens, end) == "."))
    unit = _ALIASES.get(low)
    if unit is None:
        return None
    end = i + 1
    if _low(tokens, end) == "." and unit not in {"l", "g"}:
        end += 1  # abbreviation dot: "oz."
    return UnitMatch(unit, end)


def read_serving(tokens: list[Token], i: int) -> UnitMatch | None:
    """Read a serving/count word (slice, bottle, juice box, ...) at ``tokens[i]``."""
    if i >= len(tokens):
        return None
    low = tokens[i].low
    pair = _PAIRS.get((low, tokens[i + 1].low)) if i + 1 < len(tokens) else None
    if pair is not None and pair not in GRAMS_PER and pair not in ML_PER:
        return UnitMatch(pair, i + 2)
    unit = SERVINGS.get(low)
    if unit is None:
        return None
    if unit in NEEDS_OF and _low(tokens, i + 1) != "of":
        return None
    return UnitMatch(unit, i + 1)


def to_grams(unit: str, amount: float) -> float | None:
    """Grams for a mass unit, None for anything else."""
    return round(amount * GRAMS_PER[unit], 2) if unit in GRAMS_PER else None


def to_ml(unit: str, amount: float) -> float | None:
    """Millilitres for a volume unit, None for anything else."""
    return round(amount * ML_PER[unit], 2) if unit in ML_PER else None


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if i < len(tokens) else ""
