"""Item-level scoring: did the system identify the foods that were in the dish?

Names are compared with ``rapidfuzz.fuzz.token_set_ratio`` on lower-cased,
punctuation-stripped text, threshold 80.  Token-set ratio scores a name that
is a token subset of the other as 100, so "olive oil" matches "extra virgin
olive oil" and "rice" matches "brown rice", while "rice" vs "beef" stays low.
Predicted and true items are paired one-to-one, best score first (ties broken
by plain ``fuzz.ratio``), so one prediction cannot claim two ingredients.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

from evals.types import MealOutcome

MATCH_THRESHOLD = 80.0
MATCH_RULE = "rapidfuzz token_set_ratio >= 80 on normalised names, one-to-one"
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lower-case and collapse punctuation so "Bell-Peppers" ~ "bell peppers"."""
    return _NON_WORD.sub(" ", name.lower()).strip()


def name_score(a: str, b: str) -> float:
    """Similarity 0-100 of two food names (0 when either is empty)."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right))


def _closeness(a: str, b: str) -> float:
    """Tie-breaker: plain ratio prefers "white rice"->"white rice" over "rice"."""
    return float(fuzz.ratio(normalise(a), normalise(b)))


def names_match(a: str, b: str, threshold: float = MATCH_THRESHOLD) -> bool:
    """Whether two food names refer to the same food under the documented rule."""
    return name_score(a, b) >= threshold


def match_items(
    predicted: Sequence[str], truth: Sequence[str], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int]]:
    """Pair predicted with true names one-to-one, greedily by descending score.

    Returns:
        ``(predicted_index, truth_index)`` pairs scoring at least ``threshold``.
    """
    scored = sorted(
        (
            (name_score(p, t), _closeness(p, t), i, j)
            for i, p in enumerate(predicted)
            for j, t in enumerate(truth)
        ),
        key=lambda x: (-x[0], -x[1], x[2], x[3]),
    )
    used_p: set[int] = set()
    used_t: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for score, _, i, j in scored:
        if score < threshold:
            break
        if i not in used_p and j not in used_t:
            used_p.add(i)
            used_t.add(j)
            pairs.append((i, j))
    return pairs


def item_metrics(outcomes: Sequence[MealOutcome]) -> dict[str, Any]:
    """Micro-averaged precision/recall of identified foods vs the true ingredients.

    Only meals with ``truth_items`` count; a failed prediction contributes its
    true items to recall's denominator (nothing found) and nothing to precision.
    """
    n_meals = n_pred = n_truth = n_matched = 0
    for o in outcomes:
        if o.meal.truth_items is None:
            continue
        truth = [name for name, _ in o.meal.truth_items]
        pred = [] if o.prediction.error else [name for name, _ in o.prediction.items]
        n_meals += 1
        n_pred += len(pred)
        n_truth += len(truth)
        n_matched += len(match_items(pred, truth))
    return {
        "n_meals": n_meals,
        "n_predicted": n_pred,
        "n_truth": n_truth,
        "n_matched": n_matched,
        "precision": n_matched / n_pred if n_pred else None,
        "recall": n_matched / n_truth if n_truth else None,
        "rule": MATCH_RULE,
    }
