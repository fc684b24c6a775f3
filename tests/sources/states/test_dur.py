"""Durango: the Apache listing gives titles from file names and file mtimes; the PDF gives the legal dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states._platforms.link_page import clean_url
from pipeline.sources.states.dur import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

LISTING = (FIXTURES / "states" / "dur" / "legislacion.html").read_bytes()
BASE = "https://congresodurango.gob.mx/Archivos/legislacion/"
TRATA = BASE + "LEY%20PARA%20LA%20PREVENCION,%20ATENCION%20Y%20ERRADICACION%20DE%20LA%20TRATA%20DE%20PERSONAS"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_durango_catalogo.json"


def _rows():
    return laws.LawDirectory(FakeFetcher({})._response(laws.CATALOGUE_URL, LISTING)).parse()


def test_titles_from_file_names_markers_cleaned_and_copies_dropped():
    rows = _rows()
    titles = [r.title for r in rows]
    assert len(rows) == 54  # 57 .pdf files: the copia, the (ABROGADA) file and nothing else dropped
    assert "LEY DE AGUAS" in titles  # "(NUEVA)" cleaned
    assert not any("ABROGADA" in t or "copia" in t for t in titles)
    trata = next(r for r in rows if r.title.endswith("TRATA DE PERSONAS"))
    assert trata.title == "LEY PARA LA PREVENCION, ATENCION Y ERRADICACION DE LA TRATA DE PERSONAS"  # not "..>"
    assert trata.urls == (TRATA + ".pdf", TRATA + ".docx")
    assert (trata.last_reform_raw, trata.last_reform) == ("2024-12-04 10:31", dt.date(2024, 12, 4))


def test_raw_spaces_and_double_encoding_become_one_url():
    row = next(r for r in _rows() if r.title == "LEY DE PRUEBA UNO ALFA")
    assert row.urls[0] == BASE + "LEY%20DE%20PRUEBA%20UNO%20ALFA.pdf"  # the fixture's href has raw spaces
    # the form third-party copies stored (LGX-C): %2520 decoded to one level
    assert clean_url(TRATA.replace("%20", "%2520") + ".pdf") == TRATA + ".pdf"


def test_scrape_dates_the_observation_by_the_mtime_and_reads_the_law_text():
    report = RunReport("dur")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: LISTING, TRATA + ".pdf": state_pdf()}),
                                      report))  # fmt: skip
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2024, 12, 4), "MX-DUR/ley-trata-2012")
    assert not any(e[0] == "reformed" and e[1] == dt.date(2024, 12, 4) for e in events)  # an mtime is no reform
    assert ("published", dt.date(2015, 1, 15), "MX-DUR/ley-trata-2012") in events  # from the (fixture) PDF
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert records[0].official_url == TRATA + ".pdf"
    assert any("not a law (reglamento)" in n for n in report.notes)
    assert any("ABROGADA" in s for s in report.skips)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_durango_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == [
        "Ley para la Prevencion, Atencion y Erradicacion de la Trata de Personas"]
