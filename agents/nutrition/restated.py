"""Items that only rename the food before them: "28 g of corn snacks, Cheetos, and ...".

A description may follow a food with its brand or other name, set off by commas and
with no amount of its own. Read as two items, the food would be counted twice. The
second is a restatement when it matched the same USDA food family as the first.
"""

from __future__ import annotations

import re

from agents.nutrition.resolver import ResolvedItem

_BETWEEN = re.compile(r"\s*,\s*")
_EXAMPLE = re.compile(r"\s*\(.*?\)")


def _stem(name: str) -> str:
    """A USDA name without its example brands and qualifiers: "Cheese flavored corn snacks"."""
    return _EXAMPLE.sub("", name).split(",")[0].strip().lower()


def _no_amount(r: ResolvedItem) -> bool:
    item = r.item
    return item.quantity is None and item.mass_g is None and item.volume_ml is None


def _same_food(a: ResolvedItem, b: ResolvedItem) -> bool:
    if not (a.known and b.known and a.estimates and b.estimates):
        return False
    first, second = _stem(a.estimates[0].food.name), _stem(b.estimates[0].food.name)
    return first == second


def _spans(text: str, resolved: list[ResolvedItem]) -> list[tuple[int, int] | None]:
    """Where each item's own words sit in ``text``, searched in order (None if not found)."""
    lower, at = text.lower(), 0
    spans: list[tuple[int, int] | None] = []
    for r in resolved:
        start = lower.find(r.item.text.lower(), at)
        if start < 0:
            spans.append(None)
            continue
        end = start + len(r.item.text)
        spans.append((start, end))
        at = end
    return spans


def drop_restated(text: str, resolved: list[ResolvedItem]) -> tuple[list[ResolvedItem], list[str]]:
    """The items without restatements, and a note for each one dropped."""
    spans = _spans(text, resolved)
    kept: list[ResolvedItem] = []
    notes: list[str] = []
    for k, r in enumerate(resolved):
        before, here = (spans[k - 1], spans[k]) if k else (None, None)
        if (
            kept
            and before is not None
            and here is not None
            and _BETWEEN.fullmatch(text[before[1] : here[0]])
            and _no_amount(r)
            and _same_food(resolved[k - 1], r)
        ):
            notes.append(f"'{r.item.text}' read as another name for '{resolved[k - 1].item.food}'")
            continue
        kept.append(r)
    return kept, notes
