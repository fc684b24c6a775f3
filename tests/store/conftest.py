"""A small fixture history, written as registry CSV, built into a real DuckDB store."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import DataPaths
from pipeline.store.registry_csv import BILL_COLUMNS, COLUMNS

SRC = "https://www.congreso.gob.mx/source"
ACC = "2026-01-15"


def fact(jur, slug, title, itype, event, date="", **extra):
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        jurisdiction=jur, instrument_slug=slug, instrument_title=title, instrument_type=itype, event=event,
        date=date, source_url=extra.pop("source_url", SRC), accessed=extra.pop("accessed", ACC),
        confidence=extra.pop("confidence", "official"), source_kind=extra.pop("source_kind", "official_site"),
    )
    row.update(extra)
    return row


# Chiapas: a law published, later abrogated and replaced.
# Jalisco: an initiative presented, referred, approved and published; the law it produced.
# Baja California Sur: penal code only, and an initiative that expires.
# Sonora: a research record only (searched, nothing found) -> unknown.
HISTORY = [
    fact("MX-CHP", "ley-trata-2009", "Ley para Combatir la Trata (2009)", "ley_estatal_trata", "published", "2009-04-03",
         gazette="Periódico Oficial del Estado de Chiapas", issue="156"),
    fact("MX-CHP", "ley-trata-2009", "Ley para Combatir la Trata (2009)", "ley_estatal_trata", "reformed", "2012-03-01"),
    fact("MX-CHP", "ley-trata-2009", "Ley para Combatir la Trata (2009)", "ley_estatal_trata", "abrogated", "2020-08-05"),
    fact("MX-CHP", "ley-trata-2020", "Ley para Prevenir y Combatir la Trata (2020)", "ley_estatal_trata", "published",
         "2020-08-05", gazette="Periódico Oficial del Estado de Chiapas", issue="120, Tomo III",
         official_url="https://www.congresochiapas.gob.mx/ley.pdf"),
    fact("MX-JAL", "inic-2015-01", "Iniciativa de Ley de Trata", "iniciativa", "presented", "2015-01-10"),
    fact("MX-JAL", "inic-2015-01", "Iniciativa de Ley de Trata", "iniciativa", "referred", "2015-01-15"),
    fact("MX-JAL", "inic-2015-01", "Iniciativa de Ley de Trata", "iniciativa", "approved", "2015-06-01"),
    fact("MX-JAL", "inic-2015-01", "Iniciativa de Ley de Trata", "iniciativa", "published", "2015-07-01"),
    fact("MX-JAL", "ley-trata-2015", "Ley Estatal de Trata de Jalisco", "ley_estatal_trata", "published", "2015-07-01"),
    fact("MX-BCS", "codigo-penal", "Código Penal de BCS", "codigo_penal", "observed_in_force", "2016-01-01",
         note="arts. 1-2 tipifican trata"),
    fact("MX-BCS", "inic-2016-03", "Iniciativa de ley de trata BCS", "iniciativa", "presented", "2016-03-01"),
    fact("MX-BCS", "inic-2016-03", "Iniciativa de ley de trata BCS", "iniciativa", "expired", "2018-08-31"),
    fact("MX-SON", "ley-trata", "Ley de Trata de Sonora", "ley_estatal_trata", "searched_not_found",
         note="searched the congress list and the SCJN system"),
    fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published", "2012-06-14",
         gazette="Diario Oficial de la Federación"),
]


def write_registry(root: Path, rows: list[dict]) -> DataPaths:
    paths = DataPaths(root)
    _write_by_jurisdiction(paths.registry / "facts", [r for r in rows if r["instrument_type"] != "iniciativa"],
                           COLUMNS)
    _write_by_jurisdiction(paths.registry / "bills", [bill_row(r) for r in rows if r["instrument_type"] == "iniciativa"],
                           BILL_COLUMNS)  # fmt: skip
    (paths.raw).mkdir(parents=True, exist_ok=True)
    return paths


def bill_row(row: dict) -> dict:
    """A fact-style fixture row of an iniciativa as a row of data/registry/bills/<CODE>.csv."""
    out = dict.fromkeys(BILL_COLUMNS, "")
    out.update(jurisdiction=row["jurisdiction"], bill_slug=row["instrument_slug"], title=row["instrument_title"],
               event=row["event"], date=row["date"], source_url=row["source_url"], accessed=row["accessed"],
               confidence=row["confidence"], source_kind=row["source_kind"], note=row["note"],
               document_url=row.get("official_url", ""))  # fmt: skip
    return out


def _write_by_jurisdiction(folder: Path, rows: list[dict], columns) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(row["jurisdiction"].removeprefix("MX-") or "MX", []).append(row)
    for name, file_rows in by_file.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(file_rows)


@pytest.fixture(scope="session")
def _published_history(tmp_path_factory) -> DataPaths:
    """HISTORY built once with the gate on: only a validated build publishes into data/processed."""
    paths = write_registry(tmp_path_factory.mktemp("history") / "data", HISTORY)
    result = build(paths)
    assert result.validation and result.validation["success"], result.validation
    return paths


@pytest.fixture
def history_paths(_published_history, tmp_path) -> DataPaths:
    """A private copy of the published HISTORY data folder (tests may change it)."""
    shutil.copytree(_published_history.root, tmp_path / "data", ignore=shutil.ignore_patterns(".lock"))
    return DataPaths(tmp_path / "data")


@pytest.fixture
def history_db(history_paths):
    con = duckdb.connect(str(history_paths.database), read_only=True)
    yield con
    con.close()


def status_of(con, as_of: str, state: str) -> dict:
    cursor = con.execute("SELECT * FROM status_table(CAST(? AS DATE)) WHERE state = ?", [as_of, state])
    cols = [c[0] for c in cursor.description]
    return dict(zip(cols, cursor.fetchall()[0], strict=True))
