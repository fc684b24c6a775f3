"""proteja build: atomic, deterministic; query is read-only; publications are safe and complete."""

import hashlib
import json
import subprocess
import sys

import pytest

from pipeline.build import build
from tests.store.conftest import HISTORY, fact, write_registry


def _digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".duckdb" and p.name != "changes.json" and p.name != "changes.atom"
    }


def run_cli(paths, *args, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def test_two_builds_give_byte_identical_publications(tmp_path):
    first = write_registry(tmp_path / "a", HISTORY)
    second = write_registry(tmp_path / "b", HISTORY)
    build(first, validate=False)
    build(second, validate=False)
    a, b = _digests(first.unvalidated), _digests(second.unvalidated)
    assert "tables/events.parquet" in a and "status.html" in a and "datapackage.json" in a
    assert a == b
    build(first, validate=False)  # a rebuild over its own previous output: tables unchanged
    rebuilt = _digests(first.unvalidated)
    assert {k: v for k, v in rebuilt.items() if k != "datapackage.json"} == {
        k: v for k, v in a.items() if k != "datapackage.json"
    }


def test_failed_build_leaves_previous_database_and_publication(history_paths):
    before = _digests(history_paths.processed)
    db_bytes = history_paths.database.read_bytes()
    with pytest.raises(RuntimeError, match="simulated failure"):
        build(history_paths, validate=False, fail_after_load=True)
    assert _digests(history_paths.processed) == before
    assert history_paths.database.read_bytes() == db_bytes


def test_malformed_registry_row_stops_the_build_naming_file_and_line(tmp_path):
    bad = fact("MX-CHP", "ley", "Ley", "ley_estatal_trata", "published", "2009-13-45")
    paths = write_registry(tmp_path / "d", [bad])
    result = run_cli(paths, "build", check=False)
    assert result.returncode == 2
    assert "CHP.csv:2" in result.stderr and "not a real date" in result.stderr
    assert not paths.database.exists()


def test_query_is_read_only(history_paths):
    before = run_cli(history_paths, "query", "select count(*) AS n from jurisdictions", "--format", "json")
    assert json.loads(before.stdout) == [{"n": 33}]
    refused = run_cli(history_paths, "query", "DELETE FROM jurisdictions", check=False)
    assert refused.returncode == 2
    assert "read-only" in refused.stderr
    after = run_cli(history_paths, "query", "select count(*) AS n from jurisdictions", "--format", "json")
    assert json.loads(after.stdout) == [{"n": 33}]


def test_status_json_has_32_states_with_documented_keys(history_paths):
    result = run_cli(history_paths, "status", "--as-of", "2021-01-01", "--format", "json")
    rows = json.loads(result.stdout)
    assert len(rows) == 32
    keys = {"state", "name", "summary", "law_status", "law_title", "law_published", "last_reform",
            "pending_bills", "last_checked", "evidence"}  # fmt: skip
    assert all(keys <= set(r) for r in rows)
    chp = next(r for r in rows if r["state"] == "MX-CHP")
    assert chp["law_published"] == "2020-08-05"
    assert set(chp["evidence"][0]) >= {"url", "kind", "gazette", "issue", "date", "sha256"}


def test_status_before_any_law_shows_none(history_paths):
    rows = json.loads(run_cli(history_paths, "status", "--as-of", "2006-12-31", "--format", "json").stdout)
    assert [r["state"] for r in rows if r["law_status"] == "specific_law"] == []


def test_status_for_one_state_accepts_aliases(history_paths):
    rows = json.loads(run_cli(history_paths, "status", "--state", "Chiapas", "--format", "json").stdout)
    assert [r["state"] for r in rows] == ["MX-CHP"]


def test_csv_cells_are_safe_against_formula_injection(tmp_path):
    rows = [fact("MX-CHP", "ley", "=HYPERLINK(\"http://evil\")", "ley_estatal_trata", "published", "2010-01-01",
                 note="@SUM(1)")]  # fmt: skip
    paths = write_registry(tmp_path / "x", rows)
    build(paths, validate=False)
    text = (paths.unvalidated / "tables" / "instruments.csv").read_text()
    assert "'=HYPERLINK" in text and '\n"=HYPERLINK' not in text
    assert "'@SUM(1)" in (paths.unvalidated / "tables" / "events.csv").read_text()
    assert "'=HYPERLINK" in (paths.unvalidated / "status.csv").read_text()


def test_html_page_has_all_states_legend_as_of_and_citations(history_paths):
    page = (history_paths.processed / "status.html").read_text()
    for name in ("Aguascalientes", "Chiapas", "Zacatecas", "Ciudad de México"):
        assert name in page
    assert page.count("<rect") == 32
    assert "Leyenda / Legend" in page and "Situación al / As of: <strong>2026-01-15</strong>" in page
    assert '<li id="c1">' in page and "https://www.congresochiapas.gob.mx/ley.pdf" in page


def test_datapackage_lists_every_file_with_its_hash(history_paths):
    package = json.loads((history_paths.processed / "datapackage.json").read_text())
    paths = {r["path"]: r for r in package["resources"]}
    for name in ("status.csv", "status.md", "status.html", "tables/events.csv", "tables/events.parquet"):
        data = (history_paths.processed / name).read_bytes()
        assert paths[name]["bytes"] == len(data)
        assert paths[name]["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    events_fields = [f["name"] for f in paths["tables/events.csv"]["schema"]["fields"]]
    assert events_fields[:3] == ["event_id", "instrument_id", "event_type"]


def test_change_feed_lists_exactly_the_planted_changes(tmp_path):
    paths = write_registry(tmp_path / "c", HISTORY)
    build(paths)  # the feed compares with the previous *published* (validated) build
    first = json.loads((paths.processed / "changes.json").read_text())
    assert first == {"changes": [], "first_publication": True, "previous_as_of": None}
    planted = HISTORY + [
        fact("MX-CHP", "ley-trata-2020", "Ley para Prevenir y Combatir la Trata (2020)", "ley_estatal_trata",
             "reformed", "2025-02-01"),
        fact("MX-SON", "ley-trata-2025", "Ley de Trata de Sonora 2025", "ley_estatal_trata", "published", "2025-03-01"),
        fact("MX-NLE", "inic-2025", "Iniciativa NL", "iniciativa", "presented", "2025-04-01"),
    ]  # fmt: skip
    write_registry(paths.root, planted)
    build(paths)
    feed = json.loads((paths.processed / "changes.json").read_text())
    got = sorted((c["kind"], c["jurisdiction"], c["event"]) for c in feed["changes"])
    assert got == [
        ("new_initiative", "MX-NLE", "presented"),
        ("new_law", "MX-SON", "published"),
        ("reform", "MX-CHP", "reformed"),
        ("status_transition", "MX-NLE", "unknown -> considering"),
        ("status_transition", "MX-SON", "unknown -> enacted"),
    ]
    atom = (paths.processed / "changes.atom").read_text()
    assert atom.count("<entry>") == 5


def test_stage_not_yet_available_exits_non_zero_with_a_plain_message(history_paths):
    result = run_cli(history_paths, "inspect", str(history_paths.processed / "status.json"), "--kind", "no-such-kind",
                     check=False)  # fmt: skip
    assert result.returncode == 2
    assert "Unknown kind 'no-such-kind'" in result.stderr


def test_unknown_publication_is_said_and_citations_are_not_repeated(tmp_path):
    # Two undated facts read from one page: one citation, cited once; the unknown date is spelled out.
    rows = [
        fact("MX-CAM", "ley-trata", "Ley de Trata de Campeche", "ley_estatal_trata", "observed_in_force",
             official_url="https://congresocam.gob.mx/ley.pdf"),
        fact("MX-CAM", "ley-trata", "Ley de Trata de Campeche", "ley_estatal_trata", "reformed",
             official_url="https://congresocam.gob.mx/ley.pdf"),
    ]  # fmt: skip
    paths = write_registry(tmp_path / "u", rows)
    build(paths, validate=False)
    page = (paths.unvalidated / "status.html").read_text()
    row = page[page.index("<td>Campeche</td>"):].split("</tr>")[0]
    assert ("<td>vigente al 2026-01-15 (fecha de consulta), desde fecha desconocida / "
            "in force by 2026-01-15 (day a source was consulted), since unknown</td>") in row
    assert row.count('href="#c1"') == 1 and 'href="#c2"' not in row
    markdown = (paths.unvalidated / "status.en.md").read_text()
    assert ("| Campeche | Law in force | Ley de Trata de Campeche | in force by 2026-01-15 (day a source was "
            "consulted), since unknown |") in markdown
