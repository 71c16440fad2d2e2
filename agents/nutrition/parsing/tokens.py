"""Tokeniser for meal descriptions.

Tokens keep their character offsets so every parsed item can point back at the exact
span of the user's text. Numbers glued to units ("244g", "12-oz") are split, unicode
fractions become numbers, and fixed multi-word foods ("half and half", "peanut butter
and jelly") are fused into one word token so later stages never split them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from agents.nutrition.parsing.lexicon_food import COMPOUND_FOODS

TokenKind = Literal["word", "num", "punct"]

_VULGAR = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅕": 0.2}
_TOKEN_RE = re.compile(
    r"(?P<frac>\d+\s?/\s?\d+)"
    r"|(?P<pct>\d+(?:\.\d+)?%|\d+(?:st|nd|rd|th)\b)"
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
    r"|(?P<vulgar>[¼½¾⅓⅔⅛⅕])"
    r"|(?P<short>\b[wW]/[oO]\b|\b[wW]/)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-(?:[^\W_]+)(?:['’][^\W\d_]+)*)*)"
    r"|(?P<punct>[^\w\s])"
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: original text, normalised lower-case form and character span."""

    text: str
    low: str
    start: int
    end: int
    kind: TokenKind
    value: float | None = None


@lru_cache(maxsize=8192)
def normalise(word: str) -> str:
    """Lower-case, fold accents ("sautéed") and curly apostrophes so lookups are simple."""
    folded = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def _number(raw: str) -> float:
    if "/" in raw:
        num, den = (part.strip() for part in raw.split("/"))
        return float(num) / float(den) if float(den) else float(num)
    return float(raw.replace(",", ""))


def _raw_tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        raw = match.group()
        start, end = match.span()
        if kind == "frac" or kind == "num":
            tokens.append(Token(raw, raw, start, end, "num", _number(raw)))
        elif kind == "vulgar":
            tokens.append(Token(raw, raw, start, end, "num", _VULGAR[raw]))
        elif kind == "short":  # "coffee w/ cream", "a burger w/o the bun"
            low = "without" if len(raw) == 3 else "with"
            tokens.append(Token(raw, low, start, end, "word"))
        elif kind == "word" or kind == "pct":
            tokens.append(Token(raw, normalise(raw), start, end, "word"))
        else:
            tokens.append(Token(raw, raw, start, end, "punct"))
    return tokens


_UNIT_WORDS = frozenset(
    "oz ounce ounces lb lbs pound pounds g gram grams kg ml l liter liters litre litres inch "
    "inches cup cups fl piece pieces pack count ct serving servings slice slices".split()
)


def _number_word(tokens: list[Token], i: int) -> bool:
    """Whether a number is glued to a non-unit word ("7-Up", "100-calorie"): a name."""
    if i + 2 >= len(tokens):
        return False
    num, dash, word = tokens[i : i + 3]
    return (
        num.kind == "num"
        and dash.low == "-"
        and dash.start == num.end
        and word.start == dash.end
        and word.kind == "word"
        and word.low not in _UNIT_WORDS
    )


def _suspended_hyphen(tokens: list[Token], i: int) -> bool:
    if i + 3 >= len(tokens):
        return False
    word, dash, conj, nxt = tokens[i : i + 4]
    return (
        word.kind == "word"
        and dash.low == "-"
        and dash.start == word.end
        and conj.low in {"and", "or"}
        and nxt.kind == "word"
        and "-" in nxt.low
    )


def _fuse_compounds(tokens: list[Token], text: str) -> list[Token]:
    """Fuse known multi-word foods into one word token (longest match first)."""
    out: list[Token] = []
    i = 0
    lows = [t.low for t in tokens]
    while i < len(tokens):
        if (
            lows[i] not in _COMPOUND_FIRST
            and tokens[i].low != "-"
            and not (i + 1 < len(tokens) and tokens[i + 1].low == "-")
        ):
            out.append(tokens[i])
            i += 1
            continue
        if _number_word(tokens, i):
            start, end = tokens[i].start, tokens[i + 2].end
            out.append(Token(text[start:end], normalise(text[start:end]), start, end, "word"))
            i += 3
            continue
        if _suspended_hyphen(tokens, i):
            start, end = tokens[i].start, tokens[i + 3].end  # "meat- and cheese-filled"
            out.append(Token(text[start:end], normalise(text[start:end]), start, end, "word"))
            i += 4
            continue
        for size in range(min(_MAX_COMPOUND, len(tokens) - i), 1, -1):
            phrase = " ".join(lows[i : i + size])
            if phrase in _COMPOUND_KEYS:
                start, end = tokens[i].start, tokens[i + size - 1].end
                fused = " ".join(normalise(text[start:end]).split())
                out.append(Token(text[start:end], fused, start, end, "word"))
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_COMPOUND_KEYS: frozenset[str] = frozenset(
    " ".join(t.low for t in _raw_tokens(phrase)) for phrase in COMPOUND_FOODS
)
_COMPOUND_FIRST: frozenset[str] = frozenset(key.split(" ", 1)[0] for key in _COMPOUND_KEYS)
_MAX_COMPOUND = max(len(_raw_tokens(phrase)) for phrase in COMPOUND_FOODS)


def tokenize(text: str) -> list[Token]:
    """Tokenise ``text`` into words, numbers and punctuation with fused compound foods."""
    tokens = _percents(_raw_tokens(text))
    return _plain_with(_egg_styles(_fuse_compounds(tokens, text), text))


_PERCENT_WORDS = {"zero": 0.0, "one": 1.0, "two": 2.0}
"""Milk's fat levels in words: "one percent milk" is 1% milk."""


def _percents(tokens: list[Token]) -> list[Token]:
    """Join "1 percent" and "one percent" into the "1%" a USDA name says."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if tok.low in {"percent", "pct"} and prev is not None:
            value = prev.value if prev.kind == "num" else _PERCENT_WORDS.get(prev.low)
            if value is not None:
                text = f"{value:g}%"
                out[-1] = Token(text, text, prev.start, tok.end, "word")
                continue
        out.append(tok)
    return out


_SPACED_PREPARATIONS = frozenset({
    ("over", "easy"), ("over", "medium"), ("over", "hard"), ("sunny", "side", "up"),
    ("sunny-side", "up"),
})  # fmt: skip
"""Egg styles written apart; joined, they are the preparations the lexicon names."""


def _egg_styles(tokens: list[Token], text: str) -> list[Token]:
    """Join an egg style ("over easy") into its hyphenated preparation, keeping its span."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        for words in _SPACED_PREPARATIONS:
            if tuple(t.low for t in tokens[i : i + len(words)]) == words:
                start, end = tokens[i].start, tokens[i + len(words) - 1].end
                out.append(Token(text[start:end], "-".join(words), start, end, "word"))
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_RELATIVE = frozenset({"that", "which"})
_CAME = frozenset({"came", "comes"})
_HAD = frozenset({
    "had", "has", "featured", "features", "included", "includes", "contained", "boasts",
    "boasted",
})  # fmt: skip
"""Verbs of a relative clause that only lists what the food had: "pizza that had cheese"."""
_WAS = frozenset({"was", "were", "is", "are"})
_WAS_NOT = frozenset({"wasn't", "weren't", "isn't", "aren't"})
_NOT = frozenset({"not", "never"})
_CONTENT_ADVERBS = frozenset({"mostly", "mainly", "largely", "primarily"})
"""Adverbs that say what a food is made of: "a soup that was mostly noodles"."""
_FEATURING = frozenset({"featuring", "showcasing"})
_GENERIC_DISHES = frozenset({"meal", "entree", "dish", "plate", "platter"})
"""A dish word that names no food: "a diet frozen meal featuring chicken and noodles"."""
_NAMING_ADJECTIVES = frozenset({"sweet", "sour", "spicy"})
"""Adjectives USDA names use: "a roll that was sweet and frosted" is "Roll, sweet, frosted"."""
_STRAIGHT = frozenset({"straight", "right", "fresh", "freshly", "directly"})
"""Adverbs before where a food came from; without them the source stays with the food."""
_LINKING = frozenset({
    "filled", "topped", "stuffed", "loaded", "served", "made", "packed", "covered", "drizzled",
    "smothered",
})  # fmt: skip
"""Participles that already link a food to its extras ("filled with custard")."""


def _plain_with(tokens: list[Token]) -> list[Token]:
    """Read "pasta that came with sauce" as "pasta with sauce": the clause only says "with".

    So does "pizza that featured cheese": the food's extras follow; and "a roll that was
    sweet and frosted" or "tea that was pre-sweetened" describe the food the same way.
    """
    out: list[Token] = []
    skip = 0
    for i, tok in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        after = tokens[i + 2].low if i + 2 < len(tokens) else ""
        if tok.low in _FEATURING and out and out[-1].low in _GENERIC_DISHES:
            out.append(replace(tok, text="with", low="with"))  # "a frozen meal featuring ..."
            continue
        if tok.low in _FEATURING and out and (mix := _mixture(tokens, i + 1)):
            out.append(replace(tok, text="with", low="with"))  # "featuring a blend of meat"
            skip = mix
            continue
        if tok.low in _RELATIVE and out and (nxt in _WAS_NOT or nxt in _WAS and after in _NOT):
            out.append(replace(tok, text="without", low="without"))  # "that wasn't chocolate"
            skip = 1 + (nxt in _WAS)
            continue
        if tok.low == "that" and nxt in _HAD and out:  # ", which included two bars" counts
            out.append(replace(tok, text="with", low="with"))
            skip = 1
            continue
        if tok.low in _RELATIVE and nxt in _WAS and out and (mix := _mixture(tokens, i + 2)):
            out.append(replace(tok, text="with", low="with"))  # "which was a mix of cereal"
            skip = 1 + mix
            continue
        words = _described(tokens, i + 2) if tok.low == "that" and nxt in _WAS else None
        if words is not None and out and tokens[i + 2 + words].low in _NAMING_ADJECTIVES:
            out.insert(len(out) - 1, tokens[i + 2 + words])  # "roll that was sweet": sweet roll
            skip = 2 + words
            k = i + 3 + words
            if k + 1 < len(tokens) and tokens[k].low == "and" and _described(tokens, k + 1) == 0:
                out.append(replace(tok, text="with", low="with"))  # "... and frosted"
                skip += 1
            continue
        if words is not None and out:
            then = tokens[i + 3 + words].low if i + 3 + words < len(tokens) else ""
            if tokens[i + 2 + words].low not in _LINKING and then not in {"with", "in", "on"}:
                out.append(replace(tok, text="with", low="with"))  # not "that was cooked in"
            skip = 1 + words
            continue
        if tok.low in _STRAIGHT and out and (nxt == "from" or (nxt, after) == ("out", "of")):
            continue  # "waffles, right out of the freezer": where the food came from
        if tok.low in _CAME and nxt == "with" and out:
            continue
        if tok.low in _RELATIVE and nxt in _CAME and after == "with" and out:
            continue
        out.append(tok)
    return out


_MIXTURES = frozenset({"mix", "mixture", "blend", "combination", "medley"})


def _mixture(tokens: list[Token], start: int) -> int:
    """Words of "a delightful mix of" at ``start`` (through "of"), or 0 when not there."""
    if start >= len(tokens) or tokens[start].low not in {"a", "an"}:
        return 0
    for j in range(start + 1, min(start + 4, len(tokens) - 1)):
        if tokens[j].low in _MIXTURES:
            return j + 2 - start if tokens[j + 1].low == "of" else 0
    return 0


def _described(tokens: list[Token], start: int) -> int | None:
    """Adverbs to drop before a describing word at ``start`` ("perfectly filled"), or None.

    The clause describes the food when its first word past the adverbs reads as a
    participle or a compound adjective ("frosted", "caffeine-free"); "that was perfect
    for me" or "that wasn't chocolate" do not.
    """
    j = start
    while j < len(tokens) and tokens[j].low.endswith("ly"):
        j += 1
    if j >= len(tokens):
        return None
    word = tokens[j].low
    if word.endswith("ed") or "-" in word or word in _NAMING_ADJECTIVES:
        return j - start
    if any(t.low in _CONTENT_ADVERBS for t in tokens[start:j]):
        return j - start  # "soup that was mostly noodles"
    return None
