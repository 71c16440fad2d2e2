"""`nutriprofile wearables import|summary`: load health exports, show daily activity.

The CLI is single-user, so everything is stored under the user id ``"local"``.
Failures print one line on stderr and exit non-zero; nothing is half-imported.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Column, Table

from agents.wearables import WearableFormatError
from agents.wearables.daily import DayActivity, resolve_timezone
from nutriprofile.cli.common import err, out, run_with_context
from nutriprofile.context import AppContext
from store.wearables_queries import daily_activity, user_timezone
from store.wearables_rows import ImportSummary
from store.wearables_store import DEFAULT_USER, create_import, run_import

app = typer.Typer(
    help="Import wearable/health exports and summarise activity.", no_args_is_help=True
)
TzOption = Annotated[
    str | None,
    typer.Option(
        "--timezone", help="IANA zone of your days, e.g. Europe/Paris (default: $TZ, else UTC)"
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """One-line error on stderr (never wrapped, whatever the terminal width)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def day_json(row: DayActivity) -> dict[str, Any]:
    """A day's figures as JSON (None where nothing was recorded)."""
    return {**asdict(row), "day": row.day.isoformat()}


def _fmt(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def print_import(summary: ImportSummary) -> None:
    """Human-readable import summary."""
    doc = summary.as_json()
    out.print(
        f"[bold]{doc['format']}[/]: {doc['days']} days "
        f"({doc['first_day'] or '-'} .. {doc['last_day'] or '-'}), "
        f"{summary.inserted:,} new records stored",
        highlight=False,
    )
    for kind, count in doc["records"].items():
        out.print(f"  {kind:<16} {count:>10,}", highlight=False)
    for source in doc["sources"]:
        out.print(f"  source: {source}", highlight=False)
    for error in doc["errors"]:
        out.print(f"  [yellow]warning:[/] {error}", highlight=False)


@app.command("import")
def import_cmd(
    path: Annotated[Path, typer.Argument(help="Export file, folder or zip")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
    timezone: TzOption = None,
) -> None:
    """Import an export (Apple Health, Google Fit, Fitbit, Samsung, FIT, TCX, GPX)."""
    try:
        tz = resolve_timezone(timezone)
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    if not path.exists():
        raise fail(f"{path}: no such file or folder", 2)

    async def body(ctx: AppContext) -> ImportSummary:
        import_id = await create_import(ctx.db, DEFAULT_USER, path.name, tz.key)
        return await run_import(ctx.db, import_id, path, DEFAULT_USER, tz)

    try:
        summary = run_with_context(body)
    except WearableFormatError as exc:
        raise fail(f"import failed, nothing stored: {exc}") from None
    except OSError as exc:
        raise fail(f"import failed, nothing stored: {exc.strerror or exc}") from None
    except Exception as exc:  # one line for the user, never a traceback
        detail = str(exc).splitlines()[0] if str(exc) else ""
        raise fail(f"import failed, nothing stored: {type(exc).__name__} {detail}") from None
    if as_json:
        print(json.dumps(summary.as_json()))
    else:
        print_import(summary)


@app.command("summary")
def summary_cmd(
    start: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the days as JSON")] = False,
    timezone: TzOption = None,
) -> None:
    """Daily steps, energy, resting heart rate and sleep, without double counting."""
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        raise fail(f"bad date: {exc}", 2) from None
    if last < first or (last - first).days > 3660:
        raise fail("--to must be on or after --from, at most 10 years later", 2)

    async def body(ctx: AppContext) -> list[DayActivity]:
        zone = resolve_timezone(timezone or await user_timezone(ctx.db, DEFAULT_USER))
        return await daily_activity(ctx.db, DEFAULT_USER, first, last, zone)

    try:
        rows = run_with_context(body)
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    if as_json:
        print(json.dumps([day_json(r) for r in rows], indent=1))
        return
    table = Table(
        Column("day", no_wrap=True),
        "steps",
        "active kcal",
        "basal kcal",
        "total kcal",
        "resting HR",
        "sleep min",
        "workouts",
    )
    for r in rows:
        total = r.total_energy_kcal
        if total is None and r.active_energy_kcal is not None and r.basal_energy_kcal is not None:
            total = r.active_energy_kcal + r.basal_energy_kcal
        table.add_row(
            r.day.isoformat(),
            _fmt(r.steps),
            _fmt(r.active_energy_kcal),
            _fmt(r.basal_energy_kcal),
            _fmt(total),
            _fmt(r.resting_hr_bpm),
            _fmt(r.sleep_minutes),
            str(r.workouts) if r.workouts else "-",
        )
    out.print(table)
