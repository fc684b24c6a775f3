"""Offline fetcher: serve the raw store, never the network.

``proteja refresh --offline`` and ``proteja build`` hand this to every source's ``scrape``, so the
whole dataset re-derives from stored snapshots. A URL is served from its latest good blob (even
if later attempts failed: the last good snapshot is the evidence). A URL with no good blob
raises the error class of its last recorded failure, or ``NotInStore`` if it was never fetched,
so an offline run fails where the live run failed instead of inventing data.
"""

from __future__ import annotations

from pipeline.core.fetching import Response, SourceInfo
from pipeline.fetch import content as body
from pipeline.fetch.errors import NotInStore, error_for
from pipeline.fetch.http import FetchStats
from pipeline.fetch.store import RawStore


class ReplayFetcher:
    """``Fetcher`` over a :class:`RawStore`; no network access at all."""

    #: Sources check this to take their crawl window from the store instead of from today's date,
    #: so the same raw snapshot always replays to the same records.
    offline = True

    def __init__(self, store: RawStore):
        self.store = store
        self.stats = FetchStats()

    def get(self, url: str, *, source: SourceInfo, encoding: str | None = None) -> Response:
        entry = self.store.latest(url)
        if entry is None:
            raise self._miss(url)
        content = self.store.read(entry.sha256)
        self.stats.add("ok")
        return Response(
            url=entry.final_url or url,
            content=content,
            sha256=entry.sha256,
            retrieved_at=entry.retrieved_datetime,
            content_type=entry.content_type,
            encoding=self._encoding(entry.ext, entry.encoding, encoding or source.encoding),
            extra={"manifest": entry.to_dict(), "requested_url": url, "outcome": entry.outcome, "replay": True},
        )

    def stored(self, url: str) -> Response | None:
        """The raw store's last good snapshot of ``url``, without touching the network."""
        return self.store.stored_response(url)

    def stored_urls(self, prefix: str) -> list[str]:
        return self.store.stored_urls(prefix)

    def _miss(self, url: str) -> Exception:
        last = self.store.latest_any(url)
        if last is None:
            error = NotInStore("not in raw store", url)
        else:
            error = error_for(last.outcome)(f"not in raw store; last fetch was {last.outcome}: {last.error}", url)
            error.entry = last
        self.stats.add(error.outcome, str(error))
        return error

    @staticmethod
    def _encoding(ext: str | None, stored: str | None, wanted: str) -> str | None:
        """Text is decoded with the source's codec as declared *now* (so a fixed codec re-derives)."""
        if ext not in body.TEXT_EXTS:
            return None
        return stored if wanted == body.AUTO else wanted
