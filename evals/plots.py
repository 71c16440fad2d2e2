"""PNG plots for a report, drawn with matplotlib's object API on the Agg canvas.

``matplotlib.figure.Figure`` is used directly (no ``pyplot``), so plotting
never touches the global backend or leaks figures between runs.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from evals.metrics import calibration, scored_pairs
from evals.search_metrics import top_k
from evals.types import NUTRIENT_KEYS, SHORT_NAMES, EvalResult, FoodSearchResult

_PANELS: tuple[tuple[str, str], ...] = (
    ("carbohydrate_g", "carbs (g)"),
    ("energy_kcal", "energy (kcal)"),
)


def _scatter(result: EvalResult, path: Path) -> Path:
    """Predicted vs true carbs and energy, with the y = x line."""
    fig = Figure(figsize=(10, 4.5), layout="constrained")
    for ax, (key, label) in zip(fig.subplots(1, 2), _PANELS, strict=True):
        pairs = scored_pairs(result.outcomes, key)
        pred, true = [p for p, _ in pairs], [t for _, t in pairs]
        ax.scatter(true, pred, s=10, alpha=0.6)
        top = max([*pred, *true, 1.0])
        ax.plot([0, top], [0, top], color="grey", linewidth=1)
        ax.set(
            xlabel=f"true {label}", ylabel=f"predicted {label}", title=f"{label} (n={len(pairs)})"
        )
    fig.suptitle(result.dataset)
    fig.savefig(path, dpi=100)
    return path


def _error_hist(result: EvalResult, path: Path) -> Path:
    """Signed error (predicted - true) distributions for carbs and energy."""
    fig = Figure(figsize=(10, 4.5), layout="constrained")
    for ax, (key, label) in zip(fig.subplots(1, 2), _PANELS, strict=True):
        errors = [p - t for p, t in scored_pairs(result.outcomes, key)]
        ax.hist(errors, bins=30 if errors else 1)
        ax.axvline(0, color="grey", linewidth=1)
        ax.set(xlabel=f"predicted - true {label}", ylabel="meals", title=f"{label} error")
    fig.savefig(path, dpi=100)
    return path


def _calibration(result: EvalResult, path: Path) -> Path:
    """Share of truths inside the predicted range, per nutrient (0 when no ranges)."""
    per = calibration(result.outcomes)["per_nutrient"]
    names = [SHORT_NAMES[k] for k in NUTRIENT_KEYS]
    values = [per[n]["coverage"] or 0.0 for n in names]
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.subplots()
    bars = ax.bar(names, values)
    ax.bar_label(bars, labels=[f"n={per[n]['n']}" for n in names])
    ax.set(ylim=(0, 1.1), ylabel="coverage", title="range calibration: truth inside [low, high]")
    fig.savefig(path, dpi=100)
    return path


def _top_k(result: FoodSearchResult, path: Path) -> Path:
    """Top-1/3/10 hit rates of a food-search run."""
    ks = (1, 3, 10)
    values = [top_k(result.outcomes, k) or 0.0 for k in ks]
    fig = Figure(figsize=(6, 4), layout="constrained")
    ax = fig.subplots()
    ax.bar([f"top{k}" for k in ks], values)
    ax.set(
        ylim=(0, 1.05),
        ylabel="share of phrases",
        title=f"{result.dataset} (n={len(result.outcomes)})",
    )
    fig.savefig(path, dpi=100)
    return path


def write_plots(result: EvalResult | FoodSearchResult, out_dir: Path) -> list[Path]:
    """Write the plots that fit the run's kind; return their paths."""
    if isinstance(result, FoodSearchResult):
        return [_top_k(result, out_dir / "topk.png")]
    return [
        _scatter(result, out_dir / "scatter.png"),
        _error_hist(result, out_dir / "error_hist.png"),
        _calibration(result, out_dir / "calibration.png"),
    ]
