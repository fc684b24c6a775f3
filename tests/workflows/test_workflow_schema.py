"""The GitHub workflows, checked offline: the GitHub workflow JSON schema (check-jsonschema's
vendored copy), deliberately broken copies that must fail it, and the promises the schema cannot
see (no overlap, least privilege, never a push to main, the job script's real options)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.jobs.refresh import parse_args

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
REFRESH = WORKFLOWS / "refresh.yml"


def check_jsonschema() -> str:
    beside = Path(sys.executable).with_name("check-jsonschema")
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    if not found:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[dev]')")
    return found


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([check_jsonschema(), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def load(path: Path) -> dict:
    """YAML 1.2 (ruamel, a check-jsonschema dependency): `on` stays a string key, not True."""
    yaml = pytest.importorskip("ruamel.yaml")
    return yaml.YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(job: dict, action: str) -> list[dict]:
    return [step for step in steps(job) if str(step.get("uses", "")).startswith(action + "@")]


def run_text(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(job))


# -- the schema ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CI, REFRESH], ids=lambda p: p.name)
def test_workflow_passes_the_github_workflow_schema(path):
    result = validate(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_a_job_without_runs_on_fails_the_schema(tmp_path):
    broken = tmp_path / "refresh.yml"
    text = REFRESH.read_text(encoding="utf-8")
    broken.write_text(text.replace("    runs-on: ubuntu-latest\n", "", 1), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    result = validate(broken)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


def test_an_unknown_trigger_fails_the_schema(tmp_path):
    broken = tmp_path / "ci.yml"
    text = CI.read_text(encoding="utf-8")
    broken.write_text(text.replace("  pull_request:\n", "  pull_requests:\n", 1), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    result = validate(broken)
    assert result.returncode == 1
    assert "pull_requests" in result.stdout


def test_a_misspelt_concurrency_key_fails_the_schema(tmp_path):
    broken = tmp_path / "refresh.yml"
    broken.write_text(REFRESH.read_text(encoding="utf-8").replace("cancel-in-progress: false", "cancel-in-progres: false"),
                      encoding="utf-8")  # fmt: skip
    assert validate(broken).returncode == 1


# -- ci.yml ---------------------------------------------------------------------------------------


def test_ci_runs_the_ci_script_on_push_and_pull_request_with_a_pip_cache():
    workflow = load(CI)
    assert {"push", "pull_request"} <= set(workflow["on"])
    (job,) = workflow["jobs"].values()
    assert "bash .ci/run" in run_text(job)
    (setup,) = uses(job, "actions/setup-python")
    assert setup["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "pyproject.toml"}
    assert workflow["permissions"] == {"contents": "read"}
    assert job["timeout-minutes"] <= 60


# -- refresh.yml ----------------------------------------------------------------------------------


def test_refresh_triggers_daily_and_by_hand_with_an_optional_source_filter():
    workflow = load(REFRESH)
    (schedule,) = workflow["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit()
    source = workflow["on"]["workflow_dispatch"]["inputs"]["source"]
    assert source["required"] is False and source["type"] == "string"


def test_refreshes_never_overlap_and_never_cancel_each_other():
    workflow = load(REFRESH)
    assert workflow["concurrency"] == {"group": "refresh", "cancel-in-progress": False}


def test_permissions_are_least_privilege():
    workflow = load(REFRESH)
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    writers = {name for name, job in jobs.items() if "write" in (job.get("permissions") or {}).values()}
    assert writers == {"propose"}
    assert jobs["refresh"]["permissions"] == {"contents": "read"}
    assert jobs["propose"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert all(isinstance(job.get("timeout-minutes"), int) for job in jobs.values())


def test_the_pull_request_is_opened_only_after_a_passing_refresh_that_changed_data():
    propose = load(REFRESH)["jobs"]["propose"]
    assert propose["needs"] == "refresh"
    assert propose["if"] == "needs.refresh.outputs.changed == 'true'"
    script = run_text(propose)
    assert "gh pr create" in script and "--body-file" in script
    assert 'branch="refresh/$(date -u +%F)"' in script


def test_nothing_is_ever_pushed_to_main():
    text = REFRESH.read_text(encoding="utf-8")
    pushes = [line.strip() for line in text.splitlines() if re.search(r"\bgit push\b", line)]
    assert pushes == ['git push --force origin "HEAD:refs/heads/$branch"']
    assert not re.search(r"git push[^\n]*\bmain\b", text)


def test_the_job_step_calls_the_script_with_options_it_accepts():
    job = load(REFRESH)["jobs"]["refresh"]
    (step,) = [s for s in steps(job) if "scripts/refresh_job.py" in str(s.get("run", ""))]
    flags = set(re.findall(r"(--[a-z][a-z-]+)", step["run"]))
    assert {"--require-validation", "--summary-out", "--github-output", "--source"} == flags
    assert (REPO / "scripts" / "refresh_job.py").is_file()
    # every flag the workflow passes is one the script's parser knows
    args = parse_args(["--require-validation", "--summary-out", "s.md", "--github-output", "o", "--source", "a b"])
    assert (args.require_validation, args.summary_out, args.source) == (True, Path("s.md"), ["a b"])
    assert job["outputs"]["changed"] == "${{ steps.job.outputs.changed }}" and step["id"] == "job"


def test_the_source_input_reaches_the_shell_through_the_environment_only():
    for job in load(REFRESH)["jobs"].values():
        for step in steps(job):
            assert "${{" not in str(step.get("run", "")), f"expression pasted into a shell: {step.get('name')}"
    job = load(REFRESH)["jobs"]["refresh"]
    (step,) = [s for s in steps(job) if s.get("id") == "job"]
    assert step["env"] == {"SOURCES": "${{ inputs.source }}"}


def test_validation_runs_and_the_publications_are_uploaded():
    job = load(REFRESH)["jobs"]["refresh"]
    assert "python -m pipeline validate" in run_text(job)
    paths = [str(step["with"]["path"]) for step in uses(job, "actions/upload-artifact")]
    publication = next(p for p in paths if "proteja.duckdb" in p)
    assert "data/processed/proteja.duckdb" in publication and "data/processed/tables/*.parquet" in publication
    rejected = [s for s in uses(job, "actions/upload-artifact") if s["with"]["path"] == "data/rejected/"]
    assert rejected and rejected[0]["if"] == "failure()"
