"""``proteja coverage`` and ``proteja sources``: what the sources cover and how healthy they are.

Registered on the main Typer app by :mod:`pipeline.cli` (kept apart so no CLI module grows past ~400 lines).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import _not_available, app, console, err, state


@app.command("coverage")
def coverage_command(
    fmt: Annotated[str, typer.Option("--format", help="table, json or md.")] = "table",
    write: Annotated[Path | None, typer.Option("--write", help="Write the output to this file (e.g. docs/coverage.md).")] = None,
) -> None:
    """Per jurisdiction (federal + 32): law, bills, gazette and dating sources, text profile, how each
    page's structure is known, and the last live run. Generated from the sources' metadata."""
    from pipeline.jobs.coverage import COLUMNS, coverage_rows, render

    rows = coverage_rows(state.paths)
    if fmt not in ("table", "json", "md"):
        err.print(f"[red]unknown format {fmt!r}; choose table, json or md[/red]")
        raise typer.Exit(code=2)
    if fmt == "table" and write is None:
        from rich.table import Table

        table = Table(title="Coverage")
        for column in COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(str(row[c]) for c in COLUMNS))
        console.print(table)
        return
    text = render(rows, "md" if fmt == "table" else fmt)
    if write is not None:
        write.write_text(text, encoding="utf-8")
        console.print(f"wrote {write}")
    else:
        sys.stdout.write(text)


@app.command()
def sources(
    coverage: Annotated[bool, typer.Option("--coverage", help="Print the coverage table from source metadata.")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Per source: last checked, last changed, items found, health and last error; and registry conflicts."""
    from rich.table import Table


    if coverage:
        coverage_command(fmt="table")
        return
    try:
        from pipeline.jobs.scrape import sources_report
    except ImportError as exc:
        _not_available("`proteja sources`", 3, exc)
    report = sources_report(state.paths)
    conflicts = _conflicts_summary()
    if as_json:
        sys.stdout.write(json.dumps({"sources": report, "conflicts": conflicts}, ensure_ascii=False, indent=2,
                                    default=str) + "\n")  # fmt: skip
        return
    table = Table(title="Source health")
    for column in ("source", "last checked", "last changed", "items", "health", "last error"):
        table.add_column(column, overflow="fold")
    for row in report:
        health = " ".join(f"{k}={v}" for k, v in sorted((row.get("health") or {}).items()))
        if not row.get("last_checked"):
            health = "never run (no refresh recorded in data/raw/runs.jsonl)"
        table.add_row(str(row.get("source")), str(row.get("last_checked") or ""), str(row.get("last_changed") or ""),
                      str(row.get("items_found") or ""), health, str(row.get("last_error") or ""))  # fmt: skip
    console.print(table)
    if conflicts:
        console.print(f"[yellow]{len(conflicts)} conflict(s) between sources[/yellow] (proteja query \"select * from conflicts\"):")
        for c in conflicts:
            console.print(f"  {c['instrument_id']} {c['event_type']}: kept {c['kept_value']}, other {c['other_value']} "
                          f"({c['resolution']})")  # fmt: skip


def _conflicts_summary() -> list[dict]:
    from pipeline.store.db import StoreMissing, connect_read_only

    try:
        con = connect_read_only(state.paths.database)
    except StoreMissing:
        return []
    try:
        cursor = con.execute("SELECT * FROM conflicts ORDER BY conflict_id")
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()


# -- inspect and validate --------------------------------------------------------------------------
