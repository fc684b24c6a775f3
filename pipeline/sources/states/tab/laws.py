"""Tabasco — Congreso del Estado, "Leyes" (WordPress; the laws are links to uploaded PDFs).

Structure (shared/state-sources.md § Tabasco) [code LGX-S, data LGX-C]: ``https://congresotabasco.gob.mx/leyes/``
links each law's PDF under ``/wp-content/uploads/<YYYY>/<MM>/<Hyphenated-Title>.pdf``; the title is the
file name and the only "date" is the upload month ``YYYY-MM`` — when the file was posted, not a reform,
and only to the month, so it is kept as printed and never turned into a day. LegismEx found 53 laws and
**not** the trafficking law ("Ley para Prevenir, Combatir y Sancionar la Trata de Personas en el Estado
de Tabasco", known from OJN 23014): the page does not expose the whole corpus that way. No stored copy of
the live page exists: the fixture reproduces this documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.wordpress import WpUploadLinks

CATALOGUE_URL = "https://congresotabasco.gob.mx/leyes/"

INFO = SourceInfo(
    name="mx-tab-congreso-leyes",
    title="Congreso del Estado de Tabasco — Leyes",
    jurisdiction="MX-TAB",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresotabasco.gob.mx", "www.congresotabasco.gob.mx"),
    encoding="utf-8",  # WordPress default; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: PDF links (titles from file names, upload month only)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Incomplete list (53 laws for LegismEx) without the trafficking law; dates are upload months.",
)


class LawLinks(WpUploadLinks):
    """Every uploaded law PDF; the upload month is kept as the raw value only."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Tabasco; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/tab/leyes.html"
    example_source = CATALOGUE_URL
    last_reform_meaning = "text_date"  # the upload month: a posting date, and only to the month


class TabascoLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        rows = LawLinks(response).parse()
        for instrument, row, record in catalogue_records(INFO, response, rows, LawLinks.last_reform_meaning, report):
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = TabascoLaws()
