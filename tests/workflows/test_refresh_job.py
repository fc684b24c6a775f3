"""The refresh job (scripts/refresh_job.py → pipeline/jobs/refresh.py), offline.

The dry runs call the very script the scheduled workflow calls, in ``--offline`` mode, over a raw
store written by the runtime's RawStore (tests/workflows/refresh_fixtures.py), in a tmp data folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from refresh_fixtures import copy_committed_data, record_failed_fetch, write_leyesbiblio_store

from pipeline.build import BuildFailed
from pipeline.core.paths import DataPaths
from pipeline.jobs import refresh as job
from pipeline.sources.discovery import all_sources
from pipeline.sources.federal import leyesbiblio

#: Every source a live refresh runs (those declared for coverage only are not built).
ALL_SOURCES = sorted(n for n, s in all_sources().items() if getattr(s, "built", True))

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "refresh_job.py"
DAY = dt.date(2026, 1, 20)


def run_script(*args: str, github: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PROTEJA_DATA_DIR", "GITHUB_ACTIONS")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300)  # fmt: skip


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def validation_line() -> str:
    return "Passed:" if job.validation_available() else "Skipped:"


# -- dry runs of the script ---------------------------------------------------------------------


@pytest.mark.slow
def test_offline_dry_run_over_a_raw_store_publishes_and_summarises(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=True)
    write_leyesbiblio_store(data / "raw")
    summary = tmp_path / "summary.md"
    outputs = tmp_path / "github_output"

    result = run_script("--offline", "--source", "leyesbiblio", "--data-dir", str(data),
                        "--summary-out", str(summary), "--github-output", str(outputs))  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text == result.stdout  # the same summary on stdout and in the file
    assert text.startswith(f"## proteja refresh · {dt.date.today().isoformat()} · offline\n")
    assert "Published a new build:" in text and "0 new snapshot(s)" in text
    assert "| leyesbiblio | ok | 10 | http_error=1 ok=3 |" in text
    assert validation_line() in text
    if job.validation_available():
        report = json.loads((data / "processed" / "validation" / "validation.json").read_text(encoding="utf-8"))
        assert f"{report['statistics']['evaluated']} expectation(s) evaluated, 0 failed." in text
    # the change feed of the new publication, against the committed one
    feed = json.loads((data / "processed" / "changes.json").read_text(encoding="utf-8"))
    assert feed["first_publication"] is False
    reforms = [c for c in feed["changes"] if c["kind"] == "reform"]
    assert reforms and f"**Reforms ({len(reforms)})**" in text
    assert f"— {reforms[0]['event']} {reforms[0]['date']} (`{reforms[0]['subject']}`)" in text
    assert f"changes={len(feed['changes'])}\n" in outputs.read_text() and "changed=true\n" in outputs.read_text()
    # a validated publication: status, tables and the database built from the stored LeyesBiblio pages
    processed = data / "processed"
    for name in ("status.json", "timeline.json", "changes.json", "datapackage.json", "proteja.duckdb",
                 "tables/events.parquet", "tables/effects.parquet"):  # fmt: skip
        assert (processed / name).is_file(), name
    assert len(json.loads((processed / "status.json").read_text(encoding="utf-8"))) == 33  # the federation, then the 32 states
    con = duckdb.connect(str(processed / "proteja.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM instrument_versions").fetchall() == [(1,)]
        assert con.execute("SELECT count(*) FROM effects WHERE instrument_id = 'MX/lgpsedmtp'").fetchall() == [(4,)]
        runs = con.execute("SELECT source, ok, items_found FROM source_runs").fetchall()
    finally:
        con.close()
    assert runs == [("leyesbiblio", True, 10)]
    assert not (processed / ".candidate").exists()


@pytest.mark.slow
def test_offline_dry_run_on_a_fresh_clone_runs_nothing_and_publishes_the_registry(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=False)

    result = run_script("--offline", "--data-dir", str(data))

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Not run (offline, no snapshot in the raw store): {', '.join(ALL_SOURCES)}." in result.stdout
    assert "First publication: there is no previous publication to compare with." in result.stdout
    assert "| Source |" not in result.stdout  # no source ran, so no health table
    status = json.loads((data / "processed" / "status.json").read_text(encoding="utf-8"))
    assert len(status) == 33  # the federation, then the 32 states
    assert not (data / "raw" / "runs.jsonl").exists()


def test_a_failing_source_fails_the_job_names_it_and_leaves_the_publication_untouched(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=True)
    record_failed_fetch(data / "raw", "leyesbiblio", leyesbiblio.INDEX_URL)
    before = tree_digest(data / "processed")
    outputs = tmp_path / "github_output"

    result = run_script("--offline", "--data-dir", str(data), "--github-output", str(outputs), github=True)

    assert result.returncode == job.EXIT_SOURCES_FAILED
    assert "**FAILED: 1 source(s) failed: leyesbiblio.** Nothing was built" in result.stdout
    assert "| leyesbiblio | **FAILED** | 0 | http_error=1 |" in result.stdout
    assert "::error title=source leyesbiblio failed::HttpError: not in raw store; last fetch was http_error" \
        in result.stdout  # fmt: skip
    assert "failing sources: leyesbiblio" in result.stderr
    assert "failing_sources=leyesbiblio\n" in outputs.read_text() and "changed=false\n" in outputs.read_text()
    assert tree_digest(data / "processed") == before  # byte-identical: nothing published
    assert not (data / "processed" / "proteja.duckdb").exists()


def test_an_unknown_source_is_a_usage_error(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=False)
    result = run_script("--offline", "--source", "dof,nosuch", "--data-dir", str(data))
    assert result.returncode == job.EXIT_USAGE
    assert "**FAILED: unknown source(s) nosuch; known: dof, leyesbiblio, " in result.stdout
    assert "** Nothing was run." in result.stdout
    assert not (data / "processed").exists()


# -- the job, in process, with a stage replaced ------------------------------------------------------


def test_a_failed_validation_fails_the_job_and_names_the_rejected_candidate(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=True)
    before = tree_digest(data / "processed")
    rejected = data / "rejected" / "20260120T000000Z"
    (rejected / "validation").mkdir(parents=True)
    results = [
        {"success": True, "expectation": "expect_table_row_count_to_equal", "table": "jurisdictions", "column": None,
         "description": "33 jurisdictions"},
        {"success": False, "expectation": "expect_column_values_to_not_be_null", "table": "events",
         "column": "event_date", "description": "every publication\nhas a date"},
    ]  # fmt: skip
    (rejected / "validation" / "validation.json").write_text(
        json.dumps({"success": False, "statistics": {"evaluated": 2, "failed": 1}, "results": results}), encoding="utf-8")

    def failing_build(paths, *, validate):
        assert validate is True
        raise BuildFailed("validation failed; the previous publication is untouched", rejected)

    report = job.run_job(DataPaths(data), offline=True, today=DAY, build_fn=failing_build)

    assert report.exit_code == job.EXIT_BUILD_FAILED and report.validation == "failed"
    text = job.render_summary(report)
    assert "**FAILED: the build did not pass** (validation failed; the previous publication is untouched)." in text
    assert f"The rejected candidate is kept in `{rejected}`." in text
    assert "Failed: the candidate was rejected and the previous publication is unchanged.\n" \
           "2 expectation(s) evaluated, 1 failed.\n\n" \
           "- `expect_column_values_to_not_be_null` on events.event_date: every publication has a date\n" in text
    assert "33 jurisdictions" not in text  # only failing expectations are listed
    assert job.github_annotations(report) == [
        "::error title=build/validation failed::validation failed; the previous publication is untouched"]
    assert tree_digest(data / "processed") == before


def test_require_validation_refuses_to_publish_without_the_validation_stage(tmp_path, monkeypatch):
    data = copy_committed_data(tmp_path, with_publication=True)
    before = tree_digest(data / "processed")
    monkeypatch.setattr(job, "validation_available", lambda: False)
    built = []

    report = job.run_job(DataPaths(data), offline=True, require_validation=True, today=DAY,
                         build_fn=lambda *a, **k: built.append(a))  # fmt: skip

    assert built == [] and report.exit_code == job.EXIT_BUILD_FAILED
    assert "the validation stage (pipeline.validate) is not installed" in job.render_summary(report)
    assert tree_digest(data / "processed") == before


def test_a_live_refresh_with_a_failing_source_skips_the_build(tmp_path):
    data = copy_committed_data(tmp_path, with_publication=False)
    calls = []

    def fake_refresh(names, *, offline, data_paths):
        calls.append((names, offline))
        return [
            {"run_id": "r1", "source": "dof", "ok": True, "items_found": 3, "outcomes": {"ok": 2, "unchanged": 1},
             "last_error": None},
            {"run_id": "r1", "source": "sil", "ok": False, "items_found": 0, "outcomes": {"blocked": 1},
             "last_error": "Blocked: challenge page (Incapsula)"},
        ]  # fmt: skip

    report = job.run_job(DataPaths(data), offline=False, today=DAY, refresh_fn=fake_refresh,
                         build_fn=lambda *a, **k: pytest.fail("built after a failing source"))  # fmt: skip

    assert calls == [(ALL_SOURCES, False)]  # live: every source, federal, national and state
    assert report.failing_sources == ["sil"] and report.exit_code == job.EXIT_SOURCES_FAILED
    text = job.render_summary(report)
    assert "| sil | **FAILED** | 0 | blocked=1 | Blocked: challenge page (Incapsula) |" in text
    assert "| dof | ok | 3 | ok=2 unchanged=1 |  |" in text


# -- pure parts ----------------------------------------------------------------------------------


def test_choose_sources():
    available = ["sil", "dof", "leyesbiblio"]
    assert job.choose_sources([], offline=False, available=available, stored=set()) == (
        ["dof", "leyesbiblio", "sil"], [])
    assert job.choose_sources([], offline=True, available=available, stored={"dof", "adhoc"}) == (
        ["dof"], ["leyesbiblio", "sil"])
    assert job.choose_sources(["sil"], offline=True, available=available, stored=set()) == (["sil"], [])
    with pytest.raises(ValueError, match="unknown source"):
        job.choose_sources(["dof", "dfo"], offline=False, available=available, stored=set())


def test_split_names_accepts_the_workflow_input_as_one_string():
    assert job.split_names(["dof, sil", "leyesbiblio dof"]) == ["dof", "sil", "leyesbiblio"]
    assert job.split_names(None) == [] and job.split_names([""]) == []


def feed_report(changes: list[dict]) -> job.JobReport:
    return job.JobReport(mode="live", day=DAY, validation="passed", new_snapshots=2,
                         changes={"previous_as_of": "2026-01-19", "first_publication": False, "changes": changes})


def test_summary_lists_each_kind_of_change_in_its_section():
    changes = [
        {"kind": "new_law", "jurisdiction": "MX-BCS", "subject": "MX-BCS/ley-trata", "title": "Ley de Trata de BCS",
         "event": "published", "date": "2026-01-15"},
        {"kind": "reform", "jurisdiction": "MX", "subject": "MX/lgpsedmtp", "title": "Ley General",
         "event": "reformed", "date": "2026-01-16"},
        {"kind": "status_transition", "jurisdiction": "MX-BCS", "subject": "MX-BCS", "title": "Baja California Sur",
         "event": "none -> enacted", "date": "2026-01-20", "from": {"summary": "none", "law_status": "none_found"},
         "to": {"summary": "enacted", "law_status": "specific_law"}},
        {"kind": "new_initiative", "jurisdiction": "MX-SON", "subject": "MX-SON/123", "title": "Iniciativa",
         "event": "presented", "date": None},
        {"kind": "closed_initiative", "jurisdiction": "MX-SON", "subject": "MX-SON/99", "title": "Otra\niniciativa",
         "event": "rejected", "date": "2026-01-10"},
    ]  # fmt: skip
    report = feed_report(changes)
    text = job.render_summary(report)
    assert report.changed and report.change_count == 5
    assert "Published a new build: 5 change(s) since the previous publication, 2 new snapshot(s)" in text
    assert "### Changes since the previous publication (2026-01-19)" in text
    assert "**New laws (1)**\n\n- MX-BCS · Ley de Trata de BCS — published 2026-01-15 (`MX-BCS/ley-trata`)" in text
    assert "**Reforms (1)**\n\n- MX · Ley General — reformed 2026-01-16 (`MX/lgpsedmtp`)" in text
    assert "- MX-BCS Baja California Sur: none → enacted (none_found → specific_law)" in text
    assert "**New initiatives (1)**\n\n- MX-SON · Iniciativa — presented (`MX-SON/123`)" in text
    assert "- MX-SON · Otra iniciativa — rejected 2026-01-10 (`MX-SON/99`)" in text  # newline flattened
    assert text.index("New laws") < text.index("Reforms") < text.index("Status transitions") \
        < text.index("New initiatives") < text.index("Closed initiatives")  # fmt: skip
    assert "Passed: the expectation suites accepted the candidate" in text
    assert "Other events" not in text


def test_summary_cuts_long_sections_and_says_how_many_more():
    changes = [{"kind": "event", "jurisdiction": "MX", "subject": f"MX/x{i}", "title": f"T{i}", "event": "errata",
                "date": None} for i in range(job.MAX_ITEMS_PER_SECTION + 3)]  # fmt: skip
    text = job.render_summary(feed_report(changes))
    assert f"**Other events ({job.MAX_ITEMS_PER_SECTION + 3})**" in text
    assert "- … and 3 more (see data/processed/changes.json)" in text
    assert f"`MX/x{job.MAX_ITEMS_PER_SECTION - 1}`" in text and f"`MX/x{job.MAX_ITEMS_PER_SECTION}`" not in text


def test_no_changes_and_no_new_bytes_means_no_pull_request():
    report = feed_report([])
    report.new_snapshots = 0
    assert "No changes." in job.render_summary(report)
    assert report.changed is False and job.github_outputs(report)["changed"] == "false"


def test_health_table_escapes_pipes_and_annotations_escape_newlines():
    report = job.JobReport(mode="live", day=DAY, runs=[
        {"run_id": "r", "source": "sil", "ok": False, "items_found": 0, "outcomes": {"http_error": 2},
         "last_error": "HttpError: 500 | body\nline two, 100%"}])  # fmt: skip
    assert "| sil | **FAILED** | 0 | http_error=2 | HttpError: 500 \\| body line two, 100% |" in job.render_summary(report)
    assert job.github_annotations(report) == ["::error title=source sil failed::HttpError: 500 | body%0Aline two, 100%25"]
