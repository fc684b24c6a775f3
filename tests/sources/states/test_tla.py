"""Tlaxcala: bare file names resolve into the pdf/ and doc/ folders; month names spelled out."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.tla import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, scrape

PDF_URL = "https://congresodetlaxcala.gob.mx/archivo/leyes2020/pdf/125_Ley_para_preve.pdf"


def test_bare_file_names_resolve_into_their_folders():
    rows = parse_rows(laws.LawCatalogue, "tla/legislacion.html")
    assert len(rows) == 21
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [(
        (PDF_URL, "https://congresodetlaxcala.gob.mx/archivo/leyes2020/doc/125_Ley_para_preve.doc"),
        "14/Septiembre/2021", dt.date(2021, 9, 14))]  # the fixture's (invented) value, parsed


def test_every_spanish_month_word_parses():
    rows = parse_rows(laws.LawCatalogue, "tla/legislacion.html")[1:]
    assert [r.last_reform.month for r in rows[:12]] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    pages = {laws.CATALOGUE_URL: fixture("tla/legislacion.html"), PDF_URL: state_pdf()}
    records, report = scrape(laws.SOURCE, pages)
    found = events(records)
    assert ("observed_in_force", dt.date(2021, 9, 14), "MX-TLA/ley-trata-2017") in found
    assert ("reformed", dt.date(2021, 9, 14), "MX-TLA/ley-trata-2017") in found
    assert ("published", dt.date(2015, 1, 15), "MX-TLA/ley-trata-2017") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21
