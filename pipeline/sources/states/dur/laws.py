"""Durango — Congreso del Estado, the Apache directory listing of its laws (Archivos/legislacion/).

Structure (shared/state-sources.md § Durango) [code LGX-S, data LGX-C, data TZ]: an Apache autoindex
table, one row per file: ``<a href="FILE.pdf">…</a></td><td>YYYY-MM-DD HH:MM</td><td>size</td>``; the
title is the URL-decoded, upper-case file name (the link text is truncated by Apache, ``…..&gt;``);
markers "(NUEVA)", "(N)" are cleaned, files marked "copy"/"copia", "(ABROGADA)", "(ANTERIOR)" dropped;
a ``.docx`` twin usually sits beside each PDF. The date is the file's modification time, which moves
when a file is re-uploaded (two moved to 2026-04-21 between two LegismEx runs): it dates the posted
text, never a reform (``text_date``); the PDF's own header ("FECHA DE ULTIMA REFORMA: DEC. … P. O. …")
gives the legal dates. Third-party copies double-encode the URLs (``%2520``): decoded, encoded once.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import LawRow, catalogue_records, law_text_records
from pipeline.sources.states._platforms.file_listing import DirectoryListing

CATALOGUE_URL = "https://congresodurango.gob.mx/Archivos/legislacion/"

INFO = SourceInfo(
    name="mx-dur-congreso-leyes",
    title="Congreso del Estado de Durango — legislación (directory listing)",
    jurisdiction="MX-DUR",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresodurango.gob.mx", "www.congresodurango.gob.mx"),
    encoding="utf-8",  # not documented; the file names seen are unaccented ASCII [data LGX-C, TZ]
    min_interval_s=2.0,
    formats=("html", "pdf", "docx"),
    covers="State law files: title (file name), file modification time, PDF and DOCX of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The listing's dates are file modification times (re-uploads move them), not reform dates; "
                "abrogated and previous versions are dropped by their file-name markers.",
)


class LawDirectory(DirectoryListing):
    """The directory index; the cell after each link is the file's modification time."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Durango; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/dur/legislacion.html"
    example_source = CATALOGUE_URL
    link_selector = "td a[href$='.pdf']"
    min_rows = 50  # 157 laws [data LGX-C]
    title_markers = (r"\(NUEV[AO]\)", r"\(N\)")
    drop_markers = (r"\bcopy\b", r"\bcopia\b", r"\(ABROGADA\)", r"\(ANTERIOR\)")
    mtime_in_next_cell = True
    last_reform_meaning = "text_date"  # a file mtime: when the text was posted, not a legal act

    def parse(self) -> list[LawRow]:
        rows = super().parse()
        twins = {self.document_url(a["href"]) for a in self.soup.select("td a[href$='.docx']")}
        return [_with_twin(row, twins) for row in rows]


def _with_twin(row: LawRow, twins: set[str]) -> LawRow:
    docx = row.urls[0][: -len(".pdf")] + ".docx"
    return LawRow(row.title, (*row.urls, docx), row.last_reform_raw, row.last_reform, row.ref) if docx in twins \
        else row  # fmt: skip


class DurangoLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        page = LawDirectory(response)
        rows = page.parse()
        report.skips.extend(f"{response.url}: {reason}" for reason in page.skipped)
        for instrument, row, record in catalogue_records(INFO, response, rows, LawDirectory.last_reform_meaning,
                                                          report):  # fmt: skip
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = DurangoLaws()
