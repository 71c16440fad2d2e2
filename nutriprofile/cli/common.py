"""Helpers every CLI command shares: async entry, context, progress, errors."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from nutriprofile.context import AppContext, open_context
from nutriprofile.settings import get_settings

T = TypeVar("T")
err = Console(stderr=True)
out = Console()


def run_with_context(body: Callable[[AppContext], Awaitable[T]]) -> T:
    """Open the app context, run ``body``, close the context."""

    async def _main() -> T:
        ctx = await open_context(get_settings())
        try:
            return await body(ctx)
        finally:
            await ctx.close()

    return asyncio.run(_main())


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Callable[[str, int, int], None]]:
    """A ``(stage, done, total)`` callback drawing one bar per stage on stderr."""
    if not enabled or not sys.stderr.isatty():
        yield lambda stage, done, total: None
        return
    with Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,}"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
