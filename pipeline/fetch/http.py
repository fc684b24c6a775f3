"""The one HTTP layer every source uses: polite, honest about each attempt, never trusting a 200.

:class:`HttpFetcher` implements the ``Fetcher`` protocol of :mod:`pipeline.core.fetching`. For each
``get(url, source=...)`` — and each ``post(url, source=..., body=...)``, a read-only query sent as a POST — it:

1. refuses hosts outside ``source.allowed_hosts`` (the first URL and every redirect hop, which
   are followed by hand so each one is checked) and URLs robots.txt disallows;
2. waits for the per-host interval (``source.min_interval_s``) and any back-off;
3. sends a conditional GET built from the last good manifest entry for the URL (a POST carries its
   body and no conditional headers; a POST redirected by 301/302/303 is not re-sent as a GET — that
   would store a GET's answer as the POST's — it fails as ``http_error``; 307/308 re-send the POST);
4. streams the body under ``max_bytes``, detects truncation (Content-Length mismatch),
   challenge pages, undecodable text (with the source's codec, not the declared one) and
   empty answers;
5. writes one manifest line for *every* attempt, stores the blob only for good content, and
   retries connection errors, timeouts, truncation, 5xx and 429 with urllib3's ``Retry``
   policy (exponential back-off, ``Retry-After`` honoured) — the loop is ours only so that each
   attempt is recorded and the sleep can be injected by tests. A POST's manifest lines carry
   ``method`` and ``body_sha256``: its answer is the raw store's answer to (POST, URL, body), never to
   a GET of the URL.

TLS verification is always on (see :mod:`pipeline.fetch.tls`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    IncompleteRead,
    MaxRetryError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.util.retry import Retry

from pipeline.core.fetching import RequestBody, Response, SourceInfo
from pipeline.fetch import content as body
from pipeline.fetch.attempts import (  # the defaults live there; re-exported here
    _CHUNK,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUTS,
    RETRY_STATUSES,
    USER_AGENT,
    FetchStats,
    _allowing,
    _Attempt,
    _bytes_on_wire,
    _caused_by,
    _int_or_none,
    _Request,
    _request_failure,
    _retry_after,
    default_retry,
    host_allowed,
)  # fmt: skip
from pipeline.fetch.challenge import detect_block
from pipeline.fetch.errors import FetchError, error_for
from pipeline.fetch.robots import RobotsPolicy
from pipeline.fetch.robots_fetch import RobotsFetching, Watchdog
from pipeline.fetch.store import ManifestEntry, RawStore, StoreWriteFailed, utc_now_iso
from pipeline.fetch.throttle import HostThrottle
from pipeline.fetch.tls import verify_for

__all__ = ["DEFAULT_DEADLINE_S", "MAX_RETRY_AFTER_S", "RETRY_STATUSES", "USER_AGENT", "FetchStats", "HttpFetcher"]

#: Wall-clock limit of one attempt, body included: a server dripping a byte a second never ends otherwise.
DEFAULT_DEADLINE_S = 180.0
#: The longest Retry-After we wait; a server asking for more is given up on for this run.
MAX_RETRY_AFTER_S = 120.0


class HttpFetcher(RobotsFetching):
    """Network fetcher writing into a :class:`RawStore`; see the module docstring."""

    offline = False

    def __init__(
        self,
        store: RawStore,
        *,
        user_agent: str = USER_AGENT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        timeouts: tuple[float, float] = DEFAULT_TIMEOUTS,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        retry: Retry | None = None,
        max_redirects: int = 10,
        obey_robots: bool = True,
        now: Callable[[], dt.datetime] | None = None,
        session: requests.Session | None = None,
        deadline_s: float = DEFAULT_DEADLINE_S,
        max_retry_after_s: float = MAX_RETRY_AFTER_S,
    ):
        self.store = store
        self.user_agent = user_agent
        self.max_bytes = max_bytes
        self.timeouts = timeouts
        self.retry = retry if retry is not None else default_retry()
        self.max_redirects = max_redirects
        self.obey_robots = obey_robots
        self.throttle = HostThrottle(sleep=sleep, clock=clock)
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": user_agent, "Accept": "*/*"})
        self.deadline_s = deadline_s
        self.max_retry_after_s = max_retry_after_s
        self._source: SourceInfo | None = None  # the source being fetched (robots.txt obeys its hosts too)
        self.robots = RobotsPolicy(self._fetch_robots)
        self.stats = FetchStats()
        self.last_entry: ManifestEntry | None = None

    # -- public ------------------------------------------------------------------------------

    def get(self, url: str, *, source: SourceInfo, encoding: str | None = None) -> Response:
        """Fetch ``url`` for ``source``; return the stored Response or raise a ``FetchError``."""
        return self._fetch(_Request("GET", url), source, encoding)

    def post(self, url: str, *, source: SourceInfo, body: RequestBody, encoding: str | None = None) -> Response:
        """POST ``body`` to ``url`` for ``source`` (a read-only query) through the same guards as ``get``."""
        return self._fetch(_Request("POST", url, body), source, encoding)

    def _fetch(self, request: _Request, source: SourceInfo, encoding: str | None) -> Response:
        codec = encoding or source.encoding
        self._source = source
        retry = self.retry if request.method == "GET" else _allowing(self.retry, request.method)
        pending_delay = 0.0
        while True:
            attempt = self._attempt(request, source, codec, pending_delay)
            if attempt.outcome in ("ok", "unchanged"):
                return self._succeed(request, source, attempt)
            retry, pending_delay = self._next_retry(retry, request, attempt)
            entry = self._record_failure(request, source, attempt, will_retry=retry is not None)
            if retry is None:
                self.stats.add(attempt.outcome, entry.error)
                raise error_for(attempt.outcome)(entry.error or attempt.outcome, request.url, entry=entry)

    def stored(self, url: str, *, method: str = "GET", body: RequestBody | None = None) -> Response | None:
        """The raw store's last good snapshot of the request, without touching the network."""
        return self.store.stored_response(url, method=method, body_sha256=body.sha256 if body else None)

    def stored_urls(self, prefix: str) -> list[str]:
        return self.store.stored_urls(prefix)

    def fetch_entry(self, url: str, *, source: SourceInfo, encoding: str | None = None,
                    body: RequestBody | None = None) -> ManifestEntry:  # fmt: skip
        """Like :meth:`get` (:meth:`post` with a ``body``) but never raises a ``FetchError``: the final entry."""
        try:
            self._fetch(_Request("POST" if body is not None else "GET", url, body), source, encoding)
        except FetchError as exc:
            return exc.entry
        except StoreWriteFailed as exc:  # nothing reached the manifest: say so instead of "ok"
            return ManifestEntry.from_dict({"source": source.name, "url": url, "retrieved_at": utc_now_iso(self._now()),
                                            "outcome": "store_error", "error": str(exc), "bytes": 0})  # fmt: skip
        assert self.last_entry is not None
        return self.last_entry

    # -- one attempt -------------------------------------------------------------------------

    def _attempt(self, request: _Request, source: SourceInfo, codec: str, pending_delay: float) -> _Attempt:
        current = request.url
        for _hop in range(self.max_redirects + 1):
            refusal = self._refusal(current, source)
            if refusal:
                return refusal
            host = urlsplit(current).hostname or ""
            self.throttle.wait(host, source.min_interval_s, at_least=pending_delay)
            pending_delay = 0.0
            try:
                resp = self.session.request(
                    request.method,
                    current,
                    data=request.body.content if request.body else None,
                    headers=self._request_headers(request),
                    stream=True,
                    timeout=self.timeouts,
                    allow_redirects=False,
                    verify=verify_for(host),
                )
            except requests.exceptions.RequestException as exc:
                self.throttle.mark(host)  # a failed attempt still counts as the host's last request
                return _request_failure(exc, current)
            if resp.is_redirect:
                target = urljoin(current, resp.headers.get("Location", ""))
                resp.close()
                if request.method != "GET" and resp.status_code not in (307, 308):
                    self.throttle.mark(host)
                    error = (f"{request.method} answered by HTTP {resp.status_code} redirecting to {target}; "
                             f"not followed as a GET (that answer would not be the {request.method}'s)")  # fmt: skip
                    return _Attempt("http_error", {"final_url": current, "http_status": resp.status_code}, error=error)
                current = target
                continue
            watchdog = Watchdog(self.deadline_s, resp)
            try:
                attempt = self._read_response(request, current, resp, codec)
            finally:
                watchdog.cancel()
                resp.close()
                self.throttle.mark(host)
            if watchdog.fired and attempt.outcome not in ("ok", "unchanged"):
                error = f"no complete answer within the {self.deadline_s:g} s deadline ({attempt.error})"
                return _Attempt("timeout", attempt.fields, error=error, retry_error=ReadTimeoutError(None, current, error))
            return attempt
        return _Attempt("http_error", {"final_url": current}, error=f"more than {self.max_redirects} redirects")

    def _refusal(self, url: str, source: SourceInfo) -> _Attempt | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return _Attempt("refused_host", {"final_url": url}, error=f"scheme {parts.scheme!r} is not http(s)")
        if not host_allowed(parts.hostname, source.allowed_hosts):
            return _Attempt(
                "refused_host",
                {"final_url": url},
                error=f"host {parts.hostname!r} is not in {source.name}'s allowed hosts {list(source.allowed_hosts)}",
            )
        if self.obey_robots:
            answer = self.robots.check(url)
            if not answer.allowed:
                return _Attempt(answer.outcome, {"final_url": url}, error=answer.reason)
        return None

    def _request_headers(self, request: _Request) -> dict:
        if request.body is not None:  # a POST: its body's type, and no conditional headers
            return {"Content-Type": request.body.content_type}
        previous = self.store.latest(request.url)
        headers = {}
        if previous and previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous and previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
        return headers

    def _read_response(self, request: _Request, final_url: str, resp: requests.Response, codec: str) -> _Attempt:
        content_type = resp.headers.get("Content-Type")
        fields = {
            "final_url": final_url,
            "http_status": resp.status_code,
            "content_type": content_type,
            "etag": resp.headers.get("ETag"),
            "last_modified": resp.headers.get("Last-Modified"),
        }
        if resp.status_code == 304:
            return self._not_modified(request, fields, codec)
        declared_length = _int_or_none(resp.headers.get("Content-Length"))
        if declared_length is not None and declared_length > self.max_bytes:
            return _Attempt("too_large", fields, error=f"Content-Length {declared_length} > max {self.max_bytes}")
        content, failure = self._read_body(resp, fields)
        if failure:
            return failure
        fields["bytes"] = len(content)
        fields["declared_charset"] = body.declared_charset(content_type, content)
        return self._classify(request, resp, fields, content, codec)

    def _read_body(self, resp: requests.Response, fields: dict) -> tuple[bytes, _Attempt | None]:
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in resp.raw.stream(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    return b"", _Attempt("too_large", fields | {"bytes": size}, error=f"body over {self.max_bytes} bytes")
                chunks.append(chunk)
        except DecodeError as exc:  # a broken gzip/deflate Content-Encoding
            return b"", _Attempt("decode_error", fields | {"bytes": size}, error=f"content-encoding: {exc}")
        except ReadTimeoutError as exc:
            return b"", _Attempt("timeout", fields | {"bytes": size}, error=f"read timed out: {exc}", retry_error=exc)
        except (ProtocolError, OSError) as exc:
            size = max(size, _bytes_on_wire(resp))  # a failed read discards the partial chunk
            if _caused_by(exc, IncompleteRead):
                expected = resp.headers.get("Content-Length")
                error = f"body truncated: got {size} of {expected} bytes (Content-Length)"
                return b"", _Attempt("truncated", fields | {"bytes": size}, error=error, retry_error=ProtocolError(error))
            error = f"connection broken while reading: {exc}"
            return b"", _Attempt("connection_error", fields | {"bytes": size}, error=error, retry_error=ProtocolError(error))
        return b"".join(chunks), None

    def _classify(self, request: _Request, resp: requests.Response, fields: dict, content: bytes, codec: str) -> _Attempt:
        """Decide the outcome of a complete body: blocked, http_error, decode_error, empty, ok, unchanged."""
        status = resp.status_code
        reason = detect_block(content, fields["content_type"], status)
        if reason:
            return _Attempt("blocked", fields, error=reason)
        if not 200 <= status < 300:
            return _Attempt("http_error", fields, error=f"HTTP {status} {resp.reason or ''}".strip(), raw_response=resp.raw)
        return self._check_content(request, fields, content, codec)

    def _check_content(self, request: _Request, fields: dict, content: bytes, codec: str) -> _Attempt:
        ext = body.sniff_ext(content)
        if ext in body.TEXT_EXTS:
            try:
                _, fields["encoding"] = body.decode_strict(content, codec, fields.get("declared_charset"))
            except (UnicodeDecodeError, LookupError) as exc:
                return _Attempt("decode_error", fields | {"ext": ext}, error=f"cannot decode as {codec}: {exc}")
        if body.is_empty_data(content, ext):
            return _Attempt("empty", fields | {"ext": ext}, error="200 answer with no data (empty body or empty lists)")
        previous = self.store.latest(request.url, **request.key)
        same = previous is not None and previous.sha256 == hashlib.sha256(content).hexdigest()
        return _Attempt("unchanged" if same else "ok", fields, content=content)

    def _not_modified(self, request: _Request, fields: dict, codec: str) -> _Attempt:
        previous = self.store.latest(request.url, **request.key)
        fields["bytes"] = 0
        if previous is None:
            return _Attempt("http_error", fields, error="304 Not Modified but no stored copy of this URL")
        fields.update(
            sha256=previous.sha256,
            ext=previous.ext,
            content_type=fields["content_type"] or previous.content_type,
            declared_charset=previous.declared_charset,
            etag=fields["etag"] or previous.etag,
            last_modified=fields["last_modified"] or previous.last_modified,
        )
        content = self.store.read(previous.sha256)
        checked = self._check_content(request, dict(fields), content, codec)
        if checked.outcome not in ("ok", "unchanged"):
            return checked
        fields["encoding"] = checked.fields.get("encoding")
        return _Attempt("unchanged", fields, content=content)

    # -- results -----------------------------------------------------------------------------

    def _succeed(self, request: _Request, source: SourceInfo, attempt: _Attempt) -> Response:
        moment = self._now()
        url = request.url
        common = {"source": source.name, "url": url, "retrieved_at": utc_now_iso(moment), **request.manifest_fields}
        content = attempt.content or b""
        if attempt.fields.get("http_status") == 304:
            entry = self.store.record(**common, **attempt.fields, outcome="unchanged")
        else:
            entry = self.store.put(content, **common, **attempt.fields, outcome=attempt.outcome)
        self.last_entry = entry
        self.stats.add(entry.outcome)
        return Response(
            url=entry.final_url or url,
            content=content,
            sha256=entry.sha256 or "",
            retrieved_at=moment,
            content_type=entry.content_type,
            encoding=entry.encoding,
            extra={"manifest": entry.to_dict(), "requested_url": url, "outcome": entry.outcome,
                   "method": request.method, "body_sha256": entry.body_sha256},
        )

    def _record_failure(self, request: _Request, source: SourceInfo, attempt: _Attempt, *,
                        will_retry: bool) -> ManifestEntry:  # fmt: skip
        error = attempt.error or attempt.outcome
        if will_retry:
            error += "; will retry"
        fields = {k: v for k, v in attempt.fields.items() if k != "sha256"}  # nothing was stored
        entry = self.store.record(
            source=source.name,
            url=request.url,
            retrieved_at=utc_now_iso(self._now()),
            **fields,
            **request.manifest_fields,
            outcome=attempt.outcome,
            error=error,
        )
        self.last_entry = entry
        return entry

    def _next_retry(self, retry: Retry, request: _Request, attempt: _Attempt) -> tuple[Retry | None, float]:
        """The Retry state after this failed attempt and the delay before the next; None to stop."""
        url, method = request.url, request.method
        try:
            if attempt.retry_error is not None:
                new = retry.increment(method=method, url=url, error=attempt.retry_error)
                return new, new.get_backoff_time()
            raw = attempt.raw_response
            if raw is None or attempt.outcome != "http_error":
                return None, 0.0
            retry_after = _retry_after(retry, raw)
            if retry_after is not None and retry_after > self.max_retry_after_s:
                attempt.error = f"{attempt.error}; Retry-After {retry_after:g} s is over the {self.max_retry_after_s:g} s we wait"
                return None, 0.0
            if not retry.is_retry(method, raw.status, has_retry_after=retry_after is not None):
                return None, 0.0
            new = retry.increment(method=method, url=url, response=raw)
            return new, max(new.get_backoff_time(), retry_after or 0.0)
        except (MaxRetryError, ReadTimeoutError, ConnectTimeoutError, ProtocolError):
            return None, 0.0  # retries exhausted (or not allowed for this error)

