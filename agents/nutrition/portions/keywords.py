"""Food-name keywords for the curated tables, and the loader those tables share.

A table row names foods by keyword expressions such as ``"rice !raw"`` or
``"pasta|spaghetti"``: alternatives split by ``|``, every plain token of an
alternative must occur in the food name, no ``!token`` may. Tokens are folded
to a crude singular on both sides, so "Bananas, raw" meets "banana".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from store.vocabulary import left_out

T = TypeVar("T")

_DATA_DIR = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[a-z]+")
_ES_ENDINGS = ("ches", "shes", "sses", "xes", "zes", "oes")


def fold(word: str) -> str:
    """Fold a lower-case word to a crude singular ("berries" -> "berry")."""
    if len(word) <= 3:
        return word
    if word.endswith(_ES_ENDINGS):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ie"):
        return word[:-2] + "y"
    return word


@lru_cache(maxsize=4096)
def food_tokens(text: str | None) -> frozenset[str]:
    """Return the folded words of a food name or category (cached: names repeat).

    Words the name says the food is without are not its words.
    """
    if not text:
        return frozenset()
    kept, _ = left_out(text.lower())  # "..., without salt" is no salt, "no cheese" no cheese
    return frozenset(fold(w) for w in _WORD.findall(kept))


_QUALIFIER = re.compile(r"\s(?:with|on|in|from|without)\s.*$")


_CATEGORY_PARTS = frozenset({"fast foods", "fast food"})


@lru_cache(maxsize=4096)
def head_token(name: str | None) -> str | None:
    """The folded head noun of a USDA name: the last word of its first comma part.

    "Egg burrito" -> "burrito", "Candies, MARS SNACKFOOD US, SNICKERS Bar" -> "candy",
    "Taco or tostada salad with meat" -> "salad", "Fast foods, burrito, with beans" ->
    "burrito".
    """
    if not name:
        return None
    parts = name.lower().split(",")
    if len(parts) > 1 and parts[0].strip() in _CATEGORY_PARTS:
        parts = parts[1:]  # "Fast foods, burrito, with beans" is a burrito
    first = _QUALIFIER.sub("", parts[0])
    words = _WORD.findall(first)
    return fold(words[-1]) if words else None


@dataclass(frozen=True, slots=True)
class Keyword:
    """One compiled keyword expression; ``specificity`` ranks competing matches."""

    text: str
    alternatives: tuple[tuple[frozenset[str], frozenset[str]], ...]

    @classmethod
    def parse(cls, text: str) -> Keyword:
        """Compile ``"pasta|noodle !egg"``; ``"*"`` matches every food."""
        alternatives = []
        for part in text.split("|"):
            words = part.lower().split()
            required = frozenset(t for w in words if not w.startswith("!") for t in food_tokens(w))
            excluded = frozenset(t for w in words if w.startswith("!") for t in food_tokens(w))
            alternatives.append((required, excluded))
        return cls(text, tuple(alternatives))

    def names_head(self, head: str | None, tokens: frozenset[str]) -> bool:
        """True when a matching alternative names the food's head noun ("candy", not "egg")."""
        return head is not None and any(
            head in required and required <= tokens and not (excluded & tokens)
            for required, excluded in self.alternatives
        )

    def specificity(self, tokens: frozenset[str]) -> int:
        """Return how many words of the best matching alternative occur, or -1 for none."""
        best = -1
        for required, excluded in self.alternatives:
            if required <= tokens and not (excluded & tokens):
                best = max(best, len(required))
        return best


class KeywordIndex(Generic[T]):
    """Table rows indexed by one required token each, so a lookup checks only a few.

    Lookups are memoized per token set: the same foods come back meal after meal.
    """

    _CACHE_LIMIT = 4096

    def __init__(self, rows: Iterable[tuple[Keyword, T]]) -> None:
        self._rows = list(rows)
        self._always: set[int] = set()
        self._by_token: dict[str, set[int]] = {}
        self._cache: dict[frozenset[str], tuple[tuple[int, T], ...]] = {}
        for position, (keyword, _) in enumerate(self._rows):
            for required, _excluded in keyword.alternatives:
                if required:
                    self._by_token.setdefault(min(required), set()).add(position)
                else:
                    self._always.add(position)

    def matches(self, tokens: frozenset[str]) -> tuple[tuple[int, T], ...]:
        """Return ``(specificity, row)`` for every matching row, most specific first.

        Rows of equal specificity keep their table order.
        """
        cached = self._cache.get(tokens)
        if cached is not None:
            return cached
        positions = set(self._always)
        for token in tokens:
            positions |= self._by_token.get(token, set())
        hits = []
        for position in sorted(positions):
            keyword, row = self._rows[position]
            spec = keyword.specificity(tokens)
            if spec >= 0:
                hits.append((spec, row))
        hits.sort(key=lambda hit: -hit[0])
        if len(self._cache) >= self._CACHE_LIMIT:
            self._cache.clear()
        result = self._cache[tokens] = tuple(hits)
        return result


def read_table(name: str) -> list[dict[str, str]]:
    """Read ``data/<name>`` shipped with this package; ``#`` lines are comments."""
    text = (_DATA_DIR / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [
        {key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(lines)
    ]
