"""No silent loss: compare the candidate database with the previous (last good) publication.

A broken scrape rarely fails loudly: a layout change makes a source return nothing and ten states
quietly lose their law. So, against the previous publication's ``status.json`` and
``tables/*.csv``:

* no state that had a specific law in force loses it, and no jurisdiction that had a specific-law
  instrument loses every one of them;
* no state's row cites fewer evidence items than before;
* no published table loses more than ``max_shrink`` of its rows.

Each rule yields a frame of violations (empty when it holds). ``--allow-shrink`` waives them;
the suites record the waiver in the report.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.core.tables import TABLES


@dataclass
class LossCheck:
    name: str
    table: str
    column: str | None
    description: str
    violations: pd.DataFrame
    details: dict = field(default_factory=dict)


def loss_checks(con: duckdb.DuckDBPyConnection, status: pd.DataFrame, previous: Path | None,
                max_shrink: float) -> list[LossCheck]:  # fmt: skip
    """The no-silent-loss checks; empty frames (with a note) when there is no previous publication."""
    previous_status = _read_status(previous)
    return [
        _law_loss(con, status, previous, previous_status),
        _evidence_loss(status, previous_status),
        _table_shrink(con, previous, max_shrink),
    ]


def _read_status(previous: Path | None) -> list[dict] | None:
    if previous is None or not (previous / "status.json").exists():
        return None
    return json.loads((previous / "status.json").read_text(encoding="utf-8"))


def _note(previous_found: bool) -> dict:
    return {} if previous_found else {"note": "no previous publication to compare with"}


def _law_loss(con, status: pd.DataFrame, previous: Path | None, previous_status: list[dict] | None) -> LossCheck:
    current = dict(zip(status["state"], status["law_status"], strict=True))
    rows = [
        {"jurisdiction": row["state"], "previous": f"specific_law: {row.get('law_title')}",
         "current": current.get(row["state"], "missing")}
        for row in previous_status or []
        if row.get("law_status") == "specific_law" and current.get(row["state"]) != "specific_law"
    ]  # fmt: skip
    had = _previous_specific_law_jurisdictions(previous)
    has = {r[0] for r in con.execute("SELECT DISTINCT jurisdiction FROM instruments WHERE is_specific_law").fetchall()}
    rows += [
        {"jurisdiction": code, "previous": "has a specific-law instrument", "current": "has none"}
        for code in sorted(had - has)
    ]
    return LossCheck(
        "expect_no_jurisdiction_to_lose_its_specific_law", "status", "law_status",
        "no state with a specific law in the previous publication loses it; no jurisdiction loses "
        "every specific-law instrument",
        _frame(rows, ["jurisdiction", "previous", "current"]), _note(previous_status is not None),
    )  # fmt: skip


def _previous_specific_law_jurisdictions(previous: Path | None) -> set[str]:
    path = previous / "tables" / "instruments.csv" if previous else None
    if path is None or not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["jurisdiction"] for r in csv.DictReader(fh) if r.get("is_specific_law") == "true"}


def _evidence_loss(status: pd.DataFrame, previous_status: list[dict] | None) -> LossCheck:
    current = dict(zip(status["state"], status["n_evidence"], strict=True))
    rows = []
    for row in previous_status or []:
        before, after = len(row.get("evidence") or []), int(current.get(row["state"], 0))
        # Fewer citations is normal when a new law replaces an old one; no citation at all is a loss.
        if before > 0 and after == 0:
            rows.append({"state": row["state"], "previous_evidence": before, "current_evidence": after})
    return LossCheck(
        "expect_no_state_to_lose_evidence", "status", "evidence",
        "no state whose row cited evidence in the previous publication is left with none",
        _frame(rows, ["state", "previous_evidence", "current_evidence"]), _note(previous_status is not None),
    )


def _table_shrink(con, previous: Path | None, max_shrink: float) -> LossCheck:
    rows, counts = [], {}
    tables_dir = previous / "tables" if previous else None
    found = tables_dir is not None and tables_dir.is_dir()
    for table in TABLES:
        path = tables_dir / f"{table}.csv" if found else None
        if path is None or not path.exists():
            continue
        before = count_csv_records(path)
        after = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        counts[table] = {"previous": before, "current": after}
        if after < before * (1 - max_shrink):
            rows.append({"table": table, "previous_rows": before, "current_rows": after,
                         "lost": f"{(before - after) / before:.0%}"})  # fmt: skip
    details = {"max_shrink_fraction": max_shrink, "row_counts": counts, **_note(found)}
    return LossCheck(
        "expect_tables_not_to_shrink", "*", None,
        f"no table loses more than {max_shrink:.0%} of its rows against the previous publication",
        _frame(rows, ["table", "previous_rows", "current_rows", "lost"]), details,
    )


def count_csv_records(path: Path) -> int:
    """Data rows of a published CSV (quoted cells may span lines, so count records, not lines)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)
