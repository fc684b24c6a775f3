"""Insert dict rows into a DuckDB table: the one place every build step writes rows through."""

from __future__ import annotations

import duckdb


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert dict rows via a DataFrame (fast, and types are cast by the table's declared columns).

    pandas is imported here, when something is built, so commands that only read never import it.
    """
    if not rows:
        return
    import pandas as pd

    columns = list(rows[0])
    frame = pd.DataFrame.from_records(rows, columns=columns).astype(object)
    frame = frame.where(frame.notna(), None)
    con.register("_rows", frame)
    try:
        col_list = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({col_list}) SELECT {col_list} FROM _rows")
    finally:
        con.unregister("_rows")
