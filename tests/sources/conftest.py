"""Fixtures for source tests: a fake fetcher that serves fixture bytes by URL (no network)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Response

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class NotStored(ScrapeError):
    outcome = "http_error"


class FakeFetcher:
    """Maps URL → bytes; records every ``get``; ``stored`` pages play the raw store (Fetcher protocol)."""

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

    offline = False

    def stored(self, url: str) -> Response | None:
        """A fake without a raw store (``stored=None``) holds nothing: every page is fetched."""
        pages = self.stored_pages or {}
        return self._response(url, pages[url]) if url in pages else None

    def stored_urls(self, prefix: str) -> list[str]:
        return sorted(u for u in (self.stored_pages or {}) if u.startswith(prefix))


@pytest.fixture
def fixture_bytes():
    def read(relative: str) -> bytes:
        return (FIXTURES / relative).read_bytes()

    return read


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Source tests never touch the network: any connection attempt fails the test loudly."""
    import socket

    def refuse(self, address, *args, **kwargs):
        raise AssertionError(f"source tests must not open connections (tried {address!r})")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
