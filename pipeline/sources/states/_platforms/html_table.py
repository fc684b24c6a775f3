"""Server-rendered HTML tables of laws (one ``<tr>`` per law): configured per state, parsed once.

A state subclasses :class:`HtmlLawTable` and sets where the title, the document link and the
last-reform value sit in a row; counted selectors fail loudly when the live table differs.
"""

from __future__ import annotations

import re
from typing import ClassVar
from urllib.parse import urljoin

from pipeline.core.errors import SkipItem
from pipeline.parse.dates import DateParseError, parse_date
from pipeline.sources.kit import ListPage
from pipeline.sources.states._platforms.catalogue import LawRow


class HtmlLawTable(ListPage):
    """A table of laws. Subclasses set the selectors and cell positions."""

    row_selector: ClassVar[str] = "table tr"
    min_rows: ClassVar[int] = 20  # a state's catalogue lists ≥ 20 laws; fewer means the page changed
    min_cells: ClassVar[int] = 2
    title_cell: ClassVar[int] = 0
    date_cell: ClassVar[int | None] = None
    link_selector: ClassVar[str] = "a[href]"
    #: What the date cell means on this site: a key of catalogue.LAST_REFORM_MEANINGS.
    last_reform_meaning: ClassVar[str] = "none"

    def items(self):
        rows = self.select(self.row_selector, min_items=self.min_rows)
        return [row for row in rows if len(row.find_all("td", recursive=False)) >= self.min_cells]

    def process_item(self, row) -> LawRow:
        cells = row.find_all("td", recursive=False)
        title = " ".join(cells[self.title_cell].get_text(" ").split())
        if not title:
            raise SkipItem("row without a title", self.url)
        links = [urljoin(self.url, a["href"]) for a in row.select(self.link_selector)]
        raw = " ".join(cells[self.date_cell].get_text(" ").split()) if self.date_cell is not None else None
        return LawRow(title=title, urls=tuple(links), last_reform_raw=raw or None, last_reform=_date(raw),
                      ref=" ".join(cells[0].get_text(" ").split()) or None)  # fmt: skip

    def parse(self) -> list[LawRow]:
        rows = list(super().parse())
        if not rows:
            raise SkipItem("no law rows", self.url)
        return rows


def _date(raw: str | None):
    if not raw or not re.search(r"\d", raw):
        return None
    try:
        return parse_date(raw)
    except DateParseError:
        return None
