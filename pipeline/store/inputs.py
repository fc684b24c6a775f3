"""Build inputs other than records: reference data, source metadata, the raw manifest, runs, bill tracking."""

from __future__ import annotations

import datetime as dt
import json
import logging

import duckdb

from pipeline.core import jurisdictions, problems
from pipeline.core.paths import DataPaths
from pipeline.store.rows import insert_rows

log = logging.getLogger(__name__)


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    rows = [
        {
            "code": j.code,
            "inegi": j.inegi,
            "official_name": j.official_name,
            "name": j.name,
            "aliases": "|".join(j.aliases),
            "gazette": j.gazette,
            "congress_url": j.congress_url,
            "is_state": j.is_state,
        }
        for j in jurisdictions.load()
    ]
    insert_rows(con, "jurisdictions", rows)


def load_legislatures(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    """data/reference/legislatures.csv and legislature_rules.csv (a bad row stops the build: file and line)."""
    from pipeline.store.legislatures import load

    load(con, paths.reference)


def load_sources(con: duckdb.DuckDBPyConnection) -> None:
    from pipeline.sources.discovery import all_sources

    rows = [
        {
            "name": "registry",
            "title": "proteja curated registry (data/registry/facts/*.csv)",
            "jurisdiction": "MX",
            "homepage": None,
            "allowed_hosts": None,
            "encoding": "utf-8",
            "min_interval_s": None,
            "formats": "csv",
            "covers": "Citable facts for all 33 jurisdictions, each with its public source",
        }
    ]
    for name, source in all_sources().items():
        info = source.info
        rows.append(
            {
                "name": name,
                "title": info.title,
                "jurisdiction": info.jurisdiction,
                "homepage": info.homepage,
                "allowed_hosts": " ".join(info.allowed_hosts),
                "encoding": info.encoding,
                "min_interval_s": info.min_interval_s,
                "formats": " ".join(info.formats),
                "covers": info.covers,
            }
        )
    insert_rows(con, "sources", rows)


def _timestamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def load_snapshots(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    """The manifest through the raw store's one tolerant reader; skipped lines become build problems."""
    from pipeline.fetch.store import RawStore

    store = RawStore(paths.raw)
    rows = []
    for line_no, entry in enumerate(store.entries(), start=1):
        rows.append(
            {
                "line_no": line_no,
                "source": entry.source or "unknown",
                "url": entry.url,
                "final_url": entry.final_url,
                "retrieved_at": _timestamp(entry.retrieved_at),
                "http_status": entry.http_status,
                "content_type": entry.content_type,
                "declared_charset": entry.declared_charset,
                "encoding": entry.encoding,
                "bytes": entry.bytes,
                "sha256": entry.sha256,
                "etag": entry.etag,
                "last_modified": entry.last_modified,
                "outcome": entry.outcome,
                "error": entry.error,
                "method": entry.key[0],
                "body_sha256": entry.body_sha256 if entry.key[0] != "GET" else None,
            }
        )
    for problem in store.problems():
        problems.record("raw store", f"manifest.jsonl line {problem.line_no}", "store_error", "ManifestLineSkipped",
                        f"{problem.reason}: {problem.text[:120]}")  # fmt: skip
    insert_rows(con, "snapshots", rows)


def load_bill_tracking(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    from pipeline.sources.discovery import all_sources
    from pipeline.store.tracking import research_rows, scraped_rows

    bill_sources = {n: s.info.jurisdictions for n, s in all_sources().items() if s.info.role == "bills"}
    insert_rows(con, "bill_tracking", research_rows(paths.registry) + scraped_rows(con, bill_sources))


def load_runs(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    from pipeline.fetch.runs import read_runs

    rows = []
    for run in read_runs(paths.raw / "runs.jsonl"):
        rows.append(
            {
                "run_id": run["run_id"],
                "source": run["source"],
                "started_at": _timestamp(run.get("started_at")),
                "finished_at": _timestamp(run.get("finished_at")),
                "items_found": run.get("items_found"),
                "outcomes": json.dumps(run.get("outcomes") or {}, sort_keys=True),
                "ok": bool(run.get("ok")),
                "mode": run.get("mode"),
                "last_error": run.get("last_error"),
            }
        )
    insert_rows(con, "source_runs", _unique(rows, ("run_id", "source")))


def _unique(rows: list[dict], key: tuple[str, ...]) -> list[dict]:
    return list({tuple(r[k] for k in key): r for r in rows}.values())
