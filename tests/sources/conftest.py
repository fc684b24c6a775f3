"""Fixtures for source tests: a fake fetcher that serves fixture bytes by URL (no network)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline.sources.base import Response, ScrapeError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class NotStored(ScrapeError):
    outcome = "http_error"


class FakeFetcher:
    """Maps URL → bytes; records every ``get``; optionally exposes ``stored(url)`` like a raw store."""

    def __init__(self, pages: dict[str, bytes], stored: dict[str, bytes] | None = None):
        self.pages = pages
        self.stored_pages = stored
        self.calls: list[str] = []
        self.sources: list[str] = []

    def _response(self, url: str, content: bytes) -> Response:
        return Response(url=url, content=content, sha256=hashlib.sha256(content).hexdigest(),
                        retrieved_at=dt.datetime(2026, 1, 20, 12, 0, tzinfo=dt.UTC))

    def get(self, url: str, *, source) -> Response:
        self.calls.append(url)
        self.sources.append(source.encoding)
        if url not in self.pages:
            raise NotStored("not in raw store", url)
        return self._response(url, self.pages[url])

    def __getattr__(self, name):
        # ``stored`` exists only when the fake plays a fetcher with a raw store.
        if name == "stored" and self.__dict__.get("stored_pages") is not None:
            return lambda url: (self._response(url, self.stored_pages[url]) if url in self.stored_pages else None)
        raise AttributeError(name)


@pytest.fixture
def fixture_bytes():
    def read(relative: str) -> bytes:
        return (FIXTURES / relative).read_bytes()

    return read
