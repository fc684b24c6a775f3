"""Morelos: JSP table rows; a line-broken href is repaired; the last reform is a gazette reform date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.mor import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "mor" / "leyes.html"
PDF_URL = "http://marcojuridico.morelos.gob.mx/archivos/leyes/pdf/LEYTRATAPERSONASVICTIMAS.pdf"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_morelos_catalogo.json"


def _rows():
    return laws.LawTable(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse()


def test_rows_with_repaired_href_and_dates():
    rows = _rows()
    assert len(rows) == 21
    assert (rows[0].urls, rows[0].last_reform, rows[0].ref) == ((PDF_URL,), dt.date(2024, 3, 6), "1")
    assert rows[2].last_reform is None and rows[2].last_reform_raw is None  # undated row: nothing guessed


def test_scrape_yields_observed_and_reformed_from_the_catalogue_and_text_events():
    fetcher = FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes(), PDF_URL: state_pdf()})
    report = RunReport("mor")
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2024, 3, 6), "MX-MOR/ley-victimas-trata") in events
    assert ("reformed", dt.date(2024, 3, 6), "MX-MOR/ley-victimas-trata") in events
    assert ("published", dt.date(2015, 1, 15), "MX-MOR/ley-victimas-trata") in events
    assert {i for _, _, i in events} == {"MX-MOR/ley-victimas-trata"}  # "TRATAMIENTO CONTRA LA OBESIDAD" is not one
    reformed = next(r for r in records if getattr(r, "event_type", None) == "reformed" and r.date == dt.date(2024, 3, 6))
    assert reformed.evidence.url == laws.CATALOGUE_URL and len(reformed.evidence.sha256) == 64
    assert all(r.evidence.kind == "scraped" for r in records) and fetcher.calls == [laws.CATALOGUE_URL, PDF_URL]


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Morelos catalogue) is absent")
def test_legismex_catalogue_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = [(i, e["url_pdf"], e["ultima_reforma"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law]
    assert found == [(121, PDF_URL, "2024-03-06")]
