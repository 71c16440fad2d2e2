"""Multi-word cue phrases ("paired with", "washed it down with") matched in a token list.

Patterns may use ``*ed`` / ``*ing`` for any past-tense or -ing verb. They are indexed by
their first word so that most tokens are rejected with one set lookup.
"""

from __future__ import annotations

from agents.nutrition.parsing.lexicon_frame import (
    INGREDIENT_CONNECTORS,
    SEPARATORS,
    WITH_CONNECTORS,
)
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.wordclass import is_ed_verb, is_ing_verb

LIST_WORDS = frozenset({",", "and", "&"})


def _matches(pattern: tuple[str, ...], tokens: list[Token], i: int) -> bool:
    if i + len(pattern) > len(tokens):
        return False
    for word, tok in zip(pattern, tokens[i : i + len(pattern)], strict=False):
        low = tok.low
        if word == "*ed" and is_ed_verb(low) or word == "*ing" and is_ing_verb(low):
            if low != "being":  # "while being lower in fat" describes, it lists nothing
                continue
        if word != low:
            return False
    return True


Patterns = tuple[tuple[str, ...], ...]
_OPENERS = frozenset(
    p[0] for group in (SEPARATORS, WITH_CONNECTORS, INGREDIENT_CONNECTORS) for p in group
)


def may_open(low: str) -> bool:
    """Cheap pre-check: can a pattern start with this word at all?"""
    return low in _OPENERS or low.endswith(("ed", "ing"))


_INDEX: dict[int, dict[str, Patterns]] = {}


def _index(patterns: Patterns) -> dict[str, Patterns]:
    """Patterns grouped by first word, so each token only tries the patterns it can open."""
    found = _INDEX.get(id(patterns))
    if found is None:
        groups: dict[str, list[tuple[str, ...]]] = {}
        for pattern in patterns:
            groups.setdefault(pattern[0], []).append(pattern)
        found = {key: tuple(value) for key, value in groups.items()}
        _INDEX[id(patterns)] = found
    return found


def match(patterns: Patterns, tokens: list[Token], i: int) -> int | None:
    """End index of the longest pattern matching at ``tokens[i]``, else None."""
    if i >= len(tokens) or not may_open(tokens[i].low):
        return None
    index, low = _index(patterns), tokens[i].low
    candidates = index.get(low, ())
    if low.endswith("ed"):
        candidates += index.get("*ed", ())
    elif low.endswith("ing"):
        candidates += index.get("*ing", ())
    best = [len(p) for p in candidates if _matches(p, tokens, i)]
    return i + max(best) if best else None


def phrase_end(tokens: list[Token], i: int) -> int:
    """End of the phrase starting at ``i``: the next list word, separator or connector."""
    j = i
    while j < len(tokens) and tokens[j].low not in LIST_WORDS:
        if (
            j > i
            and may_open(tokens[j].low)
            and (match(SEPARATORS, tokens, j) or match(WITH_CONNECTORS, tokens, j))
        ):
            break
        j += 1
    return j
