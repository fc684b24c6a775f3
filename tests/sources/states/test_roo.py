"""Quintana Roo: anchor-text titles, dates from current and legacy file names, junk links skipped."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.roo import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE = (FIXTURES / "states" / "roo" / "leyes.html").read_bytes()
TRATA = "https://documentos.congresoqroo.gob.mx/leyes/L1420141223252.pdf"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_quintanaroo_catalogo.json"


def _page(content: bytes = PAGE):
    return laws.LawLinks(FakeFetcher({})._response(laws.CATALOGUE_URL, content))


def test_rows_dates_from_both_file_name_conventions_and_junk_skipped():
    page = _page()
    rows = page.parse()
    assert len(rows) == 30 and len(page.skipped) == 2  # "Tablas de Valores" and "gavelLeyes"
    assert rows[0].last_reform == dt.date(2025, 11, 24)  # L176-XVIII-20251124-CN1820251124153-…
    trata = [r for r in rows if classify_title(r.title).is_law]
    assert [(r.title, r.urls, r.last_reform) for r in trata] == [
        ("Ley en Materia de Trata de Personas del Estado de Quintana Roo.", (TRATA,), dt.date(2014, 12, 23))]
    cuotas = next(r for r in rows if r.title.startswith("Ley de Cuotas"))
    assert cuotas.urls[0].endswith("L16202~2.PDF.pdf") and cuotas.last_reform == dt.date(2021, 4, 15)


def test_subject_folder_names_without_a_leading_L_date_are_not_guessed():
    assert laws.version_date("https://documentos.congresoqroo.gob.mx/leyes/penal/ley077/anexo.pdf") is None


def test_scrape_observes_the_law_by_its_file_name_date_never_as_a_reform():
    report = RunReport("roo")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: PAGE, TRATA: state_pdf()}), report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2014, 12, 23), "MX-ROO/ley-trata-2014")
    assert not any(e[0] == "reformed" and e[1] == dt.date(2014, 12, 23) for e in events)
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)


def test_a_list_without_the_law_is_noted_as_incomplete_not_as_an_abrogation():
    page = PAGE.replace(b"Ley en Materia de Trata de Personas del Estado de Quintana Roo.", b"Ley de Prueba extra")
    report = RunReport("roo")
    assert list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: page}), report)) == []
    assert any("known to be incomplete" in n for n in report.notes)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_quintana_roo_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == []  # the 27-law capture lacks the trata law
