"""History that never asserts what it does not know — issue 13's promises, on the committed data."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.build import build
from pipeline.core.citations import is_official_host, url_problem
from pipeline.core.dates import DateSpan
from pipeline.core.paths import REPO_DIR, DataPaths

YEAR_ENDS = [dt.date(y, 12, 31) for y in range(2007, 2027)]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    root = tmp_path_factory.mktemp("history") / "data"
    for part in ("registry", "raw"):
        shutil.copytree(REPO_DIR / "data" / part, root / part, dirs_exist_ok=True)
    paths = DataPaths(root)
    build(paths, validate=False)
    connection = duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)  # --no-validate output
    yield connection
    connection.close()


def _rows(con, sql: str, params=()) -> list[dict]:
    cursor = con.execute(sql, list(params))
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]


def _status(con, day: dt.date) -> dict[str, dict]:
    return {r["state"]: r for r in _rows(con, "SELECT * FROM status_table(CAST(? AS DATE))", [day])}


def test_no_state_reads_no_law_at_a_date_its_known_law_may_cover_or_precede(con):
    spans = _rows(con, "SELECT * FROM instrument_spans WHERE is_specific_law AND start_latest IS NOT NULL")
    for day in YEAR_ENDS:
        for state, row in _status(con, day).items():
            if row["law_status"] != "none_found" and row["summary"] != "none":
                continue
            laws = [s for s in spans if s["jurisdiction"] == state]
            # "no law" is said only when every law the state had had certainly ended by then
            assert laws and all(s["end_latest"] is not None and s["end_latest"] <= day for s in laws), (state, day)


def test_a_state_before_its_first_known_law_is_unknown_not_none(con):
    for day in YEAR_ENDS:
        starts = {s["jurisdiction"]: s for s in _rows(con, "SELECT jurisdiction, min(start_latest) AS first "
                                                             "FROM instrument_spans WHERE is_specific_law "
                                                             "GROUP BY ALL")}  # fmt: skip
        for state, row in _status(con, day).items():
            first = starts.get(state, {}).get("first")
            if first is not None and first > day:
                assert row["law_status"] in ("unknown", "possible_law", "penal_code_only"), (state, day)


def test_the_distrito_federal_2008_law_counts_at_2009_12_31(con):
    row = _status(con, dt.date(2009, 12, 31))["MX-CMX"]
    assert (row["law_status"], row["law_id"], row["law_published_text"]) == (
        "specific_law", "MX-CMX/ley-trata-df-2008", "2008")
    assert row["law_start_basis"] == "published_partial"


def test_nuevo_leon_2010_law_is_possible_from_its_approval_on(con):
    assert _status(con, dt.date(2010, 6, 30))["MX-NLE"]["law_status"] == "unknown"
    for day in (dt.date(2010, 7, 1), dt.date(2010, 12, 31)):
        assert _status(con, day)["MX-NLE"]["law_status"] == "possible_law", day
    row = _status(con, dt.date(2011, 3, 15))["MX-NLE"]
    assert (row["law_status"], row["law_published_text"]) == ("specific_law", "2010-07-01/2011-03-15")


def test_a_law_known_only_from_an_observed_text_is_possible_before_it_never_none(con):
    observed = _rows(con, "SELECT * FROM instrument_spans WHERE is_specific_law AND start_basis IN "
                          "('observed', 'event', 'checked') AND start_earliest IS NULL")  # fmt: skip
    assert len(observed) >= 5
    for span in observed:
        before = span["start_latest"] - dt.timedelta(days=400)
        row = _status(con, before)[span["jurisdiction"]] if span["jurisdiction"] != "MX" else None
        if row is not None:
            assert row["law_status"] in ("possible_law", "specific_law"), (span["instrument_id"], before)


def test_year_by_year_query_timeline_and_status_agree(con):
    band = {r["year"]: r for r in _rows(con, "SELECT * FROM adoption(2007, 2026)")}
    for day in YEAR_ENDS:
        rows = _status(con, day).values()
        certain = sum(r["law_status"] == "specific_law" for r in rows)
        possible = sum(r["law_status"] == "possible_law" for r in rows)
        assert (band[day.year]["states_with_law"], band[day.year]["states_possibly_with_law"]) == (certain, possible)
    for event in _rows(con, "SELECT DISTINCT date, states_with_law, states_possibly_with_law FROM timeline"):
        rows = _status(con, event["date"]).values()
        assert event["states_with_law"] == sum(r["law_status"] == "specific_law" for r in rows), event["date"]
        assert event["states_possibly_with_law"] == sum(r["law_status"] == "possible_law" for r in rows)


def test_laws_in_force_counts_each_law_once(con):
    rows = _status(con, dt.date(2026, 12, 1))
    doubles = {s: r["laws_in_force"] for s, r in rows.items() if r["laws_in_force"] > 1}
    # Sinaloa's congress lists two trafficking laws in force (the older one and the victims law);
    # Quintana Roo's earlier law has no end on record and its catalogue sample is incomplete.
    assert doubles == {"MX-SIN": 2, "MX-ROO": 2}


def test_no_citation_is_a_proxy_or_mirror_and_official_means_an_official_host(con):
    evidence = _rows(con, "SELECT * FROM evidence")
    assert evidence
    for ev in evidence:
        for column in ("url", "source_url"):
            assert url_problem(ev[column]) is None, (ev["fact_id"], ev[column])
        if ev["kind"] == "curated" and ev["confidence"] == "official":
            assert is_official_host(ev["source_url"]) and ev["source_kind"] in ("official_site", "official_gazette")


def test_every_citation_names_the_fact_it_supports(con):
    assert _rows(con, "SELECT count(*) AS n FROM evidence WHERE supports IS NULL")[0]["n"] == 0


def test_secondary_only_laws_are_flagged(con):
    rows = _status(con, dt.date(2026, 12, 1)).values()
    flagged = {r["state"] for r in rows if r["law_evidence"] == "secondary_only"}
    assert flagged and "MX-MIC" not in flagged  # Michoacán's publication rests on the SCJN's own page


def test_the_sonora_bill_that_became_its_law_is_not_pending(con):
    bill = _rows(con, "SELECT * FROM bills WHERE bill_id = 'MX-SON/iniciativa-ley-trata-2009'")[0]
    assert bill["became_instrument_id"] == "MX-SON/ley-trata-2011"
    pending = _rows(con, "SELECT * FROM bills_pending(DATE '2026-12-01')")
    assert "MX-SON/iniciativa-ley-trata-2009" not in {b["bill_id"] for b in pending}
    assert all(b["presented_by"] is not None and b["presented_basis"] in ("presented", "first_step") for b in pending)


def test_every_research_log_says_what_was_searched_for_the_first_law():
    for log in sorted((REPO_DIR / "data" / "registry" / "research").glob("*.md")):
        text = log.read_text(encoding="utf-8")
        assert "First laws" in text and "searched" in text.lower(), log.name


_part = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))


@given(_part, _part)
def test_date_spans_round_trip_and_bound_themselves(a, b):
    for text in (a, f"../{a}", f"{a}/.."):
        span = DateSpan.parse(text)
        assert DateSpan.parse(span.text) == span and span.overlaps(span)
    first, second = sorted((DateSpan.parse(a), DateSpan.parse(b)), key=lambda s: s.earliest)
    if first.earliest <= second.latest:
        interval = DateSpan.parse(f"{first.text}/{second.text}")
        assert interval.earliest == first.earliest and interval.latest == second.latest
        assert interval.overlaps(first) and interval.overlaps(second)


def test_bills_are_tracked_where_someone_looked_and_pending_bills_are_listed(con):
    rows = _status(con, dt.date(2026, 12, 1))
    assert {r["bills_tracked"] for r in rows.values()} == {"curated"}  # every state has a bills research log
    assert all(r["bills_tracked_since"] == dt.date(2026, 12, 1) for r in rows.values())
    before = _status(con, dt.date(2015, 6, 30))
    untracked = [s for s, r in before.items() if r["bills_tracked"] == "none"]
    assert untracked and all(before[s]["pending_bills"] == 0 for s in untracked)  # "not tracked", not "no bills"
    for row in rows.values():
        assert len(row["pending_bill_list"]) == row["pending_bills"]
        for bill in row["pending_bill_list"]:
            assert bill["title"] and bill["presented_by"] <= dt.date(2026, 12, 1) and bill["stage"]
