"""Nuevo León — H. Congreso del Estado, the initiatives table's flat JSON file (LXXVII Legislatura).

Structure (shared/state-sources.md § Nuevo León, [code LMX ``nuevoleon``]): ``GET
/iniciativas_lxxvii/iniciativas.txt`` answers ``{"data": [[…], …]}`` — each row an ARRAY of HTML snippets:
[0] expediente, [4] asunto, [5] comisión, [6] fecha, [7] estado, [8] PDF link, [9] promovente,
[10] legislatura. The vocabulary of ``estado`` was not captured: the bill-event rules read it and an
unknown value goes to the review queue. The path embeds the legislature (``lxxvii``) and will change in
2027. No stored copy of the live file exists: the fixture reproduces the documented shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Fetcher, Response, SourceInfo
from pipeline.sources.kit import JsonPage
from pipeline.sources.states._platforms.bills import ListingBills, bill_record, day, slug

LISTING_URL = "https://www.hcnl.gob.mx/iniciativas_lxxvii/iniciativas.txt"
CELLS = 11  # the highest documented index is 10

INFO = SourceInfo(
    name="mx-nle-congreso-iniciativas",
    title="H. Congreso del Estado de Nuevo León — Iniciativas (LXXVII, flat JSON)",
    jurisdiction="MX-NLE",
    homepage="https://www.hcnl.gob.mx/iniciativas_lxxvii/",
    allowed_hosts=("www.hcnl.gob.mx", "hcnl.gob.mx"),
    encoding="utf-8",
    min_interval_s=2.0,
    formats=("json",),
    covers="State initiatives of the current legislature: expediente, subject, committee, date, status, proponent",
    role="bills",
    level="state",
    limitations="Current legislature only (the path names LXXVII); the 'estado' vocabulary is not documented.",
)


def _text(snippet) -> str:
    return " ".join(BeautifulSoup(str(snippet or ""), "lxml").get_text(" ").split())


def _href(snippet, base: str) -> str | None:
    link = BeautifulSoup(str(snippet or ""), "lxml").select_one("a[href]")
    return urljoin(base, link["href"].strip()) if link else None


class InitiativesFile(JsonPage):
    """The rows of the initiatives file; the trafficking ones become BillRecords."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Nuevo León (Bills); LMX scraper 'nuevoleon'"
    example_fixture = "states/nle/iniciativas.txt"
    example_source = LISTING_URL

    def rows(self) -> list:
        rows = self.items_of(self.data if isinstance(self.data, dict) else {}, "data", min_items=1)
        for row in rows:
            if not isinstance(row, list) or len(row) < CELLS:
                raise LayoutChanged(f"a row of {len(row) if isinstance(row, list) else 'no'} cells, expected "
                                    f"≥ {CELLS}", self.url)  # fmt: skip
        return rows

    def parse(self) -> Iterator:
        for row in self.rows():
            expediente = _text(row[0])
            if not expediente:
                continue
            record = bill_record(
                INFO, self.response, bill_id=f"exp-{slug(expediente)}", title=_text(row[4]),
                identifier=expediente, legislature=_text(row[10]).upper().replace("LEGISLATURA", "").strip() or None,
                presented=day(_text(row[6])), committee=_text(row[5]) or None, status_text=_text(row[7]),
                presenter=_text(row[9]), document_url=_href(row[8], self.url),
            )  # fmt: skip
            if record is not None:
                yield record


class NuevoLeonBills(ListingBills):
    info = INFO
    page = InitiativesFile

    def answers(self, fetcher: Fetcher) -> Iterator[Response]:
        yield fetcher.get(LISTING_URL, source=INFO)


SOURCE = NuevoLeonBills()
