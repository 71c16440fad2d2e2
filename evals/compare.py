"""Compare two reports metric by metric and decide whether the new one regressed.

Direction comes from the metric's leaf name: hit rates (``acc_7_5``,
``within_*``, ``top*``, ``precision``, ...) are better higher; errors (``mae``,
``mape``) better lower; ``bias`` better nearer zero.  A metric regresses when
it is worse than the old value by more than its tolerance.  Latency is only
gated when a tolerance names its exact path (timings vary between machines).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from rich.console import Console
from rich.table import Table

Direction = Literal["higher", "lower", "zero", "info"]
Status = Literal["better", "same", "worse", "regressed", "missing", "info"]
HIGHER: frozenset[str] = frozenset(
    {"acc_7_5", "within_10", "within_20", "top1", "top3", "top10", "mrr"}
    | {"precision", "recall", "answer_rate", "coverage"}
)
LOWER: frozenset[str] = frozenset({"mae", "mape"})
NEAR_ZERO: frozenset[str] = frozenset({"bias"})
COMPARED_ROOTS: tuple[str, ...] = ("metrics", "latency_ms")


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One metric in both reports and the verdict on its change."""

    metric: str
    old: float | None
    new: float | None
    delta: float | None
    direction: Direction
    tolerance: float
    status: Status


def get_path(report: Mapping[str, Any], path: str) -> Any:
    """Read a dotted path such as ``metrics.carb.mae`` (``None`` when absent)."""
    node: Any = report
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def numeric_leaves(node: Any, prefix: str) -> Iterator[tuple[str, float | None]]:
    """Yield ``(dotted path, value)`` for every number or null below ``node``."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from numeric_leaves(value, f"{prefix}.{key}")
    elif node is None or (isinstance(node, int | float) and not isinstance(node, bool)):
        yield prefix, None if node is None else float(node)


def direction_of(path: str, tolerances: Mapping[str, float]) -> Direction:
    """Which way is better for this metric (``info`` = never gated)."""
    leaf = path.rsplit(".", 1)[-1]
    if path.startswith("latency_ms."):
        return "lower" if path in tolerances else "info"
    if leaf in HIGHER:
        return "higher"
    if leaf in LOWER:
        return "lower"
    return "zero" if leaf in NEAR_ZERO else "info"


def _verdict(old: float | None, new: float | None, direction: Direction, tol: float) -> Status:
    if direction == "info":
        return "info"
    if new is None:
        return "same" if old is None else "missing"
    if old is None:
        return "better"
    if direction == "zero":
        old, new = -abs(old), -abs(new)
    elif direction == "lower":
        old, new = -old, -new
    if new > old:
        return "better"
    if new == old:
        return "same"
    return "regressed" if new < old - tol else "worse"


def compare_reports(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    tolerances: Mapping[str, float] | None = None,
    *,
    echo: bool = True,
) -> tuple[list[CompareRow], bool]:
    """Compare every metric of two reports of the same dataset.

    Args:
        old: The reference report.
        new: The candidate report.
        tolerances: Allowed worsening in the metric's own units, looked up by
            full path (``metrics.carb.mae``), then leaf name (``mae``), then
            ``default`` (0 if absent).
        echo: Print the delta table on stderr.

    Returns:
        One row per metric, and whether any gated metric regressed (or vanished).

    Raises:
        ValueError: When the reports are for different datasets.
    """
    if old.get("dataset") != new.get("dataset"):
        raise ValueError(f"reports differ in dataset: {old.get('dataset')} vs {new.get('dataset')}")
    tolerances = tolerances or {}
    old_values = {p: v for root in COMPARED_ROOTS for p, v in numeric_leaves(old.get(root), root)}
    new_values = {p: v for root in COMPARED_ROOTS for p, v in numeric_leaves(new.get(root), root)}
    rows: list[CompareRow] = []
    for path in [*old_values, *(p for p in new_values if p not in old_values)]:
        before, after = old_values.get(path), new_values.get(path)
        leaf = path.rsplit(".", 1)[-1]
        tol = float(tolerances.get(path, tolerances.get(leaf, tolerances.get("default", 0.0))))
        direction = direction_of(path, tolerances)
        delta = after - before if after is not None and before is not None else None
        status = _verdict(before, after, direction, tol)
        rows.append(CompareRow(path, before, after, delta, direction, tol, status))
    regressed = any(r.status in ("regressed", "missing") for r in rows)
    if echo:
        print_comparison(rows, regressed)
    return rows, regressed


def print_comparison(
    rows: list[CompareRow], regressed: bool, console: Console | None = None
) -> None:
    """Show gated metrics with their deltas; regressions in red."""
    table = Table(title="REGRESSED" if regressed else "no regression")
    for column in ("metric", "old", "new", "delta", "tolerance", "status"):
        table.add_column(column, justify="left" if column in ("metric", "status") else "right")
    for row in rows:
        if row.direction == "info":
            continue
        cells = [f"{x:.4g}" if x is not None else "-" for x in (row.old, row.new)]
        cells.append(f"{row.delta:+.4g}" if row.delta is not None else "-")
        style = {"regressed": "red", "missing": "red", "better": "green"}.get(row.status)
        table.add_row(row.metric, *cells, f"{row.tolerance:g}", row.status, style=style)
    (console or Console(stderr=True)).print(table)
