"""Puebla — Orden Jurídico Poblano (executive), "Legislación del Estado" (Joomla K2).

Structure (shared/state-sources.md § Puebla) [code LGX-S, data LGX-C]:
``https://ojp.puebla.gob.mx/legislaciondelestado?catid=19&start=<0,20,40,…>`` lists the laws' K2 attachments
``/media/k2/attachments/<Name>_T<n>_<DDMMYYYY>.pdf``; stop when there is no ``start=<next>`` link. The title
is the file name (underscores, no accents: "…Victimas de estos Delitos Edo de Puebla"); some names carry
unencoded accents. The ``DDMMYYYY`` is the version the publisher posted (the documents' own "REFORMAS" table
holds the reform dates, shared/sources.md § 6.4), so it is a text date. The congress's DocMan list is behind
a Cloudflare challenge and is not used. No stored copy of the live page exists: the fixtures reproduce this
documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.joomla import K2AttachmentList

CATALOGUE_URL = "https://ojp.puebla.gob.mx/legislaciondelestado?catid=19&start=0"
MAX_PAGES = 20  # 147 laws at 20 a page; more pages means the pager loops

INFO = SourceInfo(
    name="mx-pue-ojp-leyes",
    title="Orden Jurídico Poblano — Legislación del Estado",
    jurisdiction="MX-PUE",
    homepage="https://ojp.puebla.gob.mx/",
    allowed_hosts=("ojp.puebla.gob.mx",),
    encoding="utf-8",  # Joomla default; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="Executive compilation of state laws: PDF attachments (title and version date in the file name)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Titles are file names; the congress's own list (DocMan) sits behind a Cloudflare challenge "
                "and is not used.",
)


class LawAttachments(K2AttachmentList):
    """A K2 category page of law attachments; paged with ``start``."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Puebla; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/pue/legislaciondelestado.html"
    example_source = CATALOGUE_URL
    last_reform_meaning = "text_date"  # the DDMMYYYY of the file name


class PueblaLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        url: str | None = CATALOGUE_URL
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            response = fetcher.get(url, source=INFO)
            report.saw("catalogue")
            page = LawAttachments(response)
            yield from _records(fetcher, response, page.parse(), report)
            seen.add(url)
            url = page.next_url()
            if url is None or url in seen:  # the last page, or a pager that wraps back
                return


def _records(fetcher, response, rows, report) -> Iterator:
    meaning = LawAttachments.last_reform_meaning
    for instrument, row, record in catalogue_records(INFO, response, rows, meaning, report):
        yield record
        if record.event_type == "observed_in_force" and row.urls:
            yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
            report.saw("law_text")


SOURCE = PueblaLaws()
