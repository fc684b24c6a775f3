"""Fetch failures, one class per outcome of :data:`pipeline.core.vocab.FETCH_OUTCOMES`.

Each is a :class:`~pipeline.core.errors.ScrapeError`, so a source can catch one failed page and
go on. ``entry`` is the manifest record written for the attempt (``None`` for replay misses).
"""

from __future__ import annotations

from typing import Any

from pipeline.core.errors import ScrapeError


class FetchError(ScrapeError):
    """A fetch that did not yield good content. ``outcome`` names the class of failure."""

    outcome = "http_error"

    def __init__(self, message: str, url: str | None = None, *, entry: Any = None):
        super().__init__(message, url)
        self.entry = entry


class HttpError(FetchError):
    outcome = "http_error"


class FetchTimeout(FetchError):
    outcome = "timeout"


class ConnectionFailed(FetchError):
    outcome = "connection_error"


class Blocked(FetchError):
    outcome = "blocked"


class TooLarge(FetchError):
    outcome = "too_large"


class RefusedHost(FetchError):
    outcome = "refused_host"


class RobotsDisallowed(FetchError):
    outcome = "robots_disallowed"


class Truncated(FetchError):
    outcome = "truncated"


class DecodeFailed(FetchError):
    outcome = "decode_error"


class EmptyContent(FetchError):
    outcome = "empty"


class StoreDamaged(FetchError):
    """Every stored copy of a URL is missing, corrupt or (judged again) a block page."""

    outcome = "store_error"


class NotInStore(FetchError):
    """Replay asked for a URL the raw store never held good content for."""

    outcome = "http_error"


_BY_OUTCOME = {
    cls.outcome: cls
    for cls in (
        FetchTimeout,
        ConnectionFailed,
        Blocked,
        TooLarge,
        RefusedHost,
        RobotsDisallowed,
        Truncated,
        DecodeFailed,
        EmptyContent,
        StoreDamaged,
        HttpError,
    )
}


def error_for(outcome: str) -> type[FetchError]:
    """The exception class for a failure outcome (``HttpError`` for anything unknown)."""
    return _BY_OUTCOME.get(outcome, HttpError)
