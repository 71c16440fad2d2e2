"""Step 4 of resolution: how big a glass, bowl, plate or handful of a food is.

Vague vessels have no USDA weight of their own, so a curated table gives each
one a volume ("a glass = 8 fl oz") or a mass ("a handful of nuts = 1 oz"),
keyed by food keyword with catch-all ``*`` rows. The volume is then weighed
with the food's own measures or density by the resolver.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .keywords import Keyword, KeywordIndex, read_table
from .units import GRAMS_PER_UNIT, ML_PER_UNIT, normalize_unit


@dataclass(frozen=True, slots=True)
class VesselSize:
    """One vessel size: ``amount`` of ``amount_unit`` (a volume or a mass unit)."""

    keyword: Keyword
    unit: str
    amount: float
    amount_unit: str
    basis: str

    @property
    def ml(self) -> float | None:
        """The vessel's volume, or ``None`` when it is given as a mass."""
        factor = ML_PER_UNIT.get(self.amount_unit)
        return self.amount * factor if factor is not None else None

    @property
    def grams(self) -> float | None:
        """The vessel's mass, or ``None`` when it is given as a volume."""
        factor = GRAMS_PER_UNIT.get(self.amount_unit)
        return self.amount * factor if factor is not None else None

    def describe(self) -> str:
        """Write the row as "1 bowl ≈ 2 cup (basis)"."""
        unit = self.amount_unit.replace("_", " ")
        return f"1 {self.unit} ≈ {self.amount:g} {unit} ({self.basis})"


@lru_cache(maxsize=1)
def vessel_table() -> tuple[VesselSize, ...]:
    """Load ``data/category_defaults.csv`` once; unknown units fail loudly."""
    rows = []
    for row in read_table("category_defaults.csv"):
        amount_unit = normalize_unit(row["amount_unit"]) or ""
        if amount_unit not in ML_PER_UNIT and amount_unit not in GRAMS_PER_UNIT:
            raise ValueError(f"category_defaults.csv: unknown unit {row['amount_unit']!r}")
        rows.append(
            VesselSize(
                Keyword.parse(row["keyword"]),
                normalize_unit(row["unit"]) or "",
                float(row["amount"]),
                amount_unit,
                row["basis"],
            )
        )
    return tuple(rows)


@lru_cache(maxsize=64)
def _index(unit: str) -> KeywordIndex[VesselSize]:
    return KeywordIndex((v.keyword, v) for v in vessel_table() if v.unit == unit)


@lru_cache(maxsize=8192)
def find_vessel(
    unit: str, name_tokens: frozenset[str], category_tokens: frozenset[str], wildcard: bool
) -> VesselSize | None:
    """Return the vessel size for ``unit`` and this food.

    With ``wildcard`` False only keyword rows count, matched on the food name
    first and its category second; with ``wildcard`` True only the ``*`` rows.
    """
    if wildcard:
        return next((v for v in vessel_table() if v.unit == unit and v.keyword.text == "*"), None)
    for tokens in (name_tokens, category_tokens):
        for _, vessel in _index(unit).matches(tokens):
            if vessel.keyword.text != "*":
                return vessel
    return None
