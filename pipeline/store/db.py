"""Connections to the DuckDB store. Analysts' queries go through :func:`connect_read_only`."""

from __future__ import annotations

from pathlib import Path

import duckdb


class StoreMissing(FileNotFoundError):
    """The database has not been built yet."""


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise StoreMissing(f"no database at {path}; run `proteja build` first")
    return duckdb.connect(str(path), read_only=True)


def connect_new(path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh, writable database at ``path`` (removed first if it exists)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    return duckdb.connect(str(path))
