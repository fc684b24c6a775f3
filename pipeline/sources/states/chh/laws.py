"""Chihuahua — Congreso del Estado, Biblioteca "Leyes" (biblioteca/leyes/index.php?pag=<N>).

Structure (shared/state-sources.md § Chihuahua) [code LGX-S, data LGX-C]: 5 laws a page, each a
``table.table-bordered`` "card" with the title in ``<th colspan="2">``, a line "Publicación: 30 de abril
de 2011", and links to ``congresochihuahua2.gob.mx/…/archivosLeyes/<id>.pdf`` and ``…/archivosLeyesWord/
<id>.doc`` (the PDF and Word ids differ; pages and files live on two hosts). **Traps:** paging wraps
around — past the last page the site answers page 1 again, so the crawl stops at the first repeated title;
the date is the law's *publication* date (LegismEx stored it as "última reforma"), so it never dates a
reform (``publication``). The CSV export (generarCSV.php: title, publication date) is not read: it
carries no document links, and the cards give the same date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.core.errors import SkipItem
from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import ListPage, run_source
from pipeline.sources.states._platforms.catalogue import LawRow, catalogue_records, law_text_records
from pipeline.sources.states._platforms.link_page import clean_url, parse_row_date, squash

PAGES_URL = "https://www.congresochihuahua.gob.mx/biblioteca/leyes/index.php?pag={page}&palabra="
MAX_PAGES = 80  # 177 laws [data LGX-C] are 36 pages; the bound only guards a site that stops wrapping
_PUBLICATION = re.compile(r"Publicaci[oó]n:[ \t]*(?P<date>[^\n]+?)[ \t]*(?:\n|$)", re.I)


def page_url(page: int) -> str:
    return PAGES_URL.format(page=page)


INFO = SourceInfo(
    name="mx-chh-congreso-leyes",
    title="Congreso del Estado de Chihuahua — Biblioteca, leyes",
    jurisdiction="MX-CHH",
    homepage=page_url(1),
    allowed_hosts=("www.congresochihuahua.gob.mx", "congresochihuahua.gob.mx", "www.congresochihuahua2.gob.mx",
                   "congresochihuahua2.gob.mx"),  # fmt: skip
    encoding="utf-8",  # not documented [unverified]
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: title, publication date, PDF and Word of each law (paged cards)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The catalogue's only date is each law's publication date, not its last reform; reforms come "
                "from the PDF. Paging wraps around to page 1 (the crawl stops at the first repeated title).",
)


class LawCards(ListPage):
    """One page of law cards (5 a page; the last page may hold fewer)."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Chihuahua; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/chh/leyes_pag1.html"
    example_source = page_url(1)
    last_reform_meaning = "publication"  # "Publicación: <fecha>" is the original publication

    def items(self):
        return self.select("table.table-bordered", min_items=1, max_items=10)

    def process_item(self, card) -> LawRow:
        title = squash(self.select_one("th[colspan='2']", root=card).get_text(" "))
        if not title:
            raise SkipItem("card without a title", self.url)
        pdf = [clean_url(a["href"]) for a in card.select("a[href*='archivosLeyes/']")]
        word = [clean_url(a["href"]) for a in card.select("a[href*='archivosLeyesWord/']")]
        found = _PUBLICATION.search(card.get_text("\n"))
        raw = squash(found["date"]) if found else None
        return LawRow(title=title, urls=tuple(pdf + word), last_reform_raw=raw, last_reform=parse_row_date(raw),
                      ref=pdf[0].rsplit("/", 1)[-1] if pdf else None)  # fmt: skip

    def parse(self) -> list[LawRow]:
        return list(super().parse())


class ChihuahuaLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        seen: set[str] = set()
        for page in range(1, MAX_PAGES + 1):
            response = fetcher.get(page_url(page), source=INFO)
            report.saw("catalogue")
            rows = LawCards(response).parse()
            fresh = _until_repeat(rows, seen)
            yield from self._records(fetcher, response, fresh, report)
            if len(fresh) < len(rows) or not rows:
                return  # wrapped around to page 1: every law has been seen
        report.notes.append(f"stopped after {MAX_PAGES} pages without the paging wrapping around")

    def _records(self, fetcher, response, rows, report) -> Iterator:
        for instrument, row, record in catalogue_records(INFO, response, rows, LawCards.last_reform_meaning,
                                                          report):  # fmt: skip
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


def _until_repeat(rows: list[LawRow], seen: set[str]) -> list[LawRow]:
    """The rows before the first title already seen (the wrap-around point), recording the new ones."""
    fresh = []
    for row in rows:
        if row.title in seen:
            break
        seen.add(row.title)
        fresh.append(row)
    return fresh


SOURCE = ChihuahuaLaws()
