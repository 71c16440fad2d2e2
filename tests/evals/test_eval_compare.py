"""Comparing reports and gating on a baseline."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from evals.baseline import check_baseline
from evals.cli import main
from evals.compare import CompareRow, compare_reports, print_comparison

OLD: dict[str, Any] = {
    "dataset": "builtin/builtin_meals",
    "n": 50,
    "answered": 50,
    "metrics": {
        "carb": {"n": 50, "mae": 8.0, "mape": 20.0, "bias": -2.0, "acc_7_5": 0.60},
        "protein": {"n": 50, "mae": 5.0, "mape": 25.0, "bias": 1.0},
        "fat": {"n": 50, "mae": 4.0, "mape": 30.0, "bias": 0.5},
        "energy": {"n": 50, "mae": 90.0, "mape": 22.0, "bias": 10.0, "within_10": 0.3},
        "calibration": {"coverage": 0.8, "n": 200},
        "items": {"precision": None, "recall": None},
    },
    "latency_ms": {"p50": 900.0, "p95": 2000.0},
}


def changed(**paths: float | None) -> dict[str, Any]:
    new = copy.deepcopy(OLD)
    for dotted, value in paths.items():
        *parents, leaf = dotted.split("__")
        node = new
        for part in parents:
            node = node[part]
        node[leaf] = value
    return new


def status(rows: list[CompareRow], metric: str) -> str:
    return next(r.status for r in rows if r.metric == metric)


def test_identical_reports_do_not_regress() -> None:
    rows, regressed = compare_reports(OLD, copy.deepcopy(OLD), echo=False)
    assert not regressed
    assert status(rows, "metrics.carb.acc_7_5") == "same"
    assert status(rows, "metrics.carb.n") == "info"


def test_lower_accuracy_is_a_regression() -> None:
    new = changed(metrics__carb__acc_7_5=0.50)
    rows, regressed = compare_reports(OLD, new, {"acc_7_5": 0.05}, echo=False)
    assert regressed
    row = next(r for r in rows if r.metric == "metrics.carb.acc_7_5")
    assert (row.old, row.new, row.direction) == (0.6, 0.5, "higher")
    assert row.delta == pytest.approx(-0.1)
    assert row.status == "regressed"


def test_direction_awareness_and_tolerance() -> None:
    new = changed(
        metrics__carb__acc_7_5=0.58,  # worse, within tolerance 0.05
        metrics__carb__mae=7.0,  # lower MAE: better
        metrics__energy__mae=91.0,  # worse by 1, tolerance 2 via full path
        metrics__carb__bias=1.5,  # |1.5| < |-2|: better
        metrics__energy__bias=-12.0,  # |-12| > |10| by 2, default tolerance 5
        metrics__calibration__coverage=0.9,
    )
    tolerances = {"acc_7_5": 0.05, "metrics.energy.mae": 2.0, "default": 5.0}
    rows, regressed = compare_reports(OLD, new, tolerances, echo=False)
    assert not regressed
    assert status(rows, "metrics.carb.acc_7_5") == "worse"
    assert status(rows, "metrics.carb.mae") == "better"
    assert status(rows, "metrics.energy.mae") == "worse"
    assert status(rows, "metrics.carb.bias") == "better"
    assert status(rows, "metrics.energy.bias") == "worse"
    assert status(rows, "metrics.calibration.coverage") == "better"


def test_higher_error_beyond_tolerance_regresses() -> None:
    _, regressed = compare_reports(OLD, changed(metrics__fat__mae=4.6), {"mae": 0.5}, echo=False)
    assert regressed


def test_missing_metric_regresses_but_new_metric_does_not() -> None:
    rows, regressed = compare_reports(OLD, changed(metrics__carb__acc_7_5=None), echo=False)
    assert regressed and status(rows, "metrics.carb.acc_7_5") == "missing"
    rows, regressed = compare_reports(OLD, changed(metrics__items__precision=0.7), echo=False)
    assert not regressed and status(rows, "metrics.items.precision") == "better"


def test_latency_only_gated_when_asked() -> None:
    slower = changed(latency_ms__p95=9000.0)
    rows, regressed = compare_reports(OLD, slower, echo=False)
    assert not regressed and status(rows, "latency_ms.p95") == "info"
    _, regressed = compare_reports(OLD, slower, {"latency_ms.p95": 1000.0}, echo=False)
    assert regressed


def test_different_datasets_refuse_to_compare() -> None:
    other = changed()
    other["dataset"] = "nutribench/x"
    with pytest.raises(ValueError, match="differ in dataset"):
        compare_reports(OLD, other, echo=False)


def test_printed_table_marks_regression() -> None:
    rows, regressed = compare_reports(OLD, changed(metrics__carb__mae=9.0), echo=False)
    buffer = io.StringIO()
    print_comparison(rows, regressed, Console(file=buffer, width=120))
    text = buffer.getvalue()
    assert "REGRESSED" in text and "metrics.carb.mae" in text and "+1" in text
    assert "metrics.carb.n " not in text  # info rows are not printed


def write_baseline(tmp_path: Path, body: dict[str, Any]) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def test_check_baseline(tmp_path: Path) -> None:
    path = write_baseline(
        tmp_path,
        {
            "tolerance": 0.02,
            "datasets": {
                "builtin/builtin_meals": {
                    "min": {"metrics.carb.acc_7_5": 0.61, "metrics.calibration.coverage": 0.9},
                    "max": {"metrics.carb.mae": 7.0, "metrics.items.precision": 1.0},
                }
            },
        },
    )
    assert check_baseline(OLD, path) == [
        "builtin/builtin_meals: metrics.calibration.coverage = 0.8 below minimum 0.9"
        " (tolerance 0.02)",
        "builtin/builtin_meals: metrics.carb.mae = 8 above maximum 7 (tolerance 0.02)",
        "builtin/builtin_meals: metrics.items.precision is missing from the report",
    ]


def test_check_baseline_per_metric_tolerance_and_unknown_dataset(tmp_path: Path) -> None:
    path = write_baseline(
        tmp_path,
        {
            "datasets": {
                "builtin/builtin_meals": {
                    "tolerance": {"default": 0.0, "metrics.carb.mae": 1.5},
                    "max": {"metrics.carb.mae": 7.0},
                    "min": {"metrics.carb.acc_7_5": 0.6},
                }
            }
        },
    )
    assert check_baseline(OLD, path) == []
    other = changed()
    other["dataset"] = "nutribench/x"
    assert check_baseline(other, path) == ["no baseline for dataset 'nutribench/x'"]
    bad = write_baseline(tmp_path, {"builtin": {}})
    assert "must be an object with a 'datasets' mapping" in check_baseline(OLD, bad)[0]


def test_cli_exit_codes(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(OLD))
    new.write_text(json.dumps(changed(metrics__carb__mae=8.4)))
    assert main(["compare", str(old), str(new), "--tolerance", "mae=0.5"]) == 0
    assert main(["compare", str(old), str(new)]) == 1
    baseline = write_baseline(
        tmp_path, {"datasets": {"builtin/builtin_meals": {"max": {"metrics.carb.mae": 8.2}}}}
    )
    assert main(["gate", str(old), str(baseline)]) == 0
    assert main(["gate", str(new), str(baseline)]) == 1


def test_cli_data_lists_rejections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fs.csv"
    path.write_text("phrase,accepted,reason\nmilk,sr28:01077,x\negg,,x\n", encoding="utf-8")
    assert main(["data", f"food-search:{path}", "builtin"]) == 0
    out = capsys.readouterr().out
    assert "food-search/fs: 1 loaded, 1 rejected" in out
    assert "rejected: fs.csv:3: accepted is empty" in out
    assert "builtin/builtin_meals: 50 loaded, 0 rejected" in out
