"""Read a USDA household-measure description into unit, size and volume parts.

SR28 WEIGHT writes "cup, mashed" beside a separate amount; FNDDS writes
"1 bottle (16.9 fl oz or 500 ml)" or "Quantity not specified". Both become a
:class:`Measure` that the matcher can compare with what the user said. Parsing
is cached per record because the same foods come back meal after meal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from store.records import PortionRecord

from .keywords import fold
from .sizes import SIZE_PATTERN, normalize_size
from .units import COUNT_UNITS, GRAMS_PER_UNIT, ML_PER_UNIT
from .units import normalize_unit as _unit

_NUMBER = r"(?:\d+(?:\.\d+)?(?:\s+\d+/\d+|/\d+|-\d+/\d+)?|\.\d+)"
_AMOUNT = re.compile(rf"^\s*({_NUMBER})(?=[\s,]|$)\s*")
_PARENS = re.compile(r"\(([^)]*)\)")
_INCH_SUB = re.compile(r"^(6|12) inch sub\b", re.IGNORECASE)
"""SR28's fast-food subs are measured "6 inch sub" and "12 inch sub": one regular sub, one
footlong, not six or twelve of something."""
_FLUID = re.compile(r"\bfl\.?\s*oz\b\.?|\bfluid ounces?\b")
_SHARE = re.compile(r"\b\d+/\d+ of\b")
_WHOLE_PAN = re.compile(r'\d+"\s*pan\b|\bwhole item\b')
"""A "square" that is the whole baked pan: "1 square cornbread (8" pan)" (541 g), "1 cake square
(average weight of whole item)". Its shape, not a square cut from it."""
_CUBIC = re.compile(r"\bcubic inch(?:es)?\b")
"""FNDDS weighs solid cheese and desserts by the cubic inch (Cheddar 17 g)."""
_EMBEDDED_VOLUME = re.compile(rf"({_NUMBER})\s*(fl_oz|fo|ml|cups?|liters?|l)\b")
_EMBEDDED_MASS = re.compile(rf"{_NUMBER}\s*(?:oz|lb|g)\b")
_TOKEN = re.compile(r"[a-z_]+")
_CAPITALIZED = re.compile(r"(?<![\w'])[A-Z][a-z]+\b")
"""A capitalised word inside a description is part of a product's name, never a size."""
_FILLERS: Final = frozenset(
    "or and of as to ns nfs any size approx about dia long inch with without the a per "
    "from individual single type s".split()
)
_FLAGS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\byields?\b(?!\s+after cooking)"), "yields"),
    (re.compile(r"\bcrust not eaten\b"), "crust"),
    (re.compile(r"\bwith ice\b|\bcup ice\b|\bice cube"), "ice"),
    (re.compile(r"\brefuse\b"), "refuse"),
    (re.compile(r"\bdry\b"), "dry"),
    (re.compile(r"\b(mashed|pureed|melted|whipped|crushed|ground|condensed)\b"), "form"),
)
_IDENTITY_LIMIT = 4096
_BY_IDENTITY: dict[int, tuple[tuple[PortionRecord, ...], tuple[Measure, ...]]] = {}
FLAG_WEIGHTS: Final[dict[str, int]] = {"yields": 3, "crust": 3, "ice": 3, "refuse": 3, "dry": 2}
"""How strongly each qualifier argues against a measure (other forms weigh 1).

A flag is kept as ``(word, weight)``; the word waives it when the food's own
name contains it ("Potatoes, mashed" may well be measured "1 cup, mashed").
"""


@dataclass(frozen=True, slots=True, eq=False)
class Measure:
    """One household measure, parsed. ``grams`` covers ``amount`` of it.

    Compared and hashed by identity: parsing is cached, so equal records share
    one instance, and matchers can memoize on tuples of measures cheaply.
    """

    label: str
    amount: float
    grams: float
    seq: int
    volume_unit: str | None
    volume_ml: float | None
    embedded: bool
    mass: bool
    units: frozenset[str]
    sizes: frozenset[str]
    words: frozenset[str]
    flags: frozenset[tuple[str, int]]
    qns: bool
    skip: bool
    alternates: tuple[tuple[str, float], ...] = ()
    """Units an "or" alternative counts on its own: "1 large piece or 2 squares" (square, 2)."""

    def amount_of(self, unit: str | None) -> float:
        """How many of ``unit`` the measure's grams cover: 2 squares of "... or 2 squares"."""
        return next((n for u, n in self.alternates if u == unit), self.amount)


def is_share(label: str) -> bool:
    """Whether a measure is a share of a whole ("1 piece (1/12 of 9" dia)", "1/8 of 12" pizza")."""
    return bool(_SHARE.search(label))


def parse_number(text: str) -> float:
    """Read "1", ".5", "1/2", "1 1/2" or "2-1/2" as a float."""
    text = text.strip()
    for sep in (" ", "-"):
        whole, found, frac = text.partition(sep)
        if found and "/" in frac:
            return float(whole) + parse_number(frac)
    if "/" in text:
        num, _, den = text.partition("/")
        return float(num) / float(den) if float(den) else 0.0
    return float(text)


def parse_measures(portions: Sequence[PortionRecord]) -> tuple[Measure, ...]:
    """Parse a food's portion records, dropping unusable ones.

    A tuple of records (``FoodRecord.portions``) is immutable, so its result is
    remembered by identity while the cache holds the tuple itself.
    """
    if isinstance(portions, tuple):
        hit = _BY_IDENTITY.get(id(portions))
        if hit is not None and hit[0] is portions:
            return hit[1]
    measures = tuple(m for m in map(parse_measure, portions) if not m.skip)
    if isinstance(portions, tuple):
        if len(_BY_IDENTITY) >= _IDENTITY_LIMIT:
            _BY_IDENTITY.clear()
        _BY_IDENTITY[id(portions)] = (portions, measures)
    return measures


_OR_AMOUNT = re.compile(rf"\bor\s+({_NUMBER})\s+([^(]*?)(?=\s+or\b|\(|$)")


def _count_word(token: str) -> str:
    """A unit's own spelling, else the word folded as the parser reads it ("squares": square)."""
    unit = _unit(token) or token
    return fold(token) if unit == token else unit


def _alternates(rest: str) -> tuple[tuple[str, float], ...]:
    """Count units named only in an "or N ..." alternative, with their own number."""
    first = re.split(r"\bor\b", rest, maxsplit=1)[0]
    named = {_count_word(t) for t in _TOKEN.findall(first)}
    found: dict[str, float] = {}
    for number, words in _OR_AMOUNT.findall(rest):
        for token in _TOKEN.findall(SIZE_PATTERN.sub(" ", words)):
            unit = _count_word(token)
            if token in _FILLERS or unit in ML_PER_UNIT or unit in GRAMS_PER_UNIT:
                continue  # "(16.9 fl oz or 500 ml)": a volume, no count of its own
            if unit not in named:
                found.setdefault(unit, parse_number(number))
    return tuple(found.items())


def _sub_size(found: re.Match[str]) -> str:
    return "1 regular sandwich" if found.group(1) == "6" else "1 footlong sandwich"


@lru_cache(maxsize=16384)
def parse_measure(record: PortionRecord) -> Measure:
    """Parse one portion record; unusable ones (guidelines, zero grams) get ``skip``."""
    original = " ".join(record.description.split())
    description = _INCH_SUB.sub(_sub_size, original)
    lower = description.lower()
    match = _AMOUNT.match(description)
    if match:
        amount, rest, label = parse_number(match.group(1)), lower[match.end() :], description
    else:
        amount = record.amount if record.amount > 0 else 1.0
        rest, label = lower, f"{amount:g} {description}"
    qns = lower.startswith("quantity not specified")
    skip = record.gram_weight <= 0 or lower.startswith("guideline") or amount <= 0
    label = description if qns or skip else label
    label = original if description != original else label  # provenance quotes USDA
    rest = _CUBIC.sub(" cubic_inch ", _FLUID.sub(" fl_oz ", rest))
    inner = " ".join(_PARENS.findall(rest))
    head = _PARENS.sub(" ", rest)
    embedded = _EMBEDDED_VOLUME.search(head) or _EMBEDDED_VOLUME.search(inner)
    head = _EMBEDDED_MASS.sub(" ", _EMBEDDED_VOLUME.sub(" ", head))
    sizes: set[str] = set()

    named = {w.lower() for w in _CAPITALIZED.findall(description)}

    def _size(found: re.Match[str]) -> str:
        if found.group(1) in named:  # "1 McDonald's Big Mac", "1 Little Debbie": a name
            return found.group(0)
        sizes.add(normalize_size(found.group(1)) or "")
        return " "

    tokens = _TOKEN.findall(SIZE_PATTERN.sub(_size, head))
    first = _unit(tokens[0]) if tokens else None
    volume_unit = first if first in ML_PER_UNIT else None
    volume_ml: float | None = amount * ML_PER_UNIT[first] if volume_unit and first else None
    if volume_ml is None and embedded is not None:
        spec_unit = _unit(embedded.group(2).rstrip("s")) or "ml"
        volume_ml = amount * parse_number(embedded.group(1)) * ML_PER_UNIT.get(spec_unit, 1.0)
    units = {u for t in tokens if (u := _unit(t)) in COUNT_UNITS}
    if _WHOLE_PAN.search(inner):
        units.discard("square")
    words = {fold(t) for t in tokens if t not in _FILLERS and _unit(t) not in COUNT_UNITS}
    flags = frozenset(
        (fold(m.group(1)) if name == "form" else fold(name), FLAG_WEIGHTS.get(name, 1))
        for rx, name in _FLAGS
        if (m := rx.search(lower))
    )
    return Measure(
        label=label,
        amount=amount,
        grams=record.gram_weight,
        seq=record.seq,
        volume_unit=volume_unit,
        volume_ml=volume_ml,
        embedded=volume_unit is None and volume_ml is not None,
        mass=first in GRAMS_PER_UNIT,
        units=frozenset(units),
        sizes=frozenset(sizes - {""}),
        words=frozenset(words) if volume_unit is None else frozenset(),
        flags=flags,
        qns=qns,
        skip=skip,
        alternates=_alternates(rest) if " or " in rest else (),
    )
