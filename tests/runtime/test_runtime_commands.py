"""fetch_url / refresh / sources_report, the run log, the store lock, and `proteja fetch` from the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from runtime_helpers import FIXTURES, make_source, new_entries, respond

from pipeline.core.paths import DataPaths
from pipeline.fetch.lock import StoreLock, StoreLocked
from pipeline.fetch.runs import RUN_KEYS, read_runs
from pipeline.fetch.store import RawStore
from pipeline.jobs.scrape import FETCH_JSON_KEYS, fetch_url, refresh, sources_report
from pipeline.sources.kit import HtmlPage as Page

REPO = Path(__file__).resolve().parents[2]
HTML = {"Content-Type": "text/html; charset=utf-8"}


def list_page(*items: str) -> bytes:
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f"<html><head><title>Lista</title></head><body><ul>{lis}</ul><p>{'texto ' * 30}</p></body></html>".encode()


class ListPage(Page):
    source = make_source("alpha")

    def parse(self):
        return [li.get_text() for li in self.select("li", min_items=1)]


@dataclass
class FakeSource:
    """A source as pipeline.sources modules define them: info + scrape(fetcher)."""

    info: object
    urls: list
    explode: bool = False

    def scrape(self, fetcher):
        if self.explode:
            raise RuntimeError("bug in this source")
        for url in self.urls:
            yield from ListPage(fetcher.get(url, source=self.info)).parse()


@pytest.fixture
def paths(store):
    return DataPaths(store.root.parent)


@pytest.fixture
def registry(server):
    server.routes["/a1"] = respond(200, list_page("Ley 1", "Ley 2"), HTML)
    server.routes["/a2"] = respond(200, list_page("Ley 3"), HTML)
    server.routes["/blocked"] = respond(200, (FIXTURES / "incapsula.html").read_bytes(), HTML)
    return {
        "alpha": FakeSource(make_source("alpha"), [server.url("/a1"), server.url("/a2")]),
        "beta": FakeSource(make_source("beta"), [server.url("/blocked")]),
        "gamma": FakeSource(make_source("gamma"), [], explode=True),
    }


def test_fetch_url_returns_the_manifest_record(server, store, earlier, paths, make_fetcher):
    server.routes["/ley.htm"] = respond(200, list_page("x"), HTML)
    record = fetch_url(server.url("/ley.htm"), source_name=None, data_paths=paths, as_json=True, fetcher=make_fetcher())
    assert tuple(record) == FETCH_JSON_KEYS
    assert record["outcome"] == "ok" and record["http_status"] == 200 and record["bytes"] == len(list_page("x"))
    assert RawStore(paths.raw).read(record["sha256"]) == list_page("x")
    full = fetch_url(server.url("/missing"), source_name=None, data_paths=paths, as_json=False, fetcher=make_fetcher())
    assert full["outcome"] == "http_error" and full["http_status"] == 404 and full["source"] == "adhoc"
    assert [e.outcome for e in new_entries(store)] == ["ok", "http_error"]
    earlier.assert_intact()


def test_fetch_url_with_a_source_uses_its_hosts(server, store, earlier, paths, make_fetcher, registry):
    record = fetch_url(
        server.url("/a1", host="localhost"), source_name="alpha", data_paths=paths, as_json=True,
        fetcher=make_fetcher(), registry=registry,
    )  # fmt: skip
    assert record["outcome"] == "refused_host" and record["sha256"] is None
    with pytest.raises(ValueError, match="unknown source"):
        fetch_url(server.url("/a1"), source_name="nope", data_paths=paths, registry=registry)
    earlier.assert_intact()


def test_refresh_runs_every_source_and_a_failing_one_does_not_stop_the_others(
    server, store, earlier, paths, make_fetcher, registry
):
    rows = refresh(None, offline=False, data_paths=paths, registry=registry, fetcher=make_fetcher())

    by_source = {row["source"]: row for row in rows}
    assert list(by_source) == ["alpha", "beta", "gamma"]
    assert by_source["alpha"]["items_found"] == 3 and by_source["alpha"]["ok"] is True
    assert by_source["alpha"]["outcomes"] == {"ok": 2}
    assert by_source["beta"]["ok"] is False and by_source["beta"]["items_found"] == 0
    assert by_source["beta"]["outcomes"] == {"blocked": 1} and "Blocked" in by_source["beta"]["last_error"]
    assert by_source["gamma"]["last_error"] == "RuntimeError: bug in this source"
    assert read_runs(paths.raw / "runs.jsonl") == rows
    assert all(set(row) == set(RUN_KEYS) for row in rows) and len({row["run_id"] for row in rows}) == 1
    assert [(e.source, e.outcome) for e in new_entries(store)] == [("alpha", "ok"), ("alpha", "ok"), ("beta", "blocked")]
    earlier.assert_intact()


def test_offline_refresh_rederives_from_the_store_without_network(server, store, earlier, paths, make_fetcher, registry):
    refresh(["alpha", "beta"], offline=False, data_paths=paths, registry=registry, fetcher=make_fetcher())
    hits_before, lines_before = len(server.hits), store.manifest_path.read_bytes()
    items: list = []

    rows = refresh(
        ["alpha", "beta"], offline=True, data_paths=paths, registry=registry,
        on_record=lambda name, record: items.append((name, record)),
    )  # fmt: skip

    assert len(server.hits) == hits_before  # no network at all
    assert store.manifest_path.read_bytes() == lines_before  # replay writes nothing to the manifest
    assert items == [("alpha", "Ley 1"), ("alpha", "Ley 2"), ("alpha", "Ley 3")]
    alpha, beta = rows
    assert alpha["mode"] == "offline" and alpha["items_found"] == 3 and alpha["outcomes"] == {"ok": 2}
    assert beta["ok"] is False and "last fetch was blocked" in beta["last_error"]
    earlier.assert_intact()


def test_refresh_rejects_unknown_sources(paths, registry):
    with pytest.raises(ValueError, match="unknown source"):
        refresh(["zeta"], offline=True, data_paths=paths, registry=registry)


def test_second_refresh_fails_clearly_while_another_process_holds_the_store(store, earlier, paths, registry):
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time; from pipeline.fetch.lock import StoreLock\n"
            f"with StoreLock({str(paths.raw)!r}):\n    print('held', flush=True); time.sleep(10)"
        )],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked, match=rf"cannot refresh: .* busy, a refresh \(pid {holder.pid}\) holds it since"):
            refresh(["alpha"], offline=True, data_paths=paths, registry=registry, lock_timeout=0.2)
    finally:
        holder.kill()
        holder.wait()
    assert read_runs(paths.raw / "runs.jsonl") == []  # the refused refresh wrote nothing
    earlier.assert_intact()


def test_second_refresh_waits_for_the_first_to_finish(store, earlier, paths, registry, make_fetcher):
    lock = StoreLock(paths.raw)
    lock.acquire()
    released_at = []

    def release_soon():
        time.sleep(0.3)
        released_at.append(time.monotonic())
        lock.release()

    thread = threading.Thread(target=release_soon)
    thread.start()
    rows = refresh(["gamma"], offline=True, data_paths=paths, registry=registry, lock_timeout=5)
    finished = time.monotonic()
    thread.join()
    assert released_at and finished >= released_at[0]
    assert [row["source"] for row in rows] == ["gamma"]
    earlier.assert_intact()


def test_sources_report_summarises_runs_and_manifest(server, store, earlier, paths, make_fetcher, registry):
    refresh(None, offline=False, data_paths=paths, registry=registry, fetcher=make_fetcher())
    refresh(None, offline=True, data_paths=paths, registry=registry)
    report = {row["source"]: row for row in sources_report(paths, registry=registry)}

    alpha = report["alpha"]
    assert alpha["items_found"] == 3 and alpha["health"] == {"ok": 2} and alpha["ok"] is True
    assert alpha["last_changed"] and alpha["last_checked"] >= alpha["last_changed"]
    assert alpha["last_error"] is None and alpha["title"] == "Test source alpha"
    assert report["beta"]["health"] == {"blocked": 1}  # the live run, not the offline replay
    assert "Blocked" in report["beta"]["last_error"] or "blocked" in report["beta"]["last_error"]
    assert report["gamma"]["last_changed"] is None and report["gamma"]["ok"] is False
    earlier.assert_intact()


def test_proteja_fetch_cli_prints_the_manifest_record_as_json(server, store, earlier, paths):
    server.routes["/ley.htm"] = respond(200, list_page("Ley"), HTML)
    env = dict(os.environ, PROTEJA_DATA_DIR=str(paths.root))
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "fetch", server.url("/ley.htm"), "--json"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert set(record) == set(FETCH_JSON_KEYS)
    assert record["outcome"] == "ok" and record["url"] == server.url("/ley.htm")
    assert RawStore(paths.raw).read(record["sha256"]) == list_page("Ley")
    assert [e.outcome for e in new_entries(RawStore(paths.raw))] == ["ok"]
    earlier.assert_intact()
