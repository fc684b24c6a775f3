"""Aguascalientes — Congreso del Estado, "Leyes" catalogue (agenda_legislativa/leyes).

Structure (shared/state-sources.md § Aguascalientes) [code LGX-S, data LGX-C]: a server-rendered table,
one ``<tr>`` per law with ≥ 5 ``<td>``: td0 number, td1 title, td2 publication date, td3 last reform
``DD/MM/YYYY``, td4 a relative link containing ``descargarPdf`` (extension-less: the document type is
sniffed from its magic bytes). Titles carry HTML numeric entities (``CONSTITUCI&#xD3;N``), unescaped by
the detector. No stored copy of the live page exists: the fixture reproduces this documented structure,
and the counted selectors fail loudly when the live page differs.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.html_table import HtmlLawTable

CATALOGUE_URL = "https://congresoags.gob.mx/agenda_legislativa/leyes/"

INFO = SourceInfo(
    name="mx-agu-congreso-leyes",
    title="Congreso del Estado de Aguascalientes — Leyes",
    jurisdiction="MX-AGU",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresoags.gob.mx", "www.congresoags.gob.mx"),
    encoding="utf-8",  # not stated by the site; LegismEx decoded with the declared charset [code LGX-S]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, publication and last-reform dates, PDF of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
)


class LawCatalogue(HtmlLawTable):
    """The catalogue table; td3 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Aguascalientes; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/agu/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_cells = 5
    title_cell = 1
    date_cell = 3
    link_selector = "a[href*='descargarPdf']"
    last_reform_meaning = "reform_publication"


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, LawCatalogue, [CATALOGUE_URL])
