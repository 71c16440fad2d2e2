"""Step 3 of resolution: volume to mass through a curated density table.

Each factor is a USDA household measure of a representative food ("milk: 1 cup
= 244 g, SR28 01077"), so a volume of a food without its own measures still
gets a figure that can be traced to the release it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .keywords import Keyword, KeywordIndex, read_table
from .measures import parse_number
from .units import ML_PER_UNIT, normalize_unit


@dataclass(frozen=True, slots=True)
class Density:
    """Grams per millilitre of the foods a keyword names, with its USDA source."""

    keyword: Keyword
    volume: str
    grams: float
    ml: float
    source: str

    @property
    def g_per_ml(self) -> float:
        """The factor itself."""
        return self.grams / self.ml

    def describe(self, ml: float) -> str:
        """Say which table row converted ``ml`` and where its figure comes from."""
        name = self.keyword.text.split("|")[0].split(" !")[0]
        return (
            f"density table: {name} {self.g_per_ml:.3f} g/ml "
            f"(USDA {self.source} = {self.grams:g} g) × {ml:.4g} ml"
        )


def volume_ml(text: str) -> float:
    """Read a table volume such as "1 cup", "0.5 cup" or "1 fl oz" in millilitres."""
    number, _, unit = text.strip().partition(" ")
    canonical = normalize_unit(unit)
    if canonical not in ML_PER_UNIT:
        raise ValueError(f"not a volume: {text!r}")
    return parse_number(number) * ML_PER_UNIT[canonical]


@lru_cache(maxsize=1)
def density_table() -> tuple[Density, ...]:
    """Load ``data/densities.csv`` once."""
    return tuple(
        Density(
            keyword=Keyword.parse(row["keyword"]),
            volume=row["volume"],
            grams=float(row["grams"]),
            ml=volume_ml(row["volume"]),
            source=row["source"],
        )
        for row in read_table("densities.csv")
    )


@lru_cache(maxsize=1)
def _index() -> KeywordIndex[Density]:
    return KeywordIndex((d.keyword, d) for d in density_table())


def find_density(tokens: frozenset[str]) -> Density | None:
    """Return the most specific density row for a food's name tokens, if any."""
    hits = _index().matches(tokens)
    return hits[0][1] if hits else None
