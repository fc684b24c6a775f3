"""The fault harness: every case ends classified, the previous publication byte-identical, the raw
store consistent. Loopback servers only (127.0.0.1), bounded loops. Each test reports its case to
the ledger; the run ends with a summary line ``faults: tried N, handled N, lost 0``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "runtime"))

from runtime_helpers import FakeTime, serving  # noqa: E402
from urllib3.util.retry import Retry  # noqa: E402

from pipeline.build import build  # noqa: E402
from pipeline.core.paths import DataPaths  # noqa: E402
from pipeline.fetch.http import RETRY_STATUSES, HttpFetcher  # noqa: E402
from pipeline.fetch.store import RawStore  # noqa: E402
from tests.faults.harness import LEDGER, Case  # noqa: E402
from tests.store.conftest import HISTORY, write_registry  # noqa: E402


def pytest_terminal_summary(terminalreporter):
    if not LEDGER:
        return
    tried = len(LEDGER)
    handled = sum(1 for case in LEDGER.values() if case.get("outcome"))
    lost = sum(1 for case in LEDGER.values() if case.get("lost"))
    terminalreporter.write_line(f"faults: tried {tried}, handled {handled}, lost {lost}")


@pytest.fixture
def case(request) -> Case:
    return Case(request.node.name)


@pytest.fixture(scope="session")
def _published(tmp_path_factory) -> DataPaths:
    paths = write_registry(tmp_path_factory.mktemp("faults") / "data", HISTORY)
    assert build(paths).validation["success"]
    return paths


@pytest.fixture
def published(_published, tmp_path) -> DataPaths:
    """A private copy of a validated publication; ``published.before`` holds its digests."""
    shutil.copytree(_published.root, tmp_path / "data", ignore=shutil.ignore_patterns(".lock"))
    return DataPaths(tmp_path / "data")


@pytest.fixture
def server():
    with serving() as loopback:
        yield loopback


@pytest.fixture
def store(tmp_path) -> RawStore:
    return RawStore(tmp_path / "raw")


@pytest.fixture
def fetcher(store):
    fake = FakeTime()
    retry = Retry(total=2, backoff_factor=0.1, status_forcelist=RETRY_STATUSES, allowed_methods=frozenset({"GET"}),
                  respect_retry_after_header=True)  # fmt: skip
    return HttpFetcher(store, sleep=fake.sleep, clock=fake.clock, timeouts=(2.0, 0.5), retry=retry, deadline_s=1.5,
                       max_retry_after_s=30.0)  # fmt: skip
