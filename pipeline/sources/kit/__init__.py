"""The page kit: page objects in spatula's style, run against the project's own fetchers.

A source package declares a :class:`~pipeline.core.fetching.SourceInfo` and one page class per kind
of page. A page object turns one stored :class:`~pipeline.core.fetching.Response` into records and
never touches the network. Counted selectors make it fail loudly (:class:`LayoutChanged`) when the
live page differs from the structure it was written for; :class:`SkipItem` drops one unusable item.

Each page class says how its structure is known (``structure``: raw / code / unverified, with
``structure_source``) and names an ``example_fixture`` under ``tests/fixtures/`` so it can be run
alone (``proteja inspect``) and by the conformance suite (``tests/sources/test_conformance.py``).

Why not spatula/scrapelib themselves: spatula's pages fetch through scrapelib inside ``do_scrape``,
which would bypass the content-addressed raw store, its manifest, challenge detection and offline
replay; scrapelib's throttle/retry duplicate :mod:`pipeline.fetch.http`. We keep spatula's vocabulary
(Page, ListPage, SkipItem, example_source, min/max-counted selectors, scout) without its runtime.
"""

from pipeline.core.errors import EmptyResponse, LayoutChanged, ScrapeError, SkipItem, WrongEncoding
from pipeline.sources.kit.pages import HtmlPage, JsonPage, ListPage, Page, PdfPage
from pipeline.sources.kit.source import BaseSource, run_source

__all__ = [
    "BaseSource", "EmptyResponse", "HtmlPage", "JsonPage", "LayoutChanged", "ListPage", "Page", "PdfPage",
    "ScrapeError", "SkipItem", "WrongEncoding", "run_source",
]  # fmt: skip
