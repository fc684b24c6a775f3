"""The analyst notebooks run headless (nbclient, kernel python3) against a fresh build of the
committed data in a tmp folder, print what the database says, and never write to it. The copies
in git carry no outputs."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import DataPaths

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
NAMES = ("01_status_overview", "02_federal_law_history", "03_states_compared", "04_scorecard")
#: ipykernel's own inline backend renders PNGs with Agg, headless; a plain MPLBACKEND=Agg (as a CI
#: environment may set) would make plt.show() draw nothing.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def build_copy(target: Path, *, raw_store=None) -> Path:
    """Build the committed registry (and raw store) into ``target``/data; return the data folder."""
    data = target / "data"
    for folder in ("registry", "reference", "raw"):
        if (REPO / "data" / folder).is_dir():
            shutil.copytree(REPO / "data" / folder, data / folder, ignore=shutil.ignore_patterns(".lock"))
    (data / "raw").mkdir(parents=True, exist_ok=True)
    if raw_store:
        raw_store(data / "raw")
    # The notebooks read the publication, and only a validated build publishes.
    build(DataPaths(data))
    return data


def execute(name: str, data: Path):
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PROTEJA_DATA_DIR", str(data))
        patch.setenv("MPLBACKEND", INLINE_BACKEND)
        client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                                         resources={"metadata": {"path": str(NOTEBOOKS)}})  # fmt: skip
        client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def printed(notebook) -> str:
    return "".join(out.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                   for out in cell.outputs if out.output_type == "stream" and out.name == "stdout")  # fmt: skip


def images(notebook) -> int:
    return sum("image/png" in out.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
               for out in cell.outputs)  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scalar(data: Path, sql: str, params=None):
    con = duckdb.connect(str(data / "processed" / "proteja.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> Path:
    return build_copy(tmp_path_factory.mktemp("committed"))


@pytest.fixture(scope="module")
def executed(committed) -> dict:
    before = digest(committed / "processed" / "proteja.duckdb")
    notebooks = {name: execute(name, committed) for name in NAMES}
    notebooks["db_unchanged"] = digest(committed / "processed" / "proteja.duckdb") == before
    return notebooks


def test_status_overview_prints_the_32_state_table_map_and_timeline(executed, committed):
    text = printed(executed["01_status_overview"])
    assert f"database: {committed / 'processed' / 'proteja.duckdb'}" in text
    assert "32 states in the table" in text
    assert "map tiles drawn: 32" in text
    year = dt.date.today().year
    with_law = scalar(committed, "SELECT count(*) FILTER (WHERE law_status = 'specific_law') "
                                 "FROM status_table(CAST(? AS DATE))", [dt.date(year, 12, 31)])  # fmt: skip
    assert f"states with a specific law at the end of {year}: {with_law}" in text
    assert images(executed["01_status_overview"]) == 2  # the map and the adoption chart


def test_federal_law_history_lists_the_reforms_and_says_why_effects_are_missing(executed, committed):
    text = printed(executed["02_federal_law_history"])
    assert "law: MX/lgpsedmtp, published 2012-06-14" in text
    reforms = scalar(committed, "SELECT count(*) FROM active_events WHERE instrument_id = 'MX/lgpsedmtp' "
                                "AND event_type IN ('reformed', 'provisions_added', 'provisions_derogated')")  # fmt: skip
    assert reforms >= 6
    assert f"reform events of MX/lgpsedmtp: {reforms} on " in text
    effects = scalar(committed, "SELECT count(*) FROM effects WHERE instrument_id = 'MX/lgpsedmtp'")
    assert f"; effects: {effects}\n" in text
    if effects == 0:  # the committed data has no parsed text of the law yet
        assert "No parsed text yet: effects appear once a LeyesBiblio snapshot is in the raw store." in text
    assert images(executed["02_federal_law_history"]) == 1


def test_states_compared_counts_laws_and_reports_each_source(executed, committed):
    text = printed(executed["03_states_compared"])
    laws = scalar(committed, "SELECT count(*) FROM status_table(current_date) WHERE law_status = 'specific_law'")
    dated = scalar(committed, "SELECT count(law_published) FROM status_table(current_date) "
                              "WHERE law_status = 'specific_law'")  # fmt: skip
    assert f"states with a specific law: {laws}; publication date known for {dated};" in text
    registry_rows = scalar(committed, "SELECT count(*) FROM evidence WHERE source = 'registry'")
    assert f"source registry: {registry_rows} evidence rows, 0 snapshots, last run never" in text
    for source in ("dof", "leyesbiblio", "sil"):
        assert f"source {source}: " in text
    total = scalar(committed, "SELECT count(*) FROM evidence")
    assert f"evidence rows: {total}\n" in text
    checked = scalar(committed, "SELECT count(last_checked) FROM status_table(current_date)")
    assert f"states checked: {checked} of 32;" in text
    assert images(executed["03_states_compared"]) == 1


def test_scorecard_notebook_counts_elements_and_says_no_text_is_fetched(executed, committed):
    text = printed(executed["04_scorecard"])
    assert "18 elements" in text
    assert "33 jurisdictions x 18 elements" in text
    present = scalar(committed, "SELECT count(*) FROM scorecard(current_date) WHERE finding = 'present'")
    assert f"{present} present cells, " in text
    acted = scalar(committed, "SELECT count(*) FILTER (WHERE acted_after_lg) FROM harmonisation_timing")
    assert f"{acted} states published or reformed a specific law after 2012-06-14" in text


def test_notebooks_open_the_database_read_only(executed):
    assert executed["db_unchanged"] is True


def test_federal_law_history_shows_effects_by_provision_once_a_snapshot_is_stored(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "proteja_refresh_fixtures", REPO / "tests" / "workflows" / "refresh_fixtures.py")
    fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fixtures)
    data = build_copy(tmp_path, raw_store=fixtures.write_leyesbiblio_store)

    text = printed(execute("02_federal_law_history", data))

    assert "parsed versions: 1; effects: 4\n" in text
    assert "provisions with at least one effect: 3" in text  # art_2, art_3, art_4 of the fixture PDF
    assert "No parsed text yet" not in text


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_in_git_have_no_outputs(name):
    path = NOTEBOOKS / f"{name}.ipynb"
    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code), \
        f"{path.name} has outputs: clear them before committing (Kernel → Restart & Clear Output)"  # fmt: skip
    assert "read_only=True" in "".join(cell.source for cell in code)
