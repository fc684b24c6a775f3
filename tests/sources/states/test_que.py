"""Querétaro: no date column — the row proves only that the law was listed on the day it was read."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.que import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDF_URL = "http://site.legislaturaqueretaro.gob.mx/CloudPLQ/InvEst/Leyes/LEY-ID-089.pdf"


def test_rows_give_stable_id_pdfs_and_no_dates():
    rows = parse_rows(laws.LawCatalogue, "que/leyes.html")
    assert len(rows) == 21
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.ref, r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [("89", (PDF_URL,), None, None)]
    assert rows[0].urls == ("http://site.legislaturaqueretaro.gob.mx/CloudPLQ/InvEst/Constitucion/CON-ID-001.pdf",)


def test_scrape_dates_the_observation_by_the_retrieval_day_and_reads_the_text():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("que/leyes.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2026, 1, 20), "MX-QUE/ley-trata-2013") in found  # the FakeFetcher's day
    assert ("published", dt.date(2015, 1, 15), "MX-QUE/ley-trata-2013") in found
    assert ("reformed", dt.date(2019, 11, 2), "MX-QUE/ley-trata-2013") in found  # from the text, not the list
    observed = next(r for r in records if getattr(r, "event_type", "") == "observed_in_force")
    assert observed.official_url == PDF_URL and "retrieved" in observed.note
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert sample_laws("queretaro") == [
        (88, "Ley para Prevenir, Combatir, y Sancionar la Trata de Personas en el Estado de Querétaro.")]
