"""Items that only rename the food before them: "28 g of corn snacks, Cheetos, and ...".

A description may follow a food with its brand or other name, set off by commas and
with no amount of its own. Read as two items, the food would be counted twice. The
second is a restatement when it matched the same USDA food family as the first.
"""

from __future__ import annotations

import re

from agents.nutrition.resolver import ResolvedItem
from store.vocabulary import CLASS_OF, tokens

_BETWEEN = re.compile(r"\s*,\s*")
_EXAMPLE = re.compile(r"\s*\(.*?\)")


def _stem(name: str) -> str:
    """A USDA name without its example brands and qualifiers: "Cheese flavored corn snacks"."""
    return _EXAMPLE.sub("", name).split(",")[0].strip().lower()


def _no_amount(r: ResolvedItem) -> bool:
    return not r.item.states_amount


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


def _adjacent(text: str, spans: list[tuple[int, int] | None], k: int) -> bool:
    """Whether item ``k`` follows item ``k - 1`` with only a comma between them."""
    before, here = spans[k - 1], spans[k]
    return (
        before is not None
        and here is not None
        and bool(_BETWEEN.fullmatch(text[before[1] : here[0]]))
    )


def _class_then_kind(general: ResolvedItem, kind: ResolvedItem) -> bool:
    """The class word the next item names a kind of: "a refreshing fruit, a whole orange"."""
    words, general_words = tokens(kind.item.food), tokens(general.item.food)
    return bool(words) and general_words == [CLASS_OF.get(words[-1])]


_AGAIN = re.compile(r"\b(?:another|again|also|more|second|later|then|too|as well)\b")


def _signature(r: ResolvedItem) -> tuple[object, ...]:
    item = r.item
    food = r.estimates[0].food.id if r.known and r.estimates else item.food
    return (food, item.quantity, item.unit, item.mass_g, item.volume_ml)


def _retold(text: str, resolved: list[ResolvedItem], spans: list[tuple[int, int] | None]) -> int:
    """How many items at the end retell, in a sentence of their own, the ones before them.

    "I chose a juicy mango and a banana. I enjoyed a fresh mango and a ripe banana." names
    two foods, not four; a sentence that says "another" or "again" is no retelling.
    """
    n = len(resolved)
    for size in range(n // 2, 1, -1):
        first, second = resolved[n - 2 * size : n - size], resolved[n - size :]
        if [_signature(r) for r in first] != [_signature(r) for r in second]:
            continue
        before, start = spans[n - size - 1], spans[n - size]
        if before is None or start is None or "." not in text[before[1] : start[0]]:
            continue
        if not _AGAIN.search(text[text.rfind(".", 0, start[0]) :].lower()):
            return size
    return 0


def drop_restated(text: str, resolved: list[ResolvedItem]) -> tuple[list[ResolvedItem], list[str]]:
    """The items without restatements, and a note for each one dropped."""
    spans = _spans(text, resolved)
    dropped: set[int] = set()
    notes: list[str] = []
    if retold := _retold(text, resolved, spans):
        resolved, spans = resolved[:-retold], spans[:-retold]
        notes.append(f"the last sentence retells the {retold} foods before it: counted once")
    for k in range(1, len(resolved)):
        first, second = resolved[k - 1], resolved[k]
        if k - 1 in dropped or not _adjacent(text, spans, k):
            continue
        if _no_amount(second) and _same_food(first, second):
            dropped.add(k)
            notes.append(f"'{second.item.text}' read as another name for '{first.item.food}'")
        elif _class_then_kind(first, second):
            dropped.add(k - 1)
            notes.append(f"'{first.item.text}' read as the class of '{second.item.food}'")
    return [r for k, r in enumerate(resolved) if k not in dropped], notes
