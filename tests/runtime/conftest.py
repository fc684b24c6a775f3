"""Fixtures for the runtime tests: the loopback server (started and stopped per test), a fake
clock, and a raw store seeded with one earlier blob that every test checks is left intact."""

from __future__ import annotations

import pytest
from runtime_helpers import EARLIER_BYTES, FakeTime, blob_files, serving
from urllib3.util.retry import Retry

from pipeline.fetch.http import RETRY_STATUSES, HttpFetcher
from pipeline.fetch.store import RawStore


@pytest.fixture
def server():
    with serving() as loopback:
        yield loopback


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def store(tmp_path):
    """A raw store that already holds one earlier blob (first manifest line)."""
    raw = RawStore(tmp_path / "raw")
    raw.put(EARLIER_BYTES, source="earlier", url="http://127.0.0.1/earlier.pdf", final_url=None, http_status=200)
    return raw


@pytest.fixture
def earlier(store):
    """Snapshot of the store's blobs before the test acts; call ``assert_intact()`` at the end."""

    class Snapshot:
        files = blob_files(store)

        def assert_intact(self):
            for path, content in self.files.items():
                assert path.read_bytes() == content, f"{path} changed"

    return Snapshot()


@pytest.fixture
def make_fetcher(store, fake_time):
    """HttpFetcher with fake sleep/clock, short timeouts and a small retry budget."""

    def build(**overrides):
        options = {
            "sleep": fake_time.sleep,
            "clock": fake_time.clock,
            "timeouts": (2.0, 0.4),
            "retry": Retry(
                total=2,
                backoff_factor=0.5,
                status_forcelist=RETRY_STATUSES,
                allowed_methods=frozenset({"GET"}),
                respect_retry_after_header=True,
            ),
        }
        options.update(overrides)
        target = options.pop("store", store)
        return HttpFetcher(target, **options)

    return build
