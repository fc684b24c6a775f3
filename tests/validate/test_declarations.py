"""The declared suites agree with the schema and the vocabularies; GX is imported lazily and stays offline."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys

import duckdb
import pytest

from pipeline.core import vocab
from pipeline.core.paths import REPO_DIR
from pipeline.core.tables import TABLES
from pipeline.store import schema
from pipeline.validate import expectations as ex
from pipeline.validate.suites import validate_database


def _schema_keys() -> dict[str, set[tuple[str, ...]]]:
    con = duckdb.connect()
    schema.apply_tables(con)
    rows = con.execute(
        "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
    ).fetchall()
    keys: dict[str, set[tuple[str, ...]]] = {}
    for table, _, columns in rows:
        keys.setdefault(table, set()).add(tuple(columns))
    primary = {t: tuple(c) for t, kind, c in rows if kind == "PRIMARY KEY"}
    return keys, primary


def test_declared_keys_cover_every_schema_key_and_start_with_the_primary_key():
    keys, primary = _schema_keys()
    for table in TABLES:
        declared = ex.KEYS[table]
        assert declared[0] == primary[table], table
        assert keys[table] <= set(declared), table


def test_every_published_table_and_the_status_table_have_checks():
    tables = {c.table for c in ex.checks(dt.date(2026, 1, 1))}
    assert set(TABLES) | {ex.STATUS} <= tables


def test_vocabulary_checks_are_generated_from_pipeline_vocab():
    in_set = {(c.table, c.column): c.kwargs["value_set"] for c in ex.checks(dt.date(2026, 1, 1))
              if c.expectation == "expect_column_values_to_be_in_set"}  # fmt: skip
    assert in_set[("events", "event_type")] == sorted(vocab.EVENT_TYPES)
    assert in_set[("bill_events", "event_type")] == sorted(vocab.BILL_EVENT_TYPES)
    assert in_set[("status", "summary")] == sorted(vocab.SUMMARY_STATUSES)
    # closed sets that live only in the schema are read from it, not retyped
    assert in_set[("evidence", "fact_table")] == ["bill_events", "bills", "effects", "events", "instrument_versions"]
    assert in_set[("conflicts", "resolution")] == ["official_over_secondary", "scraped_over_curated", "unresolved"]
    assert len(in_set[("instruments", "jurisdiction")]) == 33 and len(in_set[("status", "state")]) == 32


def test_date_bounds_are_1900_and_the_end_of_the_build_date():
    between = [c for c in ex.checks(dt.date(2026, 3, 1)) if c.expectation == "expect_column_values_to_be_between"]
    assert {c.kwargs["min_value"] for c in between} == {dt.datetime(1900, 1, 1)}
    assert {c.kwargs["max_value"] for c in between} == {dt.datetime(2026, 3, 1, 23, 59, 59, 999999)}
    assert ("evidence", "retrieved_at") in {(c.table, c.column) for c in between}


def test_importing_validation_or_the_cli_does_not_import_great_expectations():
    code = ("import sys, pipeline.cli, pipeline.build, pipeline.validate.suites; "
            "print('great_expectations' in sys.modules)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_DIR)
    assert result.stdout.strip() == "False"


def test_validation_opens_no_network_connection(good_data, db_copy, tmp_path, monkeypatch):
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    report = validate_database(db_copy, previous_publication=good_data.processed, allow_shrink=False,
                               report_dir=tmp_path / "r")  # fmt: skip
    assert report["success"] is True
    assert attempts == []


def test_the_report_is_deterministic_json_with_sorted_keys(good_data, db_copy, tmp_path):
    kwargs = dict(previous_publication=good_data.processed, allow_shrink=False, build_date=dt.date(2026, 6, 1))
    first = validate_database(db_copy, report_dir=tmp_path / "a", **kwargs)
    validate_database(db_copy, report_dir=tmp_path / "b", **kwargs)
    a = (tmp_path / "a" / "validation.json").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / "validation.json").read_text(encoding="utf-8")
    assert a == json.dumps(first, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert first["build_date"] == "2026-06-01" and first["previous_publication"] == str(good_data.processed)
    result = first["results"][0]
    assert sorted(result) == ["column", "description", "details", "expectation", "family", "gx_expectation",
                              "success", "table", "unexpected"]  # fmt: skip


def test_a_missing_table_fails_instead_of_crashing(good_data, db_copy, tmp_path):
    con = duckdb.connect(str(db_copy))
    con.execute("DROP TABLE conflicts")
    con.close()
    report = validate_database(db_copy, previous_publication=None, allow_shrink=False, report_dir=tmp_path / "r")
    failed = [(r["expectation"], r["table"]) for r in report["results"] if not r["success"]]
    assert failed == [("expect_table_to_be_readable", "conflicts")]
    loss = [r for r in report["results"] if r["family"] == "no_silent_loss"]
    assert loss and all(r["details"].get("note") == "no previous publication to compare with" for r in loss)


@pytest.mark.parametrize("value", ["https://dof.gob.mx/nota.php?codigo=1", "http://congreso.gob.mx/a b"])
def test_url_regex(value):
    import re

    assert bool(re.match(ex.URL_REGEX, value)) is (" " not in value)
