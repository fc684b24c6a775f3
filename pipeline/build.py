"""``proteja build``: raw store + registry → DuckDB → derive → validate → publish, offline.

The build is atomic: everything is written into a candidate folder first. Only when the
candidate passes validation are its files moved into ``data/processed/``; otherwise the previous
publication stays byte-identical and the candidate is kept in ``data/rejected/`` for inspection.

It is deterministic: the same raw snapshot and registry give byte-identical CSV, Parquet,
Markdown, HTML and JSON publications (the DuckDB file itself is rebuilt, not compared).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.core import jurisdictions
from pipeline.core.paths import DataPaths
from pipeline.store import db, schema
from pipeline.store.load import Loader, LoadReport, _insert
from pipeline.store.registry_csv import load_records
from pipeline.store.reviews import read_decisions

log = logging.getLogger(__name__)

CANDIDATE_DIRNAME = ".candidate"


class BuildFailed(RuntimeError):
    """The candidate did not pass validation; the previous publication is untouched."""

    def __init__(self, message: str, rejected_dir: Path | None = None):
        super().__init__(message)
        self.rejected_dir = rejected_dir


@dataclass
class BuildResult:
    database: Path
    load: LoadReport
    scraped_records: int = 0
    unparsed: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    validation: dict | None = None


def build(
    paths: DataPaths,
    *,
    validate: bool = True,
    publish: bool = True,
    allow_shrink: bool = False,
    fail_after_load: bool = False,
) -> BuildResult:
    """Build the candidate, validate it, and publish it atomically.

    ``fail_after_load`` exists for tests: it simulates a crash mid-build.
    """
    candidate = paths.processed / CANDIDATE_DIRNAME
    if candidate.exists():
        shutil.rmtree(candidate)
    candidate.mkdir(parents=True)
    database = candidate / "proteja.duckdb"
    try:
        result = _build_database(paths, database, fail_after_load=fail_after_load)
        if validate:
            result.validation = _validate(paths, database, allow_shrink=allow_shrink)
            if not result.validation.get("success", False):
                rejected = _reject(paths, candidate)
                raise BuildFailed("validation failed; the previous publication is untouched", rejected)
        if publish:
            from pipeline.publish.exports import write_publications

            result.published = write_publications(database, candidate, paths)
            _promote(candidate, paths.processed)
            result.database = paths.database
        return result
    finally:
        if candidate.exists() and publish:
            shutil.rmtree(candidate, ignore_errors=True)


def _build_database(paths: DataPaths, database: Path, *, fail_after_load: bool) -> BuildResult:
    con = db.connect_new(database)
    try:
        schema.apply_tables(con)
        load_reference(con)
        load_sources(con)
        load_snapshots(con, paths)
        load_runs(con, paths)
        load_bill_tracking(con, paths)
        loader = Loader(read_decisions(paths.registry))
        for record in load_records(paths.registry):
            loader.add(record)
        scraped, unparsed = collect_scraped(paths)
        for record in scraped:
            loader.add(record)
        report = loader.write(con)
        if fail_after_load:
            raise RuntimeError("simulated failure after load")
        schema.apply_derivations(con)
        con.execute("INSERT INTO schema_meta VALUES ('built_from', ?)", [_inputs_digest(paths)])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return BuildResult(database=database, load=report, scraped_records=len(scraped), unparsed=unparsed)


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
    _insert(con, "jurisdictions", rows)


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
    _insert(con, "sources", rows)


def _read_jsonl(path: Path) -> list[dict]:
    """Read a JSON-lines file; a trailing partial line (an interrupted write) is ignored and logged."""
    if not path.exists():
        return []
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            if number == len(lines):
                log.warning("%s: ignoring a partial last line (interrupted write)", path)
                continue
            raise
    return rows


def _timestamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def load_snapshots(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    rows = []
    for line_no, entry in enumerate(_read_jsonl(paths.manifest), start=1):
        rows.append(
            {
                "line_no": line_no,
                "source": entry.get("source") or "unknown",
                "url": entry["url"],
                "final_url": entry.get("final_url"),
                "retrieved_at": _timestamp(entry.get("retrieved_at")),
                "http_status": entry.get("http_status"),
                "content_type": entry.get("content_type"),
                "declared_charset": entry.get("declared_charset"),
                "encoding": entry.get("encoding"),
                "bytes": entry.get("bytes"),
                "sha256": entry.get("sha256"),
                "etag": entry.get("etag"),
                "last_modified": entry.get("last_modified"),
                "outcome": entry["outcome"],
                "error": entry.get("error"),
            }
        )
    _insert(con, "snapshots", rows)


def load_bill_tracking(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    from pipeline.sources.discovery import all_sources
    from pipeline.store.tracking import research_rows, scraped_rows

    bill_sources = {n: s.info.jurisdictions for n, s in all_sources().items() if s.info.role == "bills"}
    _insert(con, "bill_tracking", research_rows(paths.registry) + scraped_rows(con, bill_sources))


def load_runs(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> None:
    rows = []
    for run in _read_jsonl(paths.raw / "runs.jsonl"):
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
    _insert(con, "source_runs", _unique(rows, ("run_id", "source")))


def _unique(rows: list[dict], key: tuple[str, ...]) -> list[dict]:
    return list({tuple(r[k] for k in key): r for r in rows}.values())


def collect_scraped(paths: DataPaths) -> tuple[list, list[str]]:
    """Re-derive records from the raw store, offline: every source replays its stored pages.

    A source whose pages are missing or unparseable is reported (``unparsed``), never fatal:
    one broken source must not block the registry-backed publication.
    """
    if not paths.manifest.exists():
        return [], []
    try:
        from pipeline.fetch.replay import ReplayFetcher
        from pipeline.fetch.store import RawStore
    except ImportError:  # pragma: no cover - the runtime ships with the package
        return [], ["raw store present but pipeline.fetch is unavailable"]
    from pipeline.core.errors import ScrapeError
    from pipeline.parse.versions import parse_session
    from pipeline.sources.discovery import all_sources

    store = RawStore(paths.raw)
    sources_seen = {entry.source for entry in store.entries()}
    records, unparsed = [], []
    with parse_session(paths.cache) as session:
        for name, source in all_sources().items():
            if name not in sources_seen:
                continue
            fetcher = ReplayFetcher(store)
            try:
                records.extend(source.scrape(fetcher))
            except ScrapeError as exc:
                unparsed.append(f"{name}: {exc.outcome}: {exc}")
                log.warning("source %s could not be re-derived: %s", name, exc)
        unparsed.extend(session.unparsed)
        log.info("law texts: %d parsed, %d from cache", session.parsed, session.cached)
    return records, unparsed


def _inputs_digest(paths: DataPaths) -> str:
    """A digest of the build's inputs (manifest + registry), recorded in schema_meta."""
    import hashlib

    digest = hashlib.sha256()
    files = [paths.manifest] + sorted((paths.registry / "facts").glob("*.csv"))
    files += sorted((paths.registry / "bills").glob("*.csv")) + sorted((paths.registry / "reviews").glob("*.jsonl"))
    for path in files:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _validate(paths: DataPaths, database: Path, *, allow_shrink: bool) -> dict:
    try:
        from pipeline.validate.suites import validate_database
    except ImportError:
        log.warning("validation stage not installed; publishing without the expectation gate")
        return {"success": True, "skipped": True}
    previous = paths.processed if (paths.processed / "datapackage.json").exists() else None
    report = validate_database(database, previous_publication=previous, allow_shrink=allow_shrink,
                               report_dir=database.parent / "validation")
    return report


def _reject(paths: DataPaths, candidate: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = paths.rejected / stamp
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(candidate), str(target))
    return target


def _promote(candidate: Path, processed: Path) -> None:
    """Move every candidate file into place; each move is an atomic rename on the same filesystem."""
    for src in sorted(candidate.rglob("*")):
        if src.is_dir():
            continue
        dest = processed / src.relative_to(candidate)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
