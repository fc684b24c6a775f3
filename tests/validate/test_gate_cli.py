"""`proteja validate --db COPY`: for each expectation family, one seeded bad value makes it exit 1
naming that expectation; a clean copy exits 0.

GX costs seconds to import, so every case runs the command in this process (one shared import), in
a module fixture; each case has its own data folder (a copy of the previous publication) so their
reports do not collide.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.core.paths import DataPaths
from pipeline.validate.expectations import FAMILIES
from tests.validate.conftest import flat, run_validate, seed
from tests.validate.seeds import CASES, PER_FAMILY

pytestmark = pytest.mark.slow

CLEAN, ALLOW_SHRINK = "clean", "allow_shrink"


@dataclass
class Outcome:
    returncode: int
    output: str
    report: dict


def _prepare(good: DataPaths, root: Path, case: str) -> tuple[DataPaths, Path, tuple[str, ...]]:
    data = DataPaths(root / case / "data")
    shutil.copytree(good.processed, data.processed, ignore=shutil.ignore_patterns("*.duckdb", "validation"))
    copy = root / case / "copy.duckdb"
    shutil.copyfile(good.database, copy)
    seed_case = PER_FAMILY["no_silent_loss"] if case == ALLOW_SHRINK else case
    if seed_case != CLEAN:
        statements, unconstrained, _ = CASES[seed_case]
        seed(copy, *statements, unconstrained=unconstrained)
    return data, copy, ("--allow-shrink",) if case == ALLOW_SHRINK else ()


@pytest.fixture(scope="module")
def outcomes(good_data, tmp_path_factory) -> dict[str, Outcome]:
    root = tmp_path_factory.mktemp("cli-cases")
    cases = [CLEAN, ALLOW_SHRINK, *PER_FAMILY.values()]
    prepared = {case: _prepare(good_data, root, case) for case in cases}

    def run(case: str) -> Outcome:
        data, copy, extra = prepared[case]
        result = run_validate(data, copy, *extra)
        report_path = data.processed / "validation" / "validation.json"
        report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
        return Outcome(result.returncode, flat(result.stdout) + "\n" + result.stderr, report)

    return {case: run(case) for case in cases}  # in turn: the CLI runner swaps sys.stdout


def test_a_clean_copy_passes(outcomes):
    clean = outcomes[CLEAN]
    assert clean.returncode == 0, clean.output
    assert "Validation passed" in clean.output
    assert clean.report["success"] is True and clean.report["allow_shrink"] is False
    assert set(clean.report["statistics"]["by_family"]) == set(FAMILIES)
    assert all(clean.report["statistics"]["by_family"].values()), clean.report["statistics"]


@pytest.mark.parametrize("family", FAMILIES)
def test_one_bad_value_fails_naming_its_expectation(outcomes, family):
    case = PER_FAMILY[family]
    outcome = outcomes[case]
    assert outcome.returncode == 1, outcome.output
    assert "Validation FAILED" in outcome.output
    for text in CASES[case][2]:
        assert text in outcome.output, f"{text!r} not in {outcome.output}"
    assert outcome.report["success"] is False
    assert family in {r["family"] for r in outcome.report["results"] if not r["success"]}


def test_allow_shrink_waives_the_loss_and_records_it(outcomes):
    outcome = outcomes[ALLOW_SHRINK]
    assert outcome.returncode == 0, outcome.output
    assert "waived by --allow-shrink: expect_no_jurisdiction_to_lose_its_specific_law" in outcome.output
    report = outcome.report
    assert report["allow_shrink"] is True and report["success"] is True
    waived = {r["expectation"]: r for r in report["results"] if r.get("waived")}
    assert report["statistics"]["waived"] == len(waived) >= 1
    law = waived["expect_no_jurisdiction_to_lose_its_specific_law"]
    assert law["waived"] == "--allow-shrink" and law["unexpected"][0]["jurisdiction"] == "MX-OAX"
    assert all(r["family"] == "no_silent_loss" for r in waived.values())
