"""The ``nutriprofile`` command."""

from __future__ import annotations

import logging

import typer

from nutriprofile.cli import analyze, data, evaluate, foods, serve, wearables

app = typer.Typer(
    help="NutriProfile Agents: nutrition agents grounded in USDA data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(data.app, name="data")
app.add_typer(foods.app, name="foods")
app.add_typer(wearables.app, name="wearables")
app.add_typer(evaluate.app, name="eval")
app.command("serve")(serve.serve_cmd)
app.command("analyze")(analyze.analyze_cmd)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more")) -> None:
    """Configure logging once for every command."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
