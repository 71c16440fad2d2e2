"""`nutriprofile eval`: accuracy on labelled datasets, reports, comparisons, the CI gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, get_args

import typer
from langchain_core.language_models import BaseChatModel

from evals.baseline import check_baseline
from evals.compare import compare_reports
from evals.loaders.spec import parse_dataset_spec
from evals.predictors import (
    analyzer_predictor,
    model_leg_summary,
    model_predictor,
    search_predictor,
)
from evals.report import build_food_search_report, build_report, write_report
from evals.runner import run_eval, run_food_search_eval
from evals.summary import print_summary
from nutriprofile.cli.common import err, fail, run_with_context
from nutriprofile.context import AppContext
from nutriprofile.settings import LLMSettings, get_settings

DATASET_HELP = "nutribench:PATH | nutrition5k:PATH[:names-only] | builtin[:NAME] | food-search"
BACKENDS: tuple[str, ...] = get_args(LLMSettings.model_fields["backend"].annotation)
BACKEND_HELP = (
    "offline: rule-based parse only | huggingface, local: the model's own parse, grounded "
    "in USDA data, is compared item by item (model from NUTRI_LLM__*)"
)
app = typer.Typer(help="Score accuracy against labelled meals and food phrases.")


def build_backend(backend: str, settings: LLMSettings) -> BaseChatModel | None:
    """The chat model for the model leg, through the coach's factory; None for offline.

    Raises:
        ValueError: An unknown backend, or one missing its configuration.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "offline":
        return None
    from agents.coach.llm import build_chat_model

    return build_chat_model(settings.model_copy(update={"backend": backend}))


async def evaluate(ctx: AppContext, spec: str, limit: int | None, workers: int,
                   progress: bool, llm: BaseChatModel | None = None,
                   backend: str = "offline") -> tuple[dict[str, Any], Any]:  # fmt: skip
    """Run one dataset through the system; returns the report and the raw result.

    With ``llm`` the meals also go through the model leg; the report records the backend
    and how often the model's parse was compared or skipped.
    """
    loader = parse_dataset_spec(spec)
    if loader.is_food_search and llm is not None:
        raise ValueError("food-search ranks foods without a model; use --backend offline")
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
    predict = (
        analyzer_predictor(ctx.analyzer)
        if llm is None
        else model_predictor(ctx.search, llm, ctx.analyzer.validate)
    )
    result = await run_eval(meals, predict, workers, progress, dataset=loaded.dataset)
    report = {**build_report(result), "backend": backend}
    if llm is not None:
        report["model_leg"] = model_leg_summary(result.outcomes)
    return report, result


@app.callback(invoke_without_command=True)
def eval_cmd(
    context: typer.Context,
    dataset: Annotated[str | None, typer.Option("--dataset", help=DATASET_HELP)] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64)] = 8,
    backend: Annotated[str, typer.Option("--backend", help=BACKEND_HELP)] = "offline",
    out: Annotated[Path | None, typer.Option("--out", help="Report folder")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print report JSON on stdout")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Gate file")] = None,
) -> None:
    """Evaluate one dataset: summary table, report.json, report.md and plots."""
    if context.invoked_subcommand is not None:
        return
    if dataset is None:
        raise fail("--dataset is required (e.g. --dataset food-search)", 2)
    try:
        llm = build_backend(backend, get_settings().llm)
        report, result = run_with_context(
            lambda ctx: evaluate(ctx, dataset, limit, workers, not as_json, llm, backend)
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
