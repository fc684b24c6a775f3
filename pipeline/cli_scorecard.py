"""``proteja scorecard``: each law in force against the harmonisation elements (issue 18).

Registered on the main Typer app by :mod:`pipeline.cli`. ``--file`` scores one document without a build.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import app, console, err, state

FORMATS = ("table", "json", "csv", "md")


@app.command("scorecard")
def scorecard_command(
    state_code: Annotated[str | None, typer.Option("--state", help="Jurisdiction code, e.g. MX-DUR.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date D (YYYY-MM-DD); default: today.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Score one law document (PDF, HTML, DOCX…) without a build.",
                                              exists=True, dir_okay=False)] = None,  # fmt: skip
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv or md.")] = "table",
) -> None:
    """The state's law in force at D × elements: present / partial / absent, with the provisions and an excerpt."""
    from pipeline.publish import scorecard

    if fmt not in FORMATS:
        err.print(f"[red]unknown format {fmt!r}; choose {', '.join(FORMATS)}[/red]")
        raise typer.Exit(code=2)
    day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    rows = _file_rows(file) if file is not None else _database_rows(day, state_code)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        sys.stdout.write(scorecard.render_csv(rows))
    elif fmt == "md":
        sys.stdout.write(scorecard.render_markdown(rows, day))
    else:
        from rich.table import Table

        table = Table(title=f"Scorecard {day.isoformat()}")
        for column in ("jurisdiction", "element", "finding", "provisions", "excerpt"):
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(row["jurisdiction"], row["element"], row["finding"], scorecard._articles(row),
                          (row.get("excerpt") or "")[:80])  # fmt: skip
        console.print(table)


def _file_rows(file: Path) -> list[dict]:
    from pipeline.core.errors import ScrapeError
    from pipeline.harmonise.elements import load_catalogue
    from pipeline.harmonise.matcher import score_law_document
    from pipeline.parse.law import parse_law

    path = file.resolve()
    try:
        doc = parse_law(path.read_bytes(), url=path.as_uri())
    except ScrapeError as exc:
        err.print(f"[red]{exc.outcome}:[/red] {exc}")
        raise typer.Exit(code=1) from exc
    labels = {e.code: e for e in load_catalogue()}
    rows = []
    for f in score_law_document(doc, version_id=path.name):
        element = labels[f.element]
        rows.append({"jurisdiction": "file", "jurisdiction_name": path.name, "instrument_id": None,
                     "law_title": doc.title, "version_id": f.version_id, "element": f.element,
                     "label_es": element.label_es, "label_en": element.label_en, "expectation": element.expectation,
                     "finding": f.finding, "confidence": f.confidence, "provision_ids": "|".join(f.provision_ids) or None,
                     "articles": sorted({i.split("~", 1)[1].split(".")[0] for i in f.provision_ids}),
                     "excerpt": f.excerpt, "rules_fired": "|".join(f.rules_fired) or None,
                     "rules_version": f.rules_version, "needs_review": f.needs_review})  # fmt: skip
    return rows


def _database_rows(day: dt.date, state_code: str | None) -> list[dict]:
    from pipeline.publish.scorecard import scorecard_rows
    from pipeline.store.db import StoreMissing, connect_read_only

    try:
        con = connect_read_only(state.paths.database)
    except StoreMissing as exc:
        err.print(f"[red]no database at {state.paths.database}; run `proteja build` (or use --file)[/red]")
        raise typer.Exit(code=2) from exc
    try:
        return scorecard_rows(con, day, state_code)
    finally:
        con.close()
