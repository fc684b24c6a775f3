"""Estado de México: accordion items → rows; glued titles cut; site-relative Word links resolved."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.mex import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "mex" / "leyes_vigentes.html"
PDF_URL = "https://legislacion.edomex.gob.mx/files/files/pdf/ley/vig/leyvig201.pdf"
DOC_URL = "https://legislacion.edomex.gob.mx/sites/legislacion.edomex.gob.mx/files/files/pdf/ley/doc/leyvig201.doc"
TITLE = ("Ley para Prevenir, Atender, Combatir y Erradicar la Trata de Personas y para la Protección y Asistencia a "
         "las Víctimas en el Estado de México")
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_edomex_catalogo.json"


def _rows():
    return list(laws.LawAccordion(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse())


def test_items_become_rows_with_resolved_word_links():
    rows = _rows()
    assert len(rows) == 21
    assert (rows[0].title, rows[0].urls, rows[0].last_reform) == (TITLE, (PDF_URL, DOC_URL), None)


def test_glued_title_is_cut_and_sin_reforma_is_no_date():
    glued = _rows()[1]
    assert glued.title.endswith("del Estado de México y sus Municipios")  # not "… PDF WORD Tipo de ordenamiento"
    assert (glued.last_reform_raw, glued.last_reform) == ("Sin reforma", None)
    assert _rows()[2].last_reform == dt.date(2014, 6, 19)


def test_scrape_observes_the_law_and_reads_its_pdf():
    fetcher = FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes(), PDF_URL: state_pdf()})
    report = RunReport("mex")
    records = list(laws.SOURCE.scrape(fetcher, report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2026, 1, 20), "MX-MEX/ley-trata-2013") in events
    assert ("published", dt.date(2015, 1, 15), "MX-MEX/ley-trata-2013") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert fetcher.calls == [laws.CATALOGUE_URL, PDF_URL]
    assert "Geo-IP blocked" in laws.INFO.limitations


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx EdoMex catalogue) is absent")
def test_legismex_catalogue_trafficking_law_and_its_reglamento_kept_apart():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert [(i, e["url_pdf"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law] == [(96, PDF_URL)]
    near = [i for i, e in enumerate(entries) if classify_title(e["nombre"]).trafficking and not classify_title(e["nombre"]).is_law]
    assert near == [136]  # the glued reglamento title is a reglamento, not the law
