"""`nutriprofile foods search`: hybrid food search from the terminal."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from nutriprofile.cli.common import fail, out, run_with_context
from nutriprofile.context import AppContext
from store.search import FoodHit, SearchQueryError

app = typer.Typer(help="Search the food knowledge base.", no_args_is_help=True)


def hit_json(hit: FoodHit) -> dict[str, object]:
    """A search hit as JSON, nutrients per 100 g."""
    return asdict(hit)


@app.command("search")
def search_cmd(
    query: Annotated[str | None, typer.Argument(help="Food phrase, e.g. 'brown rice'")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="One query per line")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Search foods; with --json print one result list per query."""
    if (query is None) == (file is None):
        raise fail("give either a QUERY or --file QUERIES.txt", 2)
    if file is not None:
        try:
            queries = [q.strip() for q in file.read_text().splitlines() if q.strip()]
        except OSError as exc:
            raise fail(f"cannot read {file}: {exc.strerror}", 2) from exc
    else:
        queries = [query or ""]

    async def body(ctx: AppContext) -> list[list[FoodHit]]:
        return await ctx.search.search_many(queries, limit)

    try:
        results = run_with_context(body)
    except SearchQueryError as exc:
        raise fail(str(exc), 2) from exc
    if as_json:
        print(json.dumps([[hit_json(h) for h in hits] for hits in results], indent=1))
        return
    for q, hits in zip(queries, results, strict=True):
        table = Table("#", "id", "name", "kcal/100 g", "score", title=q, title_justify="left")
        for i, h in enumerate(hits, 1):
            kcal = h.nutrients.get("energy_kcal")
            table.add_row(
                str(i), h.id, h.name, "-" if kcal is None else f"{kcal:g}", f"{h.score:.3f}"
            )
        out.print(table)
