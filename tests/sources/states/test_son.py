"""Sonora: the JSON API's records → the trata law with its uuid downloads; paging stops on a short page."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.son import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE1 = (FIXTURES / "states" / "son" / "ley_pagina1.json").read_bytes()
PDF = "https://gestion.api.congresoson.gob.mx/publico/descarga?uuid=2fc77557-d767-46b4-b396-1af4e4954ad0"
DOC = "https://gestion.api.congresoson.gob.mx/publico/descarga?uuid=f85f4aae-baad-4807-97a0-e1afdd6ce8b3"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_sonora_catalogo.json"


def _page(content: bytes, page: int = 1):
    return laws.LawApiPage(FakeFetcher({})._response(laws.page_url(page), content))


def test_records_become_rows_with_uuid_downloads_and_the_timestamp_day():
    rows = _page(PAGE1).parse()
    assert len(rows) == 20
    trata = next(r for r in rows if classify_title(r.title).is_law)
    assert trata.title == "Ley de Prevención y Combate de la Trata de Personas para el Estado de Sonora."
    assert trata.urls == (PDF, DOC)
    assert (trata.last_reform_raw, trata.last_reform) == ("2024-10-03T17:22:11.000Z", dt.date(2024, 10, 3))
    assert next(r for r in rows if r.title.startswith("Código")).urls == ()  # "archivos": null


def test_a_renamed_key_inside_a_record_is_a_layout_change():
    data = json.loads(PAGE1)
    data["resultado"][1]["titulo"] = data["resultado"][1].pop("nombre")
    with pytest.raises(LayoutChanged, match="nombre"):
        _page(json.dumps(data).encode()).parse()


def test_scrape_observes_the_law_by_the_record_timestamp_never_as_a_reform():
    report = RunReport("son")
    fetcher = FakeFetcher({laws.page_url(1): PAGE1, PDF: state_pdf()})
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2024, 10, 3), "MX-SON/ley-trata-2011")
    assert ("reformed", dt.date(2024, 10, 3), "MX-SON/ley-trata-2011") not in events
    assert ("published", dt.date(2015, 1, 15), "MX-SON/ley-trata-2011") in events  # from the (fixture) PDF
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert fetcher.calls == [laws.page_url(1), PDF]  # 20 records < 100: page 1 was the last
    assert any("not a law (reglamento)" in n for n in report.notes)


def test_a_full_page_asks_for_the_next_one():
    full = json.loads(PAGE1)
    full["resultado"] = [dict(full["resultado"][5], nombre=f"Ley de Relleno {i}") for i in range(100)]
    last = {"resultado": json.loads(PAGE1)["resultado"][:3]}
    fetcher = FakeFetcher({laws.page_url(1): json.dumps(full).encode(), laws.page_url(2): json.dumps(last).encode(),
                           PDF: state_pdf()})  # fmt: skip
    report = RunReport("son")
    list(laws.SOURCE.scrape(fetcher, report))
    assert fetcher.calls[:2] == [laws.page_url(1), laws.page_url(2)] and report.pages["catalogue"] == 2
    assert report.pages["catalogue_rows"] == 103


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_sonora_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "Ley de Prevención y Combate de la Trata de Personas para el Estado de Sonora."]
