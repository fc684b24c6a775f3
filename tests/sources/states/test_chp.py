"""Chiapas: the PDF URL is in the row's onclick, on another host, with a base64 version query."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.chp import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDF_URL = "https://www.congresochiapas.gob.mx/new/Info-Parlamentaria/LEY_0144.pdf?v=MQ=="


def test_rows_take_the_url_from_onclick_and_keep_the_version_query():
    rows = parse_rows(laws.LawCatalogue, "chp/legislacion-vigente.html")
    assert len(rows) == 21
    trata = [r for r in rows if "TRATA DE PERSONAS" in r.title]
    assert [(r.ref, r.urls, r.last_reform) for r in trata] == [("129", (PDF_URL,), dt.date(2020, 8, 5))]
    constitution = rows[0]
    assert constitution.urls == ("https://www.congresochiapas.gob.mx/new/Info-Parlamentaria/CONSTITUCION.pdf?v=NjU=",)


def test_scrape_dates_the_observation_by_the_text_date_and_claims_no_reform():
    pages = {laws.CATALOGUE_URL: fixture("chp/legislacion-vigente.html"), PDF_URL: state_pdf()}
    records, report = scrape(laws.SOURCE, pages)
    found = events(records)
    assert ("observed_in_force", dt.date(2020, 8, 5), "MX-CHP/ley-trata-2020") in found
    assert not any(e == "reformed" and d == dt.date(2020, 8, 5) for e, d, _ in found)  # text_date, no legal act
    assert ("published", dt.date(2015, 1, 15), "MX-CHP/ley-trata-2020") in found
    assert {i for _, _, i in found} == {"MX-CHP/ley-trata-2020"}  # the "TRATAMIENTO … DIABETES" law is not taken
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert sample_laws("chiapas") == [(129, "LEY PARA PREVENIR Y COMBATIR LA TRATA DE PERSONAS EN EL ESTADO DE CHIAPAS")]
