"""Classified failures shared by every stage.

A failure is never a bare exception: its class says what went wrong (``outcome`` is a value of
:data:`pipeline.core.vocab.FETCH_OUTCOMES`), so a run report, ``proteja sources`` and the coverage
table can say *why* a source failed, and a source can skip one bad item and go on.
"""

from __future__ import annotations


class ScrapeError(Exception):
    """Base class for classified scrape failures. ``outcome`` is a FETCH_OUTCOMES value."""

    outcome = "parse_error"

    def __init__(self, message: str, url: str | None = None):
        super().__init__(f"{message} [{url}]" if url else message)
        self.url = url


class LayoutChanged(ScrapeError):
    """A counted selector matched too few or too many elements: the page changed."""

    outcome = "layout_changed"


class EmptyResponse(ScrapeError):
    """A 200 answer that carries no data (e.g. a SIDOF day with empty lists)."""

    outcome = "empty"


class WrongEncoding(ScrapeError):
    """The bytes do not decode with the codec the source is documented to use."""

    outcome = "decode_error"


class SkipItem(Exception):  # noqa: N818 - spatula's name, kept on purpose
    """One item of a list page is not wanted (or not usable): skip it, record why, go on.

    Not a failure of the source: a run report counts skips separately from errors.
    """

    def __init__(self, reason: str, url: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.url = url


class StageUnavailable(RuntimeError):
    """A stage the command needs cannot be imported or run (e.g. the validation gate)."""
