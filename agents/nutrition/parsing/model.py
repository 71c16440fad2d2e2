"""The parser's output record, and the mutable draft it is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

from agents.nutrition.parsing.measures import Totals


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One food mentioned in a meal description.

    Attributes:
        text: The original span of the item, e.g. "two scrambled eggs".
        food: Normalised food phrase for lookup, e.g. "eggs", "reduced-fat milk".
        quantity: Stated amount in ``unit`` (2.0, 0.5, 244.0); None when unstated.
        unit: Canonical unit: g, kg, oz, lb, mg, fl_oz, ml, l, cup, tbsp, tsp, pint, ...,
            or a serving/count word (slice, bottle, serving, bar, ...); "each" for bare
            counts ("2 eggs", "a banana").
        size: small / medium / large / extra large / jumbo / breakfast-size / regular /
            generous / individual ...
        preparation: Cooking method(s), comma-joined: "scrambled", "baked", "raw" ...
        meal: breakfast / lunch / dinner / snack when stated for the item's clause.
        mass_g: Explicit total mass in grams ("150 g", "5 oz" -> 141.75), else None.
        volume_ml: Explicit total volume in ml (cups, tbsp, tsp, fl oz, ml, l; US measures).
        container_volume_ml: Volume of one container when stated ("two 12 fl oz cans").
        excluded: Things the text says are left out ("added fat", "skin", "sauce").
        inches: The item's size in inches when said ("a 10-inch tortilla": 10.0).
        served_with: The food it tops or goes into, when the text gives it no amount of its
            own ("toast with butter": "toast"); USDA's guideline amounts weigh it by that.
    """

    text: str
    food: str
    quantity: float | None
    unit: str | None
    size: str | None
    preparation: str | None
    meal: str | None
    mass_g: float | None
    volume_ml: float | None
    container_volume_ml: float | None = None
    excluded: tuple[str, ...] = ()
    inches: float | None = None
    served_with: str | None = None

    @property
    def states_amount(self) -> bool:
        """Whether the text gives the item a count, mass or volume of its own."""
        return self.quantity is not None or self.mass_g is not None or self.volume_ml is not None


@dataclass(slots=True)
class Draft:
    """A mutable item under construction; frozen into ``ParsedItem`` by the parser."""

    start: int
    end: int
    food: str
    quantity: float | None = None
    unit: str | None = None
    size: str | None = None
    preparation: list[str] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    excluded: list[str] = field(default_factory=list)
    meal: str | None = None
    inches: float | None = None
    served_with: str | None = None
