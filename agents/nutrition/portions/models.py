"""The two value types of portion resolution: what was said and what it weighs.

They live apart from the resolver so that every step (household measures,
densities, tables) can build results without importing the orchestration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PortionSource = Literal[
    "explicit_mass",
    "food_measure",
    "food_density",
    "category_default",
    "default_serving",
    "unit_conversion",
]


@dataclass(frozen=True, slots=True)
class PortionEstimate:
    """Grams for one stated amount of one food, and where that figure came from.

    ``alternatives`` lists other plausible readings as ``(label, grams)`` pairs,
    best first, never repeating the chosen reading; the consensus layer turns
    them into ranges or a clarifying question.
    """

    grams: float
    source: str
    detail: str
    alternatives: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class AmountSpec:
    """An amount as the user stated it, already split by the meal parser.

    ``quantity`` is ``None`` when no number was said ("some rice"). ``unit`` is
    canonical (g, kg, oz, lb, fl_oz, ml, l, cup, tbsp, tsp, or a count word such
    as each, slice, bowl, glass). ``mass_g`` and ``volume_ml`` are totals that
    the parser already worked out; they win over ``quantity`` × ``unit``.
    ``named`` is the food as the user named it ("little debbie marshmallow pie"):
    a USDA measure naming the same brand or variety ("1 Little Debbie") wins.
    ``inches`` is the item's size in inches when said ("a 10-inch tortilla").
    """

    quantity: float | None = None
    unit: str | None = None
    size: str | None = None
    mass_g: float | None = None
    volume_ml: float | None = None
    named: str | None = None
    inches: float | None = None

    @property
    def sized(self) -> bool:
        """Whether a size was said, as a word ("large") or in inches ("10-inch")."""
        return self.size is not None or self.inches is not None
