"""Sinaloa: two trafficking laws on a static link page, entities decoded, hrefs on two hosts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.sin import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE = (FIXTURES / "states" / "sin" / "estatales.html").read_bytes()
ESTATAL = "https://iip.congresosinaloa.gob.mx/docs/le/077.pdf"
VICTIMAS = "https://gaceta.congresosinaloa.gob.mx:3001/pdfs/leyes/Ley_118.pdf"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_sinaloa_catalogo.json"


def _rows():
    return laws.LawLinks(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE)).parse()


def test_links_become_rows_entities_decoded_and_pdf_pdf_fixed():
    rows = _rows()
    assert len(rows) == 55
    assert rows[0].title == "Código Civil para el Estado de Sinaloa"  # &oacute; decoded
    assert rows[3].urls == ("https://iip.congresosinaloa.gob.mx/docs/le/090.pdf",)  # .pdf.pdf and relative
    assert [(r.urls, r.last_reform) for r in rows if classify_title(r.title).is_law] == [
        ((ESTATAL,), None), ((VICTIMAS,), None)]


def test_scrape_yields_both_trafficking_laws_the_typo_resolved_by_alias():
    report = RunReport("sin")
    fetcher = FakeFetcher({laws.CATALOGUE_URL: PAGE, ESTATAL: state_pdf(), VICTIMAS: state_pdf()})
    records = list(laws.SOURCE.scrape(fetcher, report))
    observed = [(r.instrument.instrument_id, r.date, r.official_url) for r in records
                if getattr(r, "event_type", None) == "observed_in_force"]  # fmt: skip
    assert observed == [("MX-SIN/ley-estatal-trata", dt.date(2026, 1, 20), ESTATAL),
                        ("MX-SIN/ley-victimas-trata-2017", dt.date(2026, 1, 20), VICTIMAS)]
    assert not report.skips  # "den Materia" found its instrument
    assert fetcher.calls == [laws.CATALOGUE_URL, ESTATAL, VICTIMAS]
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert any("not a law (reglamento)" in n for n in report.notes)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_sinaloa_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "Ley para la Protección, Atención y Asistencia a las Víctimas de los Delitos den Materia de Trata de "
        "Personas del Estado de Sinaloa",
        "Ley Estatal para Combatir, Prevenir y Sancionar la Trata de Personas",
    ]
