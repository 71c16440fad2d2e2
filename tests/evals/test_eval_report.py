"""Report contract, files on disk and the printed summary."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from evals.report import build_report, worst_meals, write_report
from evals.summary import print_summary
from evals.types import (
    EvalResult,
    FoodSearchCase,
    FoodSearchResult,
    LabeledMeal,
    MealOutcome,
    MealPrediction,
    SearchOutcome,
)

CONTRACT = [
    ("dataset",),
    ("n",),
    ("answered",),
    ("metrics", "carb", "acc_7_5"),
    ("metrics", "carb", "mae"),
    ("metrics", "energy", "mape"),
    ("metrics", "protein", "mae"),
    ("metrics", "fat", "mae"),
    ("metrics", "calibration", "coverage"),
    ("latency_ms", "p50"),
    ("latency_ms", "p95"),
]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def dig(report: dict[str, Any], path: tuple[str, ...]) -> Any:
    node = report
    for key in path:
        assert key in node, f"missing {'.'.join(path)}"
        node = node[key]
    return node


def make_result(n: int = 25) -> EvalResult:
    outcomes = []
    for i in range(n):
        carb, energy = 10.0 + i, 100.0 + 10 * i
        truth = {"carbohydrate_g": carb, "protein_g": 5.0, "fat_g": 3.0, "energy_kcal": energy}
        items = (("rice", 50.0 + i), ("beans", 20.0))
        meal = LabeledMeal(f"m{i:02d}", f"meal {i}", truth, "unit/test", "grams", items)
        off = i % 5  # errors 0..4 g carb, 0..40 kcal
        pred = MealPrediction(
            totals={
                "carbohydrate_g": carb + off,
                "protein_g": 5.0,
                "fat_g": 3.0,
                "energy_kcal": energy + 10 * off,
            },
            ranges={"carbohydrate_g": (carb - 1, carb + 2)},
            flags=["portion_uncertain"] if off >= 3 else [],
            items=[("white rice", 55.0)],
            latency_ms=float(i + 1),
            trace={"steps": [f"step-{i}"], "note": "ünïcode ok"},
        )
        outcomes.append(MealOutcome(meal, pred))
    outcomes[-1] = MealOutcome(outcomes[-1].meal, MealPrediction(error="boom", latency_ms=99.0))
    return EvalResult("unit/test", outcomes, wall_s=0.5)


def test_report_contract_and_values() -> None:
    report = build_report(make_result())
    for path in CONTRACT:
        dig(report, path)
    json.dumps(report)  # JSON-ready
    assert report["dataset"] == "unit/test"
    assert report["n"] == 25 and report["answered"] == 24 and report["failed"] == 1
    # carb errors cycle 0,1,2,3,4 over 24 scored meals: 4 cycles (40) + 0+1+2+3 -> 46 / 24
    assert report["metrics"]["carb"]["mae"] == pytest.approx(46 / 24)
    assert report["metrics"]["carb"]["acc_7_5"] == pytest.approx(24 / 25)
    assert report["metrics"]["protein"]["mae"] == 0.0
    # The range is built around the truth ([carb - 1, carb + 2]), so all 24 cover it.
    assert report["metrics"]["calibration"]["coverage"] == 1.0
    assert report["metrics"]["items"]["precision"] == 1.0
    assert report["metrics"]["items"]["recall"] == pytest.approx(24 / 50)
    assert report["latency_ms"]["p50"] == 13.0
    assert report["metrics"]["flags"]["n_flagged"] == 9  # i % 5 >= 3 among i < 24


def test_worst_cases_put_failures_first_then_biggest_energy_error() -> None:
    worst = worst_meals(make_result(), k=3)
    assert [o.meal.id for o in worst] == ["m24", "m04", "m09"]


def test_write_report_files(tmp_path: Path) -> None:
    result = make_result()
    report = build_report(result)
    paths = write_report(report, result, tmp_path / "out")
    names = [p.name for p in paths]
    assert names == ["report.json", "report.md", "scatter.png", "error_hist.png", "calibration.png"]
    assert json.loads((tmp_path / "out" / "report.json").read_text()) == report
    for png in paths[2:]:
        data = png.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5000
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "| carb | 24 | 1.92 |" in md
    assert md.count("\n### ") == 20
    assert "### 1. m24" in md and "error: boom" in md
    assert '"step-4"' in md and "ünïcode ok" in md


def test_food_search_report_and_files(tmp_path: Path) -> None:
    case = FoodSearchCase("fs-1", "milk", ("sr28:01077",), "whole milk")
    result = FoodSearchResult(
        "food-search/unit",
        [
            SearchOutcome(case, ["sr28:01077"], 5.0),
            SearchOutcome(case, ["x:1", "x:2", "sr28:01077"], 7.0),
            SearchOutcome(case, ["x:1"], 9.0),
        ],
        wall_s=0.1,
    )
    report = build_report(result)
    assert report["metrics"]["top1"] == pytest.approx(1 / 3)
    assert report["metrics"]["top3"] == pytest.approx(2 / 3)
    assert report["latency_ms"]["p50"] == 7.0
    for key in ("dataset", "n", "answered"):
        assert key in report
    paths = write_report(report, result, tmp_path)
    assert [p.name for p in paths] == ["report.json", "report.md", "topk.png"]
    assert paths[2].read_bytes().startswith(PNG_MAGIC)
    md = paths[1].read_text(encoding="utf-8")
    assert "## Worst 1 cases" in md and "returned: x:1" in md


def test_print_summary_renders_a_table() -> None:
    buffer = io.StringIO()
    print_summary(build_report(make_result()), Console(file=buffer, width=100))
    text = buffer.getvalue()
    assert "eval: unit/test" in text
    assert "carb Acc@7.5g" in text and "0.96" in text
    assert "latency p50 / p95 ms" in text


def test_empty_run_keeps_the_contract() -> None:
    report = build_report(EvalResult("empty", [], 0.0))
    for path in CONTRACT:
        dig(report, path)
    assert report["metrics"]["carb"]["acc_7_5"] is None
    assert report["latency_ms"]["p95"] is None
