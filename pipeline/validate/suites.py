"""The publish gate: run every expectation on a candidate database and write a JSON report.

``build()`` calls :func:`validate_database` on the candidate and publishes only when the report
says ``success``; ``proteja validate`` calls it and :func:`print_summary`. The checks themselves
are declared in :mod:`pipeline.validate.expectations` and :mod:`pipeline.validate.loss`.

Frames go DuckDB → pandas (here) → GX's pandas datasource (:mod:`pipeline.validate.gx_runner`).
Validation only reads: the database is opened read-only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import duckdb
import pandas as pd
from rich.console import Console
from rich.markup import escape

from pipeline.core.tables import TABLES
from pipeline.derive.status import publication_as_of
from pipeline.validate import expectations as ex
from pipeline.validate.gx_runner import GxRunner, frame_rows, plain
from pipeline.validate.loss import LossCheck, loss_checks

REPORT_NAME = "validation.json"
ROW_COUNT_ZERO = ("expect_table_row_count_to_equal", {"value": 0})

STATUS_SQL = "SELECT * EXCLUDE (evidence), len(evidence) AS n_evidence FROM status_table(CAST(? AS DATE))"
#: The published status files carry the federation's row too: the no-loss checks compare all of them.
ALL_STATUS_SQL = STATUS_SQL.replace("status_table(", "jurisdiction_status_table(")


def validate_database(
    database: Path,
    *,
    previous_publication: Path | None,
    allow_shrink: bool,
    report_dir: Path,
    build_date: dt.date | None = None,
    max_shrink: float = ex.MAX_SHRINK_FRACTION,
) -> dict:
    """Run every expectation on ``database``; write and return the report (``success`` gates publishing)."""
    build_date = build_date or dt.date.today()
    con = duckdb.connect(str(database), read_only=True)
    try:
        as_of = _as_of(con)
        frames, unreadable = _load_frames(con, as_of)
        rule_frames = [(rule, *_query(con, rule.sql)) for rule in ex.rules()]
        if ex.STATUS in frames:
            everyone, _ = _query(con, ALL_STATUS_SQL, [as_of or dt.date.today()])
            losses = loss_checks(con, frames[ex.STATUS] if everyone is None else everyone, previous_publication,
                                 max_shrink)  # fmt: skip
        else:
            losses = []
    finally:
        con.close()
    runner = GxRunner()
    results = unreadable + _run_checks(runner, frames, ex.checks(build_date))
    results += [_run_rule(runner, rule, frame, error) for rule, frame, error in rule_frames]
    results += [_run_loss(runner, loss, allow_shrink) for loss in losses]
    report = _report(database, results, build_date, as_of, previous_publication, allow_shrink, max_shrink, runner)
    write_report(report, report_dir)
    return report


def _as_of(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    try:
        return publication_as_of(con)
    except duckdb.Error:
        return None


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> tuple[pd.DataFrame | None, str | None]:
    try:
        return con.execute(sql, params or []).df(), None
    except duckdb.Error as exc:
        return None, str(exc).splitlines()[0]


def _load_frames(con: duckdb.DuckDBPyConnection, as_of: dt.date | None) -> tuple[dict[str, pd.DataFrame], list[dict]]:
    """Every published table plus the status table as of the publication date; unreadable ones fail."""
    frames, failures = {}, []
    queries = {table: (f"SELECT * FROM {table}", None) for table in TABLES}
    queries[ex.STATUS] = (STATUS_SQL, [as_of or dt.date.today()])
    for name, (sql, params) in queries.items():
        frame, error = _query(con, sql, params)
        if frame is None:
            failures.append(_result("keys", "expect_table_to_be_readable", name, None, False, [],
                                    {"error": error}, "the table exists and can be read", gx=None))  # fmt: skip
        else:
            frames[name] = frame
    return frames, failures


def _run_checks(runner: GxRunner, frames: dict[str, pd.DataFrame], checks: list[ex.Check]) -> list[dict]:
    by_table: dict[str, list[ex.Check]] = defaultdict(list)
    for check in checks:
        by_table[check.table].append(check)
    results = []
    for table, group in by_table.items():
        if table not in frames:
            continue  # already reported as unreadable
        missing = [c for c in group if not _has_columns(frames[table], c)]
        present = [c for c in group if c not in missing]
        outcomes = runner.run(frames[table], [(c.expectation, c.kwargs) for c in present])
        for check, outcome in zip(present, outcomes, strict=True):
            results.append(_result(check.family, check.expectation, table, check.column, outcome["success"],
                                   outcome["unexpected"], outcome["details"], check.description, check.expectation))
        for check in missing:
            results.append(_result(check.family, check.expectation, table, check.column, False, [],
                                   {"error": "column missing"}, check.description, check.expectation))
    return results  # fmt: skip


def _has_columns(frame: pd.DataFrame, check: ex.Check) -> bool:
    kw = check.kwargs
    wanted = [kw[k] for k in ("column", "column_A", "column_B") if k in kw] + list(kw.get("column_list", []))
    return all(column in frame.columns for column in wanted)


def _run_rule(runner: GxRunner, rule: ex.Rule, frame: pd.DataFrame | None, error: str | None) -> dict:
    if frame is None:
        return _result(rule.family, rule.name, rule.table, rule.column, False, [], {"error": error},
                       rule.description, ROW_COUNT_ZERO[0])  # fmt: skip
    outcome = runner.run(frame, [ROW_COUNT_ZERO])[0]
    return _result(rule.family, rule.name, rule.table, rule.column, outcome["success"], frame_rows(frame),
                   {"violations": len(frame), **outcome["details"]}, rule.description, ROW_COUNT_ZERO[0])  # fmt: skip


def _run_loss(runner: GxRunner, loss: LossCheck, allow_shrink: bool) -> dict:
    outcome = runner.run(loss.violations, [ROW_COUNT_ZERO])[0]
    details = {"violations": len(loss.violations), **plain(loss.details), **outcome["details"]}
    result = _result("no_silent_loss", loss.name, loss.table, loss.column, outcome["success"],
                     frame_rows(loss.violations), details, loss.description, ROW_COUNT_ZERO[0])  # fmt: skip
    if not result["success"] and allow_shrink:
        result["success"] = True
        result["waived"] = "--allow-shrink"
    return result


def _result(family, expectation, table, column, success, unexpected, details, description, gx) -> dict:
    return {
        "family": family,
        "expectation": expectation,
        "gx_expectation": gx,
        "table": table,
        "column": column,
        "success": bool(success),
        "unexpected": unexpected,
        "details": details,
        "description": description,
    }


def _report(database, results, build_date, as_of, previous, allow_shrink, max_shrink, runner) -> dict:
    failed = [r for r in results if not r["success"]]
    return {
        "success": not failed,
        "allow_shrink": allow_shrink,
        "build_date": build_date.isoformat(),
        "as_of": as_of.isoformat() if as_of else None,
        "database": str(database),
        "previous_publication": str(previous) if previous else None,
        "max_shrink_fraction": max_shrink,
        "great_expectations": runner.version,
        "statistics": {
            "evaluated": len(results),
            "failed": len(failed),
            "waived": sum(1 for r in results if r.get("waived")),
            "by_family": {f: sum(1 for r in results if r["family"] == f) for f in ex.FAMILIES},
        },
        "results": results,
    }


def write_report(report: dict, report_dir: Path) -> Path:
    report_dir.mkdir(parents=True, exist_ok=True)
    path = report_dir / REPORT_NAME
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n",
                    encoding="utf-8")  # fmt: skip
    return path


# -- the readable summary --------------------------------------------------------------------------


def print_summary(report: dict, console: Console) -> None:
    """Name each failing expectation with its table, column and a few offending values."""
    stats = report.get("statistics", {})
    results = report.get("results", [])
    failed = [r for r in results if not r["success"]]
    waived = [r for r in results if r.get("waived")]
    head = f"as of {report.get('as_of')} · build date {report.get('build_date')}"
    if failed:
        console.print(f"[red]Validation FAILED[/red]: {len(failed)} of {stats.get('evaluated')} expectations ({head})")
    else:
        console.print(f"[green]Validation passed[/green]: {stats.get('evaluated')} expectations ({head})")
    for r in failed:
        console.print(f"  [red]✗[/red] {_line(r)}", highlight=False)
        console.print(f"      {escape(_evidence_of_failure(r))}", highlight=False)
    for r in waived:
        console.print(f"  [yellow]waived by --allow-shrink[/yellow]: {_line(r)}", highlight=False)
        console.print(f"      {escape(_evidence_of_failure(r))}", highlight=False)


def _line(r: dict) -> str:
    where = r["table"] + (f".{r['column']}" if r.get("column") else "")
    return escape(f"{r['expectation']} [{r['family']}] on {where}: {r['description']}")


def _evidence_of_failure(r: dict) -> str:
    details = r.get("details") or {}
    if details.get("error"):
        return f"error: {details['error']}"
    parts = []
    if r.get("unexpected"):
        shown = "; ".join(_short(v) for v in r["unexpected"])
        parts.append(f"offending: {shown}")
    for key in ("unexpected_count", "violations", "observed_value"):
        if key in details and not (key == "observed_value" and "violations" in details):
            parts.append(f"{key.replace('_', ' ')}: {_short(details[key])}")
    return " · ".join(parts) or "no details"


def _short(value, limit: int = 120) -> str:
    if isinstance(value, dict):
        text = ", ".join(f"{k}={v}" for k, v in value.items())
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
