"""Plain file directories served as law catalogues (Apache / IIS autoindex pages).

Durango's congress and Zacatecas' Coordinación General Jurídica publish their laws as a bare directory
listing: the title is the file name, and the only date is the file's modification time — when the file
was (re-)uploaded, not a legal act (atlas § A "Plain file directories": ``text_date`` at best). Apache's
table format puts that time in the cell after the link: ``<a href="F.pdf">…</a></td><td>YYYY-MM-DD
HH:MM</td><td>size</td>``. Markers in file names ("(NUEVA)", "copia") are cleaned or dropped per state.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pipeline.core.errors import SkipItem
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.link_page import LinkListPage, file_name, file_name_title, squash


class DirectoryListing(LinkListPage):
    """A directory index whose links are the laws' files; titles from file names."""

    title_source: ClassVar[str] = "filename"
    #: File-name markers removed from the title (regexes, case-insensitive), e.g. r"\(NUEVA\)".
    title_markers: ClassVar[tuple[str, ...]] = ()
    #: File-name markers whose rows are dropped (copies, abrogated or previous versions).
    drop_markers: ClassVar[tuple[str, ...]] = ()
    #: True for Apache's table format, where the modification time is the cell after the link's.
    mtime_in_next_cell: ClassVar[bool] = False

    def process_item(self, anchor) -> LawRow:
        url = self.document_url(anchor.get("href", ""))
        name = file_name(url)
        if any(re.search(marker, name, re.I) for marker in self.drop_markers):
            raise SkipItem(f"copy or superseded file: {name}", url)
        return super().process_item(anchor)

    def title_of(self, anchor, url: str) -> str:
        title = file_name_title(url)
        for marker in self.title_markers:
            title = re.sub(marker, " ", title, flags=re.I)
        return squash(title)

    def date_text(self, anchor, url: str) -> str | None:
        if not self.mtime_in_next_cell:
            return None
        cell = anchor.find_parent("td")
        after = cell.find_next_sibling("td") if cell is not None else None
        if after is None:
            return None
        return squash(after.get_text(" ")) or None
