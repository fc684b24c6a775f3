"""Coahuila: the table's title is the first non-button cell; the victims law resolves and its text is read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.coa import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "coa" / "leyes-estatales-vigentes.html"
PDF_URL = "https://www.congresocoahuila.gob.mx/transparencia/03/Leyes_Coahuila/coa187.pdf"
TITLE = ("Ley para la Prevención, Protección, Atención y Asistencia a las Víctimas y Ofendidos de los Delitos en "
         "Materia de Trata de Personas del Estado de Coahuila de Zaragoza")
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_coahuila_catalogo.json"


def test_title_is_the_first_cell_that_is_not_a_button():
    rows = laws.LawTable(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse()
    assert len(rows) == 21
    assert (rows[0].title, rows[0].urls, rows[0].last_reform) == (TITLE, (PDF_URL,), None)  # .doc not taken


def test_scrape_yields_observed_and_text_events():
    report = RunReport("coa")
    fetcher = FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes(), PDF_URL: state_pdf()})
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2026, 1, 20), "MX-COA/ley-trata-victimas-2012") in events
    assert ("published", dt.date(2015, 1, 15), "MX-COA/ley-trata-victimas-2012") in events
    assert ("reformed", dt.date(2019, 11, 2), "MX-COA/ley-trata-victimas-2012") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    observed = next(r for r in records if getattr(r, "event_type", None) == "observed_in_force")
    assert observed.official_url == PDF_URL and observed.evidence.url == laws.CATALOGUE_URL
    assert fetcher.calls == [laws.CATALOGUE_URL, PDF_URL] and report.pages["law_text"] == 1


def test_limitation_says_the_site_refuses_default_user_agents():
    assert "403" in laws.INFO.limitations and "do not spoof" in laws.INFO.limitations


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Coahuila catalogue) is absent")
def test_legismex_catalogue_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = [(e["nombre"], e["url_pdf"]) for e in entries if classify_title(e["nombre"]).is_law]
    assert found == [(TITLE, "http://www.congresocoahuila.gob.mx/archive/leyesestatalescoahuila/coa187.pdf")]
