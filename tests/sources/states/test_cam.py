"""Campeche: the rendered LEXIUS table → the trata law's FT… 'ficha' PDF, observed on the retrieval day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.cam import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE = (FIXTURES / "states" / "cam" / "leyesEstatales.html").read_bytes()
TRATA = "https://consejeria.campeche.gob.mx/pagina/LEXIUSCAMPECHE/docs/est/Fichas/FT100124.1.pdf"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_campeche_catalogo.json"


def test_rows_resolve_relative_ficha_links_and_keep_a_row_without_document():
    rows = laws.LexiusTable(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE)).parse()
    assert len(rows) == 55  # the <thead> row has no <td>
    assert [(r.title, r.urls, r.last_reform) for r in rows if classify_title(r.title).is_law] == [
        ("Ley para Prevenir y Combatir la Trata de Personas del Estado de Campeche", (TRATA,), None)]
    assert next(r for r in rows if r.title == "Ley de Prueba sin documento").urls == ()


def test_scrape_observes_the_law_on_the_retrieval_day_and_reads_the_ficha():
    report = RunReport("cam")
    fetcher = FakeFetcher({laws.CATALOGUE_URL: PAGE, TRATA: state_pdf()})
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2026, 1, 20), "MX-CAM/ley-trata")
    assert fetcher.calls == [laws.CATALOGUE_URL, TRATA]
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert any("not a law (reglamento)" in n for n in report.notes)


def test_limitations_say_it_needs_a_browser():
    assert "JavaScript browser" in laws.INFO.limitations


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_campeche_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "Ley para Prevenir y Combatir la Trata de Personas del Estado de Campeche"]
