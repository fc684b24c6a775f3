"""Veracruz — H. Congreso del Estado (LegisVer), "Leyes" catalogue (Inicio.php?p=le).

Structure (shared/state-sources.md § Veracruz) [code LGX-S, data LGX-C]: table rows, td0 title plus the PDF
link (its ``href`` may contain line breaks), td1 a date ``DD/MM/YYYY``. PDFs
``http://www.legisver.gob.mx/leyes/LeyesPDF/<ABBR><DDMMYY>.pdf``, the suffix being the date of the text.
The title cell's text comes out twice (LegismEx stored every title repeated): the repetition is removed.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "https://www.legisver.gob.mx/Inicio.php?p=le"

INFO = SourceInfo(
    name="mx-ver-legisver-leyes",
    title="H. Congreso del Estado de Veracruz (LegisVer) — Leyes",
    jurisdiction="MX-VER",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.legisver.gob.mx", "legisver.gob.mx"),
    encoding="utf-8",  # not documented; the stored titles are clean UTF-8 text [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, date of the text and PDF of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="worldwidelaw lists LegisVer as 'Blocked' without a reason while LegismEx read it (atlas "
    "§ Veracruz): reachability is unresolved; PDFs are linked over plain HTTP.",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td1 is the date of the text (the same date the PDF's file name carries)."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Veracruz; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/ver/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 2
    title_cell = 0
    ref_cell = None  # td0 is the title: the table numbers nothing
    date_cell = 1
    link_selector = "a[href]"
    # The atlas does not say what td1 dates: it equals the PDF name's suffix, which is a version stamp of the
    # file, not a documented gazette date — so it dates the text, not a reform.
    last_reform_meaning = "text_date"

    def clean_title(self, title: str) -> str:
        return undoubled(title)


def undoubled(text: str) -> str:
    """``"A. A."`` → ``"A."``: the cell's text printed twice (title text and the link's text)."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
