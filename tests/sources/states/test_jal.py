"""Jalisco: a cp1252 page, Latin-1 percent-escapes in hrefs, .zip links and Ingresos rows left out."""

from __future__ import annotations

import datetime as dt

from pipeline.core.instruments import catalogue
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.jal import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FakeFetcher
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDFS = "https://congresoweb.congresojal.gob.mx/BibliotecaVirtual/legislacion/"
PDF_URL = (f"{PDFS}Leyes/Documentos_PDF-Leyes/Ley%20Estatal%20para%20Prevenir,%20Combatir%20y%20Erradicar%20la%20Trata"
           "%20de%20Personas-190423.pdf")  # fmt: skip  (the fixture's pattern-built URL, not a known real one)


def test_cp1252_rows_parse_and_only_pdf_links_are_kept():
    rows = parse_rows(laws.LawCatalogue, "jal/listado2.html")
    assert len(rows) == 21  # the Ingresos row is skipped
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.urls, r.last_reform) for r in trata] == [((PDF_URL,), dt.date(2023, 4, 19))]
    assert rows[1].title == "Código de Prueba para el Estado de Jalisco"  # decoded as cp1252


def test_latin1_percent_escapes_become_utf8_escapes():
    row = parse_rows(laws.LawCatalogue, "jal/listado2.html")[1]
    assert row.urls == (f"{PDFS}C%C3%B3digos/Documentos_PDF-C%C3%B3digos/C%C3%B3digo%20de%20Prueba-020222.pdf",)


def test_ingresos_rows_are_skipped_with_a_reason():
    page = laws.LawCatalogue(FakeFetcher({})._response(laws.CATALOGUE_URL, fixture("jal/listado2.html")))
    page.parse()
    assert page.skipped == ["a Ley de Ingresos (yearly revenue law)"]


def test_scrape_dates_the_observation_by_the_text_date_and_claims_no_reform():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("jal/listado2.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2023, 4, 19), "MX-JAL/ley-estatal-trata") in found
    assert not any(e == "reformed" and d == dt.date(2023, 4, 19) for e, d, _ in found)
    assert ("published", dt.date(2015, 1, 15), "MX-JAL/ley-estatal-trata") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21


def test_legismex_sample_is_the_judiciarys_page_and_holds_only_the_federal_law():
    """LegismEx read the STJ page (mostly federal laws): its one trafficking law is the Ley General."""
    found = sample_laws("jalisco")
    assert [i for i, _ in found] == [45]
    assert found[0][1].startswith("Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata")
    assert catalogue().resolve("MX-JAL", classify_title(found[0][1]).title) is None
