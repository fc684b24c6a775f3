"""Tlaxcala — Congreso del Estado, "Legislación" catalogue (congresodetlaxcala.gob.mx/legislacion/).

Structure (shared/state-sources.md § Tlaxcala) [code LGX-S]: an HTML table, td0 title, td1 the PDF as a bare
relative file name (→ ``…/archivo/leyes2020/pdf/<file>``), td2 the Word file (→ ``…/archivo/leyes2020/doc/<file>``),
td3 last reform ``DD/<Mes>/YYYY`` with the month as a Spanish word. The file names resolve against those
two folders, not against the page. (The LegismEx Tlaxcala catalogue is a reserved sample: not used.)
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource, document_url

CATALOGUE_URL = "https://congresodetlaxcala.gob.mx/legislacion/"
PDF_FOLDER = "https://congresodetlaxcala.gob.mx/archivo/leyes2020/pdf/"
DOC_FOLDER = "https://congresodetlaxcala.gob.mx/archivo/leyes2020/doc/"

INFO = SourceInfo(
    name="mx-tla-congreso-leyes",
    title="Congreso del Estado de Tlaxcala — Legislación",
    jurisdiction="MX-TLA",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresodetlaxcala.gob.mx", "www.congresodetlaxcala.gob.mx"),
    encoding="utf-8",  # not documented in the atlas; UTF-8 assumed, a wrong guess fails as WrongEncoding
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: title, last-reform date, PDF and Word of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td3 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Tlaxcala; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/tla/legislacion.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 4
    title_cell = 0
    ref_cell = None  # td0 is the title: the table numbers nothing
    date_cell = 3
    last_reform_meaning = "reform_publication"  # the atlas documents td3 as the last reform [code LGX-S]

    def row_links(self, row, cells) -> list[str]:
        links = []
        for cell, folder in ((cells[1], PDF_FOLDER), (cells[2], DOC_FOLDER)):
            links += [document_url(folder, a["href"]) for a in cell.select("a[href]")]
        return links


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
