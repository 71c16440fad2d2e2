"""Render a report as Markdown: a summary table, then the worst cases in full."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from evals.types import MealOutcome, SearchOutcome


def fmt(value: Any) -> str:
    """Format a metric for a table cell: 3 decimals for rates, fewer for big numbers."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return (
            f"{value:.1f}"
            if abs(value) >= 100
            else f"{value:.3g}"
            if abs(value) < 1
            else f"{value:.2f}"
        )
    return str(value)


def _summary_lines(report: dict[str, Any]) -> list[str]:
    lat = report["latency_ms"]
    lines = [
        f"# Eval report: {report['dataset']}",
        "",
        f"- meals/cases: {report['n']}, answered: {report['answered']}, failed: {report['failed']}",
        f"- latency p50 {fmt(lat['p50'])} ms, p95 {fmt(lat['p95'])} ms",
        f"- wall time {report['wall_s']:.2f} s",
        "",
    ]
    metrics = report["metrics"]
    if report["kind"] == "food-search":
        lines += ["| top1 | top3 | top10 | MRR |", "|---|---|---|---|"]
        lines.append(
            "| " + " | ".join(fmt(metrics[k]) for k in ("top1", "top3", "top10", "mrr")) + " |"
        )
        return lines
    lines += ["| nutrient | n | MAE | MAPE % | bias | hit rate |", "|---|---|---|---|---|---|"]
    for short in ("carb", "protein", "fat", "energy"):
        block = metrics[short]
        hit = {"carb": ("Acc@7.5g", "acc_7_5"), "energy": ("within 10%", "within_10")}.get(short)
        hit_text = f"{hit[0]} {fmt(block[hit[1]])}" if hit else ""
        cells = [
            short,
            block["n"],
            fmt(block["mae"]),
            fmt(block["mape"]),
            fmt(block["bias"]),
            hit_text,
        ]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    cal, items, flags = metrics["calibration"], metrics["items"], metrics["flags"]
    lines += [
        "",
        f"- energy within 20%: {fmt(metrics['energy']['within_20'])}",
        f"- range coverage: {fmt(cal['coverage'])} over {cal['n']} ranges",
        f"- items precision {fmt(items['precision'])}, recall {fmt(items['recall'])}"
        f" ({items['rule']})",
        f"- flags: {flags['n_flagged']} flagged meals, energy MAE flagged "
        f"{fmt(flags['energy_mae_flagged'])} vs unflagged {fmt(flags['energy_mae_unflagged'])}",
        f"- answer rate: {fmt(metrics['answer_rate'])}",
    ]
    return lines


def _dump(value: Any, indent: int | None = 2) -> str:
    return json.dumps(value, indent=indent, default=str, ensure_ascii=False)


def _meal_case(rank: int, o: MealOutcome) -> list[str]:
    p = o.prediction
    return [
        f"### {rank}. {o.meal.id}",
        "",
        f"> {o.meal.text}",
        "",
        f"- truth: `{_dump(o.meal.truth, None)}`",
        f"- predicted: `{_dump(p.totals, None)}`",
        f"- ranges: `{_dump(p.ranges, None)}`",
        f"- items: `{_dump(p.items, None)}`",
        f"- flags: {', '.join(p.flags) or '-'}; latency {fmt(p.latency_ms)} ms",
        f"- error: {p.error or '-'}",
        "",
        "```json",
        _dump(p.trace),
        "```",
        "",
    ]


def _search_case(rank: int, o: SearchOutcome) -> list[str]:
    return [
        f"### {rank}. {o.case.phrase!r}",
        "",
        f"- accepted: {', '.join(o.case.accepted)} ({o.case.reason or 'no reason given'})",
        f"- returned: {', '.join(o.ranked[:10]) or '-'}",
        f"- error: {o.error or '-'}; latency {fmt(o.latency_ms)} ms",
        "",
    ]


def render_markdown(report: dict[str, Any], worst: Sequence[MealOutcome | SearchOutcome]) -> str:
    """Summary table plus the worst cases with their full traces."""
    lines = _summary_lines(report)
    lines += ["", f"## Worst {len(worst)} cases", ""]
    for rank, case in enumerate(worst, start=1):
        lines += (
            _meal_case(rank, case) if isinstance(case, MealOutcome) else _search_case(rank, case)
        )
    return "\n".join(lines) + "\n"
