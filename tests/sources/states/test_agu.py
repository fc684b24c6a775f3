"""Aguascalientes: the catalogue picks the trafficking law, the text gives its publication and reforms."""

from __future__ import annotations

import datetime as dt

from pipeline.core.fetching import RunReport
from pipeline.sources.states.agu import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PDF_URL = "https://congresoags.gob.mx/agenda_legislativa/leyes/descargarPdf/419"


def _run():
    pages = {laws.CATALOGUE_URL: (FIXTURES / "states" / "agu" / "leyes.html").read_bytes(), PDF_URL: state_pdf()}
    report = RunReport("agu")
    return list(laws.SOURCE.scrape(FakeFetcher(pages), report)), report


def test_catalogue_rows_and_only_the_law_is_taken():
    rows = laws.LawCatalogue(FakeFetcher({})._response(
        laws.CATALOGUE_URL, (FIXTURES / "states" / "agu" / "leyes.html").read_bytes())).parse()
    assert len(rows) == 20
    trata = [r for r in rows if "TRATA DE PERSONAS" in r.title]
    assert [(r.urls, r.last_reform) for r in trata] == [
        ((PDF_URL,), dt.date(2025, 12, 15)),
        (("https://congresoags.gob.mx/agenda_legislativa/leyes/descargarPdf/4",), dt.date(2016, 6, 5)),
    ]


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    records, report = _run()
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2025, 12, 15), "MX-AGU/ley-trata") in events
    assert ("reformed", dt.date(2025, 12, 15), "MX-AGU/ley-trata") in events
    assert ("published", dt.date(2015, 1, 15), "MX-AGU/ley-trata") in events  # printed on the (fixture) text
    assert ("reformed", dt.date(2019, 11, 2), "MX-AGU/ley-trata") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert any(type(r).__name__ == "VersionRecord" for r in records)
    assert report.pages["catalogue_rows"] == 20
    assert any("not a law (reglamento)" in n for n in report.notes)
