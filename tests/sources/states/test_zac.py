"""Zacatecas: file-name titles ending "..pdf", no dates → observed on the retrieval day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.zac import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

LISTING = (FIXTURES / "states" / "zac" / "leyes.html").read_bytes()
TRATA = ("https://cgj.zacatecas.gob.mx/MJE/LEYES/Ley%20para%20Prevenir,%20Atender,%20Combatir%20y%20Erradicar%20la"
         "%20Trata%20de%20Personas%20en%20el%20Estado%20de%20Zacatecas..pdf")  # fmt: skip
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_zacatecas_catalogo.json"


def test_titles_drop_the_doubled_dot_and_the_url_keeps_it():
    rows = laws.LawDirectory(FakeFetcher({})._response(laws.CATALOGUE_URL, LISTING)).parse()
    assert len(rows) == 55
    trata = [r for r in rows if classify_title(r.title).is_law]
    assert [(r.title, r.urls, r.last_reform) for r in trata] == [(
        "Ley para Prevenir, Atender, Combatir y Erradicar la Trata de Personas en el Estado de Zacatecas",
        (TRATA,), None)]
    assert rows[0].title == "Arancel de Honorarios de los Notarios en el Estado"  # not the truncated link text


def test_scrape_observes_the_law_on_the_retrieval_day():
    report = RunReport("zac")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: LISTING, TRATA: state_pdf()}), report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2026, 1, 20), "MX-ZAC/ley-trata")  # FakeFetcher's day
    assert "retrieved" in records[0].note
    assert ("published", dt.date(2015, 1, 15), "MX-ZAC/ley-trata") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert any("not a law (reglamento)" in n for n in report.notes)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_zacatecas_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "Ley para Prevenir, Atender, Combatir y Erradicar la Trata de Personas en el Estado de Zacatecas..pdf"]


GAZETTE = (FIXTURES / "states" / "zac" / "obtener_leyes.json").read_bytes()


def test_the_gazette_api_dates_the_law_by_its_fecha_publicacion_as_a_text_date():
    from pipeline.sources.states.zac import gazette_laws

    rows = gazette_laws.GazetteLawList(FakeFetcher({})._response(gazette_laws.LAWS_URL, GAZETTE)).parse()
    assert len(rows) == 23
    trata = rows[0]
    assert (trata.last_reform_raw, trata.last_reform) == ("2014/03/15", dt.date(2014, 3, 15))
    assert trata.urls == (f"https://periodico.zacatecas.gob.mx/visualizar/{trata.ref}",) and len(trata.ref) == 24
    report = RunReport("zac-po")
    records = list(gazette_laws.SOURCE.scrape(FakeFetcher({gazette_laws.LAWS_URL: GAZETTE}), report))
    assert [(r.event_type, r.date, r.instrument.instrument_id) for r in records] == [
        ("observed_in_force", dt.date(2014, 3, 15), "MX-ZAC/ley-trata")]  # no reform, no second text fetch
    assert records[0].evidence.url == gazette_laws.LAWS_URL and len(records[0].evidence.sha256) == 64
