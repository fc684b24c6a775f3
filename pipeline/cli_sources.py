"""``proteja coverage`` and ``proteja sources``: what the sources cover and how healthy they are.

Registered on the main Typer app by :mod:`pipeline.cli` (kept apart so no CLI module grows past ~400 lines).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import _cells, _console, _not_available, app, console, err, state


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
    skipped = _skipped_items()
    if as_json:
        sys.stdout.write(json.dumps({"sources": report, "conflicts": conflicts, "skipped": skipped},
                                    ensure_ascii=False, indent=2, default=str) + "\n")  # fmt: skip
        return
    table = Table(title="Source health")
    for column in ("source", "last checked", "last changed", "items", "health", "last error"):
        table.add_column(column, overflow="fold")
    for row in report:
        health = " ".join(f"{k}={v}" for k, v in sorted((row.get("health") or {}).items()))
        if not row.get("last_checked"):
            health = "never run (no refresh recorded in data/raw/runs.jsonl)"
        table.add_row(*_cells(row.get("source"), row.get("last_checked") or "", row.get("last_changed") or "",
                              row.get("items_found") or "", health, row.get("last_error") or ""))  # fmt: skip
    _console().print(table)
    if skipped:
        _console().print(f"[yellow]{len(skipped)} item(s) skipped by the last build[/yellow] (each classified):")
        for p in skipped:
            _console().print(f"  {p['source']}: {p['outcome']} ({p['error_class']}) {p['item']}: {p['message']}",
                             markup=False)  # fmt: skip
    if conflicts:
        _console().print(f"[yellow]{len(conflicts)} conflict(s) between sources[/yellow] (proteja query \"select * from conflicts\"):")
        for c in conflicts:
            _console().print(f"  {c['instrument_id']} {c['event_type']}: kept {c['kept_value']}, other {c['other_value']} "
                          f"({c['resolution']})", markup=False)  # fmt: skip


def _conflicts_summary() -> list[dict]:
    return _published_rows("SELECT * FROM conflicts ORDER BY conflict_id")


def _skipped_items() -> list[dict]:
    """Per-item failures: the manifest lines the raw store cannot read now, then the last build's problems."""
    from pipeline.fetch.store import RawStore

    found = [{"source": "raw store", "item": f"manifest.jsonl line {p.line_no}", "outcome": "store_error",
              "error_class": "ManifestLineSkipped", "message": p.reason} for p in RawStore(state.paths.raw).problems()]
    built = _published_rows("SELECT source, item, outcome, error_class, message FROM build_problems ORDER BY ordinal")
    return found + [row for row in built if row not in found]


def _published_rows(sql: str) -> list[dict]:
    import duckdb

    from pipeline.store.db import StoreMissing, connect_read_only

    try:
        con = connect_read_only(state.paths.database)
    except StoreMissing:
        return []
    try:
        cursor = con.execute(sql)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]
    except duckdb.CatalogException:
        return []  # a database built before this table existed
    finally:
        con.close()


# -- inspect and validate --------------------------------------------------------------------------
