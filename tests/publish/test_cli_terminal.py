"""Issue 16 §5: a CLI that fits a terminal, says what is valid, and names failed checks."""

from __future__ import annotations

import json

from tests.publish.conftest import cli

STATE_NAMES = ("Aguascalientes", "Baja California Sur", "Ciudad de México", "Veracruz", "Yucatán", "Zacatecas")


def test_status_at_80_columns_shows_every_states_summary_within_80_characters(built):
    result = cli(built, "status", "--as-of", "2026-01-01", columns=80)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = json.loads(cli(built, "status", "--as-of", "2026-01-01", "--format", "json").stdout)
    starts = {line.split()[0].lstrip("│"): line for line in lines if line.startswith("│") and line[1] != " "}
    assert len(starts) == 33  # the federation and 32 states, each starting a line
    labels = {"enacted": "Law in force", "enacted_reform_pending": "Law in force, reform pending",
              "possibly_enacted": "Possibly in force", "considering": "Bill pending", "none": "No specific law",
              "unknown": "Unknown"}  # fmt: skip
    for row in rows:
        line = starts[row["state"].removeprefix("MX-")]
        assert f"│ {labels[row['summary']]} " in line  # whole, on the state's own line
    for name in STATE_NAMES:
        assert name.split()[0] in result.stdout


def test_wide_and_spanish_headers(built):
    wide = cli(built, "status", "--wide", "--lang", "es", columns=200)
    assert wide.returncode == 0
    header = next(line for line in wide.stdout.splitlines() if "Estado" in line)
    for word in ("Estado", "Situación", "Ley (título abreviado)", "Desde", "Última reforma", "Revisado"):
        assert word in header
    assert "Ley vigente" in wide.stdout and "Law in force" not in wide.stdout


def test_status_for_the_federation_shows_the_federal_law(built):
    result = cli(built, "status", "--state", "MX", columns=80)
    assert result.returncode == 0
    assert "Federación" in result.stdout and "Law in force" in result.stdout
    assert "Law: Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata" in " ".join(
        result.stdout.split()
    )


def test_bad_inputs_exit_2_with_the_valid_choices_and_no_traceback(built):
    cases = {
        ("timeline", "--state", "Atlantis"): "Valid choices",
        ("status", "--state", "Atlantis"): "MX-ZAC",
        ("query", ""): "Tables: bill_documents, bill_events",
        ("query", "   "): "Empty query",
        ("status", "--as-of", "1800-01-01"): "out of range",
        ("status", "--as-of", "2999-12-31"): "out of range",
        ("status", "--as-of", "yesterday"): "YYYY-MM-DD",
        ("status", "--format", "xml"): "table",
    }
    for args, expected in cases.items():
        result = cli(built, *args, columns=200)
        assert result.returncode == 2, (args, result.returncode)
        assert expected in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout


def test_flags_show_no_bool_metavar(built):
    for command in ("status", "build", "refresh", "validate", "inspect"):
        text = cli(built, command, "--help", columns=120).stdout
        assert "--help" in text and "<bool>" not in text, command


def test_verbose_build_prints_stage_names_and_no_great_expectations_chatter(built):
    result = cli(built, "-v", "build", "--force", columns=120)
    assert result.returncode == 0, result.stderr
    for stage in ("stage: load", "stage: validate", "stage: publish"):
        assert stage in result.stderr
    assert "great_expectations" not in result.stderr
