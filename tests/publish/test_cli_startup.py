"""``proteja status`` imports only what status needs; plain parameters are coerced without pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import typer.core
from typer.models import OptionInfo

from pipeline.cli_coerce import _REFER, _obvious
from pipeline.cli_status import StatusFormat
from tests.publish.conftest import cli

#: Heavy libraries and stages `status` has no use for.
NOT_FOR_STATUS = ("pydantic", "pandas", "great_expectations", "pdfplumber", "pypdfium2", "bs4", "rich",
                  "pipeline.harmonise", "pipeline.parse", "pipeline.validate", "pipeline.sources", "pipeline.fetch")

PROBE = """
import json, runpy, sys
sys.argv = ["pipeline", *sys.argv[1:]]
try:
    runpy.run_module("pipeline", run_name="__main__")
except SystemExit as exit:
    code = exit.code
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _modules_after(*args: str) -> tuple[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "120"})  # fmt: skip
    modules = json.loads(done.stderr.rsplit("MODULES ", 1)[1])
    return done.stdout, modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_FOR_STATUS)]


def test_status_as_json_imports_no_pydantic_rich_pandas_or_later_stages(built):
    out, modules = _modules_after("--data-dir", str(built.root), "status", "--as-of", "2026-01-01", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 33 and rows[0]["state"] == "MX"
    assert _heavy(modules) == []
    assert "duckdb" in modules and "pipeline.derive.status" in modules


def test_status_help_needs_no_pydantic():
    out, modules = _modules_after("status", "--help")
    assert "--as-of" in out
    assert [m for m in modules if m.split(".")[0] == "pydantic"] == []


def test_obvious_values_are_answered_as_typer_would():
    plain = OptionInfo()
    assert _obvious(str | None, plain, "2020-01-01") == "2020-01-01"
    assert _obvious(StatusFormat, plain, "json") is StatusFormat.json
    assert _obvious(Path | None, plain, "/no/such/dir") == Path("/no/such/dir")
    assert _obvious(Path | None, plain, str(Path(__file__).parent)) == Path(__file__).parent


def test_everything_else_is_left_to_typer():
    plain = OptionInfo()
    assert _obvious(StatusFormat, plain, "xml") is _REFER  # typer refuses it, with its own message
    assert _obvious(StatusFormat, OptionInfo(case_sensitive=False), "JSON") is _REFER
    assert _obvious(int, plain, "3") is _REFER
    assert _obvious(Path, OptionInfo(exists=True), "/tmp") is _REFER
    assert _obvious(Path, OptionInfo(resolve_path=True), "/tmp") is _REFER
    assert _obvious(str, OptionInfo(parser=str.upper), "a") is _REFER
    assert typer.core.build_runtime_param.__module__ == "pipeline.cli_coerce"


def test_refused_values_still_get_typers_messages(built):
    bad = cli(built, "status", "--format", "xml")
    assert bad.returncode == 2
    assert "xml" in bad.stderr and "--format" in bad.stderr
    assert cli(built, "status", "--as-of", "2026-01-01", "--format", "csv").stdout.startswith("state,")
