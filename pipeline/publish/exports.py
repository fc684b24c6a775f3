"""Write the publications into a candidate folder: tables, status, timeline, datapackage, change feed.

Deterministic by construction: rows are ordered by every column, no wall-clock time is written,
and the publication's "as of" date is the newest date any source was checked (a property of the
inputs, not of the day the build ran).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path

import duckdb

from pipeline.core.descriptions import (
    HISTORY_DESCRIPTION,
    HISTORY_SPAN_COLUMNS,
    STATUS_COLUMNS,
    STATUS_DESCRIPTION,
    TABLE_DESCRIPTIONS,
)
from pipeline.core.paths import DataPaths
from pipeline.core.tables import TABLES
from pipeline.derive.status import (
    jurisdiction_status_rows,
    publication_as_of,
    status_history_rows,
    timeline_rows,
)
from pipeline.publish import changes, html, render, scorecard

#: Published tables, with the columns that order their rows.

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}


def write_publications(database: Path, out_dir: Path, paths: DataPaths) -> list[str]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        written = _write_tables(con, out_dir)
        as_of = publication_as_of(con)
        rows = jurisdiction_status_rows(con, as_of)  # the federation, then the 32 states
        last_checked = max((r["last_checked"] for r in rows if r["last_checked"]), default=None)
        files = {
            "status.json": render.render_json(rows),
            "status.csv": render.render_csv(rows),
            "status.md": render.render_markdown(rows, as_of=as_of, last_checked=last_checked, lang="es"),
            "status.en.md": render.render_markdown(rows, as_of=as_of, last_checked=last_checked, lang="en"),
            "status.html": _status_html(con, rows, as_of, last_checked),
            "status_history.csv": render.render_history_csv(status_history_rows(con, as_of)),
            "timeline.json": json.dumps(render.jsonable(timeline_rows(con)), ensure_ascii=False, indent=2) + "\n",
        }
        score = scorecard.scorecard_rows(con, as_of)
        files["scorecard.csv"] = scorecard.render_csv(score)
        files["scorecard.md"] = scorecard.render_markdown(score, as_of)
        feed = changes.compute(previous_dir=paths.processed, current_status=render.to_json_rows(rows), con=con)
        files["changes.json"] = json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        files["changes.atom"] = changes.render_atom(feed, as_of=as_of)
        files.update(_jurisdiction_pages(con, rows, as_of, score))
        (out_dir / "pages").mkdir(exist_ok=True)
        for name, text in files.items():
            (out_dir / name).write_text(text, encoding="utf-8")
            written.append(name)
        _write_datapackage(con, out_dir, written, as_of)
        written.append("datapackage.json")
    finally:
        con.close()
    return sorted(written)


#: The first year of the adoption chart (the first state law dates from the 2000s).
FIRST_CHART_YEAR = 2004


def _dicts(cursor) -> list[dict]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _status_html(con, rows: list[dict], as_of: dt.date, last_checked) -> str:
    adoption = _dicts(con.execute("SELECT * FROM adoption(?, ?)", [FIRST_CHART_YEAR, as_of.year]))
    reforms = _dicts(con.execute("SELECT * FROM reforms_per_year"))
    undated = con.execute("SELECT reforms FROM reforms_without_year").fetchone()[0]
    return html.status_page(rows, as_of=as_of, last_checked=last_checked, adoption=adoption, reforms=reforms,
                            reforms_undated=undated)  # fmt: skip


def _jurisdiction_pages(con, rows: list[dict], as_of: dt.date, score: list[dict]) -> dict[str, str]:
    """pages/{code}.html for the federation and every state, each with the scorecard of its law in force."""
    history = _dicts(con.execute("SELECT * FROM jurisdiction_history ORDER BY jurisdiction, "
                                 "date_earliest NULLS LAST, event_type, event_id"))  # fmt: skip
    sources = _dicts(con.execute("SELECT * FROM source_coverage ORDER BY jurisdiction, name"))
    spans = status_history_rows(con, as_of)
    out = {}
    for row in rows:
        code = row["state"]
        out[f"pages/{code}.html"] = html.jurisdiction_page(
            row, history=[h for h in history if h["jurisdiction"] == code],
            sources=[s for s in sources if s["jurisdiction"] == code], as_of=as_of,
            scorecard=scorecard.render_html_fragment([r for r in score if r["jurisdiction"] == code]),
            spans=[s for s in spans if s["state"] == code],
        )  # fmt: skip
    return out


def _write_tables(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[str]:
    tables_dir = out_dir / "tables"
    tables_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table, order in TABLES.items():
        csv_path = tables_dir / f"{table}.csv"
        write_safe_csv(con, f"SELECT * FROM {table} ORDER BY {order}", csv_path)
        parquet_path = tables_dir / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{parquet_path}' (FORMAT parquet)")
        written += [f"tables/{table}.csv", f"tables/{table}.parquet"]
    return written


def write_safe_csv(con: duckdb.DuckDBPyConnection, sql: str, path: Path) -> None:
    """CSV with ISO dates, RFC 4180 quoting and formula-injection-safe text cells."""
    cursor = con.execute(sql)
    columns = [c[0] for c in cursor.description]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for values in cursor.fetchall():
            writer.writerow([_csv_value(v) for v in values])


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return render.safe_cell(value)
    return render.iso(value)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _schema(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    cols = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    described = TABLE_DESCRIPTIONS[table][1]
    return {
        "fields": [
            {"name": name, "type": _frictionless_type(kind), "description": described[name]} for name, kind in cols
        ]
    }


#: Descriptions of the files that are not tables (one line each; tables are described in core/descriptions).
FILE_DESCRIPTIONS = {
    "status.json": STATUS_DESCRIPTION + " With citations and the list of pending bills.",
    "status.csv": STATUS_DESCRIPTION,
    "status.md": "The status table as Markdown, in Spanish, with numbered citations.",
    "status.en.md": "The status table as Markdown, in English, with numbered citations.",
    "status.html": "The status page: map, table, charts and citations, one self-contained file.",
    "status_history.csv": HISTORY_DESCRIPTION,
    "timeline.json": "Every dated event of the states' instruments and bills, with the running count of states with a law.",
    "changes.json": "What changed since the previous publication.",
    "changes.atom": "What changed since the previous publication, as an Atom feed.",
}


#: status.csv's and status_history.csv's typed columns (the others are strings).
_STATUS_KINDS = {"law_published": "date", "law_start_earliest": "date", "law_start_latest": "date",
                 "last_reform": "date", "last_checked": "date", "laws_in_force": "integer",
                 "laws_possibly_in_force": "integer", "pending_bills": "integer", "ended_bills": "integer",
                 "valid_from": "date", "valid_until": "date"}  # fmt: skip


def _status_schema(columns: tuple[str, ...] = render.CSV_COLUMNS) -> dict:
    described = {**STATUS_COLUMNS, **HISTORY_SPAN_COLUMNS}
    return {
        "fields": [
            {"name": c, "type": _STATUS_KINDS.get(c, "string"), "description": described[c]} for c in columns
        ]
    }


def _describe(name: str) -> str:
    table = name.removeprefix("tables/").rsplit(".", 1)[0]
    if name.startswith("tables/") and table in TABLE_DESCRIPTIONS:
        return TABLE_DESCRIPTIONS[table][0]
    if name.startswith("pages/"):
        return "The page of one jurisdiction: its law's history, pending bills and sources."
    return FILE_DESCRIPTIONS.get(name, name)


def _frictionless_type(duck_type: str) -> str:
    duck_type = duck_type.upper()
    if duck_type in ("INTEGER", "BIGINT", "SMALLINT"):
        return "integer"
    if duck_type in ("DOUBLE", "FLOAT", "DECIMAL"):
        return "number"
    if duck_type == "BOOLEAN":
        return "boolean"
    if duck_type == "DATE":
        return "date"
    if duck_type.startswith("TIMESTAMP"):
        return "datetime"
    return "string"


def _write_datapackage(con: duckdb.DuckDBPyConnection, out_dir: Path, written: list[str], as_of: dt.date) -> None:
    sources = [
        {"title": title, "path": homepage or "data/registry/facts/"}
        for title, homepage in con.execute("SELECT title, homepage FROM sources ORDER BY name").fetchall()
    ]
    resources = []
    for name in sorted(written):
        path = out_dir / name
        resource = {
            "name": name.replace("/", "-").replace(".", "-").lower(),
            "path": name,
            "bytes": path.stat().st_size,
            "hash": f"sha256:{_sha256(path)}",
            "format": path.suffix.lstrip("."),
            "description": _describe(name),
        }
        if name.endswith(".parquet"):
            # A file resource: frictionless checks its bytes and hash (its tabular reader of Parquet
            # cannot count bytes); the schema still documents the columns, same as the CSV twin.
            resource["type"] = "file"
            resource["mediatype"] = "application/vnd.apache.parquet"
        table = name.removeprefix("tables/").rsplit(".", 1)[0]
        if name.startswith("tables/") and table in TABLES:
            resource["schema"] = _schema(con, table)
        elif name == "status.csv":
            resource["schema"] = _status_schema()
        elif name == "status_history.csv":
            resource["schema"] = _status_schema(render.HISTORY_CSV_COLUMNS)
        resources.append(resource)
    package = {
        "name": "proteja",
        "title": "proteja: Mexican federal and state laws and bills against trafficking in persons",
        "version": as_of.isoformat(),
        "licenses": [LICENCE],
        "sources": sources,
        "as_of": as_of.isoformat(),
        "description": "Mexico's federal and state laws and bills on trafficking in persons (trata de personas), "
        "with a citation for every fact. as_of: the newest day any source was checked.",
        "resources": resources,
    }
    (out_dir / "datapackage.json").write_text(
        json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
