"""Fetching types: what a source receives and the runtime it may ask for it.

The fetch stage (:mod:`pipeline.fetch`) implements :class:`Fetcher` twice: the live, polite HTTP
fetcher and the offline replay of the raw store. A source is written once against this protocol
and runs unchanged on both, which is what lets ``proteja build`` re-derive everything offline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json as _json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

#: How the structure a page object expects is known (coverage shows it per page).
STRUCTURE_EVIDENCE = {
    "raw": "seen on a stored real page (shared/real-samples or a recorded response)",
    "code": "known from other projects' scraper code or their outputs, not from a stored page",
    "unverified": "documented in prose only; nobody has seen the page through this project",
}


@dataclass(frozen=True)
class SourceInfo:
    """Metadata every source module declares at its top; coverage is generated from it."""

    name: str  # short id: "leyesbiblio", "dof", "sil", "ojn", "mx-chp-congreso-laws"
    title: str
    jurisdiction: str  # the main ISO code; "MX" for federal and national sources
    homepage: str
    allowed_hosts: tuple[str, ...]
    encoding: str = "utf-8"  # the codec the source's text really uses (not what it declares)
    min_interval_s: float = 1.0  # politeness: seconds between requests to one host
    formats: tuple[str, ...] = ("html",)
    covers: str = ""  # what the source gives us, one line
    notes: str = ""
    #: Every jurisdiction the source gives facts about (a national compilation covers 32).
    jurisdictions: tuple[str, ...] = ()
    #: What the source is for: "laws" (catalogue of laws), "bills", "gazette", "dating", "texts".
    role: str = "laws"
    #: Level of the federal/national/state tree: "federal", "national", "state".
    level: str = "federal"
    #: Needs a JavaScript browser, or blocks foreign IPs: said here and in coverage, never evaded.
    limitations: str = ""
    #: The law-text layout profile its documents are parsed with (pipeline/parse/law/profiles.py).
    text_profile: str = ""

    def __post_init__(self) -> None:
        if not self.jurisdictions:
            object.__setattr__(self, "jurisdictions", (self.jurisdiction,))

    @property
    def all_jurisdictions(self) -> tuple[str, ...]:
        return self.jurisdictions


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


@dataclass(frozen=True)
class RequestBody:
    """The body of a POST: the exact bytes sent and their content type.

    A recorded POST answer is found again by (method, URL, ``sha256`` of these bytes), so the same
    fields must always give the same bytes: form fields keep the order given, JSON keys are sorted and
    written without spaces. Sources POST read-only queries only (search APIs, ASP.NET paging).
    """

    content: bytes
    content_type: str

    @classmethod
    def form(cls, fields: dict[str, str] | list[tuple[str, str]]) -> RequestBody:
        from urllib.parse import urlencode

        items = list(fields.items()) if isinstance(fields, dict) else list(fields)
        return cls(urlencode(items).encode("ascii"), "application/x-www-form-urlencoded")

    @classmethod
    def json(cls, value: Any) -> RequestBody:
        text = _json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return cls(text.encode("utf-8"), "application/json")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@runtime_checkable
class Fetcher(Protocol):
    """Everything a source may ask of the runtime. Both fetchers in :mod:`pipeline.fetch` implement it.

    - ``get``: the URL's content, fetched politely (live) or from the raw store (replay); a failure
      raises a classified :class:`~pipeline.core.errors.ScrapeError` subclass.
    - ``post``: the same for a POST with a :class:`RequestBody` (JSON APIs, form endpoints, ASP.NET
      postbacks) through the same guards; its answer is stored under (POST, URL, body digest) and is
      never served for a GET of the URL, nor for another body.
    - ``stored``: the raw store's last good snapshot of a URL (a POST's when ``method``/``body`` say so),
      never touching the network (a source uses it to avoid re-fetching settled pages, e.g. a gazette
      day older than a week).
    - ``stored_urls``: the URLs with a good snapshot that start with a prefix (offline replay takes
      its crawl window from the evidence, not from today's date).
    - ``offline``: True when no network is used at all (replay).
    """

    offline: bool

    def get(self, url: str, *, source: SourceInfo, encoding: str | None = None) -> Response: ...

    def post(self, url: str, *, source: SourceInfo, body: RequestBody, encoding: str | None = None) -> Response: ...

    def stored(self, url: str, *, method: str = "GET", body: RequestBody | None = None) -> Response | None: ...

    def stored_urls(self, prefix: str) -> list[str]: ...


@dataclass
class RunReport:
    """What one scrape of one source gave: its records, what it saw, and how it ended.

    A source never keeps state on module singletons: everything a run learns is here. When
    ``failure`` is set the run is a failure and the build drops ``records`` as a whole.
    """

    source: str
    records: list = field(default_factory=list)
    pages: Counter = field(default_factory=Counter)  # page kind → count seen
    skips: list[str] = field(default_factory=list)  # "url: reason" per SkipItem
    failure: str | None = None  # the failure class ("layout_changed", "KeyError", ...)
    error: str | None = None  # its message
    notes: list[str] = field(default_factory=list)  # e.g. DOF days whose gazette is unknown
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None

    def saw(self, page_kind: str) -> None:
        self.pages[page_kind] += 1


class Source(Protocol):
    """A source's entry point: crawl through a fetcher, yield records.

    Live refresh passes a network fetcher; offline refresh and ``proteja build`` pass a replay
    fetcher that serves the raw store, so the same code re-derives everything without the network.
    ``run`` wraps ``scrape`` into a :class:`RunReport` (see :mod:`pipeline.sources.kit`).
    """

    info: SourceInfo

    def scrape(self, fetcher: Fetcher, report: RunReport) -> Iterator[Any]: ...

    def run(self, fetcher: Fetcher) -> RunReport: ...
