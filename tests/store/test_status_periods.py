"""status_as_of(d) in a built database is a lookup in status_periods; it must equal status_computed(d).

The build materialises the date-independent views (pipeline/sql/materialise/) and stores the answer of
status_computed(d) for every period between two status_breakpoints. These tests compare both on every date
any table holds (and the day before each), so a comparison with d that status_breakpoints forgot shows up.
"""

import datetime as dt
import itertools

import duckdb

from pipeline.store import schema

DATE_COLUMNS = """
SELECT table_name, column_name FROM information_schema.columns
WHERE data_type = 'DATE' AND table_name IN
      ('instrument_spans', 'active_events', 'events', 'bill_steps', 'bill_events', 'bill_tracking', 'bills')
ORDER BY ALL
"""


def every_date(con) -> list[dt.date]:
    """Every date in the tables status reads, the day before each, and two dates outside them all."""
    found: set[dt.date] = {dt.date(1900, 1, 1), dt.date(2099, 12, 31)}
    for table, column in con.execute(DATE_COLUMNS).fetchall():
        for (day,) in con.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL").fetchall():
            found |= {day, day - dt.timedelta(days=1)}
    return sorted(found)


def answers(con, macro: str, days: list[dt.date]) -> list[tuple]:
    con.execute("CREATE OR REPLACE TEMP TABLE _days AS SELECT unnest(CAST(? AS DATE[])) AS day", [days])
    return con.execute(f"SELECT t.day, s.* FROM _days t, LATERAL (SELECT * FROM {macro}(t.day)) s "
                       "ORDER BY t.day, s.inegi").fetchall()  # fmt: skip


def test_the_build_materialises_the_date_independent_views(history_db):
    kinds = dict(history_db.execute(
        "SELECT table_name, 'table' FROM duckdb_tables() UNION ALL SELECT view_name, 'view' FROM duckdb_views()"
    ).fetchall())  # fmt: skip
    for name in ("active_events", "evidence_checked", "instrument_spans", "bill_steps", "status_periods"):
        assert kinds[name] == "table", name
    assert kinds["timeline"] == "view"
    # HISTORY's breakpoints: every one starts a span of some jurisdiction (each date there changes an answer)
    breakpoints = history_db.execute("SELECT count(*) FROM status_breakpoints").fetchone()[0]
    periods = history_db.execute("SELECT count(DISTINCT valid_from), count(*) FILTER (WHERE valid_from IS NULL), "
                                 "count(*) FROM status_periods").fetchone()  # fmt: skip
    assert breakpoints > 10
    assert periods[:2] == (breakpoints, 33)  # count(DISTINCT) skips the NULL start; 33 jurisdictions have one
    assert periods[2] < 33 * (breakpoints + 1)  # merged: not one row per jurisdiction per breakpoint


SPAN = ("valid_from", "valid_until", "changed")


def test_each_jurisdiction_has_one_history_without_gaps_or_repeats(history_db):
    """A jurisdiction's spans tile the whole timeline in order; two consecutive spans always differ, and
    ``changed`` names exactly the columns that differ."""
    rows = history_db.execute("SELECT * FROM status_periods ORDER BY state, valid_from NULLS FIRST").fetchall()
    columns = [c[0] for c in history_db.description]
    by_state: dict[str, list[dict]] = {}
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        by_state.setdefault(record["state"], []).append(record)
    assert len(by_state) == 33
    for state, spans in by_state.items():
        assert spans[0]["valid_from"] is None and spans[-1]["valid_until"] is None, state
        for earlier, later in itertools.pairwise(spans):
            assert earlier["valid_until"] == later["valid_from"], state
            differing = {k for k in earlier if k not in SPAN and earlier[k] != later[k]}
            assert differing and set(later["changed"]) == differing, state
        assert spans[0]["changed"] is None, state
    # Chihuahua's 2020-08-05 change (the 2009 law abrogated, the 2020 law published) is one of its span starts
    assert dt.date(2020, 8, 5) in {span["valid_from"] for span in by_state["MX-CHP"]}


def test_status_as_of_equals_status_computed_on_every_date(history_db):
    days = every_date(history_db)
    assert len(days) > 20
    fast, computed = answers(history_db, "status_as_of", days), answers(history_db, "status_computed", days)
    assert len(fast) == 33 * len(days)
    assert fast == computed
    # the two other lookups answer as the macros that compute them (summary; the 32 states)
    assert answers(history_db, "jurisdiction_status_table", days) == answers(
        history_db, "jurisdiction_status_computed", days)  # fmt: skip
    history_db.execute(
        "CREATE OR REPLACE TEMP MACRO _states_computed(d) AS TABLE SELECT * FROM jurisdiction_status_computed(d) "
        "WHERE state IN (SELECT code FROM jurisdictions WHERE is_state)"
    )  # fmt: skip
    state_rows = answers(history_db, "status_table", days)
    assert len(state_rows) == 32 * len(days)
    assert state_rows == answers(history_db, "_states_computed", days)
    # and LATERAL (how status_periods is built) answers as a direct call does
    for day in (days[0], dt.date(2015, 6, 30), dt.date(2020, 8, 5), days[-1]):
        direct = history_db.execute("SELECT * FROM status_computed(CAST(? AS DATE)) ORDER BY inegi", [day]).fetchall()
        assert [row[1:] for row in fast if row[0] == day] == direct


def test_the_lookup_is_the_period_containing_the_date(history_db):
    rows = history_db.execute(
        "SELECT valid_from, valid_until, law_title FROM status_periods WHERE state = 'MX-CHP' "
        "AND (valid_from IS NULL OR valid_from <= DATE '2020-08-05') "
        "AND (valid_until IS NULL OR valid_until > DATE '2020-08-04') ORDER BY valid_from"
    ).fetchall()  # fmt: skip
    # 2020-08-05: the 2009 law is abrogated and the 2020 law published, so a period starts on that day
    assert rows[-1][0] == dt.date(2020, 8, 5)
    assert rows[-1][2] == "Ley para Prevenir y Combatir la Trata (2020)"
    assert rows[-2][1] == dt.date(2020, 8, 5)
    assert rows[-2][2] == "Ley para Combatir la Trata (2009)"
    as_of = history_db.execute("SELECT as_of FROM status_as_of(DATE '2020-08-06') WHERE state = 'MX-CHP'").fetchone()
    assert as_of == (dt.date(2020, 8, 6),)  # as_of is the date asked for, not the period's start


DERIVED = ("active_events", "evidence_checked", "instrument_spans", "bill_steps", "status_periods")


def test_without_materialise_the_views_stay_live(history_paths, tmp_path):
    """A database that only ran apply_derivations (no status_periods) computes status_as_of from the facts."""
    con = duckdb.connect(str(tmp_path / "live.duckdb"))
    try:
        con.execute(f"ATTACH '{history_paths.database}' AS built (READ_ONLY)")
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'built'").fetchall()
        for (table,) in tables:
            if table not in DERIVED:
                con.execute(f"CREATE TABLE {table} AS SELECT * FROM built.{table}")
        con.execute("DETACH built")
        schema.apply_derivations(con)
        assert con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'instrument_spans'").fetchone() == (1,)
        day = dt.date(2020, 8, 5)
        row = con.execute("SELECT law_title, as_of FROM status_as_of(CAST(? AS DATE)) WHERE state = 'MX-CHP'",
                          [day]).fetchone()  # fmt: skip
        assert row == ("Ley para Prevenir y Combatir la Trata (2020)", day)
    finally:
        con.close()


def test_rederive_makes_a_changed_database_answer_from_its_new_facts(history_paths):
    """A built database is a snapshot: after a change to its facts, rederive() brings status up to date."""
    con = duckdb.connect(str(history_paths.database))
    try:
        day = dt.date(2021, 1, 1)
        query = "SELECT law_status FROM status_as_of(CAST(? AS DATE)) WHERE state = 'MX-CHP'"
        assert con.execute(query, [day]).fetchone() == ("specific_law",)
        con.execute("DELETE FROM evidence WHERE fact_id IN (SELECT event_id FROM events WHERE instrument_id LIKE 'MX-CHP/%')")
        con.execute("DELETE FROM events WHERE instrument_id LIKE 'MX-CHP/%'")
        assert con.execute(query, [day]).fetchone() == ("specific_law",)  # the snapshot, until derived again
        schema.rederive(con)
        assert con.execute(query, [day]).fetchone() == ("unknown",)
        assert answers(con, "status_as_of", every_date(con)) == answers(con, "status_computed", every_date(con))
    finally:
        con.close()


def test_a_null_date_is_an_error_not_a_table(history_db):
    """status at NULL compared false everywhere and read as a plausible table (possible laws, no bills)."""
    import pytest

    for macro in ("status_computed", "status_as_of", "jurisdiction_status_table", "status_table"):
        with pytest.raises(duckdb.Error, match="status needs a date"):
            history_db.execute(f"SELECT * FROM {macro}(CAST(? AS DATE))", [None]).fetchall()
        with pytest.raises(duckdb.Error, match="status needs a date"):
            history_db.execute(f"SELECT * FROM {macro}(NULL)").fetchall()
        assert len(history_db.execute(f"SELECT * FROM {macro}(DATE '2020-01-01')").fetchall()) in (32, 33)


def test_the_history_up_to_a_day_ends_with_the_span_holding_it(history_db):
    """status_history(d): the spans up to d; the one holding d is open (it still holds on d); none after d."""
    day = dt.date(2015, 6, 30)
    full = history_db.execute("SELECT state, valid_from, valid_until, law_status FROM status_periods "
                              "ORDER BY inegi, valid_from NULLS FIRST").fetchall()  # fmt: skip
    cut = history_db.execute("SELECT state, valid_from, valid_until, law_status FROM status_history(DATE '2015-06-30')"
                             ).fetchall()  # fmt: skip
    assert all(start is None or start <= day for _, start, _, _ in cut)
    open_spans = [row for row in cut if row[2] is None]
    assert len(open_spans) == 33 == len({row[0] for row in open_spans})
    for state, start, until, status in cut:  # a span is cut only where it holds the day
        original = next(r for r in full if r[0] == state and r[1] == start)
        assert until == original[2] or (until is None and (original[2] is None or original[2] > day))
        assert status == original[3]
    now = {r[0]: r[1] for r in history_db.execute("SELECT state, law_status FROM status_as_of(DATE '2015-06-30')").fetchall()}
    assert {state: status for state, _, until, status in cut if until is None} == now
    assert len(cut) < len(full)  # HISTORY has changes after mid-2015
