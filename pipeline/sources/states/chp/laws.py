"""Chiapas — Congreso del Estado, "Legislación vigente" (web.congresochiapas.gob.mx).

Structure (shared/state-sources.md § Chiapas) [code LGX-S, data LGX-C]: an HTML table, one ``<tr>`` per law;
td0 number, td1 title, td4 date (ISO). The document URL is not in an ``<a>``: it sits in the row's
``onclick="goToUrl('…')"``. Files are ``…/new/Info-Parlamentaria/LEY_<NNNN>.pdf?v=<base64>`` on the
``www.`` host while the list is on ``web.``; the ``v`` value is a base64 counter (meaning unverified), kept
verbatim because it is part of the official URL.
"""

from __future__ import annotations

import re

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource, document_url

CATALOGUE_URL = "https://web.congresochiapas.gob.mx/trabajo-legislativo/legislacion-vigente"

INFO = SourceInfo(
    name="mx-chp-congreso-leyes",
    title="Congreso del Estado de Chiapas — Legislación vigente",
    jurisdiction="MX-CHP",
    homepage=CATALOGUE_URL,
    allowed_hosts=("web.congresochiapas.gob.mx", "www.congresochiapas.gob.mx"),
    encoding="utf-8",  # not documented; the stored titles are clean UTF-8 text [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, date and PDF of each law in force",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
)

_GO_TO_URL = re.compile(r"goToUrl\(\s*['\"]([^'\"]+)['\"]\s*\)")


class LawCatalogue(HtmlLawTable):
    """The law table; the PDF URL is read from the row's onclick handler."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Chiapas; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/chp/legislacion-vigente.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr[onclick*='goToUrl']"
    min_rows = 20
    min_cells = 5
    title_cell = 1
    date_cell = 4
    # The atlas gives td4 as "date (ISO)" without saying of what: the trafficking law's value (2020-08-05)
    # is not documented as the publication of a reform, so it is kept as the text's date.
    last_reform_meaning = "text_date"

    def row_links(self, row, cells) -> list[str]:
        return [document_url(self.url, href) for href in _GO_TO_URL.findall(row.get("onclick", ""))]


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
