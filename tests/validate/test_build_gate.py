"""`proteja build` publishes only what passes validation; the committed data passes."""

from __future__ import annotations

import hashlib
import json
import shutil

import duckdb
import pytest

from pipeline.build import BuildFailed, build
from pipeline.core.paths import REPO_DIR, DataPaths
from tests.store.conftest import fact, write_registry
from tests.validate.conftest import HISTORY, run_cli


def _digests(folder) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_candidate_that_fails_validation_leaves_the_publication_byte_identical(tmp_path):
    paths = write_registry(tmp_path / "data", HISTORY)
    build(paths)
    before = _digests(paths.processed)
    assert "proteja.duckdb" in before and "status.json" in before and "validation/validation.json" in before

    future = fact("MX-OAX", "ley-trata-2019", "Ley de Trata de Oaxaca (2019)", "ley_estatal_trata", "reformed",
                  "2099-01-01")  # a date parsed into the future
    write_registry(paths.root, [*HISTORY, future])
    with pytest.raises(BuildFailed) as failure:
        build(paths)

    assert _digests(paths.processed) == before
    rejected = failure.value.rejected_dir
    assert rejected is not None and rejected.parent == paths.rejected
    report = json.loads((rejected / "validation" / "validation.json").read_text(encoding="utf-8"))
    failed = [(r["expectation"], r["table"], r["column"], r["unexpected"]) for r in report["results"] if not r["success"]]
    assert ("expect_column_values_to_be_between", "events", "event_date", ["2099-01-01"]) in failed
    assert (rejected / "proteja.duckdb").exists()
    assert not (paths.processed / ".candidate").exists()


@pytest.mark.slow
def test_build_command_exits_non_zero_and_names_the_rejected_candidate(tmp_path):
    paths = write_registry(tmp_path / "data", HISTORY)
    build(paths)
    before = _digests(paths.processed)
    lost = [row for row in HISTORY if row["instrument_slug"] != "ley-trata-2019"]  # Oaxaca loses its law
    write_registry(paths.root, lost)
    result = run_cli("--data-dir", str(paths.root), "build", "-q")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "validation failed" in result.stderr and str(paths.rejected) in " ".join(result.stderr.split())
    assert _digests(paths.processed) == before
    allowed = run_cli("--data-dir", str(paths.root), "build", "-q", "--allow-shrink")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    report = json.loads((paths.processed / "validation" / "validation.json").read_text(encoding="utf-8"))
    assert report["allow_shrink"] is True and report["statistics"]["waived"] >= 1


def test_the_committed_data_passes(tmp_path):
    """The repository's registry, reference data (legislatures) and raw store, built with validation against
    the committed publication."""
    committed = DataPaths(REPO_DIR / "data")
    if not (committed.registry / "facts").is_dir():
        pytest.skip("no committed registry")
    paths = DataPaths(tmp_path / "data")
    shutil.copytree(committed.registry, paths.registry)
    shutil.copytree(committed.reference, paths.reference)
    shutil.copytree(committed.raw, paths.raw, ignore=shutil.ignore_patterns(".lock"))
    if (committed.processed / "datapackage.json").exists():
        shutil.copytree(committed.processed, paths.processed,
                        ignore=shutil.ignore_patterns("*.duckdb", "*.wal", ".candidate", "validation"))  # fmt: skip
    try:
        result = build(paths)
    except BuildFailed as exc:
        report = json.loads((exc.rejected_dir / "validation" / "validation.json").read_text(encoding="utf-8"))
        failed = [{k: r[k] for k in ("expectation", "table", "column", "unexpected")}
                  for r in report["results"] if not r["success"]]  # fmt: skip
        pytest.fail(f"the committed data fails validation: {json.dumps(failed, ensure_ascii=False)}")
    assert result.validation["success"] is True


def test_a_build_from_a_raw_store_with_scraped_evidence_passes(tmp_path):
    """Scraped evidence, parsed versions and provisions (the e2e raw-store fixture) meet every expectation."""
    from tests.e2e.test_build_from_raw_store import CURATED, fill_store
    from tests.e2e.test_federal_offline import law_pdf

    paths = write_registry(tmp_path / "data", CURATED)
    fill_store(paths, law_pdf())
    result = build(paths)
    assert result.validation["success"] is True
    con = duckdb.connect(str(paths.database), read_only=True)
    try:
        counts = con.execute("SELECT (SELECT count(*) FROM evidence WHERE kind = 'scraped'), "
                             "(SELECT count(*) FROM instrument_versions), (SELECT count(*) FROM provisions)").fetchall()
    finally:
        con.close()
    assert all(n > 0 for n in counts[0])  # the checks ran on real scraped rows, not on empty tables
