"""Derive stage: the status of every state as of a date, and the timeline, from the SQL in pipeline/sql/.

The logic is SQL (``status_table(d)``, ``timeline``, ``instrument_spans``); these functions only run
it and return plain rows, so publish and the CLI never compute status themselves.
"""

from __future__ import annotations

import datetime as dt

import duckdb


def _rows(cursor) -> list[dict]:
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def status_rows(con: duckdb.DuckDBPyConnection, as_of: dt.date, state: str | None = None) -> list[dict]:
    """The 32 state rows of ``status_table(as_of)`` (or one state's row), in INEGI order."""
    rows = _rows(con.execute("SELECT * FROM status_table(CAST(? AS DATE))", [as_of]))
    return [r for r in rows if state is None or r["state"] == state]


def jurisdiction_status_rows(con: duckdb.DuckDBPyConnection, as_of: dt.date, state: str | None = None) -> list[dict]:
    """The federation's row then the 32 states' (``jurisdiction_status_table``), or one jurisdiction's row."""
    rows = _rows(con.execute("SELECT * FROM jurisdiction_status_table(CAST(? AS DATE))", [as_of]))
    return [r for r in rows if state is None or r["state"] == state]


def status_history_rows(con: duckdb.DuckDBPyConnection, as_of: dt.date) -> list[dict]:
    """Every jurisdiction's spans of an unchanged answer up to ``as_of`` (``status_history(d)``), in INEGI
    order, oldest first; the span holding ``as_of`` has no end."""
    return _rows(con.execute("SELECT * FROM status_history(CAST(? AS DATE))", [as_of]))


def timeline_rows(con: duckdb.DuckDBPyConnection, state: str | None = None) -> list[dict]:
    """Every dated event of the states' instruments and bills, with the running count of states with a law."""
    rows = _rows(con.execute("SELECT * FROM timeline"))
    return [r for r in rows if state is None or r["state"] == state]


def publication_as_of(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The newest date on which any evidence was checked: the "as of" of a publication.

    A property of the inputs, not of the day the build ran, so builds stay byte-identical.
    """
    row = con.execute(
        "SELECT max(d) FROM (SELECT max(checked_on) AS d FROM evidence_checked "
        "UNION ALL SELECT max(checked_on) FROM reference_evidence "  # legislatures and their rules
        "UNION ALL SELECT max(CAST(retrieved_at AS DATE)) FROM snapshots)"
    ).fetchall()[0]
    return row[0] or dt.date(1970, 1, 1)
