"""score_database and the derived views on a small hand-made database (two versions of one state law)."""

from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.build import load_reference
from pipeline.harmonise.store import score_database
from pipeline.publish.scorecard import render_html_fragment, render_markdown, scorecard_rows
from pipeline.store import schema

IID = "MX-DUR/ley-trata"
OLD, NEW = f"{IID}@2013-01-01", f"{IID}@2020-01-01"


def _con():
    con = duckdb.connect()
    schema.apply_tables(con)
    load_reference(con)
    con.execute("INSERT INTO instruments VALUES (?, 'MX-DUR', 'ley-trata', 'Ley de Trata del Estado Modelo', "
                "'ley_estatal_trata', NULL, true, 'mx-dur/ley/2013/ley-trata')", [IID])  # fmt: skip
    for vid, day in ((OLD, dt.date(2013, 1, 1)), (NEW, dt.date(2020, 1, 1))):
        con.execute("INSERT INTO instrument_versions VALUES (?, ?, ?, ?, 'test', 1, NULL)", [vid, IID, day, "a" * 64])
    texts = {OLD: "Corresponde al Ejecutivo publicar la ley.",
             NEW: "Corresponde al Ejecutivo crear albergues para las víctimas de trata."}  # fmt: skip
    for vid, text in texts.items():
        con.execute("INSERT INTO provisions VALUES (?, ?, 'art_1', 'articulo', '1', 0, ?, false, NULL)",
                    [f"{vid}~art_1", vid, text])  # fmt: skip
    return con


def test_findings_reviews_and_element_changes():
    con = _con()
    assert score_database(con) == 36
    schema.apply_derivations(con)
    assert con.execute("SELECT finding, provision_ids FROM element_findings WHERE version_id = ? "
                       "AND element = 'albergues'", [NEW]).fetchone() == ("present", f"{NEW}~art_1")  # fmt: skip
    # one article only: every "absent" is uncertain and goes to the review queue
    assert con.execute("SELECT count(*) FROM element_reviews WHERE finding = 'absent' AND version_id = ?",
                       [OLD]).fetchone()[0] == 18  # fmt: skip
    changes = con.execute("SELECT previous_version, version_id, element, previous_finding, finding "
                          "FROM element_changes").fetchall()  # fmt: skip
    assert (OLD, NEW, "albergues", "absent", "present") in changes


def test_renderers_show_present_cells_with_their_provisions():
    con = _con()
    score_database(con)
    schema.apply_derivations(con)
    con.execute("INSERT INTO events (event_id, instrument_id, event_type, event_date, date_earliest, date_latest, "
                "date_precision, date_text, best_kind, best_confidence) VALUES ('e1', ?, 'published', DATE "
                "'2013-01-01', DATE '2013-01-01', DATE '2013-01-01', 'day', '2013-01-01', 'curated', 'official')",
                [IID])  # fmt: skip
    rows = scorecard_rows(con, dt.date(2021, 1, 1), "MX-DUR")
    cell = next(r for r in rows if r["element"] == "albergues")
    assert (cell["version_id"], cell["finding"]) == (NEW, "present")
    assert "| ✔ present | art_1 |" in render_markdown(rows, dt.date(2021, 1, 1))
    assert '<section id="scorecard">' in render_html_fragment(rows)


def _decision(version_id: str, element: str, decision: str, label: str, by: str = "Ana Revisora"):
    from pipeline.store.reviews import ReviewDecision, element_subject, review_id

    subject = element_subject(version_id, element)
    return ReviewDecision(id=review_id("element_finding", subject), kind="element_finding", subject=subject,
                          proposed="absent", decision=decision, label=label, by=by, at="2026-12-01T10:00:00Z",
                          note="art. 1 read: it orders shelters", rules_version="test")  # fmt: skip


def test_an_accepted_review_sets_the_finding_with_the_reviewers_provenance():
    con = _con()
    accepted = _decision(OLD, "albergues", "accepted", "present")
    rejected = _decision(OLD, "prevencion", "rejected", "not_assessed", by="Luis Lector")
    decisions = {d.id: d for d in (accepted, rejected)}
    score_database(con, decisions)
    schema.apply_derivations(con)
    row = con.execute("SELECT finding, needs_review, review_id, reviewed_by, reviewed_at, review_note FROM "
                      "element_findings WHERE version_id = ? AND element = 'albergues'", [OLD]).fetchone()  # fmt: skip
    assert row == ("present", False, accepted.id, "Ana Revisora", dt.datetime(2026, 12, 1, 10, 0),
                   "art. 1 read: it orders shelters")  # fmt: skip
    assert con.execute("SELECT finding, reviewed_by FROM element_findings WHERE version_id = ? AND element = "
                       "'prevencion'", [OLD]).fetchone() == ("not_assessed", "Luis Lector")  # fmt: skip
    # the rules' finding stays on record, settled; the decided ones leave the queue, the others wait in it
    assert con.execute("SELECT finding, review_status FROM element_reviews WHERE version_id = ? AND element = "
                       "'albergues'", [OLD]).fetchone() == ("absent", "accepted")  # fmt: skip
    queued = {r[0] for r in con.execute("SELECT subject FROM review_queue WHERE review_kind = 'element_finding' "
                                        "AND starts_with(subject, ?)", [OLD]).fetchall()}  # fmt: skip
    assert f"{OLD}|albergues" not in queued and f"{OLD}|programa_estatal" in queued and len(queued) == 16


def test_a_review_for_a_version_no_longer_held_is_reported_not_applied():
    from pipeline.core import problems

    con = _con()
    gone = _decision(f"{IID}@1999-01-01", "albergues", "accepted", "present")
    con.execute("INSERT INTO reviews VALUES (?, 'element_finding', ?, 'absent', 'accepted', 'present', "
                "'Ana Revisora', TIMESTAMP '2026-12-01 10:00:00', 'n', 'test', 0)", [gone.id, gone.subject])  # fmt: skip
    con.execute("UPDATE reviews SET applied_to = 7")
    with problems.collecting() as found:
        assert score_database(con, {gone.id: gone}) == 36
    assert [(p.source, p.item, p.outcome) for p in found] == [("reviews", gone.id, "stale_review")]
    assert f"{IID}@1999-01-01" in found[0].message
    assert con.execute("SELECT applied_to FROM reviews").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM element_findings WHERE reviewed_by IS NOT NULL").fetchone() == (0,)


def test_a_reviewed_finding_says_who_decided_in_the_markdown_and_csv():
    from pipeline.publish.scorecard import render_csv

    con = _con()
    accepted = _decision(NEW, "prevencion", "accepted", "partial")
    score_database(con, {accepted.id: accepted})
    schema.apply_derivations(con)
    con.execute("INSERT INTO events (event_id, instrument_id, event_type, event_date, date_earliest, date_latest, "
                "date_precision, date_text, best_kind, best_confidence) VALUES ('e1', ?, 'published', DATE "
                "'2013-01-01', DATE '2013-01-01', DATE '2013-01-01', 'day', '2013-01-01', 'curated', 'official')",
                [IID])  # fmt: skip
    rows = scorecard_rows(con, dt.date(2021, 1, 1), "MX-DUR")
    assert "| ◐ partial (*reviewed by Ana Revisora, 2026-12-01*) |" in render_markdown(rows, dt.date(2021, 1, 1))
    import csv
    import io

    cell = next(r for r in csv.DictReader(io.StringIO(render_csv(rows))) if r["element"] == "prevencion")
    assert (cell["finding"], cell["needs_review"], cell["reviewed_by"], cell["reviewed_at"], cell["review_note"]) == (
        "partial", "false", "Ana Revisora", "2026-12-01 10:00:00", "art. 1 read: it orders shelters")
