"""`nutriprofile analyze "TEXT"`: analyse a meal in the terminal."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from agents.nutrition.analyzer import MealTextError
from agents.nutrition.models import MealAnalysis
from nutriprofile.cli.common import fail, out, run_with_context


def _range(analysis_range: tuple[float, float] | None) -> str:
    return "-" if analysis_range is None else f"{analysis_range[0]:g}–{analysis_range[1]:g}"


def render(analysis: MealAnalysis) -> None:
    """A readable table: item, grams, kcal, carbs, protein, fat, source, range, flags."""
    columns = ("item", "grams", "kcal", "carbs g", "protein g", "fat g", "source", "kcal range")
    table = Table(*columns, "flags", title=analysis.text[:80], title_justify="left")
    for i in analysis.items:
        n = i.nutrients
        source = f"{i.food.name} ({i.food.id})" if i.food else "unknown"
        table.add_row(
            i.food_phrase, "-" if i.grams is None else f"{i.grams:g}",
            f"{n.get('energy_kcal', 0):.0f}", f"{n.get('carbohydrate_g', 0):.1f}",
            f"{n.get('protein_g', 0):.1f}", f"{n.get('fat_g', 0):.1f}", source,
            _range(i.ranges.get("energy_kcal")), ", ".join(i.flags),
        )  # fmt: skip
    t = analysis.totals
    table.add_row(
        "[bold]total", "", f"[bold]{t.get('energy_kcal', 0):.0f}",
        f"[bold]{t.get('carbohydrate_g', 0):.1f}", f"[bold]{t.get('protein_g', 0):.1f}",
        f"[bold]{t.get('fat_g', 0):.1f}", "", _range(analysis.ranges.get("energy_kcal")), "",
    )  # fmt: skip
    out.print(table)
    for question in analysis.questions:
        out.print(f"[yellow]?[/] {question}", highlight=False)
    for note in analysis.notes:
        out.print(f"[dim]note:[/] {note}", highlight=False)
    if analysis.explanation:
        out.print(analysis.explanation, highlight=False)


def analyze_cmd(
    text: Annotated[str, typer.Argument(help="What you ate, in plain English")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full analysis as JSON")
    ] = False,
) -> None:
    """Analyse a meal: foods, grams and nutrients with USDA provenance."""
    try:
        analysis = run_with_context(lambda ctx: ctx.analyzer.analyze(text))
    except MealTextError as exc:
        raise fail(str(exc), 2) from exc
    if as_json:
        print(json.dumps(asdict(analysis), indent=1, default=str))
    else:
        render(analysis)
