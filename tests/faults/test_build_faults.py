"""Build-level faults: a broken source, a gate that cannot run, --no-validate, concurrent builds and
refreshes, a kill during promotion, a damaged raw store. Each ends classified; the previous
publication is byte-identical (or, after a completed swap, the new one whole)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.build import BuildFailed, build
from pipeline.cli import app
from pipeline.core.fetching import SourceInfo
from pipeline.core.paths import REPO_DIR
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.fetch.lock import StoreLocked
from pipeline.fetch.store import RawStore
from pipeline.publish.promote import publication_intact
from tests.faults.harness import digests
from tests.store.conftest import HISTORY, fact, write_registry

ACCESSED = dt.date(2026, 1, 15)


def _event(jurisdiction: str, source: str) -> EventRecord:
    law = Instrument(jurisdiction, f"ley-{source}", f"Ley de {source}", "ley_estatal_trata")
    evidence = Evidence(kind="curated", source=source, source_url=f"https://example.org/{source}", accessed=ACCESSED)
    return EventRecord(law, "published", dt.date(2015, 1, 1), evidence)


@dataclass
class PlantedSource:
    name: str
    jurisdiction: str
    fail: BaseException | None = None

    @property
    def info(self) -> SourceInfo:
        return SourceInfo(self.name, f"Planted {self.name}", "MX", "https://example.org/", ("example.org",))

    def scrape(self, fetcher):
        yield _event(self.jurisdiction, self.name)
        if self.fail is not None:
            raise self.fail


def _plant(monkeypatch, paths, *sources):
    store = RawStore(paths.raw)
    for source in sources:  # the build replays only sources the raw store has seen
        store.put(f"<html><body>{source.name}</body></html>".encode(), source=source.name,
                  url=f"https://example.org/{source.name}", http_status=200)  # fmt: skip
    from pipeline.sources import discovery

    real = discovery.all_sources()
    monkeypatch.setattr(discovery, "all_sources", lambda: {**real, **{s.name: s for s in sources}})


def _rows(database, sql):
    con = duckdb.connect(str(database), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_source_raising_keyerror_costs_only_that_source(case, published, monkeypatch):
    _plant(monkeypatch, published, PlantedSource("alpha", "MX-DUR"), PlantedSource("broken", "MX-SIN", KeyError("x")))
    result = build(published)
    assert result.validation["success"] and not result.up_to_date
    instruments = {r[0] for r in _rows(published.database, "SELECT instrument_id FROM instruments")}
    assert "MX-DUR/ley-alpha" in instruments and "MX-SIN/ley-broken" not in instruments  # none of its records
    failures = _rows(published.database, "SELECT source, outcome, error_class FROM build_problems")
    assert ("broken", "source_error", "KeyError") in failures
    assert any("broken: source_error: KeyError" in u for u in result.unparsed)
    case.handled("source_error")


def test_a_gate_that_cannot_import_publishes_nothing_and_exits_non_zero(case, published, monkeypatch):
    before = digests(published.processed)
    write_registry(published.root, HISTORY + [fact("MX-DUR", "ley", "Ley de Durango", "ley_estatal_trata",
                                                    "published", "2014-01-01")])  # fmt: skip
    monkeypatch.setitem(sys.modules, "pipeline.validate.suites", None)  # import fails
    with pytest.raises(BuildFailed, match="validation gate cannot run"):
        build(published)
    done = CliRunner().invoke(app, ["--data-dir", str(published.root), "build"])
    assert done.exit_code == 1 and "validation gate cannot run" in done.output
    assert digests(published.processed) == before
    case.handled("BuildFailed")


def test_no_validate_never_publishes_nor_becomes_the_baseline(case, published):
    before = digests(published.processed)
    for path in (published.registry / "facts").glob("*.csv"):
        path.write_text(path.read_text().splitlines()[0] + "\n")  # an empty registry: provisions → 0
    result = build(published, validate=False)
    assert result.database == published.unvalidated / "proteja.duckdb"
    assert digests(published.processed) == before
    assert _rows(result.database, "SELECT count(*) FROM events") == [(0,)]
    case.handled("unvalidated")


def test_a_build_while_another_holds_the_lock_is_refused_clearly(case, published):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pipeline.fetch.lock import StoreLock\n"
         f"with StoreLock({str(published.raw)!r}, purpose='build'):\n    print('held', flush=True); time.sleep(20)"],
        cwd=REPO_DIR, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked, match=rf"cannot build: .* busy, a build \(pid {holder.pid}\) holds it"):
            build(published, force=True, lock_timeout=0.2)
        with pytest.raises(StoreLocked, match="cannot refresh"):
            from pipeline.jobs.scrape import refresh

            refresh(None, offline=True, data_paths=published, registry={}, lock_timeout=0.2)
        env = dict(os.environ, PROTEJA_LOCK_TIMEOUT="0.2")
        done = subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(published.root), "build", "--force"],
                              cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
        assert done.returncode == 75 and "cannot build" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()
    case.handled("StoreLocked")


KILL_SCRIPT = """
import os, signal, sys
from pipeline.core.paths import DataPaths
from pipeline.publish import promote
from pipeline.build import build
where = sys.argv[2]
real_exchange, real_fsync = promote._exchange, promote.fsync_tree
def die():
    os.kill(os.getpid(), signal.SIGKILL)
if where == "before_swap":
    promote.fsync_tree = lambda root: (real_fsync(root), die())
elif where == "after_swap":
    promote._exchange = lambda a, b: (real_exchange(a, b), die())
elif where == "fallback_between_renames":
    promote._exchange = lambda a, b: False
    real_rename = os.rename
    calls = []
    def rename(a, b):
        calls.append(a)
        real_rename(a, b)
        if len(calls) == 1:
            die()
    promote.os.rename = rename
build(DataPaths.from_env(sys.argv[1]), force=True)
"""


@pytest.mark.parametrize("where", ["before_swap", "after_swap", "fallback_between_renames"])
def test_a_kill_during_promotion_leaves_a_whole_publication(where, case, published):
    before = digests(published.processed)
    write_registry(published.root, HISTORY + [fact("MX-DUR", "ley", "Ley de Durango", "ley_estatal_trata",
                                                    "published", "2014-01-01")])  # fmt: skip
    done = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(published.root), where], cwd=REPO_DIR,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == -9, done.stderr
    if publication_intact(published.processed):  # what a reader sees right after the kill: old or new, whole
        new = "MX-DUR" in (published.processed / "status.csv").read_text()
        assert new or digests(published.processed) == before
    else:
        assert where == "fallback_between_renames" and not published.processed.exists()  # the window recover() closes
    result = build(published)  # the next build recovers (or finds the swap complete) and publishes
    assert result.up_to_date or result.validation["success"]
    assert publication_intact(published.processed) and digests(published.processed) != before
    assert "MX-DUR" in (published.processed / "status.csv").read_text()
    case.handled("killed")


def test_kill_before_the_swap_keeps_the_old_publication_byte_identical(case, published):
    before = digests(published.processed)
    write_registry(published.root, HISTORY[:-1])
    done = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(published.root), "before_swap"], cwd=REPO_DIR,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == -9
    assert digests(published.processed) == before and publication_intact(published.processed)
    case.handled("killed")


def test_a_rebuild_with_nothing_changed_is_a_no_op_that_says_so(case, published):
    before = {p: p.stat().st_mtime_ns for p in published.processed.rglob("*") if p.is_file()}
    done = CliRunner().invoke(app, ["--data-dir", str(published.root), "build"])
    assert done.exit_code == 0 and "Nothing changed since the last build" in done.output
    assert {p: p.stat().st_mtime_ns for p in published.processed.rglob("*") if p.is_file()} == before
    (published.processed / "status.csv").write_text("tampered\n")  # a damaged publication is rebuilt
    assert build(published).up_to_date is False and publication_intact(published.processed)
    case.handled("up_to_date")


def test_a_partial_line_inside_the_manifest_is_one_classified_problem(case, published):
    store = RawStore(published.raw)
    store.put(b"<html><body>uno</body></html>", source="nobody", url="https://example.org/1", http_status=200)
    with published.manifest.open("ab") as fh:
        fh.write(b'{"source": "nobody", "url": "https://exa\n')  # a cut line, then a good one after it
    store.put(b"<html><body>dos</body></html>", source="nobody", url="https://example.org/2", http_status=200)
    result = build(published)
    assert result.validation["success"]
    assert [(p.outcome, p.item) for p in result.problems] == [("store_error", "manifest.jsonl line 2")]
    assert _rows(published.database, "SELECT count(*) FROM snapshots") == [(2,)]
    shown = CliRunner().invoke(app, ["--data-dir", str(published.root), "sources", "--json"])
    skipped = json.loads(shown.output)["skipped"]
    assert {"source": "raw store", "item": "manifest.jsonl line 2", "outcome": "store_error"}.items() <= skipped[0].items()
    case.handled("store_error")


def test_an_undecodable_registry_file_is_reported_with_file_and_line(case, published):
    before = digests(published.processed)
    path = published.registry / "facts" / "CHP.csv"
    path.write_bytes(path.read_bytes() + b"MX-CHP,ley,Ley \xff,ley_estatal_trata,published,2010-01-01\n")
    done = subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(published.root), "build"],
                          cwd=REPO_DIR, capture_output=True, text=True, timeout=120)  # fmt: skip
    lines = len(path.read_bytes().splitlines())
    assert done.returncode == 2 and f"CHP.csv:{lines}" in done.stderr and "Traceback" not in done.stderr
    assert digests(published.processed) == before
    case.handled("RegistryError")
