"""Quintana Roo — Congreso del Estado, the "Leyes" link list (congresoqroo.gob.mx/leyes/).

Structure (shared/state-sources.md § Quintana Roo) [code LGX-S, data LGX-C, data TZ]: links
``a[href^="https://documentos.congresoqroo.gob.mx/leyes/"][href$=".pdf"]`` with the title as anchor text;
"Tablas de Valores" are skipped, and so are one-word junk anchors ("gavelLeyes", seen by another crawl).
File names carry a date: current ``L<seq>-<legislatura>-<YYYYMMDD>-<code>.pdf``, legacy
``L<legis><YYYYMMDD><NNN>.pdf``; subject folders (``…/leyes/penal/ley<NNN>/…``) carry none. That date is
*presumably* the version's decree or publication date [unverified], so it is read as ``text_date``.
**Trap:** lists regress — LegismEx captured 27 laws where another crawl saw 317, and the trata law was
absent from the 27: a run that misses it is reported, never read as an abrogation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.parse.dates import parse_filename_date
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.link_page import LinkListPage, file_name

CATALOGUE_URL = "https://www.congresoqroo.gob.mx/leyes/"
_LEGACY = re.compile(r"^L(?P<legis>\d{1,2}?)(?P<ymd>(?:19|20)\d{6})(?P<seq>\d{3})\.pdf$", re.I)

INFO = SourceInfo(
    name="mx-roo-congreso-leyes",
    title="Congreso del Estado de Quintana Roo — leyes",
    jurisdiction="MX-ROO",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresoqroo.gob.mx", "congresoqroo.gob.mx", "documentos.congresoqroo.gob.mx"),
    encoding="utf-8",  # not documented [unverified]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, PDF and the date embedded in each file name",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Whether the page needs JavaScript is unknown (atlas § B); the list has been seen incomplete "
                "(27 of 317 files). File-name dates are of unverified meaning (read as text dates).",
)


def version_date(url: str) -> dt.date | None:
    """The date in a current (``…-YYYYMMDD-…``) or legacy (``L<legis><YYYYMMDD><NNN>``) file name."""
    name = file_name(url)
    legacy = _LEGACY.match(name)
    if legacy:
        return parse_filename_date(legacy["ymd"], "YYYYMMDD")
    return parse_filename_date(name, "YYYYMMDD") if name.startswith(("L", "l")) else None


class LawLinks(LinkListPage):
    """The list of law PDFs on documentos.congresoqroo.gob.mx."""

    source = INFO
    structure = "code"
    structure_source = ("shared/state-sources.md § Quintana Roo; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py; "
                        "madfam-org/tezca data/state_laws/quintana_roo")  # fmt: skip
    example_fixture = "states/roo/leyes.html"
    example_source = CATALOGUE_URL
    link_selector = "a[href^='https://documentos.congresoqroo.gob.mx/leyes/'][href$='.pdf']"
    min_rows = 20  # LegismEx's run saw 27
    skip_titles = (r"Tablas? de Valores", r"^\S+$")
    last_reform_meaning = "text_date"  # a file-name date of unverified meaning (decree or publication?)

    def date_text(self, anchor, url: str) -> str | None:
        day = version_date(url)
        return day.isoformat() if day else None


class QuintanaRooLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        page = LawLinks(response)
        rows = page.parse()
        report.skips.extend(f"{response.url}: {reason}" for reason in page.skipped)
        found = False
        for instrument, row, record in catalogue_records(INFO, response, rows, LawLinks.last_reform_meaning,
                                                          report):  # fmt: skip
            found = True
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")
        if not found:
            report.notes.append(f"no trafficking law among {len(rows)} links: the list is known to be incomplete")


SOURCE = QuintanaRooLaws()
