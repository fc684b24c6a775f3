"""Legislatures as reference data, and the rules for bills a legislature leaves unresolved.

* ``data/reference/legislatures.csv``: one row per legislature of a jurisdiction's legislative body, with its
  start and end as its source states them (EDTF subset, :mod:`pipeline.core.dates`; empty when no source
  states them — never guessed) and the page read;
* ``data/reference/legislature_rules.csv``: a state's own rule (instrument + article) on what happens to
  initiatives unresolved when a legislature ends (vocabulary ``legislature_rule_effect``).

Both are reviewed like the registry: a malformed row stops the build with its file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import duckdb

from pipeline.core import jurisdictions, vocab
from pipeline.core.citations import is_official_host, url_problem
from pipeline.core.dates import DateSpan, DateSpanError
from pipeline.parse.law.numerals import roman_to_int
from pipeline.store.registry_csv import RegistryError

LEGISLATURE_COLUMNS = ("jurisdiction", "legislature", "body", "start", "end", "source_url", "source_kind",
                       "accessed", "note")  # fmt: skip
RULE_COLUMNS = ("jurisdiction", "effect", "instrument", "article", "source_url", "source_kind", "accessed", "note")
LEGISLATURES_CSV = "legislatures.csv"
RULES_CSV = "legislature_rules.csv"

_ROMAN = re.compile(r"[IVXLC]+")


class LegislatureError(RegistryError):
    """A row of the legislatures reference data is malformed; the message names the file and line.

    A RegistryError, so ``proteja build`` reports it the same way (the message, exit 1, nothing published)."""


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict]]:
    if not path.exists():
        return []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != columns:
                raise LegislatureError(f"{path}:1: header must be {','.join(columns)}")
            out = []
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if None in row or any(v is None for v in row.values()):
                    raise LegislatureError(f"{where}: expected {len(columns)} fields")
                out.append((where, {k: v.strip() for k, v in row.items()}))
            return out
    except UnicodeDecodeError as exc:
        raise LegislatureError(f"{path}: not UTF-8 ({exc})") from exc


def _jurisdiction(value: str, where: str) -> str:
    try:
        code = jurisdictions.resolve(value)
    except jurisdictions.UnknownJurisdiction as exc:
        raise LegislatureError(f"{where}: {exc}") from exc
    if code != value:
        raise LegislatureError(f"{where}: write the ISO code {code!r}, not {value!r}")
    return code


def _citation(row: dict, where: str) -> dict:
    if not row["source_url"]:
        raise LegislatureError(f"{where}: source_url is required")
    problem = url_problem(row["source_url"])
    if problem:
        raise LegislatureError(f"{where}: source_url: {problem}")
    if row["source_kind"] not in vocab.SOURCE_KINDS:
        raise LegislatureError(f"{where}: source_kind {row['source_kind']!r} is not in the vocabulary "
                               f"{sorted(vocab.SOURCE_KINDS)}")  # fmt: skip
    try:
        accessed = dt.date.fromisoformat(row["accessed"])
    except ValueError as exc:
        raise LegislatureError(f"{where}: accessed {row['accessed']!r} is not an ISO date (YYYY-MM-DD)") from exc
    official = row["source_kind"] in ("official_site", "official_gazette") and is_official_host(row["source_url"])
    return {"source_url": row["source_url"], "source_kind": row["source_kind"],
            "confidence": "official" if official else "secondary", "accessed": accessed,
            "note": row["note"] or None}  # fmt: skip


def _dates_citation(row: dict, where: str, *, dated: bool) -> dict:
    """A row that states a date cites the page read; a row with neither start nor end may cite nothing, but
    its note must say what was searched (the numeral is then known, its dates are not)."""
    if dated or row["source_url"] or row["source_kind"]:
        return _citation(row, where)
    if not row["note"]:
        raise LegislatureError(f"{where}: a row with no start, end or source_url needs a note saying what was searched")
    try:
        accessed = dt.date.fromisoformat(row["accessed"])
    except ValueError as exc:
        raise LegislatureError(f"{where}: accessed {row['accessed']!r} is not an ISO date (YYYY-MM-DD)") from exc
    return {"source_url": None, "source_kind": None, "confidence": None, "accessed": accessed, "note": row["note"]}


def _span(value: str, where: str, column: str) -> DateSpan | None:
    if not value:
        return None
    try:
        return DateSpan.parse(value)
    except DateSpanError as exc:
        raise LegislatureError(f"{where}: {column} {exc}") from exc


def read_legislatures(reference_dir: Path) -> list[dict]:
    """The rows of legislatures.csv as table rows; a bad row raises LegislatureError naming file and line."""
    out, seen = [], {}
    for where, row in _rows(reference_dir / LEGISLATURES_CSV, LEGISLATURE_COLUMNS):
        code = _jurisdiction(row["jurisdiction"], where)
        if not _ROMAN.fullmatch(row["legislature"]):
            raise LegislatureError(f"{where}: legislature {row['legislature']!r} is not a Roman numeral (e.g. LXV)")
        if not row["body"]:
            raise LegislatureError(f"{where}: body is required (e.g. 'Congreso del Estado de Sonora')")
        start, end = _span(row["start"], where, "start"), _span(row["end"], where, "end")
        if start and end and start.earliest and end.latest and end.latest < start.earliest:
            raise LegislatureError(f"{where}: end {end.text} is before start {start.text}")
        key = (code, row["body"], row["legislature"])
        if key in seen:
            raise LegislatureError(f"{where}: {code} {row['body']} {row['legislature']} is already on {seen[key]}")
        seen[key] = where
        out.append({"legislature_id": "/".join(key), "jurisdiction": code, "legislature": row["legislature"],
                    "number": roman_to_int(row["legislature"]),
                    "body": row["body"], **_span_columns("start", start), **_span_columns("end", end),
                    **_dates_citation(row, where, dated=bool(start or end)),
                    "line_no": int(where.rsplit(":", 1)[1])})  # fmt: skip
    return out


def read_rules(reference_dir: Path) -> list[dict]:
    """The rows of legislature_rules.csv; each must cite an instrument and an article."""
    out, seen = [], {}
    for where, row in _rows(reference_dir / RULES_CSV, RULE_COLUMNS):
        code = _jurisdiction(row["jurisdiction"], where)
        if row["effect"] not in vocab.LEGISLATURE_RULE_EFFECTS:
            raise LegislatureError(f"{where}: effect {row['effect']!r} is not in the vocabulary "
                                   f"{sorted(vocab.LEGISLATURE_RULE_EFFECTS)}")  # fmt: skip
        for column in ("instrument", "article"):
            if not row[column]:
                raise LegislatureError(f"{where}: {column} is required: a rule is cited by instrument and article")
        rule_id = f"{code}/{row['effect']}/{row['article']}"
        if rule_id in seen:
            raise LegislatureError(f"{where}: rule {rule_id} is already on {seen[rule_id]}")
        seen[rule_id] = where
        out.append({"rule_id": rule_id, "jurisdiction": code, "effect": row["effect"],
                    "instrument": row["instrument"], "article": row["article"], **_citation(row, where),
                    "line_no": int(where.rsplit(":", 1)[1])})  # fmt: skip
    effects = {}
    for rule in out:
        effects.setdefault(rule["jurisdiction"], set()).add(rule["effect"])
    for code, found in sorted(effects.items()):
        if len(found) > 1:
            raise LegislatureError(f"{reference_dir / RULES_CSV}: {code} cites both {' and '.join(sorted(found))}")
    return out


def _span_columns(prefix: str, span: DateSpan | None) -> dict:
    return {f"{prefix}_text": span.text if span else None, f"{prefix}_earliest": span.earliest if span else None,
            f"{prefix}_latest": span.latest if span else None,
            f"{prefix}_precision": span.precision if span else None}  # fmt: skip


def load(con: duckdb.DuckDBPyConnection, reference_dir: Path) -> tuple[int, int]:
    """Insert both files' rows; return (legislatures, rules)."""
    from pipeline.store.rows import insert_rows

    legislatures, rules = read_legislatures(reference_dir), read_rules(reference_dir)
    insert_rows(con, "legislatures", legislatures)
    insert_rows(con, "legislature_rules", rules)
    return len(legislatures), len(rules)
