"""Colima: file-name titles and DDmesYYYY dates from the rendered list; the detector gap is recorded."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.fetching import RunReport
from pipeline.core.instruments import catalogue
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.col import laws
from tests.conftest import REAL_SAMPLES
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE = (FIXTURES / "states" / "col" / "leyes_estatales.html").read_bytes()
BASE = "https://congresocol.gob.mx/web/Sistema/uploads/LegislacionEstatal/LeyesEstatales/"
TRATA = BASE + "Prevenir_Erradicar_Trata_07julio2018.pdf"
SAMPLE = REAL_SAMPLES / "state-catalogs" / "legismex_colima_catalogo.json"


def _rows():
    return laws.StateLawList(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE)).parse()


def test_titles_lose_the_date_suffix_and_dates_keep_the_name_s_day():
    rows = _rows()
    assert len(rows) == 55
    trata = next(r for r in rows if r.urls == (TRATA,))
    assert (trata.title, trata.last_reform_raw, trata.last_reform) == (
        "Prevenir Erradicar Trata", "07julio2018", dt.date(2018, 7, 7))
    assert catalogue().resolve("MX-COL", trata.title).slug == "ley-trata-2011"  # the file-name alias


def test_raw_spaces_are_encoded_and_impossible_or_missing_dates_stay_unknown():
    rows = _rows()
    assert rows[0].urls == (BASE + "Ingresos%20_Edo_2026.pdf",) and rows[0].last_reform is None  # no day: no date
    impossible = next(r for r in rows if r.title.startswith("Salud Mental"))
    assert (impossible.last_reform_raw, impossible.last_reform) == ("31febrero2020", None)


def test_scrape_observes_the_law_by_the_file_name_date():
    report = RunReport("col")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: PAGE, TRATA: state_pdf()}), report))
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events[0] == ("observed_in_force", dt.date(2018, 7, 7), "MX-COL/ley-trata-2011")
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples is absent")
def test_detector_on_the_legismex_colima_catalogue():
    names = [e["nombre"] for e in json.loads(SAMPLE.read_text(encoding="utf-8"))]
    assert [n for n in names if classify_title(n).is_law] == ["Prevenir Erradicar Trata 07julio2018"]
