"""The two inputs of a resolution, normalized once: the food and the request.

Every resolution step reads the same folded name tokens, parsed measures and
canonical unit/size, so they are built here once per call instead of per step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.records import PortionRecord

from .keywords import food_tokens, head_token
from .measures import Measure, parse_measures
from .models import AmountSpec
from .sizes import normalize_size, size_label
from .units import normalize_unit


@dataclass(frozen=True, slots=True)
class Food:
    """A food as the resolver sees it: name tokens, category tokens, usable measures, head noun."""

    name: str
    tokens: frozenset[str]
    category_tokens: frozenset[str]
    measures: tuple[Measure, ...]
    head: str | None = None

    @classmethod
    def build(cls, name: str, category: str | None, portions: Sequence[PortionRecord]) -> Food:
        """Fold the name and parse every portion record, dropping unusable ones."""
        tokens, measures = food_tokens(name), parse_measures(portions)
        return cls(name, tokens, food_tokens(category), measures, head_token(name))


@dataclass(frozen=True, slots=True)
class Request:
    """The stated amount with a quantity of 1 filled in when none was said.

    ``said`` holds the folded words the user named the food with.
    """

    quantity: float
    stated: bool
    unit: str | None
    size: str | None
    said: frozenset[str] = frozenset()
    inches: float | None = None

    @classmethod
    def build(cls, spec: AmountSpec) -> Request:
        """Canonicalize unit and size; "each" and no unit both mean whole items."""
        counted = spec.quantity is not None and spec.quantity > 0
        quantity = spec.quantity if counted and spec.quantity is not None else 1.0
        stated = counted or spec.mass_g is not None or spec.volume_ml is not None
        unit, size = normalize_unit(spec.unit), normalize_size(spec.size)
        return cls(quantity, stated, unit, size, food_tokens(spec.named), spec.inches)

    @property
    def counts_items(self) -> bool:
        """True when the amount counts whole items ("2 eggs", "a large banana")."""
        return self.unit in (None, "each")

    def text(self) -> str:
        """The request in words, for details and labels ("2 large each" -> "2 large")."""
        parts = [f"{self.quantity:g}"]
        if self.size:
            parts.append(size_label(self.size))
        if self.unit and self.unit != "each":
            parts.append(self.unit.replace("_", " "))
        return " ".join(parts)
