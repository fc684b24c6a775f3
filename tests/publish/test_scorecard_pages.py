"""Issue 16 §3 / issue 18 §3: each jurisdiction page shows the scorecard of its law in force (es/en), or says the
text is not yet fetched; a filled scorecard fits a 360 px screen in a real browser."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.publish.html import jurisdiction_page
from pipeline.publish.scorecard import render_html_fragment

VID = "MX-DUR/ley-trata@2020-01-01"
LONG = "Corresponde al Ejecutivo del Estado crear y mantener albergues, refugios y casas de medio camino para " \
       "las víctimas de los delitos en materia de trata de personas, con personal especializado y recursos."  # fmt: skip


def _rows() -> list[dict]:
    base = {"jurisdiction": "MX-DUR", "jurisdiction_name": "Durango", "law_title": "Ley de Trata del Estado Modelo",
            "version_id": VID, "version_date": dt.date(2020, 1, 1), "confidence": 1.0, "rules_fired": None,
            "needs_review": False, "reviewed_by": None, "reviewed_at": None, "invalidated_by": None}  # fmt: skip
    return [
        dict(base, element="albergues", label_es="Albergues", label_en="Shelters", expectation="expected",
             finding="present", provision_ids=f"{VID}~art_2.frac_II", excerpt=LONG),
        dict(base, element="fondo_victimas", label_es="Fondo para víctimas", label_en="Victims' fund",
             expectation="expected", finding="partial", provision_ids=None, excerpt=None,
             reviewed_by="Ana Revisora", reviewed_at=dt.datetime(2026, 12, 1, 10)),
        dict(base, element="tipifica_delito", label_es="Tipifica el delito", label_en="Defines the offences",
             expectation="competence_conflict", finding="invalidated", provision_ids=f"{VID}~art_5",
             excerpt="se le impondrá de diez a veinte años de prisión", invalidated_by="AI 1/2014"),
    ]  # fmt: skip


def _state_row() -> dict:
    return {"state": "MX-DUR", "name": "Durango", "summary": "enacted", "law_status": "specific_law",
            "law_title": "Ley de Trata del Estado Modelo", "law_url": None, "law_published": None,
            "law_published_text": None, "pending_bill_list": []}  # fmt: skip


def test_a_page_shows_each_element_with_its_finding_provisions_and_who_decided():
    section = render_html_fragment(_rows())
    assert section.startswith('<section id="scorecard"><h2><span lang="es">Armonización con la Ley General</span>')
    assert '<span lang="es">Albergues</span><span lang="en">Shelters</span>' in section
    assert '✔ <span lang="es">presente</span><span lang="en">present</span>' in section
    assert "<td>art_2.frac_II</td>" in section and LONG in section
    assert '<span lang="es">revisado por Ana Revisora, 2026-12-01</span>' in section
    assert "⊘ <span lang=\"es\">invalidado por la SCJN</span>" in section and "SCJN: AI 1/2014" in section
    assert '<span lang="en">competence conflict</span>' in section
    page = jurisdiction_page(_state_row(), history=[], sources=[], as_of=dt.date(2026, 12, 1), scorecard=section)
    assert page.index('id="scorecard"') < page.index("Sources and freshness")


def test_a_law_whose_text_is_not_fetched_says_so_in_both_languages():
    rows = [dict(r, finding="text not yet fetched", version_id=None) for r in _rows()]
    section = render_html_fragment(rows)
    assert "Texto aún no descargado" in section and "Text not yet fetched" in section
    assert "<table>" not in section and "(Ley de Trata del Estado Modelo)" in section


def test_the_committed_pages_say_text_not_yet_fetched(built):
    page = (built.processed / "pages" / "MX-SON.html").read_text(encoding="utf-8")
    assert '<section id="scorecard">' in page and "Text not yet fetched" in page
    federal = (built.processed / "pages" / "MX.html").read_text(encoding="utf-8")
    assert '<section id="scorecard">' in federal


def test_a_filled_scorecard_fits_360px_and_switches_language(tmp_path):
    from tests.publish.test_browser import _chromium, _open

    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extras) is not installed")
    if _chromium() is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    path = tmp_path / "MX-DUR.html"
    path.write_text(jurisdiction_page(_state_row(), history=[], sources=[], as_of=dt.date(2026, 12, 1),
                                      scorecard=render_html_fragment(_rows())), encoding="utf-8")  # fmt: skip
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        try:
            page, outside = _open(browser, path, 360)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            assert page.is_visible("th >> text=Hallazgo") and not page.is_visible("th >> text=Finding")
            page.click("#lang-switch")
            assert page.is_visible("th >> text=Finding") and page.is_visible("td >> text=Shelters")
            assert outside == []
        finally:
            browser.close()
