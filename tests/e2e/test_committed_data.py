"""The committed data (data/registry) builds offline into the 32-state answer the README promises."""

import datetime as dt
import shutil

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths


@pytest.fixture(scope="module")
def committed_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("committed") / "data"
    shutil.copytree(REPO_DIR / "data" / "registry", root / "registry")
    shutil.copytree(REPO_DIR / "data" / "raw", root / "raw", dirs_exist_ok=True)  # may hold only a README
    paths = DataPaths(root)
    build(paths, validate=False)
    con = duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)  # --no-validate output
    yield con
    con.close()


def _status(con, day):
    cursor = con.execute("SELECT * FROM status_table(CAST(? AS DATE))", [day])
    cols = [c[0] for c in cursor.description]
    return [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]


def test_all_32_states_with_status_and_citation(committed_db):
    rows = _status(committed_db, dt.date(2026, 11, 28))
    assert len(rows) == 32
    for row in rows:
        assert row["evidence"], row["state"]
        assert row["last_checked"] is not None, row["state"]
        if row["law_status"] == "unknown":
            assert row["research_notes"], f"{row['state']} is unknown without saying what was searched"
        if row["law_status"] == "specific_law":
            assert row["law_title"], row["state"]


def test_no_state_had_a_specific_law_before_2007(committed_db):
    rows = _status(committed_db, dt.date(2006, 12, 31))
    assert [r["state"] for r in rows if r["law_status"] == "specific_law"] == []


def test_states_enter_the_table_in_the_order_their_laws_were_published(committed_db):
    years = range(2007, 2027)
    statuses = [{r["state"]: r["law_status"] for r in _status(committed_db, dt.date(y, 12, 31))} for y in years]
    certain = [{s for s, v in year.items() if v == "specific_law"} for year in statuses]
    with_law = [{s for s, v in year.items() if v in ("specific_law", "possible_law")} for year in statuses]
    counts = [len(s) for s in with_law]
    assert len(certain[0]) == 0 and len(certain[-1]) >= 30
    assert counts == sorted(counts)  # no law in the committed data lapses without a successor
    # each state enters (certainly or possibly) in the year of its earliest day-dated publication
    # ... at the earliest day its first law can have started (a year-only "2008" enters in 2008); states with a
    # law whose start is open-ended (nothing says since when) are possible from the first year on.
    first = committed_db.execute(
        "SELECT s.jurisdiction, min(s.start_earliest), bool_or(s.start_earliest IS NULL) FROM instrument_spans s "
        "JOIN jurisdictions j ON j.code = s.jurisdiction WHERE j.is_state AND s.is_specific_law "
        "AND s.start_latest IS NOT NULL GROUP BY ALL").fetchall()  # fmt: skip
    for state, earliest, open_ended in first:
        entered = next(y for y, s in zip(years, with_law, strict=True) if state in s)
        assert entered == (years[0] if open_ended else max(earliest.year, years[0])), (state, earliest, open_ended)


def test_federal_general_law_and_its_predecessor(committed_db):
    events = committed_db.execute(
        "SELECT instrument_id, event_type, event_date FROM active_events WHERE jurisdiction = 'MX' "
        "AND instrument_id IN ('MX/lgpsedmtp', 'MX/lpstp-2007') AND event_type <> 'searched_not_found' "
        "ORDER BY event_date"
    ).fetchall()
    assert ("MX/lpstp-2007", "published", dt.date(2007, 11, 27)) in events
    assert ("MX/lpstp-2007", "abrogated", dt.date(2012, 6, 14)) in events
    assert ("MX/lgpsedmtp", "published", dt.date(2012, 6, 14)) in events
    reforms = [e[2] for e in events if e[0] == "MX/lgpsedmtp" and e[1] in ("reformed", "provisions_added")]
    assert reforms == [dt.date(2014, 3, 19), dt.date(2018, 1, 19), dt.date(2021, 5, 20), dt.date(2023, 4, 5),
                       dt.date(2024, 6, 7), dt.date(2025, 11, 14)]  # fmt: skip


def test_disagreements_between_sources_are_visible(committed_db):
    conflicts = committed_db.execute("SELECT instrument_id, resolution FROM conflicts ORDER BY 1").fetchall()
    assert ("MX-MIC/ley-trata-2015", "official_over_secondary") in conflicts
    kept = committed_db.execute(
        "SELECT law_published FROM status_table(DATE '2020-01-01') WHERE state = 'MX-MIC'"
    ).fetchall()
    assert kept == [(dt.date(2015, 8, 25),)]  # the SCJN (official) date, not the mirror's
