"""A read-only query over the published database, safe to put behind ``proteja query`` or a web explorer.

Four locks, each enough against a different mistake:

* the SQL must be exactly one statement and DuckDB must parse it as a query (``SELECT``, ``WITH``,
  ``FROM``, ``VALUES``, ``DESCRIBE``…): ``COPY``, ``EXPORT``, ``ATTACH``, ``INSTALL``/``LOAD``,
  ``SET``, ``PRAGMA``, ``CALL`` and a second statement hidden after ``;`` are refused unrun;
* the file is opened read-only;
* external access is off and the configuration is locked: no file (``read_text('/etc/shadow')``,
  ``read_csv``, ``glob``), no URL, no extension install or autoload, and no ``SET`` can undo it;
* at most ``max_rows`` rows are returned and the query is interrupted after ``timeout_s`` seconds.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

#: DuckDB settings of a query connection (set at connect time, then locked).
SAFE_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}
DEFAULT_MAX_ROWS = 10_000
DEFAULT_TIMEOUT_S = 30.0


class QueryRefused(ValueError):
    """The SQL is not one read-only query, reads outside the database, or ran past a limit."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool  # more than max_rows rows existed


def run_query(
    database: Path, sql: str, *, max_rows: int = DEFAULT_MAX_ROWS, timeout_s: float = DEFAULT_TIMEOUT_S
) -> QueryResult:
    """Run one read-only query; raise :class:`QueryRefused` (or ``duckdb.Error`` for bad SQL)."""
    con = duckdb.connect(str(database), read_only=True, config=SAFE_CONFIG)
    try:
        _check_statement(con, sql)
        timer = threading.Timer(timeout_s, con.interrupt)
        timer.start()
        try:
            cursor = con.execute(sql)
            columns = [c[0] for c in cursor.description] if cursor.description else []
            rows = cursor.fetchmany(max_rows + 1) if columns else []
        except duckdb.InterruptException as exc:
            raise QueryRefused(f"the query ran longer than {timeout_s:g} s and was stopped") from exc
        except duckdb.PermissionException as exc:
            raise QueryRefused(f"only the database can be read, not files or URLs ({_first_line(exc)})") from exc
        finally:
            timer.cancel()
    finally:
        con.close()
    return QueryResult(columns, rows[:max_rows], truncated=len(rows) > max_rows)


def _check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise QueryRefused(f"give exactly one statement, got {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryRefused(f"the query is read-only: only queries are allowed; this is a {kind.name} statement")


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]
