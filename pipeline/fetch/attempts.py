"""One HTTP attempt as data, per-run fetch statistics, and the helpers that classify a failed request."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    InvalidHeader,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.util.retry import Retry

from pipeline.core.fetching import RequestBody

USER_AGENT = "proteja/0.1 (+https://github.com/proteja-mx/proteja; open data on Mexican anti-trafficking law)"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024  # law PDFs run to a few MB; whole DOF editions to tens of MB
DEFAULT_TIMEOUTS = (10.0, 60.0)  # (connect, read) seconds; Mexican official servers are slow
RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024


def default_retry() -> Retry:
    """3 retries, back-off 2 s × 2ⁿ (capped at 120 s), Retry-After honoured up to 10 minutes."""
    return Retry(
        total=3,
        backoff_factor=2.0,
        backoff_max=120,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        retry_after_max=600,
    )



@dataclass
class FetchStats:
    """Final outcome of each ``get`` (retried attempts count once) and the last error seen."""

    outcomes: Counter = field(default_factory=Counter)
    last_error: str | None = None

    def add(self, outcome: str, error: str | None = None) -> None:
        self.outcomes[outcome] += 1
        if error:
            self.last_error = error


#: A POST body up to this size is written into its manifest line as text (bigger ones by digest only).
REQUEST_BODY_TEXT_MAX = 2048


@dataclass(frozen=True)
class _Request:
    """One request the fetcher makes: method, URL and (for a POST) the body."""

    method: str
    url: str
    body: RequestBody | None = None

    @property
    def key(self) -> dict:
        """The raw store's lookup arguments for this request's answers."""
        return {"method": self.method, "body_sha256": self.body.sha256 if self.body else None}

    @property
    def manifest_fields(self) -> dict:
        fields = dict(self.key)
        if self.body is not None and len(self.body.content) <= REQUEST_BODY_TEXT_MAX:
            fields["request_body"] = self.body.content.decode("utf-8", errors="replace")
        return fields


@dataclass
class _Attempt:
    """What one attempt produced, before it is written to the manifest."""

    outcome: str
    fields: dict
    content: bytes | None = None
    error: str | None = None
    retry_error: Exception | None = None  # urllib3-style error for Retry.increment
    raw_response: object = None  # urllib3 response for status-based retries


def host_allowed(host: str | None, allowed_hosts: tuple[str, ...]) -> bool:
    """Exact, case-insensitive host match; an entry ``*.example.org`` allows its subdomains."""
    if not host:
        return False
    host = host.lower().rstrip(".")
    for allowed in allowed_hosts:
        allowed = allowed.lower().rstrip(".")
        if host == allowed or (allowed.startswith("*.") and host.endswith(allowed[1:])):
            return True
    return False


def _request_failure(exc: requests.exceptions.RequestException, url: str) -> _Attempt:
    fields = {"final_url": url}
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return _Attempt("timeout", fields, error=f"connect timed out: {exc}", retry_error=ConnectTimeoutError(str(exc)))
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return _Attempt("timeout", fields, error=f"read timed out: {exc}", retry_error=ReadTimeoutError(None, url, str(exc)))
    if isinstance(exc, requests.exceptions.SSLError):
        # Not retried: a certificate problem does not fix itself. Never retried without verification.
        return _Attempt("connection_error", fields, error=f"TLS verification failed: {exc}")
    if isinstance(exc, requests.exceptions.ConnectionError) and _caused_by(exc, NewConnectionError):
        error = f"could not connect: {exc}"
        return _Attempt("connection_error", fields, error=error, retry_error=ConnectTimeoutError(error))
    if isinstance(exc, requests.exceptions.ConnectionError):
        return _Attempt("connection_error", fields, error=f"connection failed: {exc}", retry_error=ProtocolError(str(exc)))
    return _Attempt("http_error", fields, error=f"request failed: {exc}")


def _retry_after(retry: Retry, raw) -> float | None:
    try:
        return retry.get_retry_after(raw)
    except InvalidHeader:
        return None


def _caused_by(exc: BaseException, kind: type) -> bool:
    """Whether ``exc`` or anything it wraps (args, cause, context) is a ``kind``."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        item = stack.pop()
        if id(item) in seen or not isinstance(item, BaseException):
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return True
        stack.extend([item.__cause__, item.__context__, *item.args])
    return False


def _bytes_on_wire(resp: requests.Response) -> int:
    try:
        return int(resp.raw.tell())
    except (AttributeError, TypeError, ValueError):
        return 0


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _allowing(retry: Retry, method: str) -> Retry:
    """``retry`` with ``method`` retryable too: the fetcher POSTs read-only queries, safe to repeat."""
    allowed = retry.allowed_methods
    if not allowed:  # None/False: urllib3 already retries every method
        return retry
    return retry.new(allowed_methods=frozenset(allowed) | {method})
