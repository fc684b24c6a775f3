"""Morelos — Consejería Jurídica (executive), "Marco Jurídico": leyes (JSP table).

Structure (shared/state-sources.md § Morelos) [code LGX-S, data LGX-C]: ``http://marcojuridico.morelos.gob.mx/leyes.jsp``
(plain HTTP) is a table; row = td0 number, td1 title + PDF link (the ``href`` may contain line breaks —
whitespace is removed), td2 last reform ``DD-MM-YYYY`` (112 of 139 rows dated). PDFs
``/archivos/leyes/pdf/<ABBR>.pdf``. The congress's WordPress (Divi) page is a second list with broken
``http:///srv/htdocs/…`` links and is not used. No stored copy of the live page exists: the fixture
reproduces this documented structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from pipeline.core.errors import SkipItem
from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import LawRow, catalogue_records, law_text_records
from pipeline.sources.states._platforms.html_table import HtmlLawTable

CATALOGUE_URL = "http://marcojuridico.morelos.gob.mx/leyes.jsp"

INFO = SourceInfo(
    name="mx-mor-marcojuridico-leyes",
    title="Marco Jurídico del Estado de Morelos — Leyes",
    jurisdiction="MX-MOR",
    homepage=CATALOGUE_URL,
    allowed_hosts=("marcojuridico.morelos.gob.mx",),
    encoding="utf-8",  # not stated; a JSP page in another codec fails loudly as WrongEncoding
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="Executive catalogue of state laws: title, PDF and last-reform date",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Plain HTTP only (no TLS endpoint documented).",
)


class LawTable(HtmlLawTable):
    """td1 title + PDF link (whitespace inside the href removed), td2 the last reform ``DD-MM-YYYY``."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Morelos; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/mor/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_cells = 3
    title_cell = 1
    date_cell = 2
    link_selector = "a[href*='.pdf']"
    # Documented as the "last reform" column, like Aguascalientes' td3: read as the reform's gazette date.
    last_reform_meaning = "reform_publication"

    def process_item(self, row) -> LawRow:
        law = super().process_item(row)
        urls = tuple(urljoin(self.url, re.sub(r"\s+", "", a["href"])) for a in row.select(self.link_selector))
        if not urls:
            raise SkipItem("row without a PDF link", self.url)
        return LawRow(title=law.title, urls=urls, last_reform_raw=law.last_reform_raw,
                      last_reform=law.last_reform, ref=law.ref)  # fmt: skip


class MorelosLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        rows = LawTable(response).parse()
        for instrument, row, record in catalogue_records(INFO, response, rows, LawTable.last_reform_meaning, report):
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = MorelosLaws()
