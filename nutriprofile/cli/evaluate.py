"""`nutriprofile eval`: accuracy on labelled datasets, reports, comparisons, the CI gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from evals.baseline import check_baseline
from evals.compare import compare_reports
from evals.loaders.spec import parse_dataset_spec
from evals.predictors import analyzer_predictor, search_predictor
from evals.report import build_food_search_report, build_report, write_report
from evals.runner import run_eval, run_food_search_eval
from evals.summary import print_summary
from nutriprofile.cli.common import err, fail, run_with_context
from nutriprofile.context import AppContext

DATASET_HELP = "nutribench:PATH | nutrition5k:PATH[:names-only] | builtin[:NAME] | food-search"
app = typer.Typer(help="Score accuracy against labelled meals and food phrases.")


async def evaluate(ctx: AppContext, spec: str, limit: int | None, workers: int,
                   progress: bool) -> tuple[dict[str, Any], Any]:  # fmt: skip
    """Run one dataset through the system; returns the report and the raw result."""
    loader = parse_dataset_spec(spec)
    if loader.is_food_search:
        cases = loader.load_cases()
        for message in cases.rejected:
            err.print(f"rejected: {message}", highlight=False)
        picked = cases.cases[:limit] if limit else cases.cases
        found = await run_food_search_eval(
            picked, search_predictor(ctx.search), workers, progress, dataset=cases.dataset
        )
        return build_food_search_report(found), found
    loaded = loader.load_meals()
    for message in loaded.rejected:
        err.print(f"rejected: {message}", highlight=False)
    if loaded.rejected:
        err.print(f"{len(loaded.rejected)} malformed rows rejected", highlight=False)
    meals = loaded.meals[:limit] if limit else loaded.meals
    result = await run_eval(
        meals, analyzer_predictor(ctx.analyzer), workers, progress, dataset=loaded.dataset
    )
    return build_report(result), result


@app.callback(invoke_without_command=True)
def eval_cmd(
    context: typer.Context,
    dataset: Annotated[str | None, typer.Option("--dataset", help=DATASET_HELP)] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64)] = 8,
    backend: Annotated[
        str, typer.Option("--backend", help="offline|huggingface|local")
    ] = "offline",
    out: Annotated[Path | None, typer.Option("--out", help="Report folder")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print report JSON on stdout")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Gate file")] = None,
) -> None:
    """Evaluate one dataset: summary table, report.json, report.md and plots."""
    if context.invoked_subcommand is not None:
        return
    if dataset is None:
        raise fail("--dataset is required (e.g. --dataset food-search)", 2)
    if backend != "offline":
        raise fail(f"backend {backend!r} does not parse meals yet; the offline engine does", 2)
    try:
        report, result = run_with_context(
            lambda ctx: evaluate(ctx, dataset, limit, workers, progress=not as_json)
        )
    except (ValueError, OSError) as exc:
        raise fail(str(exc), 2) from exc
    print_summary(report)
    if out is not None:
        for path in write_report(report, result, out):
            err.print(f"wrote {path}", highlight=False)
    if as_json:
        print(json.dumps(report, indent=1))
    if baseline is not None:
        failures = check_baseline(report, baseline)
        for line in failures:
            err.print(f"[red]regression:[/] {line}", highlight=False)
        if failures:
            raise typer.Exit(1)


@app.command("compare")
def compare_cmd(old: Path, new: Path) -> None:
    """Print metric deltas between two report.json files; exit 1 on a regression."""
    try:
        before, after = (json.loads(p.read_text()) for p in (old, new))
    except (OSError, ValueError) as exc:
        raise fail(f"cannot read report: {exc}", 2) from exc
    _, regressed = compare_reports(before, after)
    if regressed:
        raise typer.Exit(1)
