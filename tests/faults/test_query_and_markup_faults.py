"""`proteja query` is read-only whatever the SQL; titles holding markup print as text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.build import build
from pipeline.cli import app
from pipeline.core.paths import REPO_DIR
from pipeline.store.query import QueryRefused, run_query
from tests.faults.harness import digests
from tests.store.conftest import HISTORY, fact, write_registry

WRITES = {
    "copy_over_status_csv": "COPY (SELECT 1 AS x) TO '{processed}/status.csv' (HEADER)",
    "export_database": "EXPORT DATABASE '{processed}/dump'",
    "attach_read_write_then_delete": "ATTACH '{processed}/proteja.duckdb' AS rw (READ_WRITE); DELETE FROM rw.events",
    "copy_then_select": "COPY (SELECT 1) TO '{processed}/x.csv'; SELECT 42",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "delete": "DELETE FROM events",
    "set_external_access": "SET enable_external_access = true",
    "read_text_local_file": "SELECT * FROM read_text('/etc/passwd')",
    "read_csv_local_file": "SELECT * FROM read_csv('/etc/hostname')",
    "glob": "SELECT * FROM glob('/etc/*')",
    "pragma": "PRAGMA database_list",
    "create_table": "CREATE TABLE t AS SELECT 1",
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_query_refuses_anything_but_one_read_only_query(name, case, published):
    before = digests(published.processed)
    db_before = published.database.read_bytes()
    sql = WRITES[name].format(processed=published.processed)
    done = CliRunner().invoke(app, ["--data-dir", str(published.root), "query", sql])
    assert done.exit_code == 2 and "Query refused" in done.output, done.output
    assert digests(published.processed) == before and published.database.read_bytes() == db_before
    assert not (published.processed / "dump").exists() and not (published.processed / "x.csv").exists()
    case.handled("QueryRefused")


def test_query_limits_rows_and_time(case, published):
    result = run_query(published.database, "SELECT * FROM range(100)", max_rows=10)
    assert len(result.rows) == 10 and result.truncated
    with pytest.raises(QueryRefused, match="longer than 0.2 s"):
        run_query(published.database, "SELECT count(*) FROM range(100000000000) a", timeout_s=0.2)
    ok = run_query(published.database, "SELECT count(*) FROM status_table(DATE '2015-01-01')")
    assert ok.rows == [(32,)]
    case.handled("QueryRefused")


def test_titles_with_rich_markup_and_markdown_print_literally(case, tmp_path):
    title = "Ley [/X] de Trata [abrogada] *vigente* <b>|"
    paths = write_registry(tmp_path / "m", HISTORY + [fact("MX-DUR", "ley", title, "ley_estatal_trata", "published",
                                                           "2010-01-01")])  # fmt: skip
    assert build(paths).validation["success"]
    markdown = (paths.processed / "status.en.md").read_text()
    assert r"| Durango | Law in force | Ley \[/X\] de Trata \[abrogada\] \*vigente\* \<b\>\| |" in markdown
    for args in (["status", "--as-of", "2020-01-01", "--wide"], ["timeline", "--state", "MX-DUR"],
                 ["query", "SELECT title FROM instruments WHERE jurisdiction = 'MX-DUR'"]):
        done = subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), *args], cwd=REPO_DIR,
                              capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        assert "[/X]" in done.stdout and "[abrogada]" in done.stdout, args
    case.handled("escaped")
