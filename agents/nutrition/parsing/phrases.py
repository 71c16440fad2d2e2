"""Questions about a phrase that decide how a clause is split (see ``segment.py``).

Is it a topping for the base before it, a side dish, a drink next to a dish, a comment
on the previous item, the end of a composed dish name?
"""

from __future__ import annotations

from agents.nutrition.parsing.lexicon_food import (
    BASES,
    BEVERAGES,
    BREAD_SIDES,
    BREAKFAST_SIDES,
    CONTAINING_DISHES,
    DESSERT_BASES,
    DESSERT_TOPPINGS,
    DISH_HEADS,
    FILLERS,
    FRUIT_BASES,
    FRUIT_TOPPINGS,
    HOT_DRINKS,
    NON_FOOD,
    PREPARATIONS,
    SANDWICH_SPREADS,
    SANDWICHES,
    SAUCED_VEGETABLES,
    SERVED_ON,
    SIDES,
    SIZES,
    STIRRED_IN,
    TOPPINGS,
    TRAILING_ATTRIBUTES,
    VEGETABLE_SAUCES,
)
from agents.nutrition.parsing.lexicon_frame import TRAILER_STARTS
from agents.nutrition.parsing.numbers import read_quantity
from agents.nutrition.parsing.patterns import LIST_WORDS, phrase_end
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import CONTAINERS, SERVINGS
from agents.nutrition.parsing.wordclass import food_words, is_ing_verb, is_intro, starts_item

ADVERBS = frozenset(
    {
        "also",
        "then",
        "just",
        "perfectly",
        "nicely",
        "freshly",
        "simply",
        "intentionally",
        "carefully",
        "lightly",
        "fully",
        "both",
    }
)
_REMOVALS = (
    ("not", "eaten"),
    ("removed",),
    ("left", "behind"),
    ("discarded",),
    ("not", "included"),
    ("left", "off"),
)
_LIQUORS = frozenset(
    {"vodka", "rum", "whiskey", "whisky", "gin", "tequila", "bourbon", "scotch", "brandy", "cognac"}
)
_PARTS = frozenset(
    {
        "topping",
        "coating",
        "filling",
        "icing",
        "frosting",
        "crust",
        "glaze",
        "drizzle",
        "twist",
        "flavor",
        "flavour",
        "shot",
        "splash",
        "swirl",
    }
)
_ADJECTIVES = frozenset(
    {
        "hot",
        "cold",
        "warm",
        "iced",
        "fresh",
        "frozen",
        "plain",
        "cheesy",
        "spicy",
        "salty",
        "light",
        "dark",
        "sweet",
        "sour",
        "crunchy",
        "creamy",
    }
)
_AFTER_PARTICIPLE = frozenset(
    {
        "and",
        "with",
        "in",
        "on",
        "to",
        "as",
        "without",
        "by",
        "from",
        "until",
        "into",
        "at",
        "for",
        "over",
        "it",
        "all",
        "perfectly",
        "just",
        "right",
        "",
        ",",
    }
)


def _tail_phrase(words: list[str]) -> set[str]:
    return {" ".join(words[-n:]) for n in (1, 2, 3) if len(words) >= n}


_NEVER_HELD = BREAD_SIDES | BREAKFAST_SIDES
"""Sides served beside a dish that no dish contains."""


def is_base_topping(current: list[Token], phrase: list[Token]) -> bool:
    """Whether "X with Y" is a base and its topping or side ("toast with butter")."""
    base = food_words(current)
    top = [w for w in food_words(phrase) if SERVINGS.get(w) not in CONTAINERS]
    if not base or not top:
        return False
    if _tail_phrase(base) & BASES and _tail_phrase(top) & TOPPINGS:
        return True  # "toast with butter"
    if _tail_phrase(base) & FRUIT_BASES and _tail_phrase(top) & FRUIT_TOPPINGS:
        return True  # "oatmeal with blueberries"
    if _tail_phrase(base) & DESSERT_BASES and _tail_phrase(top) & DESSERT_TOPPINGS:
        return True  # "apple pie with ice cream"
    if _tail_phrase(base) & SANDWICHES and _tail_phrase(top) & SANDWICH_SPREADS:
        return True  # "a turkey sandwich with mayo"
    if _tail_phrase(base) & SAUCED_VEGETABLES and _tail_phrase(top) & VEGETABLE_SAUCES.keys():
        return True  # "broccoli with cheese sauce"
    if _tail_phrase(top) & _NEVER_HELD and not _tail_phrase(base) & _NEVER_HELD:
        return True  # "chicken curry with naan", "an omelette with toast"
    return bool(_tail_phrase(top) & SIDES) and not _tail_phrase(base) & CONTAINING_DISHES


def is_served_on(current: list[Token], phrase: list[Token]) -> bool:
    """Whether "X on Y" is a food and the base it sits on: "a fried egg on toast".

    A sandwich or a hot dog on a bun is one USDA dish; toast, bagels and crackers are
    not what a sandwich record is on, so both are eaten and both are counted.
    """
    food, base = food_words(current), food_words(phrase)
    if not food or not base or food[-1] in DISH_HEADS:
        return False
    return bool(_tail_phrase(base) & SERVED_ON)


def is_stirred_in(current: list[Token], phrase: list[Token]) -> bool:
    """Whether "X with Y" is a hot drink and the milk or cream stirred into it."""
    drink, added = food_words(current), food_words(phrase)
    return bool(drink and added and drink[-1] in HOT_DRINKS and added[-1] in STIRRED_IN)


def drink_and_food(current: list[Token], phrase: list[Token]) -> bool:
    """Whether "X with Y" joins a drink and a dish ("a large cola with a burrito")."""
    left, right = food_words(current), food_words(phrase)
    if not left or not right or phrase[0].low not in {"a", "an"}:
        return False  # "juice with calcium added" describes the juice
    if right[-1] in TOPPINGS or right[-1] in _PARTS or any(w in NON_FOOD for w in right):
        return False  # "cola with a hint of vanilla", "coffee drink with a whipped topping"
    return (left[-1] in BEVERAGES) != (right[-1] in BEVERAGES)


def is_trailer(phrase: list[Token]) -> bool:
    """Whether a phrase only comments on the previous item (", drained and ready to eat")."""
    while phrase and phrase[0].low in ADVERBS:
        phrase = phrase[1:]
    if not phrase:
        return False
    first = phrase[0].low
    nxt = phrase[1].low if len(phrase) > 1 else ""
    if first in TRAILER_STARTS or is_ing_verb(first):
        return True
    if first in TRAILING_ATTRIBUTES or first.endswith("-free") or phrase[-1].low == "style":
        return True  # "fried chicken breast, skinless", "a turnover, Puerto Rican style"
    words = [t for t in phrase if t.kind == "word"]
    if all(is_intro(t.low) or t.low in FILLERS or t.low in NON_FOOD for t in words):
        return True  # ", simple but satisfying"
    participle = first.endswith("ed") or first in PREPARATIONS
    return participle and nxt in _AFTER_PARTICIPLE


def removal_width(phrase: list[Token]) -> int:
    """Width of a closing "not eaten" / "removed" / "left behind" in a bare phrase."""
    lows = [t.low for t in phrase]
    for tail in _REMOVALS:
        if len(lows) > len(tail) and tuple(lows[-len(tail) :]) == tail:
            return len(tail)
    return 0


def is_mixed_drink(tokens: list[Token]) -> bool:
    """Whether the phrase ends in a liquor, so "and <mixer>" continues it."""
    words = food_words(tokens)
    return bool(words) and words[-1] in _LIQUORS


def has_serving(tokens: list[Token]) -> bool:
    """Whether the phrase names a container ("a bottle filled with ...")."""
    return any(t.low in SERVINGS and SERVINGS[t.low] in CONTAINERS for t in tokens)


def has_anchor(tokens: list[Token]) -> bool:
    """Whether the phrase holds any count or article."""
    return any(read_quantity(tokens, i) is not None for i in range(len(tokens)))


def dish_chain_end(tokens: list[Token], i: int, current: list[Token]) -> int:
    """If a bare list starting at ``i`` ends in "and <dish>", the index where it ends."""
    if len(food_words(current)) > 2:
        return -1
    j, saw_and = i, False
    while j < len(tokens) and tokens[j].low in LIST_WORDS:
        k = j
        while k < len(tokens) and tokens[k].low in LIST_WORDS:
            saw_and = saw_and or tokens[k].low != ","
            k += 1
        end = phrase_end(tokens, k)
        element = tokens[k:end]
        if not element or starts_item(element):
            return -1
        words = food_words(element)
        if saw_and and len(words) > 1 and words[-1] in DISH_HEADS:
            return end  # "and tomato club sandwich"; "hummus and pita", "and pita chips" two
        if len(words) > 2:
            return -1
        j = end
    return -1


def only_adjectives(tokens: list[Token]) -> bool:
    """Whether a phrase so far holds only adjectives ("a crisp", "744 g of iced")."""
    words = food_words(tokens)
    if not words:
        return has_anchor(tokens)
    return all(
        w.endswith("ed") or w in TRAILING_ATTRIBUTES or w in _ADJECTIVES
        or (w in _NUTRIENT_WORDS and k > 0 and words[k - 1] in _LESS)  # "reduced sugar,"
        for k, w in enumerate(words)
    )  # fmt: skip


_NUTRIENT_WORDS = frozenset({"sugar", "fat", "sodium", "salt", "calorie", "calories", "carb"})
_LESS = frozenset({"reduced", "low", "less", "no", "zero", "lower"})
"""A nutrient after these is a claim about the food, not a food: "reduced sugar, … milk"."""


_DRESSINGS = frozenset(
    {"spread", "sauce", "dressing", "mayo", "mayonnaise", "mustard", "ketchup", "condiments"}
)


def is_dressing(phrase: list[Token]) -> bool:
    """Whether a phrase is only a dressing ("a flavorful spread") that closes a filling list."""
    words = food_words(phrase)
    return len(words) == 1 and words[0] in _DRESSINGS


def is_sized_item(phrase: list[Token]) -> bool:
    """Whether a phrase counts one whole item of a stated size ("a medium carrot")."""
    if len(phrase) < 3 or phrase[0].low not in {"a", "an", "one"}:
        return False
    size = SIZES.get(phrase[1].low)
    return size in _ITEM_SIZES and bool(food_words(phrase[2:]))


_ITEM_SIZES = frozenset({"small", "medium", "large", "extra large", "jumbo"})
