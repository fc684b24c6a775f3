"""Classic ASP law lists that are not one-row-per-law tables: numbered entries in document order.

Some legacy pages (Tamaulipas ``Vigente.asp``) print each law as a run of markup that starts with a bold
number (``<td><span><b>NNN</b>``) and is followed by the title in the next ``<b>``, a dated line and the
document link, in cells whose grouping is not documented. :class:`NumberedEntryList` therefore walks the
document from one number to the next instead of trusting any row/cell layout; the number marks are counted.
"""

from __future__ import annotations

import re
from typing import ClassVar

from bs4 import NavigableString, Tag

from pipeline.core.errors import LayoutChanged, SkipItem
from pipeline.sources.kit import ListPage
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.html_table import document_url, parse_catalogue_date, unique

_LABELLED_DATE = re.compile(
    r"(?P<label>[UÚ]ltima\s+Reforma|Publicaci[oó]n)\s*:\s*(?P<date>\d{1,2}\s+de\s+[A-Za-zÁÉÍÓÚáéíóú]+\s+de\s+\d{4})",
    re.I)


class NumberedEntryList(ListPage):
    """Entries that start at a bold number; subclasses name the marks, the link and the minimum count."""

    number_selector: ClassVar[str] = "td > span > b"
    min_entries: ClassVar[int] = 20
    link_selector: ClassVar[str] = "a[href]"
    last_reform_meaning: ClassVar[str] = "none"

    def items(self):
        marks = [b for b in self.select(self.number_selector, min_items=self.min_entries)
                 if b.get_text(strip=True).isdigit()]  # fmt: skip
        self._links = {id(a) for a in self.soup.select(self.link_selector)}
        if len(marks) < self.min_entries:
            raise LayoutChanged(f"{len(marks)} numbered entries, expected ≥ {self.min_entries}", self.url)
        return [(mark, marks[i + 1] if i + 1 < len(marks) else None) for i, mark in enumerate(marks)]

    def process_item(self, item) -> LawRow:
        mark, stop = item
        tags, text = _entry_parts(mark, stop)
        title_tag = next((t for t in tags if t.name == "b"), None)
        title = " ".join(title_tag.get_text(" ").split()) if title_tag else ""
        if not title:
            raise SkipItem(f"entry {mark.get_text(strip=True)} without a title", self.url)
        links = [document_url(self.url, t["href"]) for t in tags if id(t) in self._links and t.has_attr("href")]
        raw, day = self.entry_date(text)
        return LawRow(title=title, urls=tuple(unique(links)), last_reform_raw=raw, last_reform=day,
                      ref=mark.get_text(strip=True))  # fmt: skip

    def entry_date(self, text: str):
        """(value as printed, last-reform date): a "Publicación:" line is the original publication, no reform."""
        match = _LABELLED_DATE.search(text)
        if not match:
            return None, None
        raw = f"{match['label']}: {match['date']}"
        is_reform = match["label"].lower().startswith(("ultima", "última"))
        return raw, parse_catalogue_date(match["date"]) if is_reform else None

    def parse(self) -> list[LawRow]:
        rows = list(super().parse())
        if not rows:
            raise SkipItem("no law entries", self.url)
        return rows


def _entry_parts(mark: Tag, stop: Tag | None) -> tuple[list[Tag], str]:
    """The tags after ``mark`` (up to ``stop``) and their text, in document order."""
    tags, strings = [], []
    for element in mark.next_elements:
        if element is stop:
            break
        if isinstance(element, Tag):
            tags.append(element)
        elif isinstance(element, NavigableString) and element.parent is not mark:
            strings.append(str(element))
    return tags, " ".join(" ".join(strings).split())
