"""SCJN invalidations on provisions: a provisions_invalidated fact → effects rows on the version in force at the
ruling date (and later ones), with the fact's evidence; the scorecard marks an element only struck provisions carried."""

from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.build import load_reference
from pipeline.harmonise.invalidations import write_invalidations
from pipeline.harmonise.store import score_database
from pipeline.store import schema

LAW = "MX-DUR/ley-trata"
RULING = "MX-DUR/scjn-ai-1-2014"
V2013, V2016, V2020 = f"{LAW}@2013-01-01", f"{LAW}@2016-01-01", f"{LAW}@2020-01-01"
DECLARATION = ("TERCERO. Se declara la invalidez de los artículos 5 y 6, fracción II, de la Ley de Trata del "
               "Estado Modelo. CUARTO. Publíquese.")
OFFENCE = "Al que cometa el delito de trata de personas se le impondrá de diez a veinte años de prisión."
PROVISIONS = [("art_1", "articulo", "Corresponde al Ejecutivo crear albergues para las víctimas de trata."),
              ("art_5", "articulo", OFFENCE),
              ("art_6", "articulo", "Corresponde a la Fiscalía: I. Investigar. II. Intervenir las comunicaciones."),
              ("art_6.frac_II", "fraccion", "Intervenir las comunicaciones.")]  # fmt: skip


def _con(ruling_date: dt.date | None = dt.date(2015, 4, 28), reformed_2020: bool = False):
    con = duckdb.connect()
    schema.apply_tables(con)
    load_reference(con)
    con.execute("INSERT INTO instruments VALUES (?, 'MX-DUR', 'ley-trata', 'Ley de Trata del Estado Modelo', "
                "'ley_estatal_trata', NULL, true, 'mx-dur/ley/2013/ley-trata')", [LAW])  # fmt: skip
    con.execute("INSERT INTO instruments VALUES (?, 'MX-DUR', 'scjn-ai-1-2014', 'Acción de Inconstitucionalidad 1/2014', "
                "'sentencia_scjn', NULL, false, 'mx-dur/sentencia/2015/scjn-ai-1-2014')", [RULING])  # fmt: skip
    for vid, day in ((V2013, dt.date(2013, 1, 1)), (V2016, dt.date(2016, 1, 1)), (V2020, dt.date(2020, 1, 1))):
        con.execute("INSERT INTO instrument_versions VALUES (?, ?, ?, ?, 'test', 12, NULL)", [vid, LAW, day, "a" * 64])
        for ordinal, (eid, level, text) in enumerate(PROVISIONS):
            con.execute("INSERT INTO provisions VALUES (?, ?, ?, ?, ?, ?, ?, false, NULL)",
                        [f"{vid}~{eid}", vid, eid, level, eid.split("_")[-1], ordinal, text])  # fmt: skip
    if reformed_2020:
        con.execute("INSERT INTO effects VALUES ('r1', ?, ?, 'art_5', 'reforma', DATE '2019-06-01', '12', 'P.O. 3', "
                    "'Artículo reformado P.O. 3, 1 de junio de 2019')", [V2020, LAW])  # fmt: skip
    con.execute("INSERT INTO events (event_id, instrument_id, event_type, event_date, date_earliest, date_latest, "
                "date_precision, date_text, gazette, decree, note, best_kind, best_confidence) VALUES ('inv', ?, "
                "'provisions_invalidated', ?, ?, ?, 'day', '2015-04-28', 'Diario Oficial de la Federación', "
                "'AI 1/2014', ?, 'curated', 'official')", [RULING, ruling_date, ruling_date, ruling_date, DECLARATION])  # fmt: skip
    con.execute("INSERT INTO evidence (evidence_id, fact_table, fact_id, kind, source, url, source_url, accessed, "
                "confidence, note) VALUES ('ev1', 'events', 'inv', 'curated', 'registry', "
                "'https://dof.gob.mx/nota_detalle.php?codigo=1', 'https://dof.gob.mx/nota_detalle.php?codigo=1', "
                "DATE '2026-12-01', 'official', 'resolutivo tercero')")  # fmt: skip
    return con


def test_the_struck_provisions_become_effects_on_the_version_in_force_and_later_ones():
    con = _con()
    assert write_invalidations(con) == 6
    rows = con.execute("SELECT version_id, provision_eid, effect_type, effect_date, decree FROM effects "
                       "ORDER BY version_id, provision_eid").fetchall()  # fmt: skip
    # 2013 is the text in force on 2015-04-28; 2016 and 2020 are later texts still printing the provisions
    assert rows == [(v, eid, "invalidacion", dt.date(2015, 4, 28), "AI 1/2014")
                    for v in (V2013, V2016, V2020) for eid in ("art_5", "art_6.frac_II")]
    evidence = con.execute("SELECT DISTINCT url, supports FROM evidence WHERE fact_table = 'effects'").fetchall()
    assert evidence == [("https://dof.gob.mx/nota_detalle.php?codigo=1", "invalidacion")]


def test_a_provision_reformed_after_the_ruling_is_a_new_text_and_an_undated_ruling_strikes_no_text():
    con = _con(reformed_2020=True)
    write_invalidations(con)
    struck = con.execute("SELECT version_id, provision_eid FROM effects WHERE effect_type = 'invalidacion' "
                         "ORDER BY ALL").fetchall()  # fmt: skip
    assert struck == [(V2013, "art_5"), (V2013, "art_6.frac_II"), (V2016, "art_5"), (V2016, "art_6.frac_II"),
                      (V2020, "art_6.frac_II")]
    assert write_invalidations(_con(ruling_date=None)) == 0


def test_the_scorecard_marks_an_element_only_struck_provisions_carried():
    con = _con(reformed_2020=True)
    write_invalidations(con)
    score_database(con)
    findings = {(v, e): (f, by) for v, e, f, by in con.execute(
        "SELECT version_id, element, finding, invalidated_by FROM element_findings").fetchall()}  # fmt: skip
    # art. 5 defined the offence; the SCJN struck it: the competence conflict is shown as invalidated
    assert findings[(V2016, "tipifica_delito")] == ("invalidated", "AI 1/2014")
    # the 2020 text rewrote art. 5 after the ruling: it defines the offence again, and that stands
    assert findings[(V2020, "tipifica_delito")] == ("present", None)
    # albergues rests on art. 1, which nobody struck
    assert findings[(V2016, "albergues")] == ("present", None)
    cell = con.execute("SELECT provision_ids, needs_review FROM element_findings WHERE version_id = ? AND "
                       "element = 'tipifica_delito'", [V2016]).fetchone()  # fmt: skip
    assert cell == (f"{V2016}~art_5", False)


def test_texts_older_than_the_one_in_force_at_the_ruling_are_not_struck():
    con = _con(ruling_date=dt.date(2017, 3, 1))
    write_invalidations(con)
    versions = {v for (v,) in con.execute("SELECT DISTINCT version_id FROM effects").fetchall()}
    assert versions == {V2016, V2020}


def test_the_curated_queretaro_ruling_names_the_provisions_it_struck():
    import csv

    from pipeline.core.paths import REPO_DIR
    from pipeline.parse.law.invalidity import parse_invalidations

    with (REPO_DIR / "data" / "registry" / "facts" / "QUE.csv").open(encoding="utf-8") as fh:
        [row] = [r for r in csv.DictReader(fh)
                 if r["instrument_slug"] == "scjn-ai-10-2013" and r["event"] == "provisions_invalidated"]
    found = parse_invalidations(row["note"])
    assert [i.provision_eid for i in found] == ["art_27.frac_I", "art_27.frac_II", "art_27.frac_III", "art_37.frac_II"]
    assert "queretaro" in found[0].law_name and row["date"] == "2015-04-28"


def test_the_markdown_and_csv_name_the_ruling_of_an_invalidated_element():
    from pipeline.publish.scorecard import render_csv, render_markdown

    row = {"jurisdiction": "MX-DUR", "jurisdiction_name": "Durango", "law_title": "Ley de Trata del Estado Modelo",
           "version_id": V2016, "element": "tipifica_delito", "label_en": "Defines the offences",
           "expectation": "competence_conflict", "finding": "invalidated", "provision_ids": f"{V2016}~art_5",
           "invalidated_by": "AI 1/2014", "needs_review": False}  # fmt: skip
    md = render_markdown([row], dt.date(2021, 1, 1))
    assert "| ⊘ invalidated (*SCJN: AI 1/2014*) | art_5 |" in md
    import csv
    import io

    [parsed] = list(csv.DictReader(io.StringIO(render_csv([row]))))
    assert (parsed["finding"], parsed["provision_ids"], parsed["invalidated_by"]) == (
        "invalidated", f"{V2016}~art_5", "AI 1/2014")
