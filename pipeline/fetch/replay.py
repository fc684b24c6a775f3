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

A POST is served only the answer recorded for the same (URL, body digest): never a GET's snapshot of
the URL, never another body's answer (a GET is likewise never served a POST's answer).
"""

from __future__ import annotations

from pipeline.core import problems
from pipeline.core.fetching import RequestBody, Response, SourceInfo
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
        return self._serve(url, source, encoding)

    def post(self, url: str, *, source: SourceInfo, body: RequestBody, encoding: str | None = None) -> Response:
        return self._serve(url, source, encoding, method="POST", body_sha256=body.sha256)

    def _serve(self, url: str, source: SourceInfo, encoding: str | None, *, method: str = "GET",
               body_sha256: str | None = None) -> Response:  # fmt: skip
        key = {"method": method, "body_sha256": body_sha256}
        candidates = self.store.good_entries(url, **key)
        for entry in candidates:
            content = self._usable(entry, source)
            if content is not None:
                return self._response(url, entry, content, source, encoding)
        if candidates:
            error = StoreDamaged(f"no usable stored copy: {len(candidates)} copies missing, corrupt or blocked", url)
            self.stats.add(error.outcome, str(error))
            raise error
        raise self._miss(url, key)

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
            extra={"manifest": entry.to_dict(), "requested_url": url, "outcome": entry.outcome, "replay": True,
                   "method": entry.key[0], "body_sha256": entry.body_sha256},
        )

    def stored(self, url: str, *, method: str = "GET", body: RequestBody | None = None) -> Response | None:
        """The raw store's last good snapshot of the request, without touching the network."""
        return self.store.stored_response(url, method=method, body_sha256=body.sha256 if body else None)

    def stored_urls(self, prefix: str) -> list[str]:
        return self.store.stored_urls(prefix)

    def _miss(self, url: str, key: dict) -> Exception:
        last = self.store.latest_any(url, **key)
        if last is None:
            what = "" if key["method"] == "GET" else f" (POST with body {key['body_sha256'][:12]})"
            error = NotInStore(f"not in raw store{what}", url)
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
