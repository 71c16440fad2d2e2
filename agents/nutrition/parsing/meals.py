"""Meal-slot mentions ("for lunch", "my breakfast consisted of", "as a quick snack").

A meal word counts only in a framing position, so "breakfast sausage", "snack mix" and
"school lunch mashed potatoes" stay foods. The frame words around a mention are marked
for removal so they never leak into a food phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from agents.nutrition.parsing.lexicon_food import FILLERS, SIZES
from agents.nutrition.parsing.lexicon_frame import (
    MEAL_FOLLOW,
    MEAL_FRAME_AFTER,
    MEAL_FRAME_BEFORE,
    MEAL_PAIRS,
    MEAL_WORDS,
)
from agents.nutrition.parsing.tokens import Token

_VERB_FORMS = frozenset({"snacked", "snacking"})
_FOOD_BEFORE = frozenset(
    {"frozen", "tv", "microwave", "microwavable", "boxed", "packaged", "school"}
)
_PLURAL_OK_BEFORE = frozenset({"my", "our", "for", "as"})


@dataclass(frozen=True, slots=True)
class MealMention:
    """A meal slot stated at token ``index`` of a clause."""

    index: int
    meal: str
    opens: bool = False
    """It opens what follows ("..., and for dinner steak"): the foods before are not its."""


def _is_mention(tokens: list[Token], i: int, opens: bool) -> bool:
    low = tokens[i].low
    if low in _VERB_FORMS:
        return True
    prev = tokens[i - 1].low if i > 0 else ""
    if low == "snacks" and prev not in _PLURAL_OK_BEFORE or prev in _FOOD_BEFORE:
        return False  # "corn snacks", "a frozen dinner"
    if i + 1 >= len(tokens):
        return True
    nxt = tokens[i + 1]
    return nxt.kind == "punct" or nxt.low in MEAL_FOLLOW or opens


_FRAMING = frozenset({"for", "at", "during"})
_CLAUSE_JOINS = frozenset({"and", "then", "but"})


_NAMED_WITH_A_MEAL = frozenset(
    """sausage sausages burrito burritos sandwich sandwiches bar bars cereal cereals tart tarts
    pizza link links potato potatoes casserole taco tacos bowl bowls biscuit biscuits skillet
    platter pastry strata hash meat meats patty patties blend tea roll rolls special specials
    combo combos wrap wraps quesadilla muffin muffins box mix cake cakes pack packs size sized
    chips crackers food foods cup cups stick sticks pie pies plate salad""".split()
)
"""Words that make a meal word part of a food's name: "breakfast sausage", "lunch meat",
"dinner rolls", "snack mix"."""


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """A meal word opening a clause: "for dinner steak with a potato".

    Also a day told as lists: "breakfast 2 eggs and toast, lunch a turkey sandwich, dinner
    salmon and rice".
    """
    if i + 1 >= len(tokens) or tokens[i + 1].kind == "punct":
        return False
    if i == 0 or tokens[i - 1].kind == "punct":
        return tokens[i + 1].low not in _NAMED_WITH_A_MEAL
    if tokens[i - 1].low not in _FRAMING:
        return False
    before = tokens[i - 2] if i >= 2 else None
    return before is None or before.kind == "punct" or before.low in _CLAUSE_JOINS


def _frame(tokens: list[Token], first: int, last: int) -> set[int]:
    """Indices of the mention ``first..last`` plus the frame words around it."""
    drop = set(range(first, last + 1))
    j = first - 1
    while j >= 0 and (
        tokens[j].low in MEAL_FRAME_BEFORE or tokens[j].low in FILLERS or tokens[j].low in SIZES
    ):
        drop.add(j)
        j -= 1
    article_before = first > 0 and tokens[first - 1].low in {"a", "an"}
    j = last + 1
    while j < len(tokens) and tokens[j].low in MEAL_FRAME_AFTER:
        if tokens[j].low == "of" and j == last + 1 and not article_before:
            break  # "breakfast of champions" keeps its "of" for the intro stripper
        drop.add(j)
        j += 1
    return drop


def find_meals(tokens: list[Token]) -> tuple[list[MealMention], set[int]]:
    """Return the meal mentions of a clause and the token indices of their frames."""
    mentions: list[MealMention] = []
    dropped: set[int] = set()
    i = 0
    while i < len(tokens):
        low = tokens[i].low
        if i + 1 < len(tokens) and (low, tokens[i + 1].low) in MEAL_PAIRS:
            mentions.append(MealMention(i, MEAL_PAIRS[(low, tokens[i + 1].low)]))
            dropped |= _frame(tokens, i, i + 1)
            i += 2
            continue
        opens = low in MEAL_WORDS and _opens_clause(tokens, i)
        if low in MEAL_WORDS and _is_mention(tokens, i, opens):
            mentions.append(MealMention(i, MEAL_WORDS[low], opens))
            dropped |= _frame(tokens, i, i)
        i += 1
    return mentions, dropped


def meal_for(mentions: list[MealMention], start: int, end: int, carried: str | None) -> str | None:
    """Meal of a segment spanning clause tokens ``start..end``.

    Order of preference: a mention inside the segment (not one opening what follows it),
    the nearest mention before it in the clause, the first mention after it in the clause,
    the meal carried over from earlier clauses.
    """
    inside = [m.meal for m in mentions if start <= m.index < end and not m.opens]
    if inside:
        return inside[0]
    before = [m.meal for m in mentions if m.index < start]
    if before:
        return before[-1]
    after = [m.meal for m in mentions if m.index >= end]
    return after[0] if after else carried
