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
