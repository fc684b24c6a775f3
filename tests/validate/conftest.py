"""A good database built from a small history, and helpers to seed one bad value into a copy of it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import DataPaths
from pipeline.store import schema
from tests.store.conftest import fact, write_registry

# Oaxaca: a law published, reformed, abrogated and replaced (the ordering seeds move these dates).
# Nuevo León: a bill presented, referred and published, and the law it produced.
# Tabasco: penal code only, and a pending bill.
# Zacatecas: a research record only. The federation: the Ley General.
HISTORY = [
    fact("MX-OAX", "ley-trata-2010", "Ley contra la Trata de Oaxaca (2010)", "ley_estatal_trata", "published",
         "2010-03-06", gazette="Periódico Oficial del Estado de Oaxaca", issue="10"),
    fact("MX-OAX", "ley-trata-2010", "Ley contra la Trata de Oaxaca (2010)", "ley_estatal_trata", "reformed", "2013-05-20"),
    fact("MX-OAX", "ley-trata-2010", "Ley contra la Trata de Oaxaca (2010)", "ley_estatal_trata", "abrogated", "2019-02-01"),
    fact("MX-OAX", "ley-trata-2019", "Ley de Trata de Oaxaca (2019)", "ley_estatal_trata", "published", "2019-02-01",
         official_url="https://www.congresooaxaca.gob.mx/ley-trata.pdf"),
    fact("MX-NLE", "inic-2011-07", "Iniciativa de Ley de Trata de Nuevo León", "iniciativa", "presented", "2011-02-14"),
    fact("MX-NLE", "inic-2011-07", "Iniciativa de Ley de Trata de Nuevo León", "iniciativa", "referred", "2011-02-20"),
    fact("MX-NLE", "inic-2011-07", "Iniciativa de Ley de Trata de Nuevo León", "iniciativa", "published", "2011-07-30"),
    fact("MX-NLE", "ley-trata", "Ley de Trata de Nuevo León", "ley_estatal_trata", "published", "2011-07-30"),
    fact("MX-TAB", "codigo-penal", "Código Penal de Tabasco", "codigo_penal", "observed_in_force", "2017-04-01"),
    fact("MX-TAB", "inic-2024-02", "Iniciativa de ley de trata de Tabasco", "iniciativa", "presented", "2024-02-08"),
    fact("MX-ZAC", "ley-trata", "Ley de Trata de Zacatecas", "ley_estatal_trata", "searched_not_found",
         note="searched the congress catalogue"),
    fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published", "2012-06-14",
         gazette="Diario Oficial de la Federación"),
]  # fmt: skip


@pytest.fixture(scope="session")
def good_data(tmp_path_factory) -> DataPaths:
    """A data folder whose publication was built with validation on (so the history itself passes)."""
    paths = write_registry(tmp_path_factory.mktemp("validate") / "data", HISTORY)
    result = build(paths)
    assert result.validation and result.validation["success"], result.validation
    return paths


@pytest.fixture
def db_copy(good_data, tmp_path) -> Path:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(good_data.database, copy)
    return copy


def seed(database: Path, *statements: str, unconstrained: tuple[str, ...] = ()) -> None:
    """Run statements on a writable copy; tables named in ``unconstrained`` lose their constraints first."""
    con = duckdb.connect(str(database))
    try:
        for table in unconstrained:
            drop_constraints(con, table)
        for sql in statements:
            con.execute(sql)
        schema.rederive(con)  # a built database is a snapshot: what was planted reaches status as in a build
        con.execute("CHECKPOINT")
    finally:
        con.close()


def drop_constraints(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Recreate ``table`` with CREATE TABLE AS: same rows and columns, no PRIMARY KEY or CHECK.

    Only for tables no FOREIGN KEY points at; the views that read them resolve by name again."""
    con.execute(f"CREATE TABLE {table}__copy AS SELECT * FROM {table}")
    con.execute(f"DROP TABLE {table}")
    con.execute(f"ALTER TABLE {table}__copy RENAME TO {table}")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS`` in this process, so every test shares one great-expectations import.

    A crash inside the command is re-raised (never mistaken for a failing exit code)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(["proteja", *args], result.exit_code, result.stdout, result.stderr)


def run_validate(data: DataPaths, database: Path, *extra: str) -> subprocess.CompletedProcess:
    """``proteja validate --db COPY``; the data folder supplies the previous publication."""
    return run_cli("--data-dir", str(data.root), "validate", "--db", str(database), *extra)


def flat(text: str) -> str:
    """Output with rich's line wrapping undone."""
    return " ".join(text.split())
