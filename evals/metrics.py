"""Nutrient-estimation metrics computed from a run's outcomes.

Conventions (so numbers from different runs mean the same thing):

* A meal is *scored* for a nutrient when its prediction has no ``error`` and
  reports that nutrient.  MAE, MAPE and bias average over scored meals only.
* Hit-rate metrics (Acc@7.5 g, energy within 10/20 %, coverage) divide by
  *all* meals, so failed or missing predictions count as misses.
* Rates are fractions in [0, 1]; MAPE is in percent and skips zero truths
  (the count is reported as ``mape_skipped_zero_truth``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from evals.types import NUTRIENT_KEYS, SHORT_NAMES, MealOutcome

Pair = tuple[float, float]
"""``(predicted, true)`` for one meal and one nutrient."""


def scored_pairs(outcomes: Sequence[MealOutcome], key: str) -> list[Pair]:
    """Collect ``(predicted, true)`` for meals that answered ``key`` without error."""
    return [
        (o.prediction.totals[key], o.meal.truth[key])
        for o in outcomes
        if o.prediction.error is None and key in o.prediction.totals
    ]


def _mean(values: Sequence[float]) -> float | None:
    return float(sum(values) / len(values)) if values else None


def error_summary(pairs: Sequence[Pair]) -> dict[str, float | int | None]:
    """MAE, MAPE (%), bias (mean signed error, predicted - true) over scored pairs."""
    nonzero = [(p, t) for p, t in pairs if t != 0]
    return {
        "n": len(pairs),
        "mae": _mean([abs(p - t) for p, t in pairs]),
        "mape": _mean([abs(p - t) / abs(t) * 100.0 for p, t in nonzero]),
        "mape_skipped_zero_truth": len(pairs) - len(nonzero),
        "bias": _mean([p - t for p, t in pairs]),
    }


def acc_within_abs(pairs: Sequence[Pair], n_total: int, threshold: float = 7.5) -> float | None:
    """NutriBench Acc@7.5g: share of all meals with ``|pred - true| < threshold`` (strict)."""
    if n_total == 0:
        return None
    return sum(abs(p - t) < threshold for p, t in pairs) / n_total


def within_relative(pairs: Sequence[Pair], n_total: int, fraction: float) -> float | None:
    """Share of all meals with ``|pred - true| <= fraction * true`` (a 0 truth needs 0)."""
    if n_total == 0:
        return None
    return sum(abs(p - t) <= fraction * abs(t) for p, t in pairs) / n_total


def nutrient_metrics(outcomes: Sequence[MealOutcome]) -> dict[str, dict[str, Any]]:
    """Per-nutrient block keyed by short name (``carb``, ``protein``, ``fat``, ``energy``)."""
    n_total = len(outcomes)
    blocks: dict[str, dict[str, Any]] = {}
    for key in NUTRIENT_KEYS:
        pairs = scored_pairs(outcomes, key)
        block: dict[str, Any] = error_summary(pairs)
        if key == "carbohydrate_g":
            block["acc_7_5"] = acc_within_abs(pairs, n_total, 7.5)
        if key == "energy_kcal":
            block["within_10"] = within_relative(pairs, n_total, 0.10)
            block["within_20"] = within_relative(pairs, n_total, 0.20)
        blocks[SHORT_NAMES[key]] = block
    return blocks


def calibration(outcomes: Sequence[MealOutcome]) -> dict[str, Any]:
    """Coverage of the reported ranges: share of truths inside ``[low, high]``.

    ``coverage`` pools every (meal, nutrient) the predictions gave a range for;
    ``per_nutrient`` splits it and adds the mean width of the valid ranges.  A
    reversed range (``low > high``) counts as a miss.  ``None`` when no range was reported.
    """
    per: dict[str, dict[str, Any]] = {}
    hits = total = 0
    for key in NUTRIENT_KEYS:
        inside, widths = [], []
        for o in outcomes:
            if o.prediction.error is None and key in o.prediction.ranges:
                low, high = o.prediction.ranges[key]
                inside.append(low <= o.meal.truth[key] <= high)
                if low <= high:
                    widths.append(high - low)
        hits, total = hits + sum(inside), total + len(inside)
        per[SHORT_NAMES[key]] = {
            "n": len(inside),
            "coverage": _mean([float(x) for x in inside]),
            "mean_width": _mean(widths),
        }
    return {"coverage": hits / total if total else None, "n": total, "per_nutrient": per}


def flag_quality(outcomes: Sequence[MealOutcome]) -> dict[str, Any]:
    """Do flags point at bad estimates?  Compare errors of flagged vs unflagged meals.

    ``energy_mae_ratio`` > 1 means flagged meals really are worse on average.
    """
    ok = [o for o in outcomes if o.prediction.error is None]
    flagged = [o for o in ok if o.prediction.flags]
    unflagged = [o for o in ok if not o.prediction.flags]
    out: dict[str, Any] = {"n_flagged": len(flagged), "n_unflagged": len(unflagged)}
    for short, key in (("energy", "energy_kcal"), ("carb", "carbohydrate_g")):
        for name, group in (("flagged", flagged), ("unflagged", unflagged)):
            out[f"{short}_mae_{name}"] = error_summary(scored_pairs(group, key))["mae"]
    worse, better = out["energy_mae_flagged"], out["energy_mae_unflagged"]
    out["energy_mae_ratio"] = worse / better if worse is not None and better else None
    by_flag: dict[str, dict[str, Any]] = {}
    for flag in sorted({f for o in flagged for f in o.prediction.flags}):
        group = [o for o in flagged if flag in o.prediction.flags]
        pairs = scored_pairs(group, "energy_kcal")
        by_flag[flag] = {"n": len(group), "energy_mae": error_summary(pairs)["mae"]}
    out["by_flag"] = by_flag
    return out


def answered(outcomes: Sequence[MealOutcome]) -> int:
    """Meals whose prediction succeeded and named at least one food item."""
    return sum(o.prediction.error is None and bool(o.prediction.items) for o in outcomes)


def latency_summary(latencies_ms: Sequence[float]) -> dict[str, float | None]:
    """p50 / p95 (linear interpolation, as ``numpy.percentile``), mean and max."""
    if not latencies_ms:
        return {"p50": None, "p95": None, "mean": None, "max": None}
    values = np.asarray(latencies_ms, dtype=float)
    p50, p95 = np.percentile(values, [50, 95])
    return {
        "p50": float(p50),
        "p95": float(p95),
        "mean": float(values.mean()),
        "max": float(values.max()),
    }
