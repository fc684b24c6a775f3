"""Baja California — Congreso del Estado, "Leyes" catalogue (TrabajoLegislativo/Leyes).

Structure (shared/state-sources.md § Baja California) [code LGX-S, data LGX-C, data TZ]: a DataTables
front end over server-rendered rows, one ``<tr>`` per law with ≥ 5 ``<td>``: td0 title (HTML numeric
entities, ``PREVENCI&#211;N``), td1 PDF link, td2 Word link, td3 last reform ``YYYY/MM/DD``, td4 status
("VIGENTE"), then Tomo and Historial columns (the latter links ``Enlace/Eleyes.aspx?id_ley=<n>``).
Document hrefs are relative and resolve under ``/TrabajoLegislativo/``; their file names carry dates in
mixed conventions and change with every reform, so the date is read from td3, never from the name.
"""

from __future__ import annotations

import re

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource, cell_text

CATALOGUE_URL = "https://www.congresobc.gob.mx/TrabajoLegislativo/Leyes"
_ID_LEY = re.compile(r"id_ley=(\d+)", re.I)

INFO = SourceInfo(
    name="mx-bcn-congreso-leyes",
    title="Congreso del Estado de Baja California — Leyes",
    jurisdiction="MX-BCN",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresobc.gob.mx", "congresobc.gob.mx"),
    encoding="utf-8",  # not documented; titles arrive as ASCII plus numeric entities [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: title, last-reform date, PDF and Word of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    notes="The state gazette's host (not read here) needs a weakened TLS level per the atlas; the congress "
    "catalogue has no documented TLS, blocking or JavaScript problem.",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td3 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = ("shared/state-sources.md § Baja California; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py; "
                        "madfam-org/tezca data/state_laws/baja_california")  # fmt: skip
    example_fixture = "states/bcn/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 5
    title_cell = 0
    date_cell = 3
    link_cells = (1, 2)  # PDF and Word; the Historial link (Eleyes.aspx) is a page, not the text
    last_reform_meaning = "reform_publication"  # the atlas documents td3 as the last reform [code LGX-S]

    def row_ref(self, row, cells) -> str | None:
        """The law's ``id_ley`` (Historial link): stable across reforms, unlike the file names [data TZ]."""
        for anchor in row.select("a[href*='id_ley=']"):
            match = _ID_LEY.search(anchor["href"])
            if match:
                return match.group(1)
        return None

    def skip_reason(self, cells) -> str | None:
        status = cell_text(cells[4]).upper()
        return f"status {status!r}" if "ABROG" in status else None


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
