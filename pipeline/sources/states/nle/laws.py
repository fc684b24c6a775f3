"""Nuevo León — H. Congreso del Estado, "Leyes" catalogue (hcnl.gob.mx/trabajo_legislativo/leyes/).

Structure (shared/state-sources.md § Nuevo León) [code LGX-S, code IDX, data LGX-C]: a table whose rows
**lack closing ``</tr>`` tags** (lxml closes a row at the next ``<tr>`` and at ``</tbody>``, which is what
the atlas prescribes); td0 title with a link to the per-law page, td1 the last-reform text
("16 de Enero 2023"), td2 the PDF and DOC links ``…/leyes/pdf/<TITLE IN CAPS>.pdf?<YYYY-MM-D>``. The query
string is the reform date and can contain a raw space ("?2023-10- 6"): it is percent-encoded; accents in
the file names are kept (UTF-8 escapes), never ASCII-folded.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "https://www.hcnl.gob.mx/trabajo_legislativo/leyes/"

INFO = SourceInfo(
    name="mx-nle-congreso-leyes",
    title="H. Congreso del Estado de Nuevo León — Leyes",
    jurisdiction="MX-NLE",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.hcnl.gob.mx", "hcnl.gob.mx"),
    encoding="utf-8",  # not documented; file names carry UTF-8 escapes (%C3%9A) [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: title, last-reform date, PDF and Word of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
)


class LawCatalogue(HtmlLawTable):
    """The law table (rows without ``</tr>``); td1 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Nuevo León; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/nle/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tbody tr"
    min_rows = 20
    min_cells = 3
    title_cell = 0
    ref_cell = None  # td0 is the title: the table numbers nothing
    date_cell = 1
    link_cells = (2,)  # td0's link is the per-law HTML page, not the document
    # Per-law pages print "Última Reforma: <date>" [raw], the same value as td1: the last reform's date.
    last_reform_meaning = "reform_publication"


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
