"""Turn a run into the report contract and write it to disk.

The JSON contract (consumed by ``evals.compare`` and CI) is, at minimum::

    dataset, n, answered,
    metrics.carb.acc_7_5, metrics.carb.mae, metrics.energy.mape,
    metrics.protein.mae, metrics.fat.mae, metrics.calibration.coverage,
    latency_ms.p50, latency_ms.p95

and for food-search runs ``metrics.top1`` / ``metrics.top3`` instead of the
nutrient blocks.  Metrics that cannot be computed are ``null``, never absent.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.items import item_metrics
from evals.markdown import render_markdown
from evals.metrics import answered, calibration, flag_quality, latency_summary, nutrient_metrics
from evals.plots import write_plots
from evals.search_metrics import mean_reciprocal_rank, top_k
from evals.types import EvalResult, FoodSearchResult, MealOutcome, SearchOutcome

Result = EvalResult | FoodSearchResult


def build_report(result: Result) -> dict[str, Any]:
    """Summarise a run as a JSON-ready dict (see module docstring for the contract)."""
    if isinstance(result, FoodSearchResult):
        return build_food_search_report(result)
    outcomes = result.outcomes
    latencies = [o.prediction.latency_ms or 0.0 for o in outcomes]
    metrics: dict[str, Any] = nutrient_metrics(outcomes)
    metrics["calibration"] = calibration(outcomes)
    metrics["items"] = item_metrics(outcomes)
    metrics["flags"] = flag_quality(outcomes)
    metrics["answer_rate"] = answered(outcomes) / len(outcomes) if outcomes else None
    return {
        "kind": "meals",
        "dataset": result.dataset,
        "n": len(outcomes),
        "answered": answered(outcomes),
        "failed": sum(o.prediction.error is not None for o in outcomes),
        "metrics": metrics,
        "latency_ms": latency_summary(latencies),
        "wall_s": result.wall_s,
    }


def build_food_search_report(result: FoodSearchResult) -> dict[str, Any]:
    """Summarise a food-search run: top-1/top-3 hit rates and MRR."""
    outcomes = result.outcomes
    return {
        "kind": "food-search",
        "dataset": result.dataset,
        "n": len(outcomes),
        "answered": sum(o.error is None and bool(o.ranked) for o in outcomes),
        "failed": sum(o.error is not None for o in outcomes),
        "metrics": {
            "top1": top_k(outcomes, 1),
            "top3": top_k(outcomes, 3),
            "top10": top_k(outcomes, 10),
            "mrr": mean_reciprocal_rank(outcomes),
        },
        "latency_ms": latency_summary([o.latency_ms for o in outcomes]),
        "wall_s": result.wall_s,
    }


def meal_badness(outcome: MealOutcome) -> tuple[float, float]:
    """Sort key for the worst cases: failures first, then energy and carb error."""
    prediction, truth = outcome.prediction, outcome.meal.truth
    if prediction.error is not None:
        return (math.inf, math.inf)
    energy = abs(prediction.totals.get("energy_kcal", 0.0) - truth["energy_kcal"])
    carb = abs(prediction.totals.get("carbohydrate_g", 0.0) - truth["carbohydrate_g"])
    return (energy, carb)


def worst_meals(result: EvalResult, k: int = 20) -> list[MealOutcome]:
    """The ``k`` worst meals, worst first (stable for ties: dataset order)."""
    return sorted(result.outcomes, key=meal_badness, reverse=True)[:k]


def worst_searches(result: FoodSearchResult, k: int = 20) -> list[SearchOutcome]:
    """Searches that missed the top 3 (errors first), in dataset order, at most ``k``."""
    accepted_in_top3 = [bool(set(o.ranked[:3]) & set(o.case.accepted)) for o in result.outcomes]
    misses = [o for o, hit in zip(result.outcomes, accepted_in_top3, strict=True) if not hit]
    return sorted(misses, key=lambda o: o.error is None)[:k]


def write_report(report: dict[str, Any], result: Result, out_dir: Path) -> list[Path]:
    """Write ``report.json``, ``report.md`` and the PNG plots into ``out_dir``.

    Returns:
        The paths written, JSON first.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps(report, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    if isinstance(result, FoodSearchResult):
        worst: Sequence[MealOutcome | SearchOutcome] = worst_searches(result)
    else:
        worst = worst_meals(result)
    md_path = out_dir / "report.md"
    md_path.write_text(render_markdown(report, worst), encoding="utf-8")
    return [json_path, md_path, *write_plots(result, out_dir)]
