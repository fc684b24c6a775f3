"""Coahuila — Congreso del Estado, "Leyes estatales vigentes" (WordPress portal).

Structure (shared/state-sources.md § Coahuila) [code WWL Coahuila-Legislation]: on
``https://www.congresocoahuila.gob.mx/portal/leyes-estatales-vigentes/`` each ``<tr>`` has the title in its
first cell that is not a "PDF"/"WORD" button and a link matching ``Leyes_Coahuila/coa<N>.pdf``. No dates in
the list: the PDF header says "ULTIMA REFORMA PUBLICADA EN EL PERIODICO OFICIAL: <D> DE <MES> DE <YYYY>".
LegismEx read a 2014 static Latin-1 export instead (``…/archive/leyesestatalescoahuila/coa<N>.pdf``); the
same ``coa<N>`` numbering appears in both paths (whether N is stable across them is unverified), so the
instrument is resolved by title, never by number. No stored copy of the live page exists: the fixture
reproduces this documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.wordpress import WpLawTable

CATALOGUE_URL = "https://www.congresocoahuila.gob.mx/portal/leyes-estatales-vigentes/"

INFO = SourceInfo(
    name="mx-coa-congreso-leyes",
    title="Congreso del Estado de Coahuila — Leyes estatales vigentes",
    jurisdiction="MX-COA",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresocoahuila.gob.mx", "congresocoahuila.gob.mx"),
    encoding="utf-8",  # the WordPress portal (the 2014 export LegismEx used is Latin-1; not read here)
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title and PDF of each law in force (no dates; reforms from the PDF header)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Answers 403 to default (python) user agents and is reported geo-throttled outside Mexico; "
                "we send our own honest user agent and do not spoof a browser.",
)


class LawTable(WpLawTable):
    """One row per law: first non-button cell = title, ``Leyes_Coahuila/coa<N>.pdf`` = the document."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Coahuila; worldwidelaw/legal-sources sources/MX/Coahuila-Legislation"
    example_fixture = "states/coa/leyes-estatales-vigentes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_cells = 2
    link_selector = "a[href*='Leyes_Coahuila/coa'][href$='.pdf']"
    last_reform_meaning = "none"  # the list has no dates [code WWL]


class CoahuilaLaws:
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


SOURCE = CoahuilaLaws()
