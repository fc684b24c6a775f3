"""The Typer app and what every CLI module shares: consoles, the data-dir state, format choices."""

from __future__ import annotations

import os
import sys
from enum import StrEnum

import typer
import typer.core
from rich.console import Console

from pipeline.core.paths import DataPaths


def _flag_shows_no_type(display_type_rich):
    """Flags (``--wide``, ``--help``) take no value: their help shows no ``<bool>`` metavar."""

    def display(self, ctx):
        return None if getattr(self, "is_flag", False) else display_type_rich(self, ctx)

    return display


typer.core.TyperOption.display_type_rich = _flag_shows_no_type(typer.core.TyperOption.display_type_rich)

app = typer.Typer(
    help=(
        "proteja: Mexico's federal and state laws and bills against trafficking in persons.\n\n"
        "Start with `proteja build` (builds data/processed/ from the committed data, offline), then "
        "`proteja status` (the 32-state table) or `proteja query \"SQL\"`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output (make run, CI logs) gets a wide console instead of rich's 80-column default, unless
# COLUMNS says how wide the reader's terminal is.
console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160)
err = Console(stderr=True)


class StatusFormat(StrEnum):
    table = "table"
    md = "md"
    csv = "csv"
    json = "json"
    html = "html"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Lang(StrEnum):
    es = "es"
    en = "en"


class _State:
    paths: DataPaths = DataPaths.from_env()


state = _State()


def _not_available(what: str, issue: int, exc: Exception | None = None) -> None:
    detail = f" ({exc})" if exc else ""
    err.print(f"[red]{what} is not available in this build: it arrives with issue #{issue}{detail}.[/red]")
    raise typer.Exit(code=3)
