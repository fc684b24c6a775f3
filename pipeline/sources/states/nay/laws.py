"""Nayarit — Congreso del Estado, "Legislación estatal" through the WordPress REST API.

Structure (shared/state-sources.md § Nayarit) [code LGX-S, data LGX-C]: ``GET
/wp-json/wp/v2/pages?per_page=100&page=<N>&search=legislacion`` answers a JSON list of WordPress pages;
the law PDFs are the ``href`` s matching ``leyes/….pdf`` inside each page's ``content.rendered`` (slashes
``\\/``-escaped in the raw JSON). Files live under
``/wp-content/uploads/QUE_HACEMOS/LEGISLACION_ESTATAL/leyes/`` and their names are the titles with the
leading words moved to the end ("…_en_el_estado_de_nayarit_ley_para_la.pdf"); there are no dates. No
stored copy of the live answer exists: the fixture reproduces this documented structure and the JSON
fields are read through ``field``/``items_of`` so a changed shape fails loudly.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.wordpress import WpJsonLawLinks

API = "https://congresonayarit.gob.mx/wp-json/wp/v2/pages"
PER_PAGE = 100
MAX_PAGES = 10  # the search matched a handful of pages for LegismEx; more means a loop or a changed API


def page_url(number: int) -> str:
    return f"{API}?per_page={PER_PAGE}&page={number}&search=legislacion"


INFO = SourceInfo(
    name="mx-nay-congreso-leyes",
    title="Congreso del Estado de Nayarit — Legislación estatal (WordPress REST)",
    jurisdiction="MX-NAY",
    homepage="https://congresonayarit.gob.mx/",
    allowed_hosts=("congresonayarit.gob.mx", "www.congresonayarit.gob.mx"),
    encoding="utf-8",  # WordPress REST answers are UTF-8 JSON [code LGX-S]
    min_interval_s=2.0,
    formats=("json", "pdf"),
    covers="State law catalogue: law PDFs linked from the legislation pages (titles from file names, no dates)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The catalogue gives no dates; titles are rebuilt from inverted file names.",
)


class LawLinks(WpJsonLawLinks):
    """The pages' content: every ``leyes/<name>.pdf`` link is a law; its title is its file name, un-inverted."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Nayarit; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/nay/pages.json"
    example_source = page_url(1)
    link_pattern = r"/leyes/[^/]+\.pdf$"
    uninvert_titles = True
    last_reform_meaning = "none"  # no date anywhere in the answer [data LGX-C]


class NayaritLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        for number in range(1, MAX_PAGES + 1):
            response = fetcher.get(page_url(number), source=INFO)
            report.saw("catalogue")
            page = LawLinks(response)
            rows = page.parse(min_links=None if number == 1 else 0)
            yield from _records(fetcher, response, rows, report)
            if len(page.pages()) < PER_PAGE:
                return


def _records(fetcher, response, rows, report) -> Iterator:
    for instrument, row, record in catalogue_records(INFO, response, rows, LawLinks.last_reform_meaning, report):
        yield record
        if record.event_type == "observed_in_force" and row.urls:
            yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
            report.saw("law_text")


SOURCE = NayaritLaws()
