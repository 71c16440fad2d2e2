"""USDA's guideline amounts: how much of a spread, milk or sugar goes with what it tops.

FNDDS gives some foods a "Guideline amount per slice of bread/roll" (butter 7 g, peanut
butter 16 g), "on regular sandwich" (mayonnaise 14 g; 28 g on a large one), "per cup of
vegetable" (cheese sauce 60 g), "per cup of hot cereal" (milk 61 g), "per fl oz of beverage"
(cream 2.5 g, sugar 1.4 g), "in salad" or "if topping" (bacon 8 g). A topping said with no
amount of its own ("two slices of toast with peanut butter") is weighed by its guideline and
by how much of the food it goes with there is, instead of by its typical amount eaten alone
(a cup of milk, 32 g of peanut butter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from agents.nutrition.models import Estimate
from agents.nutrition.parsing import ParsedItem
from agents.nutrition.parsing.lexicon_food import HOT_DRINKS, SANDWICHES, SAUCED_VEGETABLES
from store.records import PortionRecord

if TYPE_CHECKING:  # the resolver reads guidelines with this module's helper
    from agents.nutrition.resolver import ResolvedItem

GUIDELINE = "guideline amount"
HOT_CEREAL_CUP_G = 240.0
"""FNDDS's cup of cooked oatmeal, the hot cereal a guideline per cup is counted in."""
FL_OZ_G = 29.57
"""A fluid ounce of coffee or tea weighs about what water does."""
COUNTED = frozenset({None, "each", "slice", "piece"})
"""Units that count the slices or rolls a spread goes on ("two slices of toast")."""
_BREADS = frozenset(
    "toast bread bagel muffin roll biscuit croissant bun scone english-muffin".split()
)
_HOT_CEREALS = frozenset("oatmeal porridge grits".split())
_DRINKS = HOT_DRINKS | {"latte", "cappuccino", "cocoa"}
_LARGE = frozenset({"large", "extra large", "jumbo", "footlong"})
"""Sizes that take FNDDS's "on large sandwich" amount (a footlong sub: 28 g of mayonnaise)."""


def guideline_portions(portions: Sequence[PortionRecord]) -> tuple[tuple[str, float], ...]:
    """A food's guideline amounts, as (USDA description, grams)."""
    return tuple(
        (p.description, p.gram_weight)
        for p in portions
        if p.description.lower().startswith(GUIDELINE) and p.gram_weight > 0
    )


def cup_grams(portions: Sequence[PortionRecord]) -> float | None:
    """The food's "1 cup" measure (FNDDS's plain cup first, else SR28's "1 cup, chopped")."""
    cups = [p for p in portions if p.description.lower().startswith("1 cup") and p.gram_weight > 0]
    plain = [p for p in cups if p.description.lower() == "1 cup"]
    return (plain or cups)[0].gram_weight if cups else None


def _words(phrase: str) -> set[str]:
    words = phrase.lower().replace("english muffin", "english-muffin").split()
    pairs = {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}
    singular = {w.removesuffix("s") if w.endswith("s") and w[:-1] in _BREADS else w for w in words}
    return singular | pairs  # "green beans"


def _per(description: str) -> str:
    return description.lower().removeprefix(GUIDELINE).strip()


def _count(base: ParsedItem) -> float:
    return float(base.quantity) if base.unit in COUNTED and base.quantity else 1.0


def _sandwich_size(per: str, base: ParsedItem) -> bool:
    """Whether the guideline is for a sandwich of the base's size (regular unless large)."""
    if per.startswith("per sandwich"):
        return True
    large = base.size in _LARGE
    return per.startswith("on large sandwich") if large else per.startswith("on regular sandwich")


def base_units(
    per: str, base: ParsedItem, base_grams: float, cup_g: float | None = None
) -> float | None:
    """How many of the guideline's units the base holds, or None when it is no such base.

    ``cup_g`` is the base food's cup measure, which counts its cups of vegetable.
    """
    words = _words(base.food)
    if per.startswith("per cup of vegetable") and words & SAUCED_VEGETABLES:
        return base_grams / cup_g if cup_g else None
    if per.startswith("per slice of bread") and words & _BREADS:
        return _count(base)
    if words & SANDWICHES and _sandwich_size(per, base):
        return _count(base)
    if per.startswith("per cup of hot cereal") and words & _HOT_CEREALS:
        return base_grams / HOT_CEREAL_CUP_G
    if per.startswith("per fl oz of beverage") and words & _DRINKS:
        return base_grams / FL_OZ_G
    if per.startswith("in salad") and "salad" in words:
        return 1.0
    if per.startswith("if topping"):
        return 1.0
    return None


def weigh_topping(
    primary: Estimate,
    guidelines: Sequence[tuple[str, float]],
    base: ParsedItem,
    base_grams: float,
    cup_g: float | None = None,
) -> Estimate | None:
    """The topping's reading by its guideline amount for this base, if it has one."""
    for description, grams in guidelines:
        units = base_units(_per(description), base, base_grams, cup_g)
        if units is None or units <= 0:
            continue
        detail = (
            f"USDA measure '{description}' = {grams:g} g × {units:.3g} "
            f"(with the {base.food}, no amount of its own stated)"
        )
        weighed = round(grams * units, 1)
        differs = abs(weighed - primary.grams) > 0.1 * max(weighed, primary.grams)
        alternatives = (("its typical amount alone", primary.grams),) if differs else ()
        return replace(
            primary,
            grams=weighed,
            portion_source="food_measure",
            portion_detail=detail,
            portion_alternatives=alternatives + primary.portion_alternatives,
        )
    return None


def weigh_toppings(resolved: Sequence[ResolvedItem]) -> list[ResolvedItem]:
    """Each unmeasured topping weighed by its guideline for the item it goes with."""
    out = list(resolved)
    for k, topping in enumerate(out):
        served_with = topping.item.served_with
        if not served_with or not topping.guidelines or not topping.estimates:
            continue
        base = next(
            (r for r in reversed(out[:k]) if r.item.food == served_with and r.estimates), None
        )
        if base is None:
            continue
        primary, *others = topping.estimates
        base_grams = base.estimates[0].grams
        weighed = weigh_topping(primary, topping.guidelines, base.item, base_grams, base.cup_g)
        if weighed is not None:
            out[k] = replace(topping, estimates=(weighed, *others))
    return out
