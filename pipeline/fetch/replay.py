"""Offline fetcher: serve the raw store, never the network.

``proteja refresh --offline`` and ``proteja build`` hand this to every source's ``scrape``, so the
whole dataset re-derives from stored snapshots. A URL is served from its latest good blob (even
if later attempts failed: the last good snapshot is the evidence). A stored copy that is missing,
corrupt, or that the challenge detector now recognises as a block page (an Akamai or F5 page
stored ``ok`` by an older detector) is skipped, recorded as a build problem, and the copy before
it is served: a bad 200 never replaces the last good snapshot. A URL with no usable blob raises
the error class of its last recorded failure (``StoreDamaged`` when only bad copies exist), or
``NotInStore`` if it was never fetched, so an offline run fails where the live run failed
instead of inventing data.
"""

from __future__ import annotations

from pipeline.core import problems
from pipeline.core.fetching import Response, SourceInfo
from pipeline.fetch import content as body
from pipeline.fetch.challenge import detect_block
from pipeline.fetch.errors import NotInStore, StoreDamaged, error_for
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
        candidates = self.store.good_entries(url)
        for entry in candidates:
            content = self._usable(entry, source)
            if content is not None:
                return self._response(url, entry, content, source, encoding)
        if candidates:
            error = StoreDamaged(f"no usable stored copy: {len(candidates)} copies missing, corrupt or blocked", url)
            self.stats.add(error.outcome, str(error))
            raise error
        raise self._miss(url)

    def _usable(self, entry, source: SourceInfo) -> bytes | None:
        """The stored bytes of ``entry``, or None (recorded as a build problem) when they cannot serve."""
        try:
            content = self.store.read(entry.sha256)
        except KeyError as exc:
            problems.record(source.name, entry.url, "store_error", "BlobMissing", f"{exc}; trying an older copy")
            return None
        except OSError as exc:
            problems.record(source.name, entry.url, "store_error", "BlobCorrupt", f"{exc}; trying an older copy")
            return None
        reason = detect_block(content, entry.content_type, entry.http_status) if entry.ext in ("html", "xml") else None
        if reason:
            problems.record(source.name, entry.url, "blocked", "BlockPageStored",
                            f"stored copy {entry.sha256[:12]} is a block page ({reason}); trying an older copy")
            return None
        return content

    def _response(self, url: str, entry, content: bytes, source: SourceInfo, encoding: str | None) -> Response:
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
