"""Print a report's headline numbers as a rich table on stderr."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from evals.markdown import fmt


def summary_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The (metric, value) pairs shown in the summary, in display order."""
    m, lat = report["metrics"], report["latency_ms"]
    rows = [
        ("n", str(report["n"])),
        ("answered", str(report["answered"])),
        ("failed", str(report["failed"])),
    ]
    if report.get("kind") == "food-search":
        rows += [(k, fmt(m[k])) for k in ("top1", "top3", "top10", "mrr")]
    else:
        rows += [
            ("carb Acc@7.5g", fmt(m["carb"]["acc_7_5"])),
            ("carb MAE g", fmt(m["carb"]["mae"])),
            ("protein MAE g", fmt(m["protein"]["mae"])),
            ("fat MAE g", fmt(m["fat"]["mae"])),
            ("energy MAE kcal", fmt(m["energy"]["mae"])),
            ("energy MAPE %", fmt(m["energy"]["mape"])),
            (
                "energy within 10% / 20%",
                f"{fmt(m['energy']['within_10'])} / {fmt(m['energy']['within_20'])}",
            ),
            ("range coverage", fmt(m["calibration"]["coverage"])),
            ("items P / R", f"{fmt(m['items']['precision'])} / {fmt(m['items']['recall'])}"),
        ]
    rows += [("latency p50 / p95 ms", f"{fmt(lat['p50'])} / {fmt(lat['p95'])}")]
    return rows


def print_summary(report: dict[str, Any], console: Console | None = None) -> None:
    """Show the summary table (stderr by default, so stdout stays machine-readable)."""
    table = Table(title=f"eval: {report['dataset']}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in summary_rows(report):
        table.add_row(name, value)
    (console or Console(stderr=True)).print(table)
