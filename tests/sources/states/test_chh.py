"""Chihuahua: cards with a publication date (never a reform), two file hosts, paging that wraps around."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.chh import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE1 = (FIXTURES / "states" / "chh" / "leyes_pag1.html").read_bytes()
FILES = "https://www.congresochihuahua2.gob.mx/biblioteca/leyes/"
PDF, DOC = FILES + "archivosLeyes/1343.pdf", FILES + "archivosLeyesWord/1236.doc"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_chihuahua_catalogo.json"


def test_cards_give_title_publication_date_and_both_documents():
    rows = laws.LawCards(FakeFetcher({})._response(laws.page_url(1), PAGE1)).parse()
    assert len(rows) == 5
    trata = [r for r in rows if classify_title(r.title).is_law and "TRATA" in r.title]
    assert [(r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [
        ((PDF, DOC), "14 de octubre de 2017", dt.date(2017, 10, 14))]
    assert rows[4].last_reform is None and rows[4].urls == (FILES + "archivosLeyes/9005.pdf",)  # no date, no Word


def test_paging_stops_when_the_site_wraps_around_to_page_one():
    page2 = PAGE1.replace(b"LEY DE PRUEBA", b"LEY DE OTRA PRUEBA").replace(b"LEY DE CULTURA", b"LEY DE ARTE")
    page2 = page2.replace(b"LEY PARA LA PREVENCI", b"LEY HOMENAJE PARA LA PREVENCI").replace(b"REGLAMENTO", b"ACUERDO")
    fetcher = FakeFetcher({laws.page_url(1): PAGE1, laws.page_url(2): page2, laws.page_url(3): PAGE1, PDF: state_pdf()})
    report = RunReport("chh")
    list(laws.SOURCE.scrape(fetcher, report))
    assert [u for u in fetcher.calls if "index.php" in u] == [laws.page_url(n) for n in (1, 2, 3)]
    assert report.pages["catalogue_rows"] == 10  # page 3 repeated page 1: nothing counted twice


def test_scrape_observes_the_law_on_the_retrieval_day_and_the_publication_is_no_reform():
    report = RunReport("chh")
    fetcher = FakeFetcher({laws.page_url(1): PAGE1, laws.page_url(2): PAGE1, PDF: state_pdf()})
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2026, 1, 20), "MX-CHH/ley-trata-2017")
    assert not any(e[0] == "reformed" and e[1] == dt.date(2017, 10, 14) for e in events)
    assert ("published", dt.date(2015, 1, 15), "MX-CHH/ley-trata-2017") in events  # from the (fixture) PDF
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert records[0].official_url == PDF
    assert any("not a law (reglamento)" in n for n in report.notes)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_chihuahua_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "LEY PARA LA PREVENCIÓN, COMBATE Y ERRADICACIÓN DE LA TRATA DE PERSONAS Y PROTECCIÓN, ATENCIÓN Y "
        "ASISTENCIA A LAS VÍCTIMAS EN EL ESTADO DE CHIHUAHUA"]
