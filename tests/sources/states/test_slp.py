"""San Luis Potosí: view links → rows, "(al <date>)" split off the title; the pager is followed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.slp import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE1 = FIXTURES / "states" / "slp" / "leyes.html"
PAGE2 = FIXTURES / "states" / "slp" / "leyes-page1.html"
PAGE2_URL = "https://congresosanluis.gob.mx/legislacion/leyes?page=1"
PDF_URL = ("http://congresosanluis.gob.mx/sites/default/files/unpload/legislacion/leyes/2025/06/Ley%20para%20Prevenir"
           "%20Sancionar%20Delitos%20Trata%20de%20Personas%20%28al%2023%20junio%202025%29.pdf")
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_sanluispotosi_catalogo.json"
CHALLENGE = (FIXTURES / "runtime" / "cloudflare.html").read_bytes()


def _rows():
    return laws.LawLinks(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE1.read_bytes())).parse()


def test_link_text_gives_title_and_consolidation_date():
    rows = _rows()
    assert len(rows) == 10  # "Convocatorias" and "Glosario" anchors are not law PDFs
    assert (rows[0].title, rows[0].urls, rows[0].last_reform_raw, rows[0].last_reform) == (
        "Ley para Prevenir Sancionar Delitos Trata de Personas", (PDF_URL,), "al 23 junio 2025", dt.date(2025, 6, 23))
    assert rows[1].last_reform == dt.date(2026, 3, 3)  # "(al 03 de marzo de 2026)": with "de"
    assert rows[2].last_reform is None  # no bracketed date: nothing guessed


def test_scrape_follows_the_pager_and_observes_the_law_at_its_text_date():
    fetcher = FakeFetcher({laws.CATALOGUE_URL: PAGE1.read_bytes(), PAGE2_URL: PAGE2.read_bytes(), PDF_URL: state_pdf()})
    report = RunReport("slp")
    records = list(laws.SOURCE.scrape(fetcher, report))
    assert fetcher.calls == [laws.CATALOGUE_URL, PDF_URL, PAGE2_URL]
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2025, 6, 23), "MX-SLP/ley-trata-2018") in events  # via the short alias
    assert not any(t == "reformed" and d == dt.date(2025, 6, 23) for t, d, _ in events)
    assert ("published", dt.date(2015, 1, 15), "MX-SLP/ley-trata-2018") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue"] == 2 and report.pages["catalogue_rows"] == 11


def test_a_challenge_page_is_a_layout_failure_never_data():
    with pytest.raises(LayoutChanged):
        laws.LawLinks(FakeFetcher({})._response(laws.CATALOGUE_URL, CHALLENGE)).parse()
    assert "Sucuri" in laws.INFO.limitations and "never solved" in laws.INFO.limitations


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx SLP catalogue) is absent")
def test_legismex_catalogue_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = [(i, e["url_pdf"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law]
    assert found == [(134, PDF_URL)]


def test_a_pager_that_points_back_stops_the_crawl():
    looping = PAGE2.read_bytes().replace(b'<li class="pager-current first">2</li>',
                                         b'<li class="pager-next"><a href="/legislacion/leyes?page=1">siguiente</a></li>')
    fetcher = FakeFetcher({laws.CATALOGUE_URL: PAGE1.read_bytes(), PAGE2_URL: looping, PDF_URL: state_pdf()})
    list(laws.SOURCE.scrape(fetcher, RunReport("slp")))
    assert fetcher.calls == [laws.CATALOGUE_URL, PDF_URL, PAGE2_URL]
