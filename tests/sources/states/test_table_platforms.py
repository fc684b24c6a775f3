"""The shared table platforms: URL hygiene every state relies on, and entries without a title."""

from __future__ import annotations

import pytest

from pipeline.sources.states._platforms.html_table import document_url, parse_catalogue_date

BASE = "https://example.gob.mx/leyes/lista.html"


@pytest.mark.parametrize(("href", "url"), [
    ("doc/Ley.pdf", "https://example.gob.mx/leyes/doc/Ley.pdf"),  # relative
    ("../https://otro.gob.mx/a b.pdf", "https://otro.gob.mx/a%20b.pdf"),  # Hidalgo's ../https://
    ("/leyes/LeyesPDF/TRATA\nPERSONAS.pdf", "https://example.gob.mx/leyes/LeyesPDF/TRATAPERSONAS.pdf"),  # Veracruz
    ("/pdf/LEY%20A%2C%20B.pdf?2023-10- 6", "https://example.gob.mx/pdf/LEY%20A%2C%20B.pdf?2023-10-%206"),  # NL
    ("/C%F3digos/C%F3digo.pdf", "https://example.gob.mx/C%C3%B3digos/C%C3%B3digo.pdf"),  # Latin-1 escapes
    ("/C%C3%B3digo.pdf", "https://example.gob.mx/C%C3%B3digo.pdf"),  # UTF-8 escapes stay as they are
    ("/Ú ltima.docx", "https://example.gob.mx/%C3%9A%20ltima.docx"),  # raw accents and spaces
    ("LEY_0144.pdf?v=MQ==", "https://example.gob.mx/leyes/LEY_0144.pdf?v=MQ=="),  # base64 query kept
])
def test_document_url(href, url):
    assert document_url(BASE, href) == url


@pytest.mark.parametrize(("raw", "day"), [
    ("0000-00-00", None), ("", None), (None, None), ("Sin reforma", None),
    ("2026/03/13", (2026, 3, 13)), ("16 de Enero 2023", (2023, 1, 16)), ("14/Septiembre/2021", (2021, 9, 14)),
])
def test_parse_catalogue_date(raw, day):
    parsed = parse_catalogue_date(raw)
    assert (parsed.timetuple()[:3] if parsed else None) == day


def test_an_entry_without_a_title_is_skipped_not_invented():
    from pipeline.sources.states.tam import laws
    from tests.sources.conftest import FakeFetcher
    from tests.sources.states.table_checks import fixture

    page_bytes = fixture("tam/vigente.html").replace(
        b"<b>Prueba Uno del Estado de Tamaulipas, Ley de</b>", b"<i>sin negritas</i>")
    page = laws.LawCatalogue(FakeFetcher({})._response(laws.CATALOGUE_URL, page_bytes))
    rows = page.parse()
    assert len(rows) == 20 and page.skipped == ["entry 002 without a title"]
