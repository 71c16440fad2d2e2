"""Sizes said in inches: "a 10-inch tortilla", "two 4" pancakes", "a 2-inch cube of cheese".

An item's size in inches is no count and no food word: left alone, "10 inch flour tortilla"
was searched as a food named "10 inch" and weighed as a medium tortilla. This pass folds the
number and its inch word into one size token before amounts are read; USDA's own measures
name the same sizes ("1 tortilla (approx 10" dia)", "1 medium pizza (11-12" diameter)").
A cube said by its edge is a volume: a 2-inch cube is 8 cubic inches.
"""

from __future__ import annotations

import re

from agents.nutrition.parsing.numbers import WORD_NUMBERS, number_at
from agents.nutrition.parsing.tokens import Token

INCH_SUFFIX = "-inch"
"""How a folded size token is spelled: ``low`` is "10-inch", ``value`` is 10."""
_INCH_WORDS = frozenset({"inch", "inches", '"'})
_GLUED = re.compile(r"^(\d+(?:\.\d+)?|[a-z]+)-(?:in|inch|inches)$")
"""A number glued to its inch word by the tokenizer: "12-in" ("a 12-in. pizza"), "six-inch"."""
_CUBES = frozenset({"cube", "cubes"})
_DIMENSION_WORDS = frozenset({"across", "wide", "long", "diameter"})
"""Words that only say which way the inches run ("6 inches across", "10 inches in diameter")."""
MAX_INCHES = 36.0
"""Larger than any single food USDA measures by its size (a party sub is 3 ft)."""


def is_inches(token: Token) -> bool:
    """Whether ``token`` is a folded size in inches."""
    return token.value is not None and token.kind == "word" and token.low.endswith(INCH_SUFFIX)


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if i < len(tokens) else ""


def _inch_word_end(tokens: list[Token], i: int) -> int | None:
    """Index after an inch word at ``i`` ("inch", '"', "in."), or None."""
    low = _low(tokens, i)
    if low in _INCH_WORDS:
        return i + 1
    if low == "in" and _low(tokens, i + 1) == ".":
        return i + 2  # "12 in. pizza"; a bare "in" is the preposition
    return None


def _size_at(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """The inches said at ``i`` and the index after them."""
    tok = tokens[i]
    glued = _GLUED.match(tok.low)
    if glued:
        number = glued.group(1)
        glued_value = WORD_NUMBERS.get(number) if number.isalpha() else float(number)
        after = i + 1 + (tok.low.endswith("-in") and _low(tokens, i + 1) == ".")
        return (glued_value, after) if glued_value else None
    value = number_at(tok)
    end = _inch_word_end(tokens, i + 1 + (_low(tokens, i + 1) == "-"))
    return (value, end) if value is not None and end is not None else None


def _dimension_end(tokens: list[Token], i: int) -> int:
    """Skip "across", "wide", "in diameter" after a size."""
    if _low(tokens, i) == "in" and _low(tokens, i + 1) == "diameter":
        return i + 2
    return i + 1 if _low(tokens, i) in _DIMENSION_WORDS else i


def _cubic_inches(out: list[Token], edge: float, first: Token, cube: Token) -> list[Token]:
    """Read "a 2-inch cube" as "8 cubic inch"; a count before it joins ("three 1-inch cubes").

    Pops that count from ``out``, the tokens folded so far.
    """
    count = number_at(out[-1]) if out and not is_inches(out[-1]) else None
    start = out.pop().start if count is not None else first.start
    volume = (count or 1.0) * edge**3
    return [
        Token(f"{volume:g}", f"{volume:g}", start, cube.end, "num", volume),
        Token("cubic", "cubic", cube.start, cube.end, "word"),
        Token("inch", "inch", cube.start, cube.end, "word"),
    ]


def fold_inches(tokens: list[Token]) -> list[Token]:
    """Fold each "N inch" into one size token; "N-inch cube" becomes N³ cubic inches."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = _size_at(tokens, i)
        if found is None or not 0 < found[0] <= MAX_INCHES:
            out.append(tokens[i])
            i += 1
            continue
        inches, end = found
        if _low(tokens, end) in _CUBES:
            out += _cubic_inches(out, inches, tokens[i], tokens[end])
            i = end + 1
            continue
        label, start = f"{inches:g}{INCH_SUFFIX}", tokens[i].start
        i = _dimension_end(tokens, end)
        out.append(Token(label, label, start, tokens[i - 1].end, "word", inches))
    return out
