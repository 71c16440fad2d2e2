"""Food-search metrics: is an accepted database entry among the top results?"""

from __future__ import annotations

from collections.abc import Sequence

from evals.types import SearchOutcome


def hit_rank(outcome: SearchOutcome) -> int | None:
    """1-based rank of the first accepted key in the results, ``None`` if absent."""
    accepted = set(outcome.case.accepted)
    for rank, key in enumerate(outcome.ranked, start=1):
        if key in accepted:
            return rank
    return None


def top_k(outcomes: Sequence[SearchOutcome], k: int) -> float | None:
    """Share of all cases with an accepted key in the first ``k`` results."""
    if not outcomes:
        return None
    ranks = [hit_rank(o) for o in outcomes]
    return sum(r is not None and r <= k for r in ranks) / len(outcomes)


def mean_reciprocal_rank(outcomes: Sequence[SearchOutcome]) -> float | None:
    """Mean of 1/rank of the first accepted key (0 when it is missing)."""
    if not outcomes:
        return None
    ranks = [hit_rank(o) for o in outcomes]
    return sum(1.0 / r for r in ranks if r is not None) / len(outcomes)
