"""Step 5 of resolution: a default-serving table for common foods.

When a food's own USDA measures say nothing about the stated unit ("a medium
banana" matched to a banana dish without counts), the table supplies a USDA
figure for a representative food, naming the release row it was copied from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .keywords import Keyword, KeywordIndex, read_table
from .sizes import SIZE_RANK, normalize_size
from .units import ML_PER_UNIT, UNIT_EQUIVALENTS, normalize_unit


@dataclass(frozen=True, slots=True)
class DefaultServing:
    """Grams of one ``unit`` (of ``size``) of the foods ``keyword`` names.

    ``label`` is the row in words ("1 medium banana") for details and alternatives.
    """

    keyword: Keyword
    unit: str
    size: str | None
    grams: float
    source: str
    label: str

    def describe(self, quantity: float) -> str:
        """Say which row gave the grams, its USDA source, and the multiplier."""
        return (
            f"default serving table: {self.label} = {self.grams:g} g "
            f"(USDA {self.source}) × {quantity:g}"
        )


@lru_cache(maxsize=1)
def serving_table() -> tuple[DefaultServing, ...]:
    """Load ``data/default_servings.csv`` once."""
    rows = []
    for row in read_table("default_servings.csv"):
        unit = normalize_unit(row["unit"]) or "each"
        size = normalize_size(row["size"])
        keyword = Keyword.parse(row["food_keyword"])
        rows.append(
            DefaultServing(
                keyword, unit, size, float(row["grams"]), row["source"], _label(keyword, unit, size)
            )
        )
    return tuple(rows)


def _label(keyword: Keyword, unit: str, size: str | None) -> str:
    """Write a row as a person would: "1 medium banana", "1 slice bread"."""
    name = keyword.text.split("|")[0].split(" !")[0]
    size_words = f"{size.replace('_', ' ')} " if size else ""
    unit_words = "" if unit == "each" else f"{unit} "
    return f"1 {size_words}{unit_words}{name}"


@lru_cache(maxsize=1)
def _index() -> KeywordIndex[DefaultServing]:
    return KeywordIndex((row.keyword, row) for row in serving_table())


@lru_cache(maxsize=4096)
def _groups(tokens: frozenset[str], head: str | None) -> tuple[list[DefaultServing], ...]:
    """Rows of every matching keyword, grouped per keyword.

    Keywords that name the food's head noun come first ("candy" before "milk" for
    "Candies, milk chocolate"), then the most specific keyword first.
    """
    groups: dict[str, list[DefaultServing]] = {}
    for _, row in _index().matches(tokens):
        groups.setdefault(row.keyword.text, []).append(row)
    ordered = sorted(groups.values(), key=lambda rows: not rows[0].keyword.names_head(head, tokens))
    return tuple(ordered)


def _pick_size(rows: list[DefaultServing], size: str | None) -> DefaultServing:
    """The row of the stated size, else its nearest ranked size, else the first row."""
    if size is None:
        return rows[0]
    for row in rows:
        if row.size == size:
            return row
    rank = SIZE_RANK.get(size)
    ranked = [r for r in rows if r.size in SIZE_RANK] if rank is not None else []
    if rank is None or not ranked:
        return rows[0]
    return min(ranked, key=lambda r: abs(SIZE_RANK[r.size or ""] - rank))


@lru_cache(maxsize=8192)
def find_serving(
    tokens: frozenset[str], unit: str | None, size: str | None, head: str | None = None
) -> DefaultServing | None:
    """Return the default serving for ``unit`` (None/"each" = one whole item) of this food.

    Whole items come from the first keyword only, falling back to the sizes of its
    first unit ("rice" -> 1 cup, "a bun-size sausage" -> 1 bun-size link); when the
    food's ``head`` noun is known that keyword must
    name it (a medium egg is no size for an egg burrito). A named unit may come
    from a less specific keyword or a looser unit ("piece" -> a "slice" row).
    """
    groups = _groups(tokens, head)
    if not groups:
        return None
    if unit in (None, "each"):
        first = groups[0]
        if head is not None and not first[0].keyword.names_head(head, tokens):
            return None
        items = [r for r in first if r.unit == "each"] or [
            r for r in first if r.unit == first[0].unit
        ]
        return _pick_size(items, size)
    for wanted in (frozenset({unit}), UNIT_EQUIVALENTS.get(unit, frozenset())):
        for rows in groups:
            matching = [r for r in rows if r.unit in wanted]
            if matching:
                return _pick_size(matching, size)
    return None


@lru_cache(maxsize=4096)
def find_volume_serving(tokens: frozenset[str], head: str | None = None) -> DefaultServing | None:
    """Return the first row measured by volume (cup, tbsp...), for g/ml."""
    for rows in _groups(tokens, head):
        for row in rows:
            if row.unit in ML_PER_UNIT:
                return row
    return None


@lru_cache(maxsize=8192)
def serving_options(
    tokens: frozenset[str], unit: str | None, size: str | None, head: str | None = None
) -> tuple[DefaultServing, ...]:
    """The row :func:`find_serving` picks, then the other sizes of that keyword and unit."""
    chosen = find_serving(tokens, unit, size, head)
    if chosen is None:
        return ()
    siblings = [
        row
        for row in serving_table()
        if row.keyword.text == chosen.keyword.text and row.unit == chosen.unit and row != chosen
    ]
    return (chosen, *siblings)
