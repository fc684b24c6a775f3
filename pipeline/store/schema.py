"""Apply ``pipeline/sql/tables/*.sql`` (tables), ``pipeline/sql/derive/*.sql`` (views and macros) and, last,
``pipeline/sql/materialise/*.sql`` (the build's snapshot of the date-independent views), in file order.

``{{vocab:NAME}}`` placeholders become SQL ``IN`` lists from :mod:`pipeline.core.vocab`, so the CHECK
constraints and the Python vocabularies are one thing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

from pipeline.core import vocab
from pipeline.core.descriptions import TABLE_DESCRIPTIONS
from pipeline.core.paths import DERIVE_SQL_DIR, MATERIALISE_SQL_DIR, TABLES_SQL_DIR

_PLACEHOLDER = re.compile(r"\{\{vocab:([a-z_]+)\}\}")
_ORDER_PLACEHOLDER = re.compile(r"\{\{vocab_order:([a-z_]+)\}\}")


def render(sql: str) -> str:
    """``{{vocab:NAME}}`` → an ``IN`` list; ``{{vocab_order:NAME}}`` → the values as a list in their written
    order (for ``list_position``: e.g. a bill's later step wins a same-day tie)."""
    sql = _ORDER_PLACEHOLDER.sub(lambda m: vocab.sql_ordered_list(m.group(1)), sql)
    return _PLACEHOLDER.sub(lambda m: vocab.sql_in_list(m.group(1)), sql)


def table_files() -> list[Path]:
    return sorted(TABLES_SQL_DIR.glob("*.sql"))


def derive_files() -> list[Path]:
    return sorted(DERIVE_SQL_DIR.glob("*.sql"))


def materialise_files() -> list[Path]:
    return sorted(MATERIALISE_SQL_DIR.glob("*.sql"))


def schema_version() -> str:
    """A short hash of every schema and derivation file: changes whenever the SQL changes."""
    digest = hashlib.sha256()
    for path in table_files() + derive_files() + materialise_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def apply_tables(con: duckdb.DuckDBPyConnection) -> None:
    for path in table_files():
        con.execute(render(path.read_text(encoding="utf-8")))
    con.execute("INSERT INTO schema_meta VALUES ('schema_version', ?)", [schema_version()])
    apply_comments(con)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """``COMMENT ON`` every published table and column, from :mod:`pipeline.core.descriptions`."""
    for table, (description, columns) in TABLE_DESCRIPTIONS.items():
        con.execute(f"COMMENT ON TABLE {table} IS {_quote(description)}")
        for column, text in columns.items():
            con.execute(f"COMMENT ON COLUMN {table}.{column} IS {_quote(text)}")


def apply_derivations(con: duckdb.DuckDBPyConnection) -> None:
    for path in derive_files():
        con.execute(render(path.read_text(encoding="utf-8")))


def materialise(con: duckdb.DuckDBPyConnection) -> None:
    """After :func:`apply_derivations`, once every table is loaded: the date-independent views become tables
    and ``status_as_of(d)`` a lookup in ``status_periods`` (same rows; the database is read-only from here)."""
    for path in materialise_files():
        con.execute(render(path.read_text(encoding="utf-8")))


_MADE = re.compile(r"(?:RENAME TO|CREATE TABLE) (\w+)")


def materialised_names() -> list[str]:
    """The tables :func:`materialise` makes (each ``RENAME TO x`` and ``CREATE TABLE x`` of its files)."""
    names = [m.group(1) for path in materialise_files() for m in _MADE.finditer(path.read_text(encoding="utf-8"))]
    return [n for n in dict.fromkeys(names) if not n.startswith("_")]


def rederive(con: duckdb.DuckDBPyConnection) -> None:
    """Derive again after the loaded tables changed (a built database is a snapshot): drop what
    :func:`materialise` made, re-create the views and macros, materialise again."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    for name in materialised_names():
        if name in tables:
            con.execute(f"DROP TABLE {name}")
    apply_derivations(con)
    materialise(con)
