"""Server-rendered HTML tables of laws (one ``<tr>`` per law): configured per state, parsed once.

A state subclasses :class:`HtmlLawTable` and sets where the title, the document link and the
last-reform value sit in a row; counted selectors fail loudly when the live table differs. The hooks
(``clean_title``, ``row_links``, ``skip_reason``) cover the per-site quirks the atlas documents, and
:func:`document_url` the URL hygiene shared by all of them. :class:`TableLawSource` is the scrape every
table state runs: catalogue page(s) → trafficking rows → catalogue records → the law's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar
from urllib.parse import quote, unquote_to_bytes, urljoin

from pipeline.core.errors import SkipItem
from pipeline.parse.dates import DateParseError, parse_date
from pipeline.sources.kit import ListPage
from pipeline.sources.states._platforms.catalogue import (
    CatalogueSource,
    LawRow,
)

#: Characters kept as they are when a URL is re-quoted (existing %XX escapes included).
_URL_SAFE = "%/:?&=#;,+@!$'()*[]~"
_EMBEDDED_URL = re.compile(r"https?://", re.I)


class HtmlLawTable(ListPage):
    """A table of laws. Subclasses set the selectors and cell positions."""

    row_selector: ClassVar[str] = "table tr"
    min_rows: ClassVar[int] = 20  # a state's catalogue lists ≥ 20 laws; fewer means the page changed
    min_cells: ClassVar[int] = 2
    title_cell: ClassVar[int] = 0
    date_cell: ClassVar[int | None] = None
    link_selector: ClassVar[str] = "a[href]"
    #: Read links only from these cells (None: the whole row).
    link_cells: ClassVar[tuple[int, ...] | None] = None
    #: The cell holding the row's number or id in the catalogue (None when the table has none).
    ref_cell: ClassVar[int | None] = 0
    #: What the date cell means on this site: a key of catalogue.LAST_REFORM_MEANINGS.
    last_reform_meaning: ClassVar[str] = "none"

    def items(self):
        rows = self.select(self.row_selector, min_items=self.min_rows)
        return [row for row in rows if len(row.find_all("td", recursive=False)) >= self.min_cells]

    def process_item(self, row) -> LawRow:
        cells = row.find_all("td", recursive=False)
        reason = self.skip_reason(cells)
        if reason:
            raise SkipItem(reason, self.url)
        title = self.clean_title(cell_text(cells[self.title_cell]))
        if not title:
            raise SkipItem("row without a title", self.url)
        raw = cell_text(cells[self.date_cell]) if self.date_cell is not None else None
        return LawRow(title=title, urls=tuple(self.row_links(row, cells)), last_reform_raw=raw or None,
                      last_reform=self.parse_value(raw), ref=self.row_ref(row, cells))  # fmt: skip

    # --- hooks a state overrides ----------------------------------------------------------------

    def skip_reason(self, cells) -> str | None:
        """Why a row is not a law in force (e.g. a status cell saying "abrogada"), else None."""
        return None

    def clean_title(self, title: str) -> str:
        return title

    def row_ref(self, row, cells) -> str | None:
        return (cell_text(cells[self.ref_cell]) or None) if self.ref_cell is not None else None

    def row_links(self, row, cells) -> list[str]:
        roots = [cells[i] for i in self.link_cells if i < len(cells)] if self.link_cells is not None else [row]
        hrefs = [a["href"] for root in roots for a in root.select(self.link_selector)]
        return unique([document_url(self.url, href) for href in hrefs])

    def parse_value(self, raw: str | None):
        return parse_catalogue_date(raw)

    def parse(self) -> list[LawRow]:
        rows = list(super().parse())
        if not rows:
            raise SkipItem("no law rows", self.url)
        return rows


def cell_text(cell) -> str:
    return " ".join(cell.get_text(" ").split())


def unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def parse_catalogue_date(raw: str | None):
    """The date a catalogue cell prints, or None (empty, "0000-00-00", prose without a date)."""
    if not raw or not re.search(r"\d", raw):
        return None
    try:
        return parse_date(raw)
    except DateParseError:
        return None


def document_url(base: str, href: str) -> str:
    """An absolute, well-formed URL from a catalogue href, whatever the site's hygiene.

    Line breaks inside hrefs (Veracruz) are dropped; ``../https://…`` (Hidalgo) keeps the embedded
    absolute URL; raw spaces and accents (Hidalgo, Yucatán, Nuevo León) are percent-encoded as UTF-8;
    percent-escapes of Latin-1 bytes (Jalisco ``C%F3digos``) are re-encoded as UTF-8.
    """
    href = "".join(href.split("\n")).replace("\r", "").replace("\t", "").strip()
    embedded = _EMBEDDED_URL.search(href)
    if embedded and embedded.start() > 0:
        href = href[embedded.start():]
    return quote(_utf8_escapes(urljoin(base, href)), safe=_URL_SAFE)


def _utf8_escapes(url: str) -> str:
    raw = unquote_to_bytes(url)
    try:
        raw.decode("utf-8")
        return url
    except UnicodeDecodeError:  # escapes of single-byte (cp1252) characters: decode them as such
        return raw.decode("cp1252", errors="replace")


TableLawSource = CatalogueSource  # the name the HTML-table states use


