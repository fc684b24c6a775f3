"""San Luis Potosí — Congreso del Estado, "Leyes" (Drupal 7 view behind Sucuri).

Structure (shared/state-sources.md § San Luis Potosí) [code LGX-S, data LGX-C]:
``https://congresosanluis.gob.mx/legislacion/leyes`` is a Drupal 7 view with a pager (``.pager-next a``,
``a[title="Ir a la página siguiente"]``); the laws are PDFs under
``/sites/default/files/unpload/legislacion/leyes/<YYYY>/<MM>/<Name> (al <D> <mes> <YYYY>).pdf`` ("unpload" is
the real path) whose link text is the title with the consolidation date in brackets; the same view also
yields non-law anchors ("Convocatorias"). The site is fronted by **Sucuri/Cloudproxy**: the first answer is
a JavaScript challenge that sets a cookie; LegismEx drove the page with a browser. We never solve it: the
fetch layer records the challenge as a block. No stored copy of the live page exists: the fixtures
reproduce this documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.drupal import ViewLawLinks

CATALOGUE_URL = "https://congresosanluis.gob.mx/legislacion/leyes"
MAX_PAGES = 30  # ≈ 140 laws; more pages means the pager loops

INFO = SourceInfo(
    name="mx-slp-congreso-leyes",
    title="Congreso del Estado de San Luis Potosí — Leyes",
    jurisdiction="MX-SLP",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresosanluis.gob.mx", "www.congresosanluis.gob.mx"),
    encoding="utf-8",  # Drupal 7 serves UTF-8; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: PDF of each law with the date of its consolidated text (in the link text)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Behind a Sucuri/Cloudproxy JavaScript challenge (LegismEx needed a browser): needs a "
                "JavaScript browser; the challenge is recorded as a block, never solved or evaded.",
)


class LawLinks(ViewLawLinks):
    """A page of the view: PDFs under ``/legislacion/leyes/``; "(al <date>)" is the text's date."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § San Luis Potosí; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/slp/leyes.html"
    example_source = CATALOGUE_URL
    path_fragment = "/unpload/legislacion/leyes/"
    last_reform_meaning = "text_date"  # "(al 23 junio 2025)": the consolidation the congress posted


class SanLuisLaws:
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
            page = LawLinks(response)
            yield from _records(fetcher, response, page.parse(), report)
            seen.add(url)
            url = page.next_url()
            if url is None or url in seen:  # the last page, or a pager that wraps back
                return


def _records(fetcher, response, rows, report) -> Iterator:
    for instrument, row, record in catalogue_records(INFO, response, rows, LawLinks.last_reform_meaning, report):
        yield record
        if record.event_type == "observed_in_force" and row.urls:
            yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
            report.saw("law_text")


SOURCE = SanLuisLaws()
