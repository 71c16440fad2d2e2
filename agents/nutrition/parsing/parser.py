"""``parse_meal``: text -> clauses -> meal slots -> item segments -> ``ParsedItem`` list."""

from __future__ import annotations

import re
from dataclasses import replace

from agents.nutrition.parsing.inches import fold_inches
from agents.nutrition.parsing.lexicon_food import (
    COUNTED_IN,
    DISH_HEADS,
    EATEN_AS_TWO,
    FILED_AS,
    FISH_CUTS,
    HOT_DRINKS,
    SANDWICH_SPREADS,
    SAUCED_VEGETABLES,
    STIRRED_IN,
    TOPPINGS,
    TRAILING_ATTRIBUTES,
    VEGETABLE_SAUCES,
    is_fish,
)
from agents.nutrition.parsing.meals import find_meals, meal_for
from agents.nutrition.parsing.measures import Totals
from agents.nutrition.parsing.model import Draft, ParsedItem
from agents.nutrition.parsing.numbers import fold_fraction_after_unit
from agents.nutrition.parsing.segment import Segment, split_clause
from agents.nutrition.parsing.tagger import tag
from agents.nutrition.parsing.tokens import Token, tokenize
from agents.nutrition.parsing.wordclass import food_words, has_amount

_SENTENCE_END = frozenset({".", "!", "?", ";"})
_ABBREVIATIONS = frozenset(
    {
        "oz",
        "lb",
        "lbs",
        "tbsp",
        "tsp",
        "tbs",
        "c",  # "1 c. milk"
        "fl",
        "pkg",
        "approx",
        "e.g",
        "i.e",
        "vs",
        "etc",
        "st",
        "dr",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "no",
    }
)


def _is_boundary(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.low not in _SENTENCE_END:
        return False
    if 0 < i < len(tokens) - 1 and tok.low != ";":
        nxt = tokens[i + 1]
        lower_next = nxt.kind == "num" or nxt.text[:1].islower()
        if lower_next and (tok.low != "." or tokens[i - 1].low in _ABBREVIATIONS):
            return False  # "12 oz. can", "Chips Ahoy! cookie"
    return True


def split_clauses(tokens: list[Token], text: str) -> list[list[Token]]:
    """Split at sentence punctuation, semicolons and line breaks."""
    clauses: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        if i and "\n" in text[tokens[i - 1].end : tok.start] and clauses[-1]:
            clauses.append([])
        if _is_boundary(tokens, i):
            clauses.append([])
        else:
            clauses[-1].append(tok)
    return [c for c in clauses if c]


def _attributes(segment: Segment) -> str:
    """Leading attribute words of a trailer (", skinless", ", crust-free for ...")."""
    words: list[str] = []
    if segment.tokens and segment.tokens[-1].low == "style":
        return " ".join(t.low for t in segment.tokens if t.kind == "word")
    for tok in segment.tokens:
        if tok.low in TRAILING_ATTRIBUTES or tok.low.endswith("-free"):
            words.append(tok.low)
        elif tok.low != "and":
            break
    return " ".join(words)


_RENAMING = frozenset({"specifically", "namely"})


def _renamed(segment: Segment, draft: Draft, before: Draft) -> str | None:
    """The food a trailer says the item before it is: ", specifically a Quarter Pounder".

    So does a trailer that repeats its head noun after "the": "a cereal bar, the KIND
    Fruit and Nut Bar". None for any other trailer.
    """
    first = segment.tokens[0].low if segment.tokens else ""
    words = draft.food.split()
    if not segment.trailer or not words or not before.food or has_amount(segment.tokens):
        return None
    if first == "the" and words[-1] == before.food.split()[-1] and len(words) > 1:
        return draft.food
    if first in _RENAMING and words[0] == first and words[-1] not in {"one", "ones"}:
        return " ".join(words[1:]) or None  # not "specifically chocolate chip ones"
    return None


def _attach(target: Draft, extra: Draft, *, attributes: str = "") -> None:
    """Merge a trailer or amount-only phrase into the item it describes."""
    for prep in extra.preparation:
        if prep not in target.preparation:
            target.preparation.append(prep)
    target.totals.fill_from(extra.totals)
    just_one = target.quantity is None or (target.quantity == 1 and target.unit == "each")
    if just_one and extra.quantity is not None and extra.unit is not None and not extra.food:
        target.quantity, target.unit = extra.quantity, extra.unit  # "sushi, 8 pieces"
    target.excluded.extend(e for e in extra.excluded if e not in target.excluded)
    target.inches = target.inches or extra.inches  # "a funnel cake, 6 inches across"
    if attributes:
        target.food = f"{target.food} {attributes}"  # "chicken breast, skinless"


def _freeze(draft: Draft, text: str) -> ParsedItem:
    preps = list(dict.fromkeys(draft.preparation))
    if len(preps) > 1 and "fresh" in preps:
        preps.remove("fresh")
    return ParsedItem(
        text=text[draft.start : draft.end],
        food=draft.food,
        quantity=draft.quantity,
        unit=draft.unit,
        size=draft.size,
        preparation=", ".join(preps) or None,
        meal=draft.meal,
        mass_g=draft.totals.mass_g,
        volume_ml=draft.totals.volume_ml,
        container_volume_ml=draft.totals.container_volume_ml,
        excluded=tuple(draft.excluded),
        inches=draft.inches,
        served_with=draft.served_with,
    )


def _segment_end(segments: list[Segment], k: int, clause_len: int) -> int:
    return segments[k + 1].start if k + 1 < len(segments) else clause_len


def _heading_end(segments: list[Segment], clause: list[Token]) -> int:
    """Segments before a colon that only name what follows ("A chicken burrito: a tortilla...").

    A heading without an amount of its own, followed by items that state amounts, is the
    dish the parts add up to; counting it too would count the dish twice.
    """
    colons = [i for i, tok in enumerate(clause) if tok.low == ":"]
    if not colons:
        return 0
    colon = colons[0]
    before = [s for s in segments if s.start < colon]
    after = [s for s in segments if s.start > colon]
    if not before or not after or any(has_amount(s.tokens) for s in before):
        return 0
    return len(before) if any(has_amount(s.tokens) for s in after) else 0


def _split_at_colon(
    tokens: list[Token], positions: list[int], clause: list[Token]
) -> list[Segment]:
    """Segments of a clause, a colon always ending the segment before it."""
    colons = [k for k, pos in enumerate(positions) if clause[pos].low == ":"]
    if not colons:
        return split_clause(tokens, positions)
    k = colons[0]
    head = split_clause(tokens[:k], positions[:k]) if k else []
    return head + split_clause(tokens[k + 1 :], positions[k + 1 :])


_WRAPPERS = frozenset({"bread", "tortilla", "bun", "roll", "bagel", "pita", "wrap", "toast"})


def _composed_dish(segments: list[Segment], k: int) -> bool:
    """Whether segment ``k`` names a dish its following "with" parts spell out in full.

    "A turkey sandwich with two slices of bread, four slices of turkey and a slice of
    cheese": the parts state amounts and include the bread, so the sandwich is their sum.
    """
    dish = segments[k]
    if dish.trailer or has_amount(dish.tokens) or k + 2 >= len(segments):
        return False
    words = food_words(dish.tokens)
    if not words or words[-1] not in DISH_HEADS or not segments[k + 1].parts_of:
        return False
    parts = [s for s in segments[k + 1 :] if not s.trailer]
    if len(parts) < 2 or not all(has_amount(s.tokens) for s in parts):
        return False
    return any(set(food_words(s.tokens)) & _WRAPPERS for s in parts)


def _rejoin_ingredients(segments: list[Segment]) -> list[Segment]:
    """Put back what "using" split off when it does not spell out a whole dish.

    "A sandwich using a slice of bread and a tablespoon of peanut butter" is its parts;
    "pancakes using a cup of flour" stays one item, as "made using" would.
    """
    out: list[Segment] = []
    for k, segment in enumerate(segments):
        if segment.connector and out and not _composed_dish(segments, k - 1):
            out[-1].tokens.extend([*segment.connector, *segment.tokens])
            continue
        out.append(segment)
    return out


def parse_meal(text: str) -> list[ParsedItem]:
    """Split a meal description (one sentence or a whole day) into food items."""
    drafts: list[Draft] = []
    carried: str | None = None
    for clause in split_clauses(fold_inches(fold_fraction_after_unit(tokenize(text))), text):
        mentions, dropped = find_meals(clause)
        positions = [i for i in range(len(clause)) if i not in dropped]
        segments = _split_at_colon([clause[i] for i in positions], positions, clause)
        segments = _rejoin_ingredients(segments[_heading_end(segments, clause) :])
        first_of_clause = len(drafts)
        for k, segment in enumerate(segments):
            if _composed_dish(segments, k):
                continue
            draft = tag(segment)
            if draft is None:
                continue
            if len(drafts) > first_of_clause and (food := _renamed(segment, draft, drafts[-1])):
                drafts[-1].food = food  # "a cheeseburger, specifically a Quarter Pounder"
                continue
            if segment.trailer or not draft.food:
                if len(drafts) > first_of_clause:
                    _attach(drafts[-1], draft, attributes=_attributes(segment))
                continue
            unmeasured = draft.quantity is None and draft.totals == Totals()
            base = drafts[-1] if len(drafts) > first_of_clause else None
            into = base if segment.stirred_in and base and _is_hot_drink(base) else None
            if unmeasured and base and (segment.topping or into):
                draft.served_with = base.food  # "toast with butter", "coffee with cream"
            elif unmeasured and base and base.served_with and _spreads_too(draft):
                draft.served_with = base.served_with  # "toast with butter and jam": both
            if segment.stirred_in and unmeasured:
                draft.quantity, draft.unit = _drinks(into), "splash"  # "coffee with milk"
            end = _segment_end(segments, k, len(clause))
            draft.meal = meal_for(mentions, segment.start, end, carried)
            drafts.append(draft)
        if mentions:
            carried = mentions[-1].meal
    return _as_filed([_freeze(d, text) for d in drafts])


def _as_filed(items: list[ParsedItem]) -> list[ParsedItem]:
    """Every item as USDA files it; a topping follows its base's new name ("hot dogs")."""
    out: list[ParsedItem] = []
    renamed: dict[str, str] = {}
    for item in items:
        if item.served_with in renamed:
            item = replace(item, served_with=renamed[item.served_with])
        parts = _usda_items(item)
        if len(parts) == 1 and parts[0].food != item.food:
            renamed[item.food] = parts[0].food  # "hot dogs" are "hot dog sandwiches"
        out += parts
    return out


def _spreads_too(draft: Draft) -> bool:
    """Whether a food listed after a topping is another topping ("... with mayo and mustard")."""
    words = (draft.food or "").split()
    tails = {" ".join(words[-n:]) for n in (1, 2) if len(words) >= n}
    return bool(tails & (TOPPINGS | SANDWICH_SPREADS | STIRRED_IN))


DRINK_COUNTS = frozenset({None, "each", "cup", "mug"})
"""Units that count drinks, each with its own splash of milk ("two mugs of tea with milk")."""


def _is_hot_drink(draft: Draft) -> bool:
    """Whether the item is coffee or tea, which milk is stirred into."""
    return bool(draft.food) and draft.food.split()[-1] in HOT_DRINKS


def _drinks(drink: Draft | None) -> float:
    """How many splashes: one per cup or mug counted ("3 cups of coffee with milk")."""
    if drink is None or drink.unit not in DRINK_COUNTS or not drink.quantity:
        return 1.0
    return drink.quantity


SHOTS = {"double": 2, "triple": 3, "quad": 4}
"""A double shot of espresso or vodka is two shots (a "double espresso" is FNDDS's cup)."""
DELI_SANDWICH = re.compile(
    r"(?P<filling>.+) on (?P<bread>rye|wheat|whole wheat|white|sourdough|pumpernickel|"
    r"multigrain|whole grain|roll|kaiser roll|hoagie roll)"
)
"""A deli order: "turkey on rye", "ham and swiss on a roll" are sandwiches of that bread."""


def _fills_a_sandwich(filling: str) -> bool:
    """Not a dish already ("a hot dog on a roll"; "tuna salad" is a filling) nor a spread."""
    return filling.split()[-1] not in DISH_HEADS - {"salad"} and filling not in TOPPINGS


def _usda_items(item: ParsedItem) -> list[ParsedItem]:
    """The item as USDA files it: some everyday dishes are two foods there.

    Each part keeps the item's count and size ("a large fish and chips"); a stated mass or
    volume is shared equally, the text saying nothing of how it divides. A food said alone
    may be filed under other words ("a hot dog" is the hot dog sandwich) or counted in its
    own unit ("a string cheese" is a stick).
    """
    times, _, shot_of = item.food.partition(" ")
    if item.unit == "shot" and times in SHOTS and shot_of and item.quantity:
        return [
            replace(item, food=shot_of, quantity=item.quantity * SHOTS[times])
        ]  # "a double shot"
    if (deli := DELI_SANDWICH.fullmatch(item.food)) and _fills_a_sandwich(deli["filling"]):
        return [replace(item, food=f"{deli['filling']} sandwich on {deli['bread']}")]
    head, with_, rest = item.food.partition(" with ")  # "a hot dog with chili" too
    if (filed := FILED_AS.get(head)) is not None and not item.excluded:
        return [replace(item, food=filed + with_ + rest)]  # "without the bun": the frankfurter
    if item.served_with in SAUCED_VEGETABLES and (sauce := VEGETABLE_SAUCES.get(item.food)):
        return [replace(item, food=sauce)]  # the sauce FNDDS keeps for vegetables
    if (unit := COUNTED_IN.get(item.food)) and item.unit in (None, "each") and item.quantity:
        return [replace(item, unit=unit)]  # "two string cheeses": two sticks
    if (cut := _fish_cut(item)) is not None:
        return [cut]  # "a cod fillet": one fillet of cod
    parts = EATEN_AS_TWO.get(item.food)
    if parts is None:
        return _topped_toast(item)
    half_mass = item.mass_g / 2 if item.mass_g else None  # a stated amount is for both
    half_volume = item.volume_ml / 2 if item.volume_ml else None
    return [
        replace(item, food=food, mass_g=half_mass, volume_ml=half_volume,
                quantity=item.quantity / 2 if item.quantity and (half_mass or half_volume)
                else item.quantity)
        for food in parts
    ]  # fmt: skip


def _fish_cut(item: ParsedItem) -> ParsedItem | None:
    """The fish counted in its cut: "a salmon fillet", "2 tuna steaks" (see FISH_CUTS)."""
    fish, _, cut = item.food.rpartition(" ")
    unit = FISH_CUTS.get(cut)
    if unit is None or not fish or not is_fish(fish):
        return None
    if item.unit not in (None, "each"):
        return replace(item, food=fish)  # "6 oz tuna steak": the mass says how much
    return replace(item, food=fish, quantity=item.quantity or 1.0, unit=unit)


def _unmeasured(item: ParsedItem, food: str) -> ParsedItem:
    """A food eaten with ``item`` whose amount the text does not give."""
    return ParsedItem(text=item.text, food=food, quantity=None, unit=None, size=None,
                      preparation=None, meal=item.meal, mass_g=None, volume_ml=None)  # fmt: skip


def _topped_toast(item: ParsedItem) -> list[ParsedItem]:
    """Toast named by its topping ("avocado toast") is toast and the topping: no USDA dish.

    A stated mass or volume is for both together, so that item stays whole.
    """
    topping, _, bread = item.food.rpartition(" ")
    if bread != "toast" or topping not in TOPPINGS or item.mass_g or item.volume_ml:
        return [item]
    return [replace(item, food=bread), _unmeasured(item, topping)]
