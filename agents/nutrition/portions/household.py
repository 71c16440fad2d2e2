"""Step 2 of resolution: match the stated amount to the food's own USDA measures.

Two matchers, one per kind of amount. Volumes compare millilitres, so "1 tbsp"
can be read off a "1 cup" measure (÷16) or "1 cup" off "1 fl oz (no ice)".
Counts compare the unit word and the size ("2 large" ↔ "large", "1 slice" ↔
"1 medium or regular slice"). Both return every usable measure, best first,
so the runner-up readings become the estimate's alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from .keywords import fold, food_tokens
from .measures import Measure, is_share
from .sizes import SIZE_RANK
from .units import UNIT_EQUIVALENTS, WHOLE_UNITS

_RANKING = itemgetter(0, 1, 2)
_COUNT_RANKING = itemgetter(0, 1, 2, 3, 4)
_NOT_SPECIFIED = re.compile(r"\bNFS\b|\bNS as to\b")
"""USDA's "1 bottle, NFS", "1 pretzel, NS as to size": the measure for an unstated size."""
WHOLE_WORDS = frozenset({"whole", "fruit", "full"})
"""Measure words that mean one whole item: "1 fruit", "1 whole", "1 full circle"."""
WHOLE_MEALS = frozenset({"meal", "dinner", "entree", "platter"})
"""Measures of a whole plate ("1 meal (11 oz)" of a frozen fried-chicken dinner)."""
MADE_OF_COUNTED = frozenset({"omelet", "omelette", "frittata", "quiche"})
"""Dishes USDA measures by what went in ("1 egg" of an omelet), not by the dish."""


class Candidate(NamedTuple):
    """A measure read as the stated amount: ``grams = measure.grams × factor``.

    A named tuple rather than a dataclass: matchers build one per measure per
    call, and tuple construction is the cheapest Python offers.
    """

    measure: Measure
    factor: float
    size_gap: float = 0.0

    @property
    def grams(self) -> float:
        """The grams this reading gives for the whole stated amount."""
        return self.measure.grams * self.factor

    @property
    def label(self) -> str:
        """The measure as written, prefixed by the multiplier when it is not 1."""
        if abs(self.factor - 1.0) < 1e-9:
            return self.measure.label
        return f"{self.factor:.4g} × {self.measure.label}"

    def describe(self) -> str:
        """Say which measure gave the grams and how it was scaled."""
        return f"USDA measure '{self.measure.label}' = {self.measure.grams:g} g × {self.factor:.4g}"


def penalty(measure: Measure, tokens: frozenset[str]) -> int:
    """Sum the qualifier flags ("yields", "with ice", "mashed") the food name does not waive."""
    if not measure.flags:
        return 0
    return sum(weight for word, weight in measure.flags if word not in tokens)


def volume_candidates(
    measures: tuple[Measure, ...], ml: float, unit: str | None, tokens: frozenset[str]
) -> list[Candidate]:
    """Measures that carry a volume, best first: clean qualifiers, same unit, USDA order.

    A volume only found inside a container's description ("1 bottle (20 fl oz)")
    is used when the food has no plain volume measure at all.
    """
    return [Candidate(m, ml / (m.volume_ml or ml)) for m in _rank_volumes(measures, unit, tokens)]


BLOCK_UNITS = frozenset({None, "cubic_inch"})
"""A cubic inch is a solid block: it weighs a spoonful of shredded cheese only as a last
resort (Cheddar is 17 g a cubic inch, 7 g a tablespoon shredded)."""


@lru_cache(maxsize=8192)
def _rank_volumes(
    measures: tuple[Measure, ...], unit: str | None, tokens: frozenset[str]
) -> tuple[Measure, ...]:
    usable = [m for m in measures if m.volume_ml and not (m.skip or m.qns)]
    plain = [m for m in usable if not m.embedded]
    scored = []
    for m in plain or usable:
        rank = 0 if m.volume_unit == unit else 1 if m.volume_unit not in BLOCK_UNITS else 2
        scored.append((penalty(m, tokens), rank, m.seq, m))
    scored.sort(key=_RANKING)
    return tuple(m for _, _, _, m in scored)


PERSONAL = "personal"
"""Where a food comes in a personal size, the others are for sharing."""


def size_gap(sizes: frozenset[str], target: str | None, explicit: bool) -> float:
    """How far a measure's sizes are from the wanted one (0 = same, 3 = unrelated).

    An unsized measure ("1 egg") fits any request, but a stated size prefers a
    measure that names it. Without a stated size the target is medium.
    """
    if not sizes:
        return 0.5 if explicit else 0.0
    wanted = target or "medium"
    if wanted in sizes:
        return 0.0
    rank = SIZE_RANK.get(wanted)
    gaps = [abs(SIZE_RANK[s] - rank) for s in sizes if s in SIZE_RANK] if rank is not None else []
    return float(min(gaps)) if gaps else 3.0


def _countable(
    measure: Measure, tokens: frozenset[str], said: frozenset[str] = frozenset()
) -> bool:
    """True for "1 large", "1 egg", "1 fruit", "1 item, any size": one whole piece of the food."""
    if "each" in measure.units:
        return True
    if measure.units or _counts_an_ingredient(measure, tokens, said):
        return False
    if any(flag == "yield" for flag, _ in measure.flags):  # the juice one fruit yields
        return bool(measure.words & tokens)  # is no glass of it: "juice of 1 lemon" says so
    return not measure.words or bool(measure.words & (tokens | WHOLE_WORDS))


def _counts_an_ingredient(measure: Measure, tokens: frozenset[str], said: frozenset[str]) -> bool:
    """Whether the measure counts what went into the dish the user named.

    "1 egg" of "Egg omelet ..., with cheese" counts its eggs: an omelet named without
    saying egg is no one egg ("3 egg omelet" and "2 eggs" say it).
    """
    words = measure.words - WHOLE_WORDS
    dish_named = bool(said & tokens & MADE_OF_COUNTED)
    return dish_named and len(words) == 1 and words <= tokens and not words & said


SERVED_UNITS = frozenset({"serving", "patty"})
SERVED_WORDS = frozenset({"sandwich"})
"""A fast-food record's measure of one item as served, whatever its name calls the food."""


def _one_served(measure: Measure) -> bool:
    """One item as a restaurant serves it, for a record with no plainer way to count it.

    "1 sandwich" (an Egg McMuffin), "1 serving 1 patty" (a hash brown), "1 medium serving".
    """
    named = bool(measure.units or measure.words)
    return named and measure.units <= SERVED_UNITS and measure.words <= SERVED_WORDS


def _packaged(measure: Measure) -> bool:
    """True for a whole item sold in its own wrapper: "1 bar king size", "1 large drink"."""
    return bool(measure.units & WHOLE_UNITS)


def count_candidates(
    measures: tuple[Measure, ...],
    quantity: float,
    unit: str | None,
    size: str | None,
    implied_size: str | None,
    tokens: frozenset[str],
    said: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Measures that count pieces of the food, best first: size, then qualifiers, then order.

    ``unit`` None or "each" means whole items; any other count word must appear
    in the measure ("link" ↔ "1 breakfast size link"), else a looser equivalent
    ("slice" ↔ "1 piece, NFS"); a "piece" with no piece measure is first read as
    a whole item ("1 medium breast"). A word that is no unit of ours ("order",
    "sleeve") must appear among the measure's words ("1 small order"). Whole items
    of a stated size may also be read off a wrapped item of that size ("a king-size
    candy bar" ↔ "1 bar king size"), as may items of a food without USDA's typical
    amount. ``implied_size`` stands in for an unstated size. A measure named by the
    user's own words (``said``: "a Little Debbie pie" ↔ "1 Little Debbie") comes first.
    """
    ranked = _rank_counts(measures, unit, size, implied_size, tokens, said, quantity < 1)
    return [Candidate(m, quantity / m.amount_of(unit), gap) for m, gap in ranked]


def _pool(
    measures: tuple[Measure, ...],
    unit: str | None,
    size: str | None,
    tokens: frozenset[str],
    extra: frozenset[str],
    said: frozenset[str] = frozenset(),
) -> list[tuple[Measure, int]]:
    """The measures that can stand for ``unit``, each with its tier (0 = the unit itself).

    ``extra`` are words the user named the food with beyond its USDA name: a wrapped
    item they name ("a Kool-Aid Jammers drink" ↔ "1 Kool-Aid Jammers pouch") counts.
    """
    usable = [m for m in measures if not (m.skip or m.qns or m.mass or m.volume_unit)]
    if unit in (None, "each"):
        pool = [(m, 0) for m in usable if _countable(m, tokens, said)]
        sized_only = pool and all(m.sizes for m, _ in pool)
        if sized_only and not any(size_gap(m.sizes, size, False) == 0 for m, _ in pool):
            # only packs of other sizes ("1 king size"): one piece; a steak's "1 regular"
            # is the steak itself, not its "1 piece/slice" (30 g)
            pool += [(m, 0) for m in usable if "piece" in m.units and not m.sizes]
        wrapped = size is not None or not (pool or any(m.qns for m in measures))
        # only a far size to count by ("1 miniature" for a Reese's cup): its wrapper too
        far = bool(pool) and all(size_gap(m.sizes, None, False) >= 2 for m, _ in pool)
        wrapped = wrapped or far
        pool += [
            (m, 1)
            for m in usable
            if _packaged(m) and not _countable(m, tokens, said) and (wrapped or m.words & extra)
        ]
        if not pool:  # "an Egg McMuffin": SR28's "1 sandwich"; "medium fries": "1 medium serving"
            pool = [(m, 2) for m in usable if _one_served(m)]
        return pool
    pool = [(m, 0) for m in usable if unit in m.units]
    if not pool and unit == "piece":  # a piece is never a whole meal ("1 meal (11 oz)")
        pool = [(m, 0) for m in usable if _countable(m, tokens) and not m.words & WHOLE_MEALS]
    looser = UNIT_EQUIVALENTS.get(unit, frozenset())
    if not pool:
        pool = [(m, 0) for m in usable if m.units & looser]
    elif size is not None:
        pool += [(m, 1) for m in usable if m.units & looser and unit not in m.units]
    if not pool and unit not in UNIT_EQUIVALENTS:
        named = frozenset(fold(word) for word in unit.split("_"))
        pool = [(m, 0) for m in usable if named <= food_tokens(m.label)]
    return pool


@lru_cache(maxsize=8192)
def _rank_counts(
    measures: tuple[Measure, ...],
    unit: str | None,
    size: str | None,
    implied_size: str | None,
    tokens: frozenset[str],
    said: frozenset[str],
    part: bool = False,
) -> tuple[tuple[Measure, float], ...]:
    target = size or implied_size
    explicit = size is not None
    known = tokens | said
    extra = said - tokens - WHOLE_WORDS
    scored = []
    pool = _pool(measures, unit, size, known, extra, said)
    # "a frozen pizza" eaten alone is the personal one, not the medium one a family shares;
    # "a quarter of a pizza" (``part``) is a share of one bigger than that
    personal = any(PERSONAL in m.sizes for m, _ in pool)
    if target is None and not part and unit in (None, "each") and personal:
        target = PERSONAL
    for m, tier in pool:
        named = bool(m.words & extra)
        gap = size_gap(m.sizes, target, explicit) if m.sizes or explicit else 0.0
        cost: float = penalty(m, known) + (len(m.words - known - WHOLE_WORDS) if m.words else 0)
        if named and not explicit:
            # "a Belgian waffle" names "1 thick / Belgian waffle": its size comes with the
            # name; between named measures the usual size still wins ("1 Oreo sandwich"
            # over "1 Oreo mini sandwich" for "an Oreo sandwich cookie")
            cost += gap
            gap = 0.0
        specific = target is None and _NOT_SPECIFIED.search(m.label) is None
        scored.append((gap, tier, not named, cost + specific, m.seq, m))
    scored.sort(key=_COUNT_RANKING)
    return tuple((m, gap) for gap, _, _, _, _, m in scored)


def unspecified_candidate(measures: Sequence[Measure], quantity: float) -> Candidate | None:
    """FNDDS "Quantity not specified": USDA's own amount when none was stated."""
    for measure in measures:
        if measure.qns and not measure.skip:
            return Candidate(measure, quantity / measure.amount)
    return None


def share_candidate(measures: Sequence[Measure]) -> Candidate | None:
    """One piece of a food SR28 weighs whole and by the piece ("1 piece (1/12 of 9" dia)").

    Said with no amount, a cake, pie or melon is a piece of it, not the whole 2-layer cake.
    """
    for measure in measures:
        if is_share(measure.label) and not measure.skip and measure.volume_ml is None:
            return Candidate(measure, 1.0 / measure.amount)
    return None
