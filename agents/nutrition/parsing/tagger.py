"""Turn one item segment into fields: amount, unit, size, preparation and food phrase.

The food phrase keeps what changes the food ("reduced-fat", "whole wheat", "with the
skin removed", "from fast food") and drops what does not (articles, "delicious").
Preparation words are reported separately and removed from the phrase, except in fixed
dish names such as "grilled cheese" or "mashed potatoes".
"""

from __future__ import annotations

from agents.nutrition.parsing.amounts import Amount, read_amount
from agents.nutrition.parsing.inches import is_inches
from agents.nutrition.parsing.lexicon_food import (
    FIXED_DISHES,
    NON_FOOD,
    NON_FOOD_HEADS,
    PREP_PREFIXES,
    PREPARATIONS,
    SERVING_DISHES,
    SIZE_KEEP_IN_FOOD,
    SIZE_PAIRS,
    SIZES,
)
from agents.nutrition.parsing.lexicon_frame import EXCLUSION_WORDS, OUTRO_WORDS
from agents.nutrition.parsing.measures import explicit_totals, is_drink, totals
from agents.nutrition.parsing.model import Draft
from agents.nutrition.parsing.numbers import number_at
from agents.nutrition.parsing.segment import Segment
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import (
    CONTAINERS,
    NEEDS_OF,
    SERVINGS,
    SHAPE_UNITS,
    read_measure,
)
from agents.nutrition.parsing.wordclass import (
    DETERMINERS,
    is_ed_verb,
    is_ing_verb,
    is_intro,
    is_modifier,
    strip_intro,
)

_TAIL_START = frozenset(
    """with on in from containing combining consisting without ( that by of than other
    featuring""".split()
)
# Participles that open a description only before a preposition ("cooked in oil").
_TAIL_PARTICIPLES = frozenset(
    """made served topped filled loaded stuffed prepared crafted cooked combined coated
    covered drizzled garnished sweetened flavored flavoured nestled mixed blended dipped
    smothered sauteed fried canned packed wrapped infused enhanced bursting""".split()
)
_PREPOSITIONS = frozenset({"with", "in", "by", "from", "into", "on", "using", "over", "to"})
_NAMING = frozenset({"combining", "containing", "consisting", "of", "featuring"})
_WHOLE_FOODS = frozenset(
    {
        "milk",
        "wheat",
        "grain",
        "grains",
        "egg",
        "eggs",
        "kernel",
        "bean",
        "beans",
        "foods",
        "wheat-bread",
    }
)
_TRIM = frozenset({
    "of", "and", "or", "with", "in", "on", "from", "&", "made", "served",
    "about", "around", "roughly", "approximately", "nearly",  # "a chop of about 3 oz"
})  # fmt: skip


def _outro_start(tokens: list[Token]) -> int:
    """First word that ends a food phrase ("treat to satisfy my sweet tooth")."""
    for i, tok in enumerate(tokens):
        if i and tok.low in OUTRO_WORDS and not (tok.low == "to" and tokens[i - 1].low == "ready"):
            return i
    return len(tokens)


def _split_tail(tokens: list[Token]) -> int:
    for i, tok in enumerate(tokens):
        if not i or i + 1 >= len(tokens):
            continue
        if tok.low in _TAIL_START or (
            tok.low in _TAIL_PARTICIPLES and tokens[i + 1].low in _PREPOSITIONS
        ):
            return i
    return len(tokens)


def _prep_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if (low, nxt) in PREP_PREFIXES:
        return PREP_PREFIXES[(low, nxt)], 2
    if low in PREPARATIONS:
        return PREPARATIONS[low], 1
    return None, 0


def _clean(tokens: list[Token], preps: list[str], sizes: list[str], *, head: bool) -> list[str]:
    words: list[str] = []
    i = 0
    while i < len(tokens):
        tok, low = tokens[i], tokens[i].low
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if is_inches(tok):
            i += 1  # "a pancake 4 inches across": the size, read by ``tag``
            continue
        if number_at(tok) is not None and (unit := read_measure(tokens, i + 1)) and unit.is_measure:
            i = unit.end  # "multigrain toast (22g)", "of about three ounces": read separately
            continue
        prep, width = _prep_at(tokens, i)
        if prep is not None:
            preps.append(prep)
            if f"{low} {nxt}" in FIXED_DISHES:
                words.append(low)
            i += width
            continue
        if head and ((low, nxt) in SIZE_PAIRS or (low in SIZES and low not in SIZE_KEEP_IN_FOOD)):
            sizes.append(SIZE_PAIRS.get((low, nxt)) or SIZES[low])
            i += 2 if (low, nxt) in SIZE_PAIRS else 1
            continue
        width = is_modifier(tokens, i)
        if tok.kind == "punct" or low in DETERMINERS or low in {"a", "an"} or width:
            i += width or 1
            continue
        if (
            head
            and not words
            and ((low == "whole" and nxt not in _WHOLE_FOODS and nxt) or is_ing_verb(low))
        ):
            i += 1  # "a whole orange", "a matching 360 g of beer"
            continue
        words.append(low if tok.kind == "word" else tok.text)
        i += 1
    return words


def _trim(words: list[str]) -> list[str]:
    while words and words[0] in _TRIM:
        words = words[1:]
    while words and words[-1] in _TRIM:
        words = words[:-1]
    return words


_SNACK_CUPS = frozenset({"pudding", "jello", "gelatin", "applesauce", "yogurt", "mousse"})
"""Foods sold in single cups: "a pudding cup" is one container of pudding, not a cup of it."""


def _trailing_unit(words: list[str]) -> tuple[list[str], str | None]:
    """A serving word ending the food: "granola bar" keeps it, "half and half container" not."""
    if len(words) >= 2 and words[-1] in ("cup", "cups") and words[-2] in _SNACK_CUPS:
        return words[:-1], "container"
    if len(words) < 2 or words[-1] not in SERVINGS:
        return words, None
    unit = SERVINGS[words[-1]]
    if f"{words[-2]} {unit}" in SERVING_DISHES:
        return words, unit  # "a chicken burrito bowl", "2 poke bowls": the dish, one bowl each
    if unit in CONTAINERS:
        return words[:-1], unit
    if unit in SHAPE_UNITS and unit not in NEEDS_OF:
        return words, unit
    return words, None


def _exclusions(groups: list[list[Token]]) -> list[str]:
    out = []
    for group in groups:
        words = [
            t.low
            for i, t in enumerate(group)
            if t.kind == "word"
            and t.low not in DETERMINERS
            and t.low not in EXCLUSION_WORDS
            and not is_modifier(group, i)
            and t.low not in {"a", "an", "and"}
            and (not is_intro(t.low) or t.low == "added")
        ]
        words = _trim(words)
        if words:
            out.append(" ".join(words))
    return out


def _quantity_unit(amount: Amount, trailing: str | None) -> tuple[float | None, str | None]:
    if amount.serving:
        return amount.count or 1.0, amount.serving
    counted = [m for m in amount.measures if m.counted]
    if counted:
        return counted[0].value, counted[0].unit  # "a 360g cup of tea": 1 cup
    if amount.measures and not amount.measures[0].per_item:
        return amount.measures[0].value, amount.measures[0].unit
    if amount.count is not None:
        return amount.count, trailing or "each"
    return None, None


_PLAIN_CONTAINER = frozenset({
    "a", "an", "the", "its", "their", "my", "own", "individual", "single", "serving",
    "single-serve", "plastic", "paper", "glass", "convenient", "school", "original",
})  # fmt: skip
"""Words that say nothing of a container's food: "from an individual plastic cup"."""


def _container_tail(tail: list[str], sizes: list[str]) -> tuple[list[str], str | None]:
    """Read "half and half from an individual container": the tail is the serving.

    A brand on the container stays with the food: "a fruit juice drink from a Kool-Aid
    Jammers pouch" is the Jammers drink.
    """
    if len(tail) < 2 or tail[0] != "from" or SERVINGS.get(tail[-1]) not in CONTAINERS:
        return tail, None
    sizes.extend(SIZES[w] for w in tail[1:-1] if w in SIZES)
    brand = [w for w in tail[1:-1] if w not in SIZES and w not in _PLAIN_CONTAINER]
    brand = [] if tail[-1] == "pack" else brand  # "from a juice pack" is a packing medium
    return (["from", *brand] if brand else []), SERVINGS[tail[-1]]


_SOURCES = frozenset({"school"})
"""Places that name a USDA food ("Pizza ..., from school lunch"), unlike "from my kitchen"."""


def _drop_vague_tail(tail: list[str]) -> list[str]:
    """Drop a tail that says nothing about the food ("enhanced with some extras")."""
    content = [w for w in tail if w not in _TAIL_START | _TAIL_PARTICIPLES and w not in _TRIM]
    if tail[:1] == ["from"] and _SOURCES & set(content):
        return tail  # "pizza from school" is the school-lunch pizza
    return [] if all(w in NON_FOOD for w in content) else tail


_BABY_STAGES = ("strained", "junior", "toddler")


def _for_babies(words: list[str], outro: list[Token]) -> list[str]:
    """Keep an outro's baby food: "macaroni with beef, specially designed as junior baby food".

    Baby food is its own USDA class (and portion), so who the food is for changes it.
    """
    said = [t.low for t in outro]
    pairs = set(zip(said, said[1:], strict=False))
    if not (("baby", "food") in pairs or {"babyfood", "babies"} & set(said)) or "baby" in words:
        return words
    while words and (is_ed_verb(words[-1]) or words[-1].endswith("ly")):
        words = words[:-1]  # "specially designed"
    stages = [w for w in _BABY_STAGES if w in said and w not in words]
    return [*words, *stages, "baby", "food"] if words else words


def tag(segment: Segment) -> Draft | None:
    """Fields of one segment; None when it holds no words at all."""
    toks = segment.tokens
    body_end = segment.outro if segment.outro is not None else len(toks)
    body = toks[strip_intro(toks[:body_end]) : body_end]
    outro = toks[body_end:]
    if not body and not outro:
        return None
    amount = read_amount(body)
    food_toks = body[amount.end :]
    stop = _outro_start(food_toks)
    food_toks, outro = food_toks[:stop], food_toks[stop:] + outro
    cut = _split_tail(food_toks)
    preps: list[str] = []
    sizes: list[str] = [amount.size] if amount.size else []
    head = _clean(amount.adjectives + food_toks[:cut], preps, sizes, head=True)
    tail = _clean(food_toks[cut:], preps, sizes, head=False)
    tail, container = _container_tail(_drop_vague_tail(tail), sizes)
    head, trailing = _trailing_unit(_trim(head))
    words = _trim(head + tail)
    if head and (
        all(w in NON_FOOD or is_ed_verb(w) or is_ing_verb(w) for w in head)
        or head[-1] in NON_FOOD_HEADS
    ):
        # "a drink combining whiskey and ginger ale" names the food in its tail;
        # "the perfect comfort food from a local spot" names none.
        words = (
            _trim([w for w in tail if w not in _TAIL_START])
            if cut < len(food_toks) and (food_toks[cut].low in _NAMING)
            else []
        )
    elif not tail:
        while len(words) > 1 and is_ed_verb(words[-1]):
            words = words[:-1]  # "apple juice designed (for babies)"
    _clean(outro, preps, [], head=False)
    words = _for_babies(words, outro)
    if amount.serving is None:
        amount.serving = container
    quantity, unit = _quantity_unit(amount, trailing)
    draft = Draft(
        start=body[0].start if body else outro[0].start,
        end=(food_toks or body or outro)[-1].end,
        food=" ".join(words),
        quantity=quantity,
        unit=unit,
        size=sizes[0] if sizes else None,
        preparation=preps,
        totals=totals(amount, unit, words),
        excluded=_exclusions(segment.excluded),
        inches=amount.inches or next((t.value for t in food_toks + outro if is_inches(t)), None),
    )
    draft.totals.fill_from(explicit_totals(food_toks + outro, words))
    if draft.unit == "oz" and is_drink(amount.serving, words):
        draft.unit = "fl_oz"  # "8 oz of milk"
    return draft
