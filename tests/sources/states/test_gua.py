"""Guanajuato: the catalogue is read page by page until no link to the next page; files on S3."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.gua import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FakeFetcher
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PAGE_2 = "https://www.congresogto.gob.mx/leyes?page=2"
PDF_URL = "https://congreso-gto.s3.amazonaws.com/uploads/reforma/pdf/1590/20140228.pdf"
SIC = "Ley para Prevenir, Atender Erradicar la Trata de Personas en el Estado de Guanajuato"


def _page(url: str, name: str):
    return laws.LawCatalogue(FakeFetcher({})._response(url, fixture(name)))


def test_each_page_names_the_next_until_the_last():
    assert _page(laws.CATALOGUE_URL, "gua/leyes.html").next_page_url() == PAGE_2
    assert _page(PAGE_2, "gua/leyes-page2.html").next_page_url() is None


def test_rows_give_s3_pdf_and_word_and_the_td4_date():
    rows = parse_rows(laws.LawCatalogue, "gua/leyes-page2.html", PAGE_2)
    assert len(rows) == 7
    assert [(r.title, r.urls, r.last_reform) for r in rows[:1]] == [
        (SIC, (PDF_URL, "https://congreso-gto.s3.amazonaws.com/uploads/reforma/word/1590/20140228.doc"),
         dt.date(2014, 2, 28))]


def test_scrape_follows_the_pages_and_resolves_the_sic_title_through_its_alias():
    pages = {laws.CATALOGUE_URL: fixture("gua/leyes.html"), PAGE_2: fixture("gua/leyes-page2.html"), PDF_URL: state_pdf()}
    records, report = scrape(laws.SOURCE, pages)
    found = events(records)
    assert ("observed_in_force", dt.date(2014, 2, 28), "MX-GUA/ley-trata") in found
    assert ("reformed", dt.date(2014, 2, 28), "MX-GUA/ley-trata") in found
    assert ("published", dt.date(2015, 1, 15), "MX-GUA/ley-trata") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    observed = next(r for r in records if getattr(r, "event_type", "") == "observed_in_force")
    assert observed.evidence.url == PAGE_2  # the evidence is the page that listed the law
    assert report.pages["catalogue"] == 2 and report.pages["catalogue_rows"] == 17 and not report.skips


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert sample_laws("guanajuato") == [(103, SIC)]
