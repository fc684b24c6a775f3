"""Baja California — XXV Legislatura, "Iniciativas" (ASP.NET GridView, paged by postback).

Structure (shared/state-sources.md § Baja California, [code LMX ``bc_congreso``]): ``GET
https://www.congresobc.gob.mx/TrabajoLegislativo/Iniciativas`` shows a table ``id="data-table"`` (or the table
whose header contains ``# DOC.``); data rows have ≥ 10 ``<td>``: sesión, núm. doc, grupo parlamentario, tipo,
presentado por, **turnado a**, **votación**, fecha (``YYYY/MM/DD`` or ``DD/MM/YYYY``), descripción, PDF. The next
page is a postback (:mod:`pipeline.sources.states._platforms.aspnet`): the pager link's control (seen as
``ctl00$ctl00$ctl00$ContentPlaceHolder1$MainContent$GrdListado``) and ``Page$N``, with the page's
``__VIEWSTATE``, ``__VIEWSTATEGENERATOR`` and ``__EVENTVALIDATION``. Status = "turnado a" (the committee turn)
and "votación" (free text, read by the bill-event rules; its vocabulary was not captured, so an unseen phrase
goes to the review queue). The row names no legislature, so none is claimed; the date is taken as the
presentation date (the session the initiative was read in). No stored copy exists: the fixtures reproduce
the documented structure, two pages joined by a postback.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from urllib.parse import urljoin

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Fetcher, RequestBody, RunReport, SourceInfo
from pipeline.sources.kit import HtmlPage, run_source
from pipeline.sources.states._platforms.aspnet import pager_links, postback_body
from pipeline.sources.states._platforms.bills import bill_record, day, slug

LISTING_URL = "https://www.congresobc.gob.mx/TrabajoLegislativo/Iniciativas"
CELLS = 10
#: A bound on postback paging (the site's page count is not documented); reaching it is reported.
MAX_PAGES = 200

INFO = SourceInfo(
    name="mx-bcn-congreso-iniciativas",
    title="Congreso del Estado de Baja California — Iniciativas (GridView, postback paging)",
    jurisdiction="MX-BCN",
    homepage=LISTING_URL,
    allowed_hosts=("www.congresobc.gob.mx", "congresobc.gob.mx"),
    encoding="utf-8",
    min_interval_s=3.0,
    formats=("html",),
    covers="State initiatives: session, document number, group, type, presenter, committee turn, vote, date, PDF",
    role="bills",
    level="state",
    limitations="Pages by ASP.NET postback; the 'votación' vocabulary is not documented (unseen phrases reviewed); "
    "rows name no legislature.",
)


def _date(text: str):
    """``YYYY/MM/DD`` or ``DD/MM/YYYY`` as a day; anything else None (never guessed)."""
    iso = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", text.strip())
    return day(f"{iso[1]}-{int(iso[2]):02d}-{int(iso[3]):02d}") if iso else day(text)


class InitiativesGrid(HtmlPage):
    """One page of the GridView; its rows become BillRecords, its pager says which page follows."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Baja California (Bills); LMX client 'bc_congreso'"
    example_fixture = "states/bcn/iniciativas_p1.html"
    example_source = LISTING_URL

    def table(self):
        found = self.select("table#data-table", min_items=0, max_items=1)
        if found:
            return found[0]
        for table in self.select("table", min_items=0):
            head = table.find("tr")
            if head is not None and "# DOC." in head.get_text(" ").upper():
                return table
        raise LayoutChanged("no table#data-table and no table whose header has '# DOC.'", self.url)

    def rows(self) -> list[list]:
        rows = []
        for row in self.table().find_all("tr"):
            cells = row.find_all("td", recursive=False)
            if len(cells) < CELLS or "# DOC" in cells[1].get_text(" ").upper():
                continue  # the header, the pager row and its nested cells
            rows.append(cells)
        if not rows:
            raise LayoutChanged(f"no row of the grid has ≥ {CELLS} cells", self.url)
        return rows

    def parse(self) -> Iterator:
        for cells in self.rows():
            text = [" ".join(c.get_text(" ").split()) for c in cells]
            number, group, presenter, description = text[1], text[2], text[4], text[8]
            link = cells[9].select_one("a[href]")
            presented = _date(text[7])
            suffix = presented.text if presented else hashlib.sha256(description.encode()).hexdigest()[:10]
            record = bill_record(
                INFO, self.response, bill_id=f"doc-{slug(number or 'x')}-{suffix}", title=description,
                identifier=number or None, presented=presented, committee=text[5] or None, status_text=text[6],
                presenter=f"{presenter} ({group})" if presenter and group else presenter or group,
                document_url=urljoin(self.url, link["href"].strip()) if link else None,
            )  # fmt: skip
            if record is not None:
                yield record

    def next_page(self, current: int) -> RequestBody | None:
        """The postback body for page ``current + 1``, or None when the pager has no such link."""
        argument = f"Page${current + 1}"
        target = pager_links(self.soup).get(argument)
        return postback_body(self.soup, target, argument, self.url) if target else None


class BajaCaliforniaBills:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        page = InitiativesGrid(fetcher.get(LISTING_URL, source=INFO))
        for number in range(1, MAX_PAGES + 1):
            report.saw("initiatives")
            yield from page.parse()
            body = page.next_page(number)
            if body is None:
                return
            page = InitiativesGrid(fetcher.post(LISTING_URL, source=INFO, body=body))
        report.notes.append(f"stopped after {MAX_PAGES} pages: the pager still offered a next page")


SOURCE = BajaCaliforniaBills()
