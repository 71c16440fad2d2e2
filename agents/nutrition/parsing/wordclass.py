"""Word-class predicates shared by the segmenter and the tagger.

Small questions asked about tokens: is this a verb form, does this phrase open with an
amount, which of these words are food words.
"""

from __future__ import annotations

from agents.nutrition.parsing.lexicon_food import (
    FILLER_KEEP_BEFORE,
    FILLERS,
    ING_FOODS,
    PORTION_SIZES,
    PREPARATIONS,
    SIZE_KEEP_IN_FOOD,
    SIZE_PAIRS,
    SIZES,
)
from agents.nutrition.parsing.lexicon_frame import INTRO_WORDS, PRONOUNS
from agents.nutrition.parsing.numbers import read_quantity
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import SERVINGS, read_measure, read_serving

DETERMINERS = frozenset(
    {
        "the",
        "my",
        "our",
        "some",
        "this",
        "that",
        "these",
        "those",
        "your",
        "his",
        "her",
        "their",
        "any",
        "its",
        "of",
    }
)
_PREPOSITIONS = frozenset({"on", "in", "with", "of", "at", "for", "to"})
# -ed words that are food attributes, never the verb of an intro ("mixed nuts").
_ED_FOODS = frozenset(
    {
        "mixed",
        "assorted",
        "canned",
        "dried",
        "salted",
        "unsalted",
        "aged",
        "reduced",
        "sweetened",
        "unsweetened",
        "flavored",
        "flavoured",
        "frosted",
        "glazed",
        "stuffed",
        "pickled",
        "smoked",
        "iced",
        "cured",
        "enriched",
        "fortified",
        "puffed",
        "shredded",
        "candied",
        "creamed",
        "refried",
        "whipped",
        "condensed",
        "evaporated",
        "powdered",
        "malted",
        "filled",
        "topped",
        "breaded",
        "baked",
        "fried",
        "roasted",
        "seeded",
        "seasoned",
        "spiced",
        "corned",
        "deviled",
        "scalloped",
        "pulled",
    }
)


def is_ing_verb(low: str) -> bool:
    """A word like "savoring" or "keeping" (not "pudding" or "serving")."""
    return len(low) > 4 and low.endswith("ing") and low not in ING_FOODS and low not in SERVINGS


def is_ed_verb(low: str) -> bool:
    """A past-tense verb such as "indulged" (not a food attribute like "canned")."""
    return len(low) > 3 and low.endswith("ed") and low not in _ED_FOODS and "-" not in low


def is_intro(low: str) -> bool:
    """Words that only introduce an item: pronouns, verbs, adverbs, prepositions."""
    return low in INTRO_WORDS or low in PRONOUNS or is_ed_verb(low) or is_ing_verb(low)


_ADVERB_ENDINGS = ("ously", "fully", "ingly", "edly")


def is_adverb(low: str) -> bool:
    """Whether a word is a manner adverb ("deliciously"): those never change the food."""
    return len(low) > 6 and low.endswith(_ADVERB_ENDINGS)


def is_modifier(tokens: list[Token], i: int) -> int:
    """Length of a size/filler word (or size pair) at ``i``; 0 when there is none."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if (low, nxt) in SIZE_PAIRS:
        return 2
    if nxt in FILLER_KEEP_BEFORE.get(low, ()):
        return 0  # "creamy peanut butter" is a different food from "peanut butter"
    if low in SIZE_KEEP_IN_FOOD:
        return 0
    return 1 if low in SIZES or low in FILLERS or is_adverb(low) else 0


def amount_end(tokens: list[Token], i: int = 0) -> tuple[int, bool]:
    """Skip a leading amount phrase; return (index after it, whether it held an amount).

    Articles alone are not amounts; numbers, count words and unit words are.
    """
    seen = False
    while i < len(tokens):
        width = is_modifier(tokens, i)
        if width or tokens[i].low in DETERMINERS:
            seen = seen or SIZES.get(tokens[i].low) in PORTION_SIZES  # "a bun-size sausage"
            i += width or 1
            continue
        qty = read_quantity(tokens, i)
        if qty is not None:
            seen = seen or not qty.article
            i = qty.end
            continue
        unit = read_measure(tokens, i) or read_serving(tokens, i)
        if unit is not None:
            seen = True
            i = unit.end
            continue
        if tokens[i].low in {"-", "from", "filled", "with"} and seen:
            i += 1
            continue
        break
    return i, seen


def has_amount(tokens: list[Token]) -> bool:
    """Whether a phrase opens with an explicit amount *and* names a food after it."""
    end, seen = amount_end(tokens)
    return seen and any(t.kind == "word" for t in tokens[end:])


def has_measure(tokens: list[Token]) -> bool:
    """Whether a number + measuring unit appears anywhere ("a roll weighing 52 g")."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind == "num":
            unit = read_measure(tokens, i + 1)
            if unit is not None and unit.is_measure:
                return True
    return False


def starts_item(tokens: list[Token]) -> bool:
    """Whether a phrase starts a new item: an amount/article after any intro words."""
    i = 0
    while (
        i < len(tokens)
        and tokens[i].low not in {"some", "another"}
        and (
            tokens[i].low in {",", "and", "&"}
            or (is_intro(tokens[i].low) and (i > 0 or tokens[i].low not in _PREPOSITIONS))
            or tokens[i].low in DETERMINERS - _PREPOSITIONS - {"some"}
            or is_modifier(tokens, i)
        )
    ):
        i += 1  # "indulged in a ..." skips; ", on a white bun" does not start an item
    if i >= len(tokens):
        return False
    return read_quantity(tokens, i) is not None or tokens[i].low in {"some", "another"}


def _introish(tok: Token) -> bool:
    return tok.kind == "punct" or tok.low in DETERMINERS or is_intro(tok.low)


def _describes_next(tokens: list[Token], i: int) -> bool:
    """A verb that is also a food's attribute, right before the food: "whipped cream"."""
    if tokens[i].low not in _ED_FOODS or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return following.kind == "word" and not _introish(following)


def strip_intro(tokens: list[Token]) -> int:
    """Index where the item starts once "I really enjoyed" style intros are removed.

    With an amount in the phrase, everything before it goes when it is all intro words;
    otherwise intro words go from the left, verbs only after a pronoun ("I toasted ...").
    """
    lead = next((t.low for t in tokens if t.kind != "punct" and t.low != "and"), "")
    for i, tok in enumerate(tokens):
        if tok.kind == "num" or read_quantity(tokens, i) is not None:
            if lead in PRONOUNS or all(_introish(t) for t in tokens[:i]):
                return i
            break
    i, pronoun = 0, False
    while i < len(tokens):
        low = tokens[i].low
        if _describes_next(tokens, i):
            break  # "whipped cream"; "I whipped up pancakes" goes on
        if (
            tokens[i].kind == "punct"
            or low in INTRO_WORDS
            or low in PRONOUNS
            or (low in DETERMINERS)
        ):
            pronoun = pronoun or low in PRONOUNS
            i += 1
        elif pronoun and (is_ed_verb(low) or is_ing_verb(low) or low in PREPARATIONS):
            i += 1
        else:
            break
    return i


def food_words(tokens: list[Token]) -> list[str]:
    """The food words of a phrase: no intro, amount, determiners, fillers or sizes."""
    tokens = tokens[strip_intro(tokens) :]
    start, _ = amount_end(tokens)
    return [
        t.low
        for t in tokens[start:]
        if t.kind == "word"
        and t.low not in FILLERS
        and t.low not in SIZES
        and t.low not in DETERMINERS
        and t.low not in PREPARATIONS
    ]
