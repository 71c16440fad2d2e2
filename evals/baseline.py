"""CI gate: check a report against per-dataset metric floors and ceilings.

The baseline file is JSON::

    {
      "tolerance": 0.02,
      "datasets": {
        "builtin/builtin_meals": {
          "tolerance": {"default": 0.02, "metrics.carb.mae": 1.0},
          "min": {"metrics.carb.acc_7_5": 0.6, "metrics.calibration.coverage": 0.7},
          "max": {"metrics.carb.mae": 9.0, "latency_ms.p95": 30000}
        }
      }
    }

A metric fails when it is below ``min - tolerance`` or above ``max + tolerance``
(tolerance in the metric's units; a dataset's own tolerance overrides the
file-wide one, and may be a number or a per-metric mapping with ``default``).
A metric that is missing or null in the report fails too: a gate must not
pass because the number it guards was never computed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from evals.compare import get_path


def _tolerance(spec: Any, metric: str) -> float:
    """Resolve a tolerance that is either a number or ``{metric|default: number}``."""
    if isinstance(spec, Mapping):
        return float(spec.get(metric, spec.get("default", 0.0)))
    return float(spec or 0.0)


def check_report(report: Mapping[str, Any], baseline: Mapping[str, Any]) -> list[str]:
    """Return one message per violated bound (empty when the report passes)."""
    dataset = report.get("dataset")
    entry = baseline.get("datasets", {}).get(dataset)
    if entry is None:
        return [f"no baseline for dataset {dataset!r}"]
    tolerance = entry.get("tolerance", baseline.get("tolerance", 0.0))
    failures: list[str] = []
    for bound, sign in (("min", -1), ("max", 1)):
        for metric, limit in entry.get(bound, {}).items():
            value = get_path(report, metric)
            tol = _tolerance(tolerance, metric)
            if not isinstance(value, int | float) or isinstance(value, bool):
                failures.append(f"{dataset}: {metric} is missing from the report")
            elif sign * (value - limit) > tol:
                word = "below minimum" if bound == "min" else "above maximum"
                failures.append(
                    f"{dataset}: {metric} = {value:.4g} {word} {limit:g} (tolerance {tol:g})"
                )
    return failures


def check_baseline(report: Mapping[str, Any], baseline_path: Path) -> list[str]:
    """Load ``baseline_path`` and check ``report`` against it (see module docstring)."""
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    if not isinstance(baseline, Mapping) or not isinstance(baseline.get("datasets"), Mapping):
        return [f"{baseline_path}: baseline must be an object with a 'datasets' mapping"]
    return check_report(report, baseline)
