"""Querétaro — Poder Legislativo del Estado, "Leyes" catalogue (legislaturaqueretaro.gob.mx/leyes/).

Structure (shared/state-sources.md § Querétaro) [code LGX-S, data LGX-C]: table rows with td0 number, td1
title and a PDF link in any cell. PDFs have stable ids and no date
(``http://site.legislaturaqueretaro.gob.mx/CloudPLQ/InvEst/Leyes/LEY-ID-<NNN>.pdf``, the constitution
``CON-ID-001.pdf``): the catalogue gives no last-reform value, so a row proves only that the law was listed
on the day the page was retrieved; the reform history comes from the PDF.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "http://legislaturaqueretaro.gob.mx/leyes/"

INFO = SourceInfo(
    name="mx-que-legislatura-leyes",
    title="Legislatura del Estado de Querétaro — Leyes",
    jurisdiction="MX-QUE",
    homepage=CATALOGUE_URL,
    allowed_hosts=("legislaturaqueretaro.gob.mx", "www.legislaturaqueretaro.gob.mx", "site.legislaturaqueretaro.gob.mx"),
    encoding="utf-8",  # not documented for the law list (only the gazette is documented as windows-1252)
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title and PDF of each law (no dates)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Only plain-HTTP URLs are documented for the list and its PDFs; the catalogue gives no "
    "last-reform date (dates come from the PDF).",
)


class LawCatalogue(HtmlLawTable):
    """The law table: number, title, PDF link; no date column."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Querétaro; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/que/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 2
    title_cell = 1
    date_cell = None
    link_selector = "a[href$='.pdf'], a[href$='.PDF']"
    last_reform_meaning = "none"


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
