"""The Typer app and what every CLI module shares: consoles, the data-dir state, format choices."""

from __future__ import annotations

import functools
import sys
from enum import StrEnum

import typer

from pipeline.core.paths import DataPaths

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


@functools.cache
def _console():
    """stdout console, made on first use: rich is imported only by commands that print through it."""
    from rich.console import Console

    # Piped output (make run, CI logs) gets a wide console instead of rich's 80-column default.
    return Console(width=None if sys.stdout.isatty() else 160)


@functools.cache
def _err():
    from rich.console import Console

    return Console(stderr=True)


class _Lazy:
    """``console.print(...)`` without importing rich at start-up (``status --format json`` never needs it)."""

    def __init__(self, make):
        self._make = make

    def __getattr__(self, name):
        return getattr(self._make(), name)


console = _Lazy(_console)
err = _Lazy(_err)


def _esc(value) -> str:
    """Data or user input inside a rich-markup string: printed as is, never parsed as markup."""
    from rich.markup import escape

    return escape(str(value))


def _cells(*values) -> list:
    """Table cells as rich Text, so a title holding '[/X]' or '[abrogada]' prints literally."""
    from rich.text import Text

    return [Text("" if v is None else str(v)) for v in values]


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
