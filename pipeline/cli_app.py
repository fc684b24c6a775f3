"""The Typer app and what every CLI module shares: consoles, the data-dir state, format choices."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from enum import StrEnum

import typer
import typer.core

from pipeline import cli_coerce  # noqa: F401 - plain parameters coerced without importing pydantic
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


@functools.cache
def _console():
    """stdout console, made on first use: rich is imported only by commands that print through it."""
    from rich.console import Console

    # Piped output (make run, CI logs) gets a wide console instead of rich's 80-column default, unless
    # COLUMNS says how wide the reader's terminal is.
    return Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160)


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


def _connect():
    from pipeline.store.db import StoreMissing, connect_read_only

    try:
        return connect_read_only(state.paths.database)
    except StoreMissing as exc:
        _err().print(f"[red]{_esc(exc)}[/red]")
        raise typer.Exit(code=2) from exc


#: The dates a status can be asked for: from the first Mexican trafficking law's century to today.
FIRST_DAY = dt.date(1900, 1, 1)


def _parse_date(value: str | None, flag: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()
    today = dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        _err().print(f"[red]{flag} must be a date YYYY-MM-DD between {FIRST_DAY} and {today}, got {_esc(repr(value))}[/red]")
        raise typer.Exit(code=2) from exc
    if not FIRST_DAY <= day <= today:
        _err().print(f"[red]{flag} {_esc(value)} is out of range: valid dates are {FIRST_DAY} to {today} (today).[/red]")
        raise typer.Exit(code=2)
    return day


def _resolve_state(value: str | None) -> str | None:
    """A jurisdiction code for --state, or exit 2 listing the valid choices."""
    from pipeline.core import jurisdictions

    if value is None:
        return None
    try:
        return jurisdictions.resolve(value)
    except jurisdictions.UnknownJurisdiction:
        choices = ", ".join(j.code for j in jurisdictions.load())
        err.print(f"[red]Unknown state {value!r}.[/red] Valid choices (or any state name): {choices}", soft_wrap=True)
        raise typer.Exit(code=2) from None
