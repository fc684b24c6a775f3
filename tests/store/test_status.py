"""Status as of any date, on the fixture history in conftest.py."""

import datetime as dt

import pytest

from tests.store.conftest import status_of


@pytest.mark.parametrize(
    ("as_of", "law_status", "law_title", "last_reform"),
    [
        # the day before the first known law: nothing says there was none, so "unknown", never "no law"
        ("2009-04-02", "unknown", None, None),
        ("2009-04-03", "specific_law", "Ley para Combatir la Trata (2009)", None),  # on the day
        ("2012-03-01", "specific_law", "Ley para Combatir la Trata (2009)", dt.date(2012, 3, 1)),
        ("2020-08-04", "specific_law", "Ley para Combatir la Trata (2009)", dt.date(2012, 3, 1)),
        ("2020-08-05", "specific_law", "Ley para Prevenir y Combatir la Trata (2020)", None),  # replaced
        ("2026-01-01", "specific_law", "Ley para Prevenir y Combatir la Trata (2020)", None),
    ],
)
def test_law_published_then_abrogated_and_replaced(history_db, as_of, law_status, law_title, last_reform):
    row = status_of(history_db, as_of, "MX-CHP")
    assert row["law_status"] == law_status
    assert row["law_title"] == law_title
    assert row["last_reform"] == last_reform
    assert row["summary"] == ("enacted" if law_title else "unknown")


@pytest.mark.parametrize(
    ("as_of", "summary", "pending"),
    [
        ("2015-01-09", "unknown", 0),  # before the bill (and before any known law: unknown, not "none")
        ("2015-01-10", "considering", 1),  # presented
        ("2015-01-15", "considering", 1),  # referred
        ("2015-06-01", "considering", 1),  # approved by the plenary: still not law
        ("2015-06-30", "considering", 1),
        ("2015-07-01", "enacted", 0),  # published: the bill closes and the law counts
        ("2020-01-01", "enacted", 0),
    ],
)
def test_initiative_presented_referred_approved_published(history_db, as_of, summary, pending):
    row = status_of(history_db, as_of, "MX-JAL")
    assert row["summary"] == summary
    assert row["pending_bills"] == pending
    if pending:
        assert row["latest_bill_title"] == "Iniciativa de Ley de Trata"
        assert row["latest_bill_presented"] == dt.date(2015, 1, 10)


@pytest.mark.parametrize(
    ("as_of", "summary", "pending", "law_status"),
    [
        ("2015-12-31", "unknown", 0, "unknown"),
        # penal coverage is evidence of coverage, not of the absence of a specific law: summary unknown
        ("2016-01-01", "unknown", 0, "penal_code_only"),
        ("2016-03-01", "considering", 1, "penal_code_only"),
        ("2018-08-30", "considering", 1, "penal_code_only"),
        ("2018-08-31", "unknown", 0, "penal_code_only"),  # expired (precluida)
    ],
)
def test_initiative_that_expires(history_db, as_of, summary, pending, law_status):
    row = status_of(history_db, as_of, "MX-BCS")
    assert (row["summary"], row["pending_bills"], row["law_status"]) == (summary, pending, law_status)


def test_research_record_only_is_unknown_with_its_note(history_db):
    row = status_of(history_db, "2026-01-01", "MX-SON")
    assert row["law_status"] == "unknown" and row["summary"] == "unknown"
    assert "searched the congress list" in row["research_notes"]
    assert len(row["evidence"]) == 1


@pytest.mark.parametrize("as_of", ["1990-01-01", "2009-04-03", "2015-07-01", "2030-12-31"])
def test_32_rows_always_with_an_evidence_list(history_db, as_of):
    cursor = history_db.execute("SELECT state, evidence FROM status_table(CAST(? AS DATE))", [as_of])
    rows = cursor.fetchall()
    assert len(rows) == 32
    assert "MX" not in {r[0] for r in rows}
    assert all(isinstance(r[1], list) for r in rows)


def test_evidence_names_source_gazette_issue_date(history_db):
    row = status_of(history_db, "2021-01-01", "MX-CHP")
    published = [e for e in row["evidence"] if e["date"] == dt.date(2020, 8, 5)]
    assert published, row["evidence"]
    ev = published[0]
    assert ev["kind"] == "curated" and ev["sha256"] is None
    assert ev["gazette"] == "Periódico Oficial del Estado de Chiapas" and ev["issue"] == "120, Tomo III"
    assert ev["url"] == "https://www.congresochiapas.gob.mx/ley.pdf"
    assert row["last_checked"] == dt.date(2026, 1, 15)


def test_federal_law_is_not_a_state_row(history_db):
    count = history_db.execute("SELECT count(*) FROM status_table(DATE '2013-01-01') WHERE state = 'MX'").fetchall()
    assert count == [(0,)]


def test_timeline_running_count(history_db):
    rows = history_db.execute(
        "SELECT date, state, event, states_with_law FROM timeline WHERE event IN ('published', 'abrogated')"
    ).fetchall()
    assert rows == [
        (dt.date(2009, 4, 3), "MX-CHP", "published", 1),
        (dt.date(2015, 7, 1), "MX-JAL", "published", 2),
        (dt.date(2020, 8, 5), "MX-CHP", "abrogated", 2),
        (dt.date(2020, 8, 5), "MX-CHP", "published", 2),
    ]
    bill_steps = history_db.execute("SELECT event FROM timeline WHERE state = 'MX-JAL' ORDER BY date, event").fetchall()
    assert [r[0] for r in bill_steps] == ["bill_presented", "bill_referred", "bill_approved", "bill_published", "published"]
