"""Guerrero: a bare "PDF" link titled by its parent, the date from the file name, Ley 417 resolved by alias."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.gro import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE = (FIXTURES / "states" / "gro" / "leyes-ordinarias.html").read_bytes()
TRATA = ("https://congresogro.gob.mx/legislacion/ordinarias/ARCHI/LEY-PARA-PREVENIR-Y-ERRADICAR-LA-TRATA-DE-PERSONAS"
         "-Y-PARA-LA-PROTECCION-ATENCION-Y-ASISTENCIA-DE-LAS-VICTIMAS-OFENDIDOS-Y-TESTIGOS-DE-ESTOS-DELITOS-EN-EL-"
         "ESTADO-DE-GUERRERO-417-2021-03-10.pdf")  # fmt: skip
TITLE = ("LEY NÚMERO 417 PARA PREVENIR Y ERRADICAR LA TRATA DE PERSONAS Y PARA LA PROTECCIÓN, ATENCIÓN Y ASISTENCIA "
         "DE LAS VÍCTIMAS, OFENDIDOS Y TESTIGOS DE ESTOS DELITOS EN EL ESTADO DE GUERRERO")  # fmt: skip
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_guerrero_catalogo.json"


def test_a_bare_pdf_link_takes_its_parents_text_and_the_file_name_date():
    rows = laws.OrdinaryLaws(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE)).parse()
    assert len(rows) == 24
    assert [(r.title, r.urls, r.last_reform_raw, r.last_reform) for r in rows if classify_title(r.title).is_law
            and "417" in r.title] == [(TITLE, (TRATA,), "2021-03-10", dt.date(2021, 3, 10))]  # fmt: skip
    reglamentaria = rows[1]
    assert reglamentaria.title == "Ley reglamentaria" and reglamentaria.last_reform is None  # poor text kept
    assert reglamentaria.urls[0].startswith("https://congresogro.gob.mx/legislacion/LEY-REGLAMENTARIA")


def test_scrape_resolves_ley_417_and_dates_the_observation_by_the_file_name():
    report = RunReport("gro")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: PAGE, TRATA: state_pdf()}), report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2021, 3, 10), "MX-GRO/ley-trata-vigente")
    assert not any(e[0] == "reformed" and e[1] == dt.date(2021, 3, 10) for e in events)
    assert ("published", dt.date(2015, 1, 15), "MX-GRO/ley-trata-vigente") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert not report.skips and any("not a law (reglamento)" in n for n in report.notes)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_guerrero_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [TITLE]
