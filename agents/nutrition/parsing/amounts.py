"""Read the amount phrase that opens an item ("a generous 250g portion of", "two 12-oz cans of").

The result distinguishes a count ("two"), measures ("250 g", "a cup") and a serving word
("portion", "bottle"), so the tagger can decide which one is the item's unit and which
explicit mass or volume applies to the whole item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agents.nutrition.parsing.inches import is_inches
from agents.nutrition.parsing.lexicon_food import SIZE_KEEP_IN_FOOD, SIZE_PAIRS, SIZES
from agents.nutrition.parsing.numbers import read_quantity
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.units import read_measure, read_serving
from agents.nutrition.parsing.wordclass import DETERMINERS, is_modifier

_FILLER_NOUNS = frozenset(
    {
        "combo",
        "combination",
        "mix",
        "variety",
        "selection",
        "assortment",
        "touch",
        "bit",
        "little",
        "amount",
        "snack",
        "treat",
        "blend",
        "medley",
        "taste",
        "nibble",
        "spread",
        "layer",
        "smear",
        "dab",
        "swirl",
        "sprinkling",
        "meal",
        "feast",
        "lot",
        "lots",
        "plenty",
        "ton",
        "tons",
    }
)
VAGUE_AMOUNTS = frozenset({"bit", "little", "amount", "lot", "lots", "plenty", "ton", "tons"})
"""Fillers that are themselves the amount, said vaguely: "a small amount of butter" and "a
little bit of rice" say how much, not the size of the food ("small" had made the butter one
small container and the cheese a small package of cream cheese); "a lot of pasta" is no count
of one. The amount stays unstated, so USDA's typical amount applies."""


_OF = frozenset({"of", "with", "featuring", "including", "consisting", "that"})
_AFTER_UNIT = frozenset({"of", "filled", "full", "containing"})


@dataclass(frozen=True, slots=True)
class Measure:
    """A measured amount: value in ``unit``; ``per_item`` when it sizes each counted item."""

    value: float
    unit: str
    per_item: bool
    counted: bool = False


@dataclass(slots=True)
class Amount:
    """Everything stated before the food words."""

    count: float | None = None
    measures: list[Measure] = field(default_factory=list)
    serving: str | None = None
    size: str | None = None
    inches: float | None = None
    adjectives: list[Token] = field(default_factory=list)
    end: int = 0


def _size_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    low = tokens[i].low
    if i + 1 < len(tokens) and (low, tokens[i + 1].low) in SIZE_PAIRS:
        return SIZE_PAIRS[(low, tokens[i + 1].low)], 2
    if low in SIZES and low not in SIZE_KEEP_IN_FOOD:
        return SIZES[low], 1
    if low.endswith(("-size", "-sized")):
        return low.removesuffix("d"), 1  # "child-sized", "senior-size"
    return None, is_modifier(tokens, i) if low not in SIZE_KEEP_IN_FOOD else 0


def _little_amount(tokens: list[Token], i: int) -> bool:
    """Whether "a little" before ``tokens[i]`` is an amount of the food that follows.

    Not before a unit or filler ("a little bag of chips", "a little bit of rice").
    """
    if i >= len(tokens) or tokens[i].kind != "word":
        return False
    return not _is_unit_at(tokens, i) and tokens[i].low not in _FILLER_NOUNS


def _is_unit_at(tokens: list[Token], i: int) -> bool:
    if i >= len(tokens):
        return False
    measure = read_measure(tokens, i)
    return (measure is not None and measure.is_measure) or read_serving(tokens, i) is not None


def _unit_soon(tokens: list[Token], i: int) -> bool:
    """A unit (or number + unit) within three tokens: "light 57g", "fast food order of"."""
    for j in (i, i + 1, i + 2):
        if j < len(tokens) and tokens[j].kind == "num":
            return _is_unit_at(tokens, j + 1)
        unit = read_serving(tokens, j) or read_measure(tokens, j)
        if unit is not None:
            return unit.end < len(tokens) and tokens[unit.end].low in _AFTER_UNIT
        if j < len(tokens) and tokens[j].low in _FILLER_NOUNS:
            return j + 1 < len(tokens) and tokens[j + 1].low in _OF
    return False


def read_amount(tokens: list[Token]) -> Amount:
    """Parse the leading amount phrase of an item's tokens.

    A number directly before a unit belongs to that unit ("250 g", "a cup"); a number
    before anything else is the item count ("two eggs", "a 102 g frankfurter": count 1).
    A measure written between the count and the serving word sizes each counted item.
    """
    out = Amount()
    pending: float | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        size, width = _size_at(tokens, i)
        if tok.low == "little" and out.count == 1.0 and _little_amount(tokens, i + 1):
            out.count, pending = None, None  # "a little rice": some rice, not a small one
            i += 1
        elif is_inches(tok):
            out.inches = out.inches or tok.value
            i += 1
        elif width:
            out.size = out.size or size
            i += width
        elif tok.low in DETERMINERS or tok.low in {"-", ",", "/", "containing"}:
            i += 1
        elif tok.low == "whole" and _is_unit_at(tokens, i + 1):
            i += 1  # "a whole cup": all of the unit, not whole milk
        elif out.serving and tok.low in {"from", "filled", "full", "with"}:
            i += 1  # "a splash from a container of", "a container filled with"
        elif out.serving and (unit := read_serving(tokens, i)) is not None:
            i = unit.end  # the second serving word of "a splash from a container of"
        elif tok.low in _FILLER_NOUNS and i + 1 < len(tokens) and tokens[i + 1].low in _OF:
            out.count, pending = None, None  # "a classic combo of a small order of fries"
            if tok.low in VAGUE_AMOUNTS:
                out.size = None
            i += 2
        elif (measure := read_measure(tokens, i)) is not None and measure.is_measure:
            counted = pending is None
            if pending is None:
                value, per_item, out.count = out.count or 1.0, False, None
            else:
                value, per_item = pending, out.count is not None and out.serving is None
            after = tokens[measure.end].low if measure.end < len(tokens) else ""
            if per_item and after == "of" and out.count == 1.0:
                per_item, out.count = False, None  # "a refreshing 248g of milk"
            out.measures.append(Measure(value, measure.unit, per_item, counted))
            pending, i = None, measure.end
        elif out.serving is None and (serving := read_serving(tokens, i)) is not None:
            if pending is not None:
                out.count = pending
            out.serving, pending, i = serving.unit, None, serving.end
        elif (qty := read_quantity(tokens, i)) is not None:
            if _is_unit_at(tokens, qty.end) or (
                qty.end < len(tokens) and tokens[qty.end].low == "-"
            ):
                if pending is not None:
                    out.count = pending
                pending = qty.value
            elif out.serving is not None and qty.article:
                pass  # "a glass of a nice red wine"
            elif tok.kind == "num" and out.count is not None:
                break  # "a 3 Musketeers bar": the number is part of the name
            elif out.serving is not None:
                out.serving, out.count = None, qty.value  # "a package containing two tarts"
            else:
                out.count = qty.value
            i = qty.end
        elif tok.kind == "word" and _unit_soon(tokens, i + 1):
            out.adjectives.append(tok)  # "a cold can of", "a fast food order of"
            i += 1
        else:
            break
    if pending is not None and out.count is None:
        out.count = pending
    out.end = i
    return out
