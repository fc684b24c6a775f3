"""Colima — H. Congreso del Estado, Gaceta Parlamentaria data endpoint (initiatives, a legislature per call).

Structure (shared/state-sources.md § Colima, [code LMX ``colima``]): ``POST
https://congresocol.gob.mx/web/www/gaceta/plantilla_datos.php?v=tiniciativas&l=<n>&ld=<"LXI Legislatura">&lc=%``
(the parameters in the query string, an empty body; LMX's client uses ``l=61`` with ``"LXI Legislatura"``)
answers HTML "rows" ``div.row[style*="border-bottom: 1px"]`` whose child ``div``\\s are the cells; header rows
("FECHA/DECRETO/ACUERDO/INICIATIVA/DESCRIPCIÓN") are skipped. Initiative cells: [0] number, [1] description,
[2] "Autor: … Comisión: … Pendiente|Aprobado", [3] PDF link. Only "Pendiente" and "Aprobado" were documented:
they are weak words for the rules (which step is pending, who approved, the source does not say), so they go
to the review queue; any other last word is read by the rules as it stands.

The listing gives no date at all. A bill listed in a legislature's gaceta was presented on or before the day
the listing was retrieved: that is its presentation span ("../<retrieval day>"), nothing narrower is claimed.
An unattributed note elsewhere says the endpoint answers latin-1; the documented atlas says nothing, so the
codec is UTF-8 and wrong bytes fail the run as ``decode_error`` rather than being read as mojibake.
No stored copy of a live answer exists: the fixture reproduces the documented structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote, urlencode, urljoin

from pipeline.core.dates import DateSpan
from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Fetcher, RequestBody, Response, SourceInfo
from pipeline.sources.kit import HtmlPage
from pipeline.sources.states._platforms.bills import PerLegislatureBills, bill_record, roman, slug

ENDPOINT = "https://congresocol.gob.mx/web/www/gaceta/plantilla_datos.php"
#: LIX (2018-2021), LX (2021-2024), LXI (2024-2027).
LEGISLATURES = (59, 60, 61)
HEADERS = {"FECHA", "DECRETO", "ACUERDO", "INICIATIVA", "DESCRIPCIÓN", "DESCRIPCION", "NÚMERO", "NUMERO"}
_STATUS = re.compile(r"^\s*Autor:\s*(?P<author>.*?)\s*Comisi[oó]n:\s*(?P<rest>.*?)\s*$", re.S)
_LAST_WORD = re.compile(r"^(?P<committee>.*?)\s*\b(?P<status>Pendiente|Aprobad[oa])\s*$", re.S | re.I)
EMPTY_BODY = RequestBody.form({})


def page_url(legislature: int) -> str:
    query = urlencode({"v": "tiniciativas", "l": str(legislature), "ld": f"{roman(legislature)} Legislatura",
                       "lc": "%"}, quote_via=quote)  # fmt: skip
    return f"{ENDPOINT}?{query}"


INFO = SourceInfo(
    name="mx-col-gaceta-iniciativas",
    title="H. Congreso del Estado de Colima — Gaceta Parlamentaria, iniciativas (plantilla_datos.php, POST)",
    jurisdiction="MX-COL",
    homepage="https://congresocol.gob.mx/web/www/gaceta/",
    allowed_hosts=("congresocol.gob.mx", "www.congresocol.gob.mx"),
    encoding="utf-8",
    min_interval_s=3.0,
    formats=("html",),
    covers="State initiatives per legislature: number, description, author, committee, Pendiente/Aprobado, PDF",
    role="bills",
    level="state",
    limitations="No dates in the listing (presented 'on or before the retrieval day'); only 'Pendiente' and "
    "'Aprobado' documented, both reviewed by a person; the codec is reported latin-1 by one unattributed note.",
)


def split_status(cell: str) -> tuple[str | None, str | None, str | None]:
    """(author, committee, status word) of an "Autor: … Comisión: … Pendiente" cell; unparsed text is the status."""
    cell = " ".join(cell.split())
    match = _STATUS.match(cell)
    if match is None:
        return None, None, cell or None
    rest = match["rest"]
    last = _LAST_WORD.match(rest)
    if last is None:  # an undocumented last word: the whole remainder is read by the rules, no committee claimed
        return match["author"] or None, None, rest or None
    return match["author"] or None, last["committee"] or None, last["status"]


class InitiativesRows(HtmlPage):
    """The rows of one legislature's initiatives; the trafficking ones become BillRecords."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Colima (Bills); LMX client 'colima'"
    example_fixture = "states/col/tiniciativas.html"
    example_source = page_url(61)

    def rows(self) -> list[list]:
        rows = []
        for row in self.select('div.row[style*="border-bottom: 1px"]'):
            cells = row.find_all("div", recursive=False)
            if cells and " ".join(cells[0].get_text(" ").split()).upper() in HEADERS:
                continue
            if len(cells) < 4:
                raise LayoutChanged(f"an initiative row of {len(cells)} cells, expected ≥ 4", self.url)
            rows.append(cells)
        if not rows:
            raise LayoutChanged("no initiative row (only headers)", self.url)
        return rows

    def parse(self) -> Iterator:
        legislature = _legislature(self.url)
        retrieved = getattr(self.response.retrieved_at, "date", lambda: None)()
        for cells in self.rows():
            text = [" ".join(c.get_text(" ").split()) for c in cells]
            if not text[0]:
                continue
            author, committee, status = split_status(cells[2].get_text(" "))
            link = cells[3].select_one("a[href]")
            record = bill_record(
                INFO, self.response, bill_id=f"{(legislature or 'x').lower()}-{slug(text[0])}", title=text[1],
                identifier=text[0], legislature=legislature, presenter=author, committee=committee,
                presented=DateSpan.between(None, retrieved) if retrieved else None, status_text=status,
                document_url=urljoin("https://congresocol.gob.mx/", link["href"].strip()) if link else None,
            )  # fmt: skip
            if record is not None:
                yield record


def _legislature(url: str) -> str | None:
    match = re.search(r"[?&]l=(\d+)", url)
    return roman(int(match[1])) if match else None


class ColimaBills(PerLegislatureBills):
    info = INFO
    legislatures = LEGISLATURES
    page = InitiativesRows

    def request(self, fetcher: Fetcher, legislature) -> Response:
        return fetcher.post(page_url(legislature), source=INFO, body=EMPTY_BODY)


SOURCE = ColimaBills()
