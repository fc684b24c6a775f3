"""A SQLite copy of the publication for Datasette (``proteja serve``), with its metadata.json.

Every published table, plus ``status`` (the federation and the 32 states as of the publication),
``status_history`` (each jurisdiction's spans of an unchanged answer), ``adoption`` (the certain/possible band per year) and ``timeline``. Descriptions come from
:mod:`pipeline.core.descriptions`, so the explorer says what the files say.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import duckdb

from pipeline.core.descriptions import (
    HISTORY_DESCRIPTION,
    HISTORY_SPAN_COLUMNS,
    STATUS_COLUMNS,
    STATUS_DESCRIPTION,
    TABLE_DESCRIPTIONS,
)
from pipeline.core.tables import TABLES
from pipeline.derive.status import jurisdiction_status_rows, publication_as_of, status_history_rows
from pipeline.publish.dates import start_label
from pipeline.publish.render import flat_lists

LICENCE = ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
SOURCE = "Official gazettes and congresses of Mexico, via proteja's registry and raw store (see sources, evidence)"
FIRST_YEAR = 2000

#: Canned queries: the README's questions, in SQLite's dialect.
QUERIES = {
    "states_with_a_law": {
        "title": "Which states have a specific anti-trafficking law, since when?",
        "sql": "SELECT state, name, law_title, law_since, law_evidence FROM status "
               "WHERE law_status = 'specific_law' ORDER BY state",
    },
    "possible_or_unknown": {
        "title": "Where is the answer only possible, or unknown?",
        "sql": "SELECT state, name, law_status, law_title, law_since FROM status "
               "WHERE law_status IN ('possible_law', 'unknown') ORDER BY state",
    },
    "state_history": {
        "title": "One state's status over time: each span in which its answer held",
        "sql": "SELECT valid_from, valid_until, summary, law_title, pending_bills FROM status_history "
               "WHERE state = :state ORDER BY valid_from IS NOT NULL, valid_from",
    },
    "adoption_band": {
        "title": "States with a law, year by year: certainly and possibly",
        "sql": "SELECT year, states_with_law, states_possibly_with_law, states_unknown FROM adoption ORDER BY year",
    },
    "pending_bills": {
        "title": "Which trafficking bills are pending, and where?",
        "sql": "SELECT state, name, pending_bills, pending_bill_ids FROM status WHERE pending_bills > 0 ORDER BY state",
    },
    "facts_behind_a_state": {
        "title": "Every fact behind one state, with its evidence",
        "sql": "SELECT e.event_type, e.event_date, e.date_text, ev.kind, ev.confidence, "
               "coalesce(ev.url, ev.source_url) AS cited FROM events e JOIN instruments i USING (instrument_id) "
               "JOIN evidence ev ON ev.fact_table = 'events' AND ev.fact_id = e.event_id "
               "WHERE i.jurisdiction = :state ORDER BY e.date_earliest",
    },
    "conflicts": {"title": "Where sources disagree, and what was kept", "sql": "SELECT * FROM conflicts"},
}  # fmt: skip


def _value(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return value


def _copy(con: duckdb.DuckDBPyConnection, out: sqlite3.Connection, name: str, sql: str, params=()) -> None:
    cursor = con.execute(sql, list(params))
    columns = [c[0] for c in cursor.description]
    out.execute(f'CREATE TABLE "{name}" ({", ".join(chr(34) + c + chr(34) for c in columns)})')
    out.executemany(
        f'INSERT INTO "{name}" VALUES ({", ".join("?" for _ in columns)})',
        [tuple(_value(v) for v in row) for row in cursor.fetchall()],
    )


def _status_table(out: sqlite3.Connection, name: str, rows: list[dict], span: list[str]) -> None:
    """The status rows as a flat table: the span columns (history only), the status columns, evidence_urls."""
    columns = span + [c for c in STATUS_COLUMNS if c not in ("evidence_urls",)]
    out.execute(f"CREATE TABLE {name} ({', '.join(columns + ['evidence_urls'])})")
    for row in rows:
        row["law_since"] = start_label(row, "en")
        if "changed" in row:
            row["changed"] = " ".join(row["changed"] or [])
        row.update(flat_lists(row))
        out.execute(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in range(len(columns) + 1))})",
                    [_value(row.get(c)) for c in columns] + [row["evidence_urls"]])  # fmt: skip


def write_sqlite(database: Path, target: Path) -> Path:
    """Write ``target`` (replacing it) from the DuckDB publication ``database``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(database), read_only=True)
    out = sqlite3.connect(partial)
    try:
        for table, order in TABLES.items():
            _copy(con, out, table, f"SELECT * FROM {table} ORDER BY {order}")
        as_of = publication_as_of(con)
        _status_table(out, "status", jurisdiction_status_rows(con, as_of), [])
        _status_table(out, "status_history", status_history_rows(con, as_of), list(HISTORY_SPAN_COLUMNS))
        _copy(con, out, "adoption", "SELECT * FROM adoption(?, ?)", (FIRST_YEAR, as_of.year))
        _copy(con, out, "timeline", "SELECT * FROM timeline")
        out.commit()
    finally:
        out.close()
        con.close()
    partial.replace(target)
    return target


def metadata(database_name: str = "proteja") -> dict:
    """Datasette metadata: each table's description, source and licence; canned queries."""
    common = {"source": SOURCE, "license": LICENCE[0], "license_url": LICENCE[1]}
    tables = {t: {"description": d, "columns": cols, **common} for t, (d, cols) in TABLE_DESCRIPTIONS.items()}
    tables["status"] = {"description": STATUS_DESCRIPTION, "columns": dict(STATUS_COLUMNS), **common}
    tables["status_history"] = {"description": HISTORY_DESCRIPTION,
                                "columns": {**HISTORY_SPAN_COLUMNS, **STATUS_COLUMNS}, **common}  # fmt: skip
    tables["adoption"] = {"description": "At each year end, the states certainly with a law, possibly with one, "
                          "unknown and without one.", **common}  # fmt: skip
    tables["timeline"] = {"description": "Every dated event of the states' instruments and bills.", **common}
    return {
        "title": "proteja: Mexico's laws and bills against trafficking in persons",
        **common,
        "databases": {database_name: {"tables": tables, "queries": QUERIES}},
    }
