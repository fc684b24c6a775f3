"""More seeded bad values, validated in-process (GX imported once): each fails naming its expectation."""

from __future__ import annotations

import pytest
from rich.console import Console

from pipeline.validate.expectations import FAMILIES
from pipeline.validate.suites import print_summary, validate_database
from tests.validate.conftest import flat, seed
from tests.validate.seeds import CASES, FAKE_SHA, FIRST_EVIDENCE, PER_FAMILY

VARIANTS = sorted(set(CASES) - set(PER_FAMILY.values()))


def validate(good_data, database, tmp_path, **kwargs) -> tuple[dict, str]:
    report = validate_database(database, previous_publication=good_data.processed, report_dir=tmp_path / "report",
                               allow_shrink=kwargs.pop("allow_shrink", False), **kwargs)  # fmt: skip
    console = Console(record=True, width=200)
    print_summary(report, console)
    return report, flat(console.export_text())


@pytest.mark.parametrize("case", VARIANTS)
def test_seeded_variant_fails_naming_its_expectation(good_data, db_copy, tmp_path, case):
    statements, unconstrained, expected = CASES[case]
    seed(db_copy, *statements, unconstrained=unconstrained)
    report, summary = validate(good_data, db_copy, tmp_path)
    assert report["success"] is False
    for text in expected:
        assert text in summary, f"{text!r} not in {summary}"
    family = next(f for f in FAMILIES if case.startswith(f))
    assert family in {r["family"] for r in report["results"] if not r["success"]}


def test_scraped_evidence_whose_sha256_is_in_the_manifest_passes(good_data, db_copy, tmp_path):
    seed(
        db_copy,
        f"UPDATE evidence SET kind = 'scraped', sha256 = '{FAKE_SHA}', retrieved_at = TIMESTAMP '2026-01-15 12:00:00' "
        f"WHERE {FIRST_EVIDENCE}",
        "INSERT INTO snapshots (line_no, source, url, retrieved_at, sha256, outcome) "
        f"VALUES (1, 'dof', 'https://www.dof.gob.mx/nota.php', TIMESTAMP '2026-01-15 12:00:00', '{FAKE_SHA}', 'ok')",
    )
    report, summary = validate(good_data, db_copy, tmp_path)
    assert report["success"] is True, summary


def test_a_date_after_the_build_date_fails_only_against_that_date(good_data, db_copy, tmp_path):
    import datetime as dt

    seed(db_copy, "UPDATE events SET event_date = DATE '2026-03-01' "
                  "WHERE instrument_id = 'MX-OAX/ley-trata-2010' AND event_type = 'reformed'")  # fmt: skip
    early, summary = validate(good_data, db_copy, tmp_path, build_date=dt.date(2026, 2, 28))
    assert not early["success"] and "offending: 2026-03-01" in summary
    on_the_day, _ = validate(good_data, db_copy, tmp_path, build_date=dt.date(2026, 3, 1))
    dates = [r for r in on_the_day["results"] if r["family"] == "dates" and not r["success"]]
    assert dates == []


def test_the_shrink_fraction_is_configurable(good_data, db_copy, tmp_path):
    statements, _, _ = CASES["no_silent_loss_shrink"]  # bill_events: 4 rows -> 3 (25% lost)
    seed(db_copy, *statements)
    strict, _ = validate(good_data, db_copy, tmp_path)
    loose, _ = validate(good_data, db_copy, tmp_path, max_shrink=0.30)
    shrink = {r["expectation"]: r for r in strict["results"]}["expect_tables_not_to_shrink"]
    assert shrink["success"] is False and shrink["details"]["row_counts"]["bill_events"] == {"previous": 4, "current": 3}
    assert loose["success"] is True


def _evidence_loss(report: dict) -> dict:
    return next(r for r in report["results"] if r["expectation"] == "expect_no_state_to_lose_evidence")


def test_a_state_left_with_no_evidence_fails_but_fewer_citations_pass(good_data, db_copy, tmp_path):
    # Fewer citations (one of Tabasco's evidence rows removed) is a normal change, e.g. a law replaced.
    seed(db_copy, "DELETE FROM evidence WHERE evidence_id = (SELECT min(ev.evidence_id) FROM evidence ev "
                  "JOIN events e ON ev.fact_id = e.event_id WHERE e.instrument_id LIKE 'MX-TAB/%')")  # fmt: skip
    fewer, _ = validate(good_data, db_copy, tmp_path)
    assert _evidence_loss(fewer)["success"] is True
    # Every citation of Tabasco gone: the state lost its evidence.
    seed(db_copy, "DELETE FROM evidence WHERE fact_id IN (SELECT event_id FROM events WHERE instrument_id LIKE 'MX-TAB/%') "
                  "OR fact_id IN (SELECT bill_id FROM bills WHERE jurisdiction = 'MX-TAB')")  # fmt: skip
    none_left, summary = validate(good_data, db_copy, tmp_path)
    assert _evidence_loss(none_left)["success"] is False
    assert "MX-TAB" in summary


def test_a_broken_status_history_fails_naming_the_jurisdiction_and_the_problem(good_data, db_copy, tmp_path):
    """status_periods is a snapshot the build makes; a copy with a span removed (a day with no status) and a
    jurisdiction's last span closed must not pass the gate. No rederive here: that would rebuild it whole."""
    import duckdb

    con = duckdb.connect(str(db_copy))
    try:
        assert con.execute("SELECT count(*) FROM status_periods WHERE state = 'MX-OAX'").fetchone()[0] >= 3
        con.execute("DELETE FROM status_periods WHERE state = 'MX-OAX' AND valid_from = "
                    "(SELECT min(valid_from) FROM status_periods WHERE state = 'MX-OAX')")  # its second span
        con.execute("UPDATE status_periods SET valid_until = DATE '2030-01-01' WHERE state = 'MX' AND valid_until IS NULL")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    report, summary = validate(good_data, db_copy, tmp_path)
    assert report["success"] is False
    assert "expect_status_history_to_tile_each_jurisdiction [ordering] on status_periods.valid_from" in summary
    assert "state=MX-OAX" in summary and "a gap or an overlap with the next span" in summary
    assert "state=MX," in summary and "the last span has an end" in summary


def test_the_good_status_history_passes_its_rule(good_data, tmp_path):
    report, _ = validate(good_data, good_data.database, tmp_path)
    rule = next(r for r in report["results"] if r["expectation"] == "expect_status_history_to_tile_each_jurisdiction")
    assert rule["success"] is True
