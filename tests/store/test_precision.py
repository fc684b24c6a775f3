"""Dates with precision through the registry, the loader, the change feed and the publications."""

from __future__ import annotations

import json

from pipeline.build import build
from pipeline.core.dates import DateSpan
from pipeline.publish.dates import span_label, start_label
from tests.store.conftest import fact, status_of, write_registry

LAW = ("MX-DUR", "ley-trata", "Ley de Trata de Durango", "ley_estatal_trata")


def _build(root, rows):
    """A validated build: only it publishes into data/processed and becomes the change feed's baseline."""
    paths = write_registry(root, rows)
    assert build(paths).validation["success"]
    return paths


def test_a_year_refined_to_a_day_is_a_refinement_not_a_new_event(tmp_path):
    paths = _build(tmp_path / "d", [fact(*LAW, "published", "2012", confidence="secondary", source_kind="press",
                                         source_url="https://press.example.com/a")])  # fmt: skip
    first = json.loads((paths.processed / "status.json").read_text())
    durango = next(r for r in first if r["state"] == "MX-DUR")
    assert (durango["law_published_text"], durango["law_since"]) == ("2012", "published 2012, day unknown")
    write_registry(paths.root, [
        fact(*LAW, "published", "2012", confidence="secondary", source_kind="press",
             source_url="https://press.example.com/a"),
        fact(*LAW, "published", "2012-07-15", gazette="Periódico Oficial del Estado de Durango"),
    ])  # fmt: skip
    assert build(paths).validation["success"]
    feed = json.loads((paths.processed / "changes.json").read_text())["changes"]
    refinements = [c for c in feed if c["kind"] == "refinement"]
    assert [(c["subject"], c["from"], c["to"]) for c in refinements] == [("MX-DUR/ley-trata", "2012", "2012-07-15")]
    assert not [c for c in feed if c["kind"] in ("new_law", "event") and c["subject"] == "MX-DUR/ley-trata"]
    import duckdb

    con = duckdb.connect(str(paths.database), read_only=True)
    assert con.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0  # overlapping dates do not conflict
    assert con.execute("SELECT date_text, superseded FROM events ORDER BY date_text").fetchall() == [
        ("2012", True), ("2012-07-15", False)]
    assert status_of(con, "2012-07-15", "MX-DUR")["law_status"] == "specific_law"
    assert status_of(con, "2012-07-14", "MX-DUR")["law_status"] == "unknown"


def test_disjoint_dates_conflict_and_a_year_only_law_is_possible_within_its_year(tmp_path):
    paths = _build(tmp_path / "d", [
        fact(*LAW, "published", "2011", confidence="secondary", source_kind="press", source_url="https://p.example.com/b"),
        fact(*LAW, "published", "2013", confidence="secondary", source_kind="press", source_url="https://p.example.com/c"),
    ])  # fmt: skip
    import duckdb

    con = duckdb.connect(str(paths.database), read_only=True)
    assert con.execute("SELECT kept_value, other_value, resolution FROM conflicts").fetchall() == [
        ("2011", "2013", "unresolved")]
    assert status_of(con, "2010-12-31", "MX-DUR")["law_status"] == "unknown"
    assert status_of(con, "2011-06-01", "MX-DUR")["law_status"] == "possible_law"
    assert status_of(con, "2011-12-31", "MX-DUR")["law_status"] == "specific_law"  # the earliest is used


def test_dates_read_as_people_say_them():
    assert span_label("2008", "es") == "2008"
    assert span_label("2010-07", "es") == "jul. 2010" and span_label("2010-07", "en") == "Jul. 2010"
    assert span_label("../2014-08-01", "both") == "antes de 2014-08-01 / before 2014-08-01"
    assert span_label("2013-11-13/..", "en") == "after 2013-11-13"
    assert span_label("2010-07-01/2011-03-15", "en") == "between 2010-07-01 and 2011-03-15"
    row = {"law_title": "Ley", "law_start_basis": "observed", "law_start_latest": DateSpan.parse("2014-08-01").day,
           "law_published_text": None}
    assert start_label(row, "en") == "in force by 2014-08-01, since unknown"
    assert start_label(row, "es") == "vigente al 2014-08-01, desde fecha desconocida"
