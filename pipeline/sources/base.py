"""Page objects and source metadata, in the style of spatula.

A *source* is one official website (LeyesBiblio, SIDOF, SIL, a state congress). Its module
declares :class:`SourceInfo` at the top and a few :class:`Page` subclasses, one per kind of
page. A page object turns one stored response into records and never touches the network:
fetching is the runtime's job (:mod:`pipeline.fetch`).

Counted selectors (:meth:`Page.select`) make a page fail loudly with :class:`LayoutChanged`
when its structure changes, instead of silently returning nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from bs4 import BeautifulSoup, Tag


class ScrapeError(Exception):
    """Base class for classified scrape failures. ``outcome`` is a vocab.FETCH_OUTCOMES value."""

    outcome = "parse_error"

    def __init__(self, message: str, url: str | None = None):
        super().__init__(f"{message} [{url}]" if url else message)
        self.url = url


class LayoutChanged(ScrapeError):
    """A counted selector matched too few or too many elements: the page changed."""

    outcome = "layout_changed"


class Undecodable(ScrapeError):
    """A stored page does not decode with its source's codec (one stray byte is enough)."""

    outcome = "decode_error"


class EmptyResponse(ScrapeError):
    """A 200 answer that carries no data (e.g. a SIDOF day with empty lists)."""

    outcome = "empty"


@dataclass(frozen=True)
class SourceInfo:
    """Metadata every source module declares at its top; the coverage table is generated from it."""

    name: str  # short id: "leyesbiblio", "dof", "sidof", "sil", "congreso-chp"
    title: str
    jurisdiction: str  # ISO code; "MX" for federal sources
    homepage: str
    allowed_hosts: tuple[str, ...]
    encoding: str = "utf-8"  # the codec the source's text really uses (not what it declares)
    min_interval_s: float = 1.0  # politeness: seconds between requests to one host
    formats: tuple[str, ...] = ("html",)
    covers: str = ""  # what the source gives us, one line
    notes: str = ""


@dataclass
class Response:
    """What a page object receives: stored bytes plus the metadata of their retrieval."""

    url: str
    content: bytes
    sha256: str
    retrieved_at: Any = None  # datetime (UTC)
    content_type: str | None = None
    encoding: str | None = None  # detected/declared text encoding, if known
    extra: dict = field(default_factory=dict)


class Page:
    """One kind of page. Subclasses set ``source`` and implement :meth:`parse`."""

    source: ClassVar[SourceInfo]
    encoding: ClassVar[str | None] = None  # overrides source.encoding for this page kind

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
            raise Undecodable(f"cannot decode as {codec}: {exc}", self.url) from None

    @property
    def soup(self) -> BeautifulSoup:
        if self._soup is None:
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

    def parse(self) -> Iterable[Any]:  # pragma: no cover - abstract
        raise NotImplementedError


class Fetcher(Protocol):
    """What a source needs from the runtime: get a URL, get back a stored Response (or an error)."""

    def get(self, url: str, *, source: SourceInfo) -> Response: ...


class Source(Protocol):
    """A source module's entry point: crawl through a fetcher, yield records.

    Live refresh passes a network fetcher; offline refresh and ``proteja build`` pass a replay
    fetcher that serves the raw store, so the same code re-derives everything without the network.
    """

    info: SourceInfo

    def scrape(self, fetcher: Fetcher) -> Iterator[Any]: ...
