"""Page classes: HTML, JSON, PDF and list pages with counted selectors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from bs4 import BeautifulSoup, Tag

from pipeline.core.errors import EmptyResponse, LayoutChanged, ScrapeError, SkipItem, WrongEncoding
from pipeline.core.fetching import Response, SourceInfo


class Page:
    """One kind of page. Subclasses set ``source`` and implement :meth:`parse`."""

    source: ClassVar[SourceInfo]
    encoding: ClassVar[str | None] = None  # overrides source.encoding for this page kind
    #: How the structure this class expects is known: "raw", "code" or "unverified".
    structure: ClassVar[str] = "unverified"
    #: Where that structure is documented (a file of shared/, a repository path, a sample).
    structure_source: ClassVar[str] = ""
    #: A fixture under tests/fixtures/ reproducing the documented structure (for inspect + conformance).
    example_fixture: ClassVar[str | None] = None
    #: The URL the example fixture stands for.
    example_source: ClassVar[str | None] = None

    def __init__(self, response: Response):
        self.response = response
        self._soup: BeautifulSoup | None = None

    @property
    def url(self) -> str:
        return self.response.url

    @property
    def text(self) -> str:
        codec = self.encoding or self.source.encoding
        try:
            return self.response.content.decode(codec)
        except UnicodeDecodeError as exc:
            raise WrongEncoding(f"bytes do not decode as {codec} at offset {exc.start}", self.url) from exc

    def require_content(self) -> None:
        """An empty (or whitespace-only) answer carries no data: say so instead of parsing it."""
        if not self.response.content.strip():
            raise EmptyResponse("empty response body", self.url)

    def parse(self) -> Iterable[Any]:  # pragma: no cover - abstract
        raise NotImplementedError


class HtmlPage(Page):
    """An HTML page parsed with lxml through BeautifulSoup; ``select`` counts its matches."""

    @property
    def soup(self) -> BeautifulSoup:
        if self._soup is None:
            self.require_content()
            self._soup = BeautifulSoup(self.text, "lxml")
        return self._soup

    def select(self, css: str, *, min_items: int = 1, max_items: int | None = None, root: Tag | None = None):
        """Select with ``css``; raise LayoutChanged unless ``min_items <= count <= max_items``."""
        found = (root or self.soup).select(css)
        if len(found) < min_items or (max_items is not None and len(found) > max_items):
            bounds = f"{min_items}..{max_items if max_items is not None else '∞'}"
            raise LayoutChanged(f"selector {css!r} matched {len(found)} elements, expected {bounds}", self.url)
        return found

    def select_one(self, css: str, *, root: Tag | None = None):
        return self.select(css, min_items=1, max_items=1, root=root)[0]


class JsonPage(Page):
    """A JSON answer; ``field`` fails loudly when a documented key is missing or of the wrong type."""

    @property
    def data(self) -> Any:
        self.require_content()
        try:
            return json.loads(self.text)
        except json.JSONDecodeError as exc:
            raise LayoutChanged(f"not JSON: {exc.msg} at {exc.pos}", self.url) from exc

    def field(self, obj: Any, key: str, kind: type | tuple[type, ...] = object) -> Any:
        """``obj[key]``, raising LayoutChanged when the key is absent or not of ``kind``."""
        if not isinstance(obj, dict) or key not in obj:
            raise LayoutChanged(f"JSON key {key!r} missing", self.url)
        value = obj[key]
        if not isinstance(value, kind):
            raise LayoutChanged(f"JSON key {key!r} is {type(value).__name__}, expected {kind}", self.url)
        return value

    def items_of(self, obj: Any, key: str | None = None, *, min_items: int = 1) -> list:
        """A list (``obj`` itself or ``obj[key]``) with at least ``min_items`` entries."""
        value = obj if key is None else self.field(obj, key, list)
        if not isinstance(value, list) or len(value) < min_items:
            count = len(value) if isinstance(value, list) else "no list"
            raise LayoutChanged(f"expected a list of ≥ {min_items} items at {key or 'top level'}, got {count}",
                                self.url)  # fmt: skip
        return value


PDF_MAGIC = b"%PDF-"


class PdfPage(Page):
    """A PDF document: checked by its magic bytes, never by its URL or declared type."""

    def require_pdf(self) -> None:
        self.require_content()
        if not self.response.content.lstrip()[:5] == PDF_MAGIC:
            head = self.response.content[:16]
            raise ScrapeError(f"not a PDF (starts with {head!r})", self.url)


class ListPage(HtmlPage):
    """A page listing items: ``items()`` yields raw items, ``process_item`` turns one into a record.

    ``SkipItem`` from ``process_item`` drops that item (its reason is kept in ``skipped``); any other
    error fails the page, because a half-read list is worse than a failed one.
    """

    def __init__(self, response: Response):
        super().__init__(response)
        self.skipped: list[str] = []

    def items(self) -> Iterable[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def process_item(self, item: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse(self) -> Iterator[Any]:
        for item in self.items():
            try:
                yield self.process_item(item)
            except SkipItem as skip:
                self.skipped.append(skip.reason)
