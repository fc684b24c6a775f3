"""Baja California: entities in titles, relative hrefs under /TrabajoLegislativo/, dates from td3 only."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.bcn import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

DOCS = "https://www.congresobc.gob.mx/TrabajoLegislativo/Documentos/ProcesoParlamentario/Leyes"
PDF_URL = f"{DOCS}/TOMO_V/20260313_LEYTRATAPERSONAS.PDF"


def test_rows_resolve_relative_hrefs_and_read_the_date_cell():
    rows = parse_rows(laws.LawCatalogue, "bcn/leyes.html")
    assert len(rows) == 21
    trata = [r for r in rows if "TRATA DE PERSONAS" in r.title]
    assert [(r.ref, r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [
        ("161", (PDF_URL, f"{DOCS}/TOMO_V/20260313_LEYTRATAPERSONAS.DOC"), "2026/03/13", dt.date(2026, 3, 13))]


def test_file_name_dates_are_ignored_the_date_cell_wins():
    """Trap: ``30112018_…`` (DDMMYYYY) and ``…_07ABR2017`` name dates differ from td3 and are not used."""
    rows = {r.title: r for r in parse_rows(laws.LawCatalogue, "bcn/leyes.html")}
    periodismo = next(r for t, r in rows.items() if "PERIODISMO" in t)
    assert periodismo.title.startswith("LEY DE PREVENCIÓN Y ATENCIÓN")  # &#211; unescaped by the parser
    assert periodismo.last_reform == dt.date(2021, 5, 14)
    assert all("Eleyes.aspx" not in url for r in rows.values() for url in r.urls)


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("bcn/leyes.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2026, 3, 13), "MX-BCN/ley-trata-2013") in found
    assert ("reformed", dt.date(2026, 3, 13), "MX-BCN/ley-trata-2013") in found
    assert ("published", dt.date(2015, 1, 15), "MX-BCN/ley-trata-2013") in found  # printed on the fixture text
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    catalogue_sha = next(r for r in records if getattr(r, "event_type", "") == "observed_in_force").evidence
    assert catalogue_sha.url == laws.CATALOGUE_URL
    assert report.pages["catalogue_rows"] == 21 and report.pages["law_text"] == 1


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert [i for i, _ in sample_laws("bajacalifornia")] == [138]
