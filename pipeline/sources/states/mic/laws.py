"""Michoacán — Congreso del Estado, "Leyes" (WordPress + Themify Post Type Builder).

Structure (shared/state-sources.md § Michoacán) [code LGX-S, data LGX-C]: ``http://congresomich.gob.mx/leyes/``
(plain HTTP) shows each law as a block headed ``h2``–``h5`` followed by an ``a.ptb_extra_pdf`` "PDF" link
to ``/file/<TITLE-IN-CAPS-WITH-HYPHENS>-REF-<D>-DE-<MES>-DE-<YYYY>.pdf``. The only date is the one in the
file name (variants "_31-DE-AGOSTO-DE-2022", "P.O.-04-DIC-2020"); accented letters appear unencoded in
most URLs and names can be truncated. LegismEx did **not** find the trafficking law in this list (OJN
has it only without a download). No stored copy of the live page exists: the fixture reproduces this
documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.wordpress import PtbLawBlocks

CATALOGUE_URL = "http://congresomich.gob.mx/leyes/"

INFO = SourceInfo(
    name="mx-mic-congreso-leyes",
    title="Congreso del Estado de Michoacán — Leyes",
    jurisdiction="MX-MIC",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresomich.gob.mx", "www.congresomich.gob.mx"),
    encoding="utf-8",  # WordPress default; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: a PTB block per law with its PDF (reform date in the file name)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Plain HTTP only; the trafficking law was not in the list LegismEx read; dates only in file names.",
)


class LawBlocks(PtbLawBlocks):
    """A heading + ``a.ptb_extra_pdf`` per law; the file name's "REF-<date>" is the text's version date."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Michoacán; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/mic/leyes.html"
    example_source = CATALOGUE_URL
    last_reform_meaning = "text_date"  # a date in a file name: the version posted, not a gazette act


class MichoacanLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        rows = LawBlocks(response).parse()
        for instrument, row, record in catalogue_records(INFO, response, list(rows), LawBlocks.last_reform_meaning,
                                                          report):  # fmt: skip
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = MichoacanLaws()
