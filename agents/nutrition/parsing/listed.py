"""A dish and the foods listed after its "with", read as separate items.

"A salad with grilled chicken, tomatoes and ranch dressing" stays one phrase in the parse:
USDA files many such dishes whole ("Chicken or turkey garden salad"), and its record is the
best answer when there is one. When no record names every food of the list, the list is
several foods, and this is how they read one by one: the base with its own amount, and
each listed food served with it (weighed by USDA's guideline amounts where it states none).
The meal graph decides which reading stands, with the food search's answer in hand.
"""

from __future__ import annotations

import re
from dataclasses import replace

from agents.nutrition.parsing.lexicon_food import SANDWICH_FILLINGS, SANDWICHES
from agents.nutrition.parsing.model import ParsedItem
from agents.nutrition.parsing.parser import parse_meal

LISTING = ("topped with", "served with", "loaded with", "garnished with", "sprinkled with",
           "drizzled with", "dressed with", "with")  # fmt: skip
"""Connectors that list what comes on or beside a dish. Not "filled with", "mixed with" or
"made with": what a dish is filled, mixed or made with is the dish itself."""
LETTUCES = frozenset({"lettuce", "romaine", "iceberg"})
_CONNECTOR = re.compile(r"(?:\b([a-z]+) )?\b(" + "|".join(LISTING) + r")\b", re.IGNORECASE)
DISHES_OF_TWO = frozenset({
    "macaroni and cheese", "mac and cheese", "peanut butter and jelly", "peanut butter and jam",
    "fish and chips", "rice and beans", "beans and rice", "franks and beans", "pork and beans",
    "biscuits and gravy", "shrimp and grits", "bangers and mash", "surf and turf",
    "corned beef and cabbage", "liver and onions", "chicken and dumplings", "chicken and rice",
    "chicken and noodles", "steak and eggs", "pb and j", "spinach and artichoke",
})  # fmt: skip
"""Pairs that are one dish wherever they are listed; the parser's other pairs ("lettuce and
tomato", "beans and cheese") name USDA dishes only as part of a dish's name."""


def listed_parts(item: ParsedItem) -> tuple[ParsedItem, ...]:
    """The base and each listed food as items of their own, or () when nothing is listed.

    The listed foods keep the meal slot; one without an amount of its own is served with
    the base, as the parser marks "toast with butter".
    """
    if item.mass_g is not None or item.volume_ml is not None:
        return ()  # a stated amount is the whole dish's: it does not divide
    found = _CONNECTOR.search(item.text)
    if found is None or f" {found.group(2).lower()} " not in f" {item.food} ":
        return ()
    before = (found.group(1) or "").lower()
    if before.endswith(("ed", "ing")) and found.group(2).lower() == "with":
        return ()  # "filled with", "mixed with", "bursting with": what the dish holds
    base = parse_meal(item.text[: found.start(2)])
    listed = [one for part in parse_meal(item.text[found.end() :]) for one in _pair_apart(part)]
    if len(base) != 1 or not listed or base[0].served_with:
        return ()
    dish = replace(base[0], meal=item.meal)
    parts = [
        replace(part, meal=item.meal, served_with=part.served_with or _unmeasured_on(part, dish))
        for part in listed
    ]
    return (dish, *(_on_a_sandwich(part, dish) for part in parts))


def said_dish(food: str) -> str:
    """The dish word as said: the last before "on" ("burger" of "a burger on a bun")."""
    words = food.partition(" on ")[0].split()
    return words[-1] if words else ""


def _on_a_sandwich(part: ParsedItem, dish: ParsedItem) -> ParsedItem:
    """Lettuce or tomato on a sandwich is FNDDS's "Tomatoes, for use on a sandwich"."""
    if said_dish(dish.food) not in SANDWICHES:
        return part
    if set(part.food.split()) & LETTUCES:
        return replace(part, food="lettuce for use on a sandwich")  # "a romaine leaf"
    if part.food not in SANDWICH_FILLINGS:
        return part
    return replace(part, food=f"{part.food} for use on a sandwich")


def _pair_apart(part: ParsedItem) -> list[ParsedItem]:
    """A pair listed on a dish ("lettuce and tomato") is two foods, unless it is a dish."""
    first, joined, second = part.food.partition(" and ")
    if not joined or part.food in DISHES_OF_TWO or " and " in second or part.quantity:
        return [part]
    return [replace(part, food=first), replace(part, food=second)]


def _unmeasured_on(part: ParsedItem, dish: ParsedItem) -> str | None:
    """The dish a listed food goes with, when the text gives the food no amount."""
    return None if part.states_amount else dish.food
