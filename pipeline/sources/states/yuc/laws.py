"""Yucatán — H. Congreso del Estado, "Leyes" catalogue (congresoyucatan.gob.mx/legislacion/leyes).

Structure (shared/state-sources.md § Yucatán) [code LGX-S, data LGX-C]: table rows ≥ 5 ``<td>``: td1 title,
td2 publication, td3 last reform (ISO; ``0000-00-00`` = none), td4 status (the list mixes vigente and
abrogated laws: "abrogada" rows are skipped), the last cell the PDF/Word links. Files are Laravel
``storage`` paths: the PDF ``…/storage/legislacion/leyes/<32-hex>_<YYYY-MM-DD>.pdf`` carries an UPLOAD
date (the trafficking law's file says 2023-07-31, its last reform is 2023-06-28), so only td3 dates the law;
Word names carry raw spaces and accents, percent-encoded here.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource, cell_text

CATALOGUE_URL = "https://www.congresoyucatan.gob.mx/legislacion/leyes"

INFO = SourceInfo(
    name="mx-yuc-congreso-leyes",
    title="H. Congreso del Estado de Yucatán — Leyes",
    jurisdiction="MX-YUC",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresoyucatan.gob.mx", "congresoyucatan.gob.mx"),
    encoding="utf-8",  # not documented; the stored titles and Word names are clean UTF-8 [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf", "docx", "doc"),
    covers="State law catalogue: title, publication and last-reform dates, status, PDF and Word of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="A third-party client of this congress forces HTTP/1.1 and a full browser header set to get "
    "through (atlas § Yucatán); we send our own identity and do not imitate a browser.",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td3 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Yucatán; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/yuc/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 5
    title_cell = 1
    date_cell = 3
    link_cells = (-1,)
    last_reform_meaning = "reform_publication"  # the atlas documents td3 as the last reform [code LGX-S]

    def skip_reason(self, cells) -> str | None:
        status = cell_text(cells[4])
        return f"status {status!r}" if "abrogad" in status.lower() else None


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
