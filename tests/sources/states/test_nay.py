"""Nayarit: wp-json pages → law links; inverted file-name titles are put back in reading order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states._platforms.wordpress import title_from_filename
from pipeline.sources.states.nay import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PDF_URL = ("https://congresonayarit.gob.mx/wp-content/uploads/QUE_HACEMOS/LEGISLACION_ESTATAL/leyes/"
           "prevencion_y_erradicacion_de_la_trata_de_personas_en_el_estado_de_nayarit_ley_para_la.pdf")
FIXTURE = FIXTURES / "states" / "nay" / "pages.json"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_nayarit_catalogo.json"


def _run():
    report = RunReport("nay")
    return list(laws.SOURCE.scrape(FakeFetcher({laws.page_url(1): FIXTURE.read_bytes(), PDF_URL: state_pdf()}),
                                   report)), report


def test_links_are_read_from_the_escaped_rendered_content():
    assert b"https:\\/\\/congresonayarit" in FIXTURE.read_bytes()  # the trap: "\/"-escaped slashes
    rows = laws.LawLinks(FakeFetcher({})._response(laws.page_url(1), FIXTURE.read_bytes())).parse()
    assert len(rows) == 22  # the contact and LeyesBiblio links are not laws
    trata = [r for r in rows if "trata" in r.title]
    assert [(r.title, r.urls, r.last_reform) for r in trata] == [
        ("ley para la prevencion y erradicacion de la trata de personas en el estado de nayarit", (PDF_URL,), None)]


def test_scrape_resolves_the_law_and_reads_its_text():
    records, report = _run()
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    # no catalogue date: observed on the retrieval day; the text gives publication and reforms
    assert ("observed_in_force", dt.date(2026, 1, 20), "MX-NAY/ley-trata") in events
    assert ("published", dt.date(2015, 1, 15), "MX-NAY/ley-trata") in events
    assert not any(t == "reformed" and d == dt.date(2026, 1, 20) for t, d, _ in events)
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 22 and report.pages["catalogue"] == 1 and not report.skips


def test_inverted_file_names_become_reading_order_titles():
    assert title_from_filename("https://x/leyes/aguas_del_estado_de_nayarit_ley_de.pdf", uninvert=True) == \
        "ley de aguas del estado de nayarit"
    assert title_from_filename("https://x/leyes/codigo_civil.pdf", uninvert=True) == "codigo civil"


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Nayarit catalogue) is absent")
def test_legismex_catalogue_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    # LegismEx kept the inverted file-name title; classify_title alone does not see a law in
    # "… nayarit ley para la" (reported), so the page's own title rebuilding is what finds it.
    found = [i for i, e in enumerate(entries) if classify_title(title_from_filename(e["url_pdf"], uninvert=True)).is_law]
    assert found == [90]
    assert entries[90]["url_pdf"] == PDF_URL


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Nayarit catalogue) is absent")
def test_detector_on_the_raw_inverted_title():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert [i for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law] == [90]
