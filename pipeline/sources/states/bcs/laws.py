"""Baja California Sur — Congreso del Estado, "Leyes" (Joomla article with one table).

Structure (shared/state-sources.md § Baja California Sur) [code LGX-S, data LGX-C]:
``https://www.cbcs.gob.mx/index.php/trabajos-legislativos/leyes`` holds one HTML table; row = td0 number,
td1 title (+link), td2 Word link. **No PDFs and no dates**: every document is a legacy
``/LEYES-BCS/<CamelCaseAbbr>.doc``; some titles end with ``&nbsp;&nbsp;NUEVA LEY``. No trafficking law is in
the list (OJN has only the decree creating the state's anti-trafficking commission and its internal rules);
whether BCS has its own statute is unknown. No stored copy of the live page exists: the fixture
reproduces this documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.joomla import ArticleLawTable

CATALOGUE_URL = "https://www.cbcs.gob.mx/index.php/trabajos-legislativos/leyes"

INFO = SourceInfo(
    name="mx-bcs-congreso-leyes",
    title="Congreso del Estado de Baja California Sur — Leyes",
    jurisdiction="MX-BCS",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.cbcs.gob.mx", "cbcs.gob.mx"),
    encoding="utf-8",  # Joomla default; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "doc"),
    covers="State law catalogue: title and Word (.doc) file of each law; no dates",
    role="laws",
    level="state",
    text_profile="generic",  # legacy Word files, not the gazette-header PDF family
    limitations="Only legacy .doc files and no dates; no trafficking law listed (none known for the state).",
)


class LawTable(ArticleLawTable):
    """td0 number, td1 title, td2 the ``.doc`` link; titles lose their "NUEVA LEY" badge."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Baja California Sur; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/bcs/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_cells = 3
    title_cell = 1
    link_selector = "a[href$='.doc']"
    last_reform_meaning = "none"  # no date column [data LGX-C]


class BcsLaws:
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


SOURCE = BcsLaws()
