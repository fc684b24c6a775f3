"""Law catalogues served as JSON by a REST API (Sonora's congress; gazette APIs that list laws).

A state subclasses :class:`JsonLawList` and names the list key, the title key, the date key and how a
record becomes document URLs. Every key is read through ``JsonPage.field`` / ``items_of``, so a renamed
key is ``LayoutChanged``, never a silently empty catalogue.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pipeline.sources.kit import JsonPage
from pipeline.sources.states._platforms.catalogue import LawRow
from pipeline.sources.states._platforms.link_page import parse_row_date, squash

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


class JsonLawList(JsonPage):
    """One JSON answer listing laws: ``data[items_key]`` is the list of law records."""

    items_key: ClassVar[str | None] = None  # None: the answer itself is the list
    min_items: ClassVar[int] = 1  # a page of a paged API may hold few records; the scrape counts the total
    title_key: ClassVar[str] = "nombre"
    date_key: ClassVar[str | None] = None
    #: What ``date_key`` means on this site: a key of catalogue.LAST_REFORM_MEANINGS.
    last_reform_meaning: ClassVar[str] = "none"

    def records(self) -> list:
        return self.items_of(self.data, self.items_key, min_items=self.min_items)

    def parse(self) -> list[LawRow]:
        return [self.law_row(record) for record in self.records()]

    def law_row(self, record: Any) -> LawRow:
        title = squash(self.field(record, self.title_key, str))
        raw = self.field(record, self.date_key, (str, type(None))) if self.date_key else None
        return LawRow(title=title, urls=tuple(self.document_urls(record)), last_reform_raw=raw or None,
                      last_reform=self.row_date(raw), ref=self.record_ref(record))  # fmt: skip

    def document_urls(self, record: Any) -> list[str]:  # pragma: no cover - per state
        raise NotImplementedError

    def record_ref(self, record: Any) -> str | None:
        return None

    def row_date(self, raw: str | None):
        """A timestamp keeps only its day (``2024-10-03T17:22:11Z`` → 2024-10-03): the precision shown."""
        if raw and _ISO_DAY.match(raw):
            return parse_row_date(raw[:10])
        return parse_row_date(raw)
