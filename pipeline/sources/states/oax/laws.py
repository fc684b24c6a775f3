"""Oaxaca — H. Congreso del Estado, "Legislación estatal" (legislaciones/legislacion_estatal.html).

Structure (shared/state-sources.md § Oaxaca) [code LGX-S, data LGX-C]: one static table, rows ≥ 8 ``<td>``:
td3 title (with a trailing note to strip: "(Reformado…", "(Abrogado…", "(Texto Original…"), td5 publication
``DD-MM-YYYY``, td7 last reform ``DD-MM-YYYY``, the PDF link in td8 or later. hrefs are relative,
``../../docs66.congresooaxaca.gob.mx/…``: resolved against the page they land on the path the site really
serves, ``https://www.congresooaxaca.gob.mx/docs66.congresooaxaca.gob.mx/…`` (the ``docs66`` subdomain
itself no longer resolves). File names encode the reform decree and P.O. issue; the date is read from td7.
"""

from __future__ import annotations

import re

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource, cell_text

CATALOGUE_URL = "https://www.congresooaxaca.gob.mx/legislaciones/legislacion_estatal.html"

INFO = SourceInfo(
    name="mx-oax-congreso-leyes",
    title="H. Congreso del Estado de Oaxaca — Legislación estatal",
    jurisdiction="MX-OAX",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresooaxaca.gob.mx", "congresooaxaca.gob.mx"),
    encoding="utf-8",  # not documented; the stored titles are clean UTF-8 text [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, publication and last-reform dates, PDF of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Document links point at the docs66 subdomain, which no longer resolves; they are read under "
    "www.congresooaxaca.gob.mx, where the same paths are served. The legislature number in 'docs66' will change.",
)

_TRAILING_NOTE = re.compile(r"\s*\((?P<note>\s*(?:Reformad|Abrogad|Texto Original)[^)]*)\)?\s*\.?\s*$", re.I)


class LawCatalogue(HtmlLawTable):
    """The law table; td7 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Oaxaca; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/oax/legislacion_estatal.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 9
    title_cell = 3
    date_cell = 7
    link_selector = "a[href$='.pdf'], a[href$='.PDF']"
    link_cells = tuple(range(8, 12))  # "the PDF link in td8+"
    # LGX-C's value for the trafficking law (2022-11-05) is the P.O. date its file name carries
    # ("…_PO_45_7a_secc_5_nov_2022"): td7 is the gazette publication of the last reform.
    last_reform_meaning = "reform_publication"

    def skip_reason(self, cells) -> str | None:
        note = _TRAILING_NOTE.search(cell_text(cells[self.title_cell]))
        return f"abrogated: {note['note']}" if note and note["note"].lower().startswith("abrogad") else None

    def clean_title(self, title: str) -> str:
        return _TRAILING_NOTE.sub("", title).strip()


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
