"""Issue 16 §1: the published files open in pandas, Parquet readers, frictionless; everything is described."""

from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pandas as pd
import pytest

from pipeline.core.descriptions import STATUS_COLUMNS, TABLE_DESCRIPTIONS
from pipeline.core.tables import TABLES
from pipeline.publish.render import CSV_COLUMNS


def test_status_csv_is_a_plain_table_with_the_federation_first(built):
    frame = pd.read_csv(built.processed / "status.csv")
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == 33 and frame["state"].iloc[0] == "MX" and frame["state"].iloc[1] == "MX-AGU"
    federal = frame.iloc[0]
    assert federal["law_status"] == "specific_law" and federal["law_title"].startswith("Ley General")
    assert set(frame["summary"]) <= {"enacted", "enacted_reform_pending", "possibly_enacted", "considering",
                                     "none", "unknown"}  # fmt: skip
    # the pending bills are named, not only counted
    with_bills = frame[frame["pending_bills"] > 0]
    assert len(with_bills) > 0
    for _, row in with_bills.iterrows():
        assert len(str(row["pending_bill_ids"]).split()) == row["pending_bills"]


def test_every_parquet_table_reads_in_pandas_with_the_rows_of_its_csv(built):
    for table in TABLES:
        parquet = pd.read_parquet(built.processed / "tables" / f"{table}.parquet")
        with (built.processed / "tables" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(parquet) == len(rows), table
        assert list(parquet.columns) == list(rows[0]) if rows else True


def test_frictionless_validates_the_datapackage_and_catches_a_changed_byte(built, tmp_path):
    frictionless = pytest.importorskip("frictionless", reason="frictionless is in the dev extras")
    report = frictionless.validate(str(built.processed / "datapackage.json"))
    assert report.valid, report.flatten(["title", "message"])[:5]
    assert len(report.tasks) == len(json.loads((built.processed / "datapackage.json").read_text())["resources"])
    copy = tmp_path / "p"
    shutil.copytree(built.processed, copy, ignore=shutil.ignore_patterns("proteja.duckdb"))
    with (copy / "tables" / "events.parquet").open("ab") as fh:
        fh.write(b"x")
    broken = frictionless.validate(str(copy / "datapackage.json"))
    assert not broken.valid
    assert {e["type"] for t in broken.tasks for e in t.to_dict()["errors"]} & {"byte-count", "hash-count"}


def test_every_table_and_column_is_described_in_duckdb_and_the_datapackage(built):
    con = duckdb.connect(str(built.database), read_only=True)
    try:
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        columns = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns()").fetchall()
    finally:
        con.close()
    for table in TABLES:
        assert tables[table] == TABLE_DESCRIPTIONS[table][0]
    undescribed = [(t, c) for t, c, comment in columns if t in TABLES and not comment]
    assert undescribed == []
    assert ("events", "date_text") in {(t, c) for t, c, _ in columns}
    package = json.loads((built.processed / "datapackage.json").read_text())
    assert package["description"]
    for resource in package["resources"]:
        assert resource["description"], resource["path"]
        for field in resource.get("schema", {}).get("fields", []):
            assert field["description"], (resource["path"], field["name"])
    status = next(r for r in package["resources"] if r["path"] == "status.csv")
    assert [f["name"] for f in status["schema"]["fields"]] == list(CSV_COLUMNS)
    assert all(f["description"] == STATUS_COLUMNS[f["name"]] for f in status["schema"]["fields"])
