"""Campeche — Consejería Jurídica, LEXIUS "Leyes estatales" (LEXIUSCAMPECHE/leyesEstatales.php).

Structure (shared/state-sources.md § Campeche) [code LGX-S, data LGX-C]: LegismEx renders the page in a
headless browser (Playwright); in the rendered DOM each law is a ``<tr>`` with td0 the title and an
``a[href*=".pdf"]`` relative to ``…/LEXIUSCAMPECHE/`` (``docs/est/Fichas/FT<id>.pdf``). No dates. Whether
an ``FT…`` ("ficha") file is the full consolidated text is [unverified]: the document is fetched and
parsed like any law text, and what it yields is whatever the parser finds in it.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.html_table import HtmlLawTable

CATALOGUE_URL = "https://consejeria.campeche.gob.mx/pagina/LEXIUSCAMPECHE/leyesEstatales.php"

INFO = SourceInfo(
    name="mx-cam-lexius-leyes",
    title="Consejería Jurídica de Campeche — LEXIUS, leyes estatales",
    jurisdiction="MX-CAM",
    homepage=CATALOGUE_URL,
    allowed_hosts=("consejeria.campeche.gob.mx",),
    encoding="utf-8",  # not documented [unverified]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State laws of the executive's compilation: title and PDF (a 'ficha' file) of each law; no dates",
    role="laws",
    level="state",
    text_profile="generic",  # the FT… files' layout is not documented (atlas § G.2)
    limitations="Needs a JavaScript browser: LegismEx rendered the list with Playwright; a plain fetch is "
                "expected to fail as a layout change and we do not drive a browser. No dates; whether the "
                "FT… 'ficha' PDFs are full consolidated texts is unverified.",
)


class LexiusTable(HtmlLawTable):
    """The rendered LEXIUS table: td0 the title, a PDF link in the row."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Campeche; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/cam/leyesEstatales.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 50  # 160 laws [data LGX-C]
    min_cells = 1
    title_cell = 0
    link_selector = "a[href*='.pdf']"
    last_reform_meaning = "none"


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, LexiusTable, [CATALOGUE_URL])
