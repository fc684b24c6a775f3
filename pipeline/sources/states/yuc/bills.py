"""Yucatán — Congreso del Estado, Gaceta "Iniciativas" table.

Structure (shared/state-sources.md § Yucatán, [code LMX ``yucatan_congreso``]): ``table#example`` rows with
≥ 7 ``<td>``: legislatura, descripción, fecha presentada, presentada por, **fecha turnada**, **comisión
permanente**, documents (PDF/Word icons ``fa-file-pdf`` / ``fa-file-word``). The status is the turn only
(date + committee), so these bills are presented and referred; later steps come from other sources. The
live site needs HTTP/1.1 and a full browser header set (LMX); no stored copy exists: the fixture
reproduces the documented structure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from urllib.parse import urljoin

from pipeline.core.fetching import Fetcher, Response, SourceInfo
from pipeline.sources.kit import HtmlPage
from pipeline.sources.states._platforms.bills import ListingBills, bill_record, day, slug

LISTING_URL = "https://www.congresoyucatan.gob.mx/gaceta/iniciativas"

INFO = SourceInfo(
    name="mx-yuc-congreso-iniciativas",
    title="Congreso del Estado de Yucatán — Gaceta, Iniciativas",
    jurisdiction="MX-YUC",
    homepage=LISTING_URL,
    allowed_hosts=("www.congresoyucatan.gob.mx", "congresoyucatan.gob.mx"),
    encoding="utf-8",
    min_interval_s=2.0,
    formats=("html",),
    covers="State initiatives: legislature, description, presentation date, proponent, turn date and committee",
    role="bills",
    level="state",
    limitations="Status is the committee turn only; the live site may refuse clients without browser headers.",
)


class InitiativesTable(HtmlPage):
    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Yucatán (Bills); LMX scraper 'yucatan_congreso'"
    example_fixture = "states/yuc/iniciativas.html"
    example_source = LISTING_URL

    def parse(self) -> Iterator:
        rows = [r for r in self.select("table#example tr") if len(r.find_all("td")) >= 7]
        if not rows:
            from pipeline.core.errors import LayoutChanged

            raise LayoutChanged("no row of table#example has ≥ 7 cells", self.url)
        for row in rows:
            cells = row.find_all("td")
            text = [" ".join(c.get_text(" ").split()) for c in cells]
            pdf = cells[6].select_one("a[href] .fa-file-pdf")
            link = pdf.find_parent("a") if pdf is not None else cells[6].select_one("a[href$='.pdf']")
            presented = day(text[2])
            record = bill_record(
                INFO, self.response,
                bill_id=f"ini-{slug(text[0] or 'x')}-{hashlib.sha256(text[1].encode()).hexdigest()[:10]}",
                title=text[1], legislature=text[0].upper().replace("LEGISLATURA", "").strip() or None,
                presented=presented, presenter=text[3], referred=day(text[4]), committee=text[5] or None,
                document_url=urljoin(self.url, link["href"]) if link is not None else None,
            )  # fmt: skip
            if record is not None:
                yield record


class YucatanBills(ListingBills):
    info = INFO
    page = InitiativesTable

    def answers(self, fetcher: Fetcher) -> Iterator[Response]:
        yield fetcher.get(LISTING_URL, source=INFO)


SOURCE = YucatanBills()
