"""``proteja status`` and ``proteja timeline``: the 32-state table and the dated history, for people."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from pipeline.cli_app import (
    Lang,
    QueryFormat,
    StatusFormat,
    _cells,
    _connect,
    _console,
    _parse_date,
    _resolve_state,
    app,
)


@app.command()
def status(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today).")] = None,
    state_code: Annotated[str | None, typer.Option("--state", help="One state: ISO code or any name/alias.")] = None,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format.")] = StatusFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels in Spanish or English.")] = Lang.en,
    wide: Annotated[bool, typer.Option("--wide", help="Every column, whatever the terminal's width.")] = False,
) -> None:
    """The federation and the 32 states: which have a specific anti-trafficking law, since when, on what evidence."""
    from pipeline.derive.status import jurisdiction_status_rows
    from pipeline.publish import render

    day = _parse_date(as_of)
    code = _resolve_state(state_code)
    con = _connect()
    try:
        rows = jurisdiction_status_rows(con, day, code)
    finally:
        con.close()
    last_checked = max((r["last_checked"] for r in rows if r["last_checked"]), default=None)
    if fmt is StatusFormat.json:
        sys.stdout.write(render.render_json(rows))
    elif fmt is StatusFormat.csv:
        sys.stdout.write(render.render_csv(rows))
    elif fmt is StatusFormat.md:
        sys.stdout.write(render.render_markdown(rows, as_of=day, last_checked=last_checked, lang=lang.value))
    elif fmt is StatusFormat.html:
        from pipeline.publish.html import status_page

        sys.stdout.write(status_page(rows, as_of=day, last_checked=last_checked))
    else:
        heading = "Situación al {} · revisado {}" if lang is Lang.es else "Status as of {} · last checked {}"
        _console().print(heading.format(day.isoformat(), render.iso(last_checked)))
        _console().print(render.render_text_table(rows, lang=lang.value, wide=wide or _console().width >= 140))
        if len(rows) == 1 and rows[0].get("law_title"):  # one jurisdiction: its law in full, whatever the width
            _console().print(f"{'Ley' if lang is Lang.es else 'Law'}: {rows[0]['law_title']}")
        if len(rows) == 1:  # one jurisdiction: its bills, pending and of ended legislatures
            from pipeline.publish.bills import bill_lines

            for line in bill_lines(rows[0], lang.value):
                _console().print(line, markup=False, highlight=False, soft_wrap=True)
        counts: dict[str, int] = {}
        for row in rows:
            if row["state"] != "MX":  # the counts are of the 32 states
                counts[row["summary"]] = counts.get(row["summary"], 0) + 1
        _console().print("  ".join(f"{render.label(k, lang.value)}: {v}" for k, v in sorted(counts.items())))


@app.command()
def timeline(
    state_code: Annotated[str | None, typer.Option("--state", help="One state: ISO code or any name/alias.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """Every dated event of the states' anti-trafficking laws and bills, with the running count of states with a law."""
    from rich.table import Table

    from pipeline.derive.status import timeline_rows
    from pipeline.publish import render

    code = _resolve_state(state_code)
    con = _connect()
    try:
        rows = timeline_rows(con, code)
    finally:
        con.close()
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(render.jsonable(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is QueryFormat.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["date", "state", "event", "instrument_title", "states_with_law"])
        for r in rows:
            writer.writerow([render.iso(r["date"]), r["state"], r["event"], render.safe_cell(r["instrument_title"]),
                             r["states_with_law"]])  # fmt: skip
        return
    table = Table()
    for column in ("Date", "State", "Event", "Instrument", "States with a law"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(*_cells(render.iso(r["date"]), r["state"], r["event"], r["instrument_title"], r["states_with_law"]))
    _console().print(table)


@app.command()
def history(
    state_code: Annotated[str | None, typer.Option("--state", help="One state: ISO code or any name/alias.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels in Spanish or English.")] = Lang.en,
    since: Annotated[str | None, typer.Option("--since", help="Only the changes on or after this date "
                                              "(YYYY-MM-DD), every jurisdiction's in date order.")] = None,  # fmt: skip
    as_of: Annotated[str | None, typer.Option("--as-of", help="History up to this date (default: today); "
                                              "the span holding it has no end.")] = None,  # fmt: skip
) -> None:
    """Each jurisdiction's status over time: one line per span in which its answer did not change, and what
    changed when it began (the same rows as status_history.csv). Examples: proteja history --state Chihuahua;
    proteja history --since 2025-11-01 (what changed since then, in every state)."""
    from pipeline.derive.status import status_history_rows
    from pipeline.publish import render

    code = _resolve_state(state_code)
    first = _parse_date(since, "--since") if since is not None else None
    day = _parse_date(as_of)
    con = _connect()
    try:
        rows = [r for r in status_history_rows(con, day) if code is None or r["state"] == code]
    finally:
        con.close()
    if first is not None:  # the spans that began on or after it: each is a change (a first span is no change)
        rows = sorted((r for r in rows if r["valid_from"] is not None and r["valid_from"] >= first),
                      key=lambda r: (r["valid_from"], r["inegi"]))  # fmt: skip
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(render.jsonable(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is QueryFormat.csv:
        sys.stdout.write(render.render_history_csv(rows))
    else:
        _console().print(render.render_history_table(rows, lang=lang.value))
