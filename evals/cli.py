"""Command line for the parts of the eval loop that need no predictor.

``python -m evals.cli data SPEC...`` loads datasets and lists rejected rows;
``python -m evals.cli compare OLD.json NEW.json`` prints deltas and exits 1 on a
regression; ``python -m evals.cli gate REPORT.json BASELINE.json`` exits 1 when a
report breaks its baseline.  Running a predictor is left to the application
CLI, which owns the analysis pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.baseline import check_baseline
from evals.compare import compare_reports
from evals.loaders import parse_dataset_spec
from evals.types import FoodSearchLoadResult


def _read(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: not a JSON object")
    return data


def _data(specs: Sequence[str]) -> int:
    """Load each dataset; print counts, notes and every rejected row."""
    for spec in specs:
        loaded = parse_dataset_spec(spec)()
        if isinstance(loaded, FoodSearchLoadResult):
            count, notes = len(loaded.cases), []
        else:
            count, notes = len(loaded.meals), loaded.notes
        print(f"{loaded.dataset}: {count} loaded, {len(loaded.rejected)} rejected")
        for note in notes:
            print(f"  note: {note}")
        for message in loaded.rejected:
            print(f"  rejected: {message}")
    return 0


def _tolerances(pairs: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--tolerance expects KEY=VALUE, got {pair!r}")
        out[key] = float(value)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run one sub-command; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m evals.cli", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="load datasets and report rejected rows")
    data.add_argument("specs", nargs="+")
    compare = sub.add_parser("compare", help="compare two report.json files")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    compare.add_argument("--tolerance", action="append", default=[], metavar="KEY=VALUE")
    gate = sub.add_parser("gate", help="check a report.json against a baseline")
    gate.add_argument("report", type=Path)
    gate.add_argument("baseline", type=Path)
    args = parser.parse_args(argv)
    if args.command == "data":
        return _data(args.specs)
    if args.command == "compare":
        tolerances = _tolerances(args.tolerance)
        _, regressed = compare_reports(_read(args.old), _read(args.new), tolerances)
        return 1 if regressed else 0
    failures = check_baseline(_read(args.report), args.baseline)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
