"""One record or several foods: how a dish with a "with" list is read, by the food search.

The parser keeps "a salad with chicken, tomatoes and ranch dressing" whole, since USDA
files many such dishes as one record. When the best record leaves the dish or one of its
listed foods unsaid ("Tomato and cucumber salad" for it: no chicken, no dressing), counting
that record would drop foods the user ate; the dish and each listed food are then items of
their own (see :mod:`agents.nutrition.parsing.listed`).
"""

from __future__ import annotations

import asyncio

from agents.nutrition.parsing import ParsedItem
from agents.nutrition.parsing.listed import listed_parts, said_dish
from agents.nutrition.resolver import is_known, prefer_foods_as_eaten, search_phrase
from store.ranking import MEATS, Scored, names_food_of
from store.search import FoodSearch
from store.vocabulary import CONDIMENTS, head_word

WHOLE_COVERAGE = 0.7
"""A record that says this much of the phrase is its dish, though it words a listed food
its own way ("frosted" for "with frosting", "flavored" for "with cheese flavor")."""
FILLED_DISHES = frozenset({
    "taco", "burrito", "enchilada", "quesadilla", "tostada", "nacho", "pizza", "omelet",
    "omelette", "crunchwrap", "tamale", "smoothie", "shake", "milkshake", "soup", "stew",
    "chili", "curry", "casserole", "pie", "quiche", "frittata", "lasagna", "risotto",
    "paella", "jambalaya", "gumbo", "pho", "ramen", "chowder", "bisque",
})  # fmt: skip
"""Dishes whose USDA records hold what is listed with them (a smoothie's fruit, a soup's
noodles): a record that names the dish is the answer. (FNDDS's sandwiches are bread and
filling: what goes on them is listed apart.)"""
COVERINGS = CONDIMENTS - {"dressing"}
"""A salad's dressing is a food of its own; a cake's icing or a roast's gravy is the dish's."""


async def read_listed(items: list[ParsedItem], search: FoodSearch) -> list[ParsedItem]:
    """The items, each dish whose listed foods no one record names split into its foods."""
    readings = await asyncio.gather(*(_reading(item, search) for item in items))
    return [part for reading in readings for part in reading]


async def _reading(item: ParsedItem, search: FoodSearch) -> tuple[ParsedItem, ...]:
    parts = listed_parts(item)
    if not parts:
        return (item,)
    phrase = search_phrase(item)[: search.max_query_chars]
    dish = search_phrase(parts[0])[: search.max_query_chars]  # searched meanwhile, for _apart
    whole, alone = await asyncio.gather(search.candidates(phrase), search.candidates(dish))
    if _one_record(parts, prefer_foods_as_eaten(whole), phrase):
        return (item,)
    return _apart(parts, prefer_foods_as_eaten(alone), dish)


def _one_record(parts: tuple[ParsedItem, ...], ranked: list[Scored], phrase: str) -> bool:
    """Whether the best record for the whole phrase is the dish with what it lists."""
    if not ranked or not is_known(ranked[0], phrase):
        return False
    best = ranked[0]
    if not any(names_food_of(best.candidate, word) for word in parts[0].food.split()):
        return False  # "a burger with lettuce, tomato and onion" was a side salad
    if _dish_words(parts[0].food) & FILLED_DISHES:
        return True  # "a taco with meat and sour cream": what USDA's tacos hold
    unsaid = [
        part for part in parts[1:]
        if not names_food_of(best.candidate, part.food) and not _is_covering(part)
    ]  # fmt: skip
    if not unsaid:
        return True  # "rice with chicken": "Rice, fried, with chicken"
    # "a cinnamon roll with frosting": "Roll, sweet, cinnamon bun, frosted"
    return best.coverage >= WHOLE_COVERAGE and not any(map(_is_meat, unsaid))


def _apart(
    parts: tuple[ParsedItem, ...], ranked: list[Scored], phrase: str
) -> tuple[ParsedItem, ...]:
    """The dish and what it lists, less what the dish's own record (``ranked``) holds.

    "Pho with beef": "Soup, pho, with meat" has its beef.
    """
    if not ranked or not is_known(ranked[0], phrase):
        return parts
    dish, *listed = parts
    best = ranked[0].candidate
    return (dish, *(part for part in listed if not names_food_of(best, part.food)))


def _dish_words(food: str) -> set[str]:
    """The dish's head as said and as matched ("smoothie" is "smoothy" to the ranking)."""
    return {said_dish(food), head_word(food)[0] or ""}


def _is_covering(part: ParsedItem) -> bool:
    """Icing, glaze, a sauce: what a dish's record holds unnamed ("Snack cake, chocolate")."""
    return (head_word(part.food)[0] or "") in COVERINGS


def _is_meat(part: ParsedItem) -> bool:
    """A listed meat or fish the record leaves out is a food of its own, however much it says."""
    return (head_word(part.food)[0] or "") in MEATS
