"""Quantities written as digits, fractions or words ("1 ½", "one and a half", "a couple of")."""

from __future__ import annotations

from dataclasses import dataclass

from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import read_measure, read_serving

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()
_TEENS = "fourteen fifteen sixteen seventeen eighteen nineteen".split()
WORD_NUMBERS: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS + _TEENS)}
_TENS = {"twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0}
WORD_NUMBERS.update(_TENS)
WORD_NUMBERS.update({"hundred": 100.0, "single": 1.0, "another": 1.0})
FRACTION_WORDS: dict[str, float] = {
    "half": 0.5,
    "halves": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "fourth": 0.25,
    "fourths": 0.25,
    "eighth": 0.125,
}
# Vague counts, read as their usual meaning (documented in the package docstring).
VAGUE: dict[str, float] = {
    "couple": 2.0, "few": 3.0, "several": 3.0, "dozen": 12.0, "pair": 2.0,
    "stack": 3.0,  # "a stack of pancakes": a diner's stack is three
}  # fmt: skip
ARTICLES: frozenset[str] = frozenset({"a", "an"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed amount: value, index after it, and whether it was only "a"/"an"."""

    value: float
    end: int
    article: bool = False


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if i < len(tokens) else ""


def _word_value(low: str) -> float | None:
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    if "-" in low:
        head, _, tail = low.partition("-")
        if head in _TENS and tail in WORD_NUMBERS and WORD_NUMBERS[tail] < 10:
            return _TENS[head] + WORD_NUMBERS[tail]
        if head in WORD_NUMBERS and tail in FRACTION_WORDS:
            return WORD_NUMBERS[head] * FRACTION_WORDS[tail]
    return None


def number_at(tok: Token) -> float | None:
    """A token's value as a number, in digits or words ("3", "three", "twenty-five")."""
    if tok.kind == "num":
        return tok.value
    return _word_value(tok.low) if tok.kind == "word" else None


def _skip_of(tokens: list[Token], i: int) -> int:
    """Skip "of" and "of a/an" after a fraction or vague count ("half of a sandwich")."""
    if _low(tokens, i) == "of":
        i += 1
        if _low(tokens, i) in ARTICLES:
            i += 1
    return i


def _fraction_tail(tokens: list[Token], i: int) -> tuple[float, int]:
    """Read "and a half" / "and 1/2" / "½" after a whole number; (0, i) when absent."""
    tok = tokens[i] if i < len(tokens) else None
    if tok is not None and tok.kind == "num" and tok.value is not None and tok.value < 1:
        return tok.value, i + 1
    if _low(tokens, i) == "and":
        nxt = _low(tokens, i + 1)
        if nxt in ARTICLES | {"one"} and _low(tokens, i + 2) in FRACTION_WORDS:
            return FRACTION_WORDS[_low(tokens, i + 2)], i + 3
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and after.kind == "num" and after.value is not None:
            if after.value < 1:
                return after.value, i + 2
    return 0.0, i


def _range_tail(tokens: list[Token], i: int, first: float) -> tuple[float, int]:
    """Read "-3" / "to 3" / "or 3" after a number and return the mid-point."""
    if _low(tokens, i) in {"-", "to", "or"} and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        second = nxt.value if nxt.kind == "num" else _word_value(nxt.low)
        if second is not None and second > first:
            return (first + second) / 2, i + 2
    return first, i


def _after_article(tokens: list[Token], i: int) -> Quantity:
    nxt = _low(tokens, i + 1)
    if nxt in VAGUE:
        value = VAGUE[nxt]
        return Quantity(value, _skip_of(tokens, i + 2))
    if nxt in FRACTION_WORDS:
        if _low(tokens, i + 2) == "dozen":
            return Quantity(6.0, _skip_of(tokens, i + 3))
        return Quantity(FRACTION_WORDS[nxt], _skip_of(tokens, i + 2))
    return Quantity(1.0, i + 1, article=True)


def read_quantity(tokens: list[Token], i: int) -> Quantity | None:
    """Read a quantity starting at ``tokens[i]``, or None when there is none."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    low = tok.low
    if low in ARTICLES:
        return _after_article(tokens, i)
    if tok.kind == "num" and tok.value is not None:
        if 0 < tok.value < 1 and _low(tokens, i + 1) in ARTICLES:  # "1/2 a cup", as "half a"
            if _low(tokens, i + 2) == "dozen":
                return Quantity(tok.value * 12, _skip_of(tokens, i + 3))
            return Quantity(tok.value, _skip_of(tokens, i + 2))
        frac, j = _fraction_tail(tokens, i + 1)
        if frac:
            return Quantity(tok.value + frac, j)
        value, j = _range_tail(tokens, i + 1, tok.value)
        return Quantity(value, j)
    if low in FRACTION_WORDS and low.startswith("half"):
        if _low(tokens, i + 1) in ARTICLES and _low(tokens, i + 2) == "dozen":
            return Quantity(6.0, _skip_of(tokens, i + 3))
        j = i + 1
        if _low(tokens, j) in ARTICLES:
            j += 1
        return Quantity(0.5, _skip_of(tokens, j))
    if low in VAGUE:
        return Quantity(VAGUE[low], _skip_of(tokens, i + 1))
    word = _word_value(low)
    if word is None:
        return None
    if _low(tokens, i + 1) in FRACTION_WORDS:
        return Quantity(word * FRACTION_WORDS[_low(tokens, i + 1)], _skip_of(tokens, i + 2))
    if _low(tokens, i + 1) == "dozen":
        return Quantity(word * 12, _skip_of(tokens, i + 2))
    frac, j = _fraction_tail(tokens, i + 1)
    if frac:
        return Quantity(word + frac, j)
    word, j = _range_tail(tokens, i + 1, word)
    return Quantity(word, j)


def fold_fraction_after_unit(tokens: list[Token]) -> list[Token]:
    """Read "a cup and a half" as "1.5 cup": the fraction trails the unit it adds to.

    Left alone, the "and" starts a new item: "a cup and a half of milk" was half a milk.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        whole = 1.0 if tok.low in ARTICLES else number_at(tok)
        unit = (read_measure(tokens, i + 1) or read_serving(tokens, i + 1)) if whole else None
        frac, end = _fraction_tail(tokens, unit.end) if unit else (0.0, i)
        if whole is None or unit is None or not frac or _low(tokens, unit.end) != "and":
            out.append(tok)
            i += 1
            continue
        value = whole + frac
        number = Token(f"{value:g}", f"{value:g}", tok.start, tok.end, "num", value)
        out += [number, *tokens[i + 1 : unit.end]]
        i = end
    return out
