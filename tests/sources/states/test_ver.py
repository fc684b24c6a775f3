"""Veracruz: doubled title text, a line break inside the PDF href, td1 read as the text's date."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.ver import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDF_URL = "http://www.legisver.gob.mx/leyes/LeyesPDF/TRATAPERSONAS090513.pdf"
TITLE = ("Ley para Prevenir , Sancionar y Erradicar los Delitos en Materia de Trata de Personas y Para la Protección "
         "y Asistencia a las Víctimas de estos Delitos del Estado de Veracruz de Ignacio de la Llave.")  # fmt: skip


def test_doubled_titles_are_undone_and_the_broken_href_is_joined():
    rows = parse_rows(laws.LawCatalogue, "ver/leyes.html")
    assert len(rows) == 21
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.title, r.urls, r.last_reform) for r in trata] == [(TITLE, (PDF_URL,), dt.date(2013, 5, 9))]
    assert laws.undoubled("A b. A b.") == "A b." and laws.undoubled("A b. A c.") == "A b. A c."


def test_scrape_dates_the_observation_by_the_text_date_and_claims_no_reform():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("ver/leyes.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2013, 5, 9), "MX-VER/ley-trata-2013") in found  # through the alias
    assert not any(e == "reformed" and d == dt.date(2013, 5, 9) for e, d, _ in found)
    assert ("published", dt.date(2015, 1, 15), "MX-VER/ley-trata-2013") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21 and not report.skips


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert [i for i, _ in sample_laws("veracruz")] == [146]
