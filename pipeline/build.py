"""``proteja build``: raw store + registry → DuckDB → derive → validate → publish, offline.

The build is atomic: everything is written into a candidate folder (``data/.candidate``) first.
Only when the candidate passes validation does it replace ``data/processed/``, in one directory
exchange (:mod:`pipeline.publish.promote`); otherwise the previous publication stays
byte-identical and the candidate is kept in ``data/rejected/`` for inspection. It fails closed: a
gate that cannot run publishes nothing, and ``validate=False`` (``--no-validate``) writes into
``data/unvalidated/`` only, so an unchecked build is never published nor compared against.

It is deterministic: the same raw snapshot and registry give byte-identical CSV, Parquet,
Markdown, HTML and JSON publications (the DuckDB file itself is rebuilt, not compared). So a
build whose inputs digest (raw manifest, registry, reference data, parser and rules versions,
code) matches the intact current publication does nothing and says so.

One source's failure, whatever its exception, costs only that source: its records are dropped
whole and the failure is recorded (``build_problems``) with its class.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline.core import problems
from pipeline.core.paths import DataPaths
from pipeline.fetch.lock import StoreLock
from pipeline.publish import promote
from pipeline.store import db, schema
from pipeline.store.inputs import (  # noqa: F401
    load_bill_tracking,
    load_legislatures,
    load_reference,
    load_runs,
    load_snapshots,
    load_sources,
)
from pipeline.store.registry_csv import load_records
from pipeline.store.reviews import read_decisions
from pipeline.store.rows import insert_rows

if TYPE_CHECKING:
    from pipeline.store.load import LoadReport

log = logging.getLogger(__name__)

CANDIDATE_DIRNAME = ".candidate"


class BuildFailed(RuntimeError):
    """The candidate did not pass validation (or the gate could not run); the publication is untouched."""

    def __init__(self, message: str, rejected_dir: Path | None = None, failed_checks: list[str] | None = None):
        super().__init__(message)
        self.rejected_dir = rejected_dir
        self.failed_checks = failed_checks or []


def failed_checks(validation: dict) -> list[str]:
    """One line per failed expectation: "table.column: expectation — description"."""
    lines = []
    for r in validation.get("results", []):
        if not r.get("success"):
            where = ".".join(str(p) for p in (r.get("table"), r.get("column")) if p)
            lines.append(f"{where}: {r.get('expectation')} — {r.get('description') or ''}".rstrip(" —"))
    return lines


@dataclass
class BuildResult:
    database: Path
    load: LoadReport | None
    scraped_records: int = 0
    unparsed: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    validation: dict | None = None
    problems: list = field(default_factory=list)  # pipeline.problems.Problem
    up_to_date: bool = False  # nothing changed: the build did no work
    inputs_digest: str | None = None


def build(
    paths: DataPaths,
    *,
    validate: bool = True,
    publish: bool = True,
    allow_shrink: bool = False,
    fail_after_load: bool = False,
    force: bool = False,
    lock_timeout: float = 60.0,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build the candidate, validate it, and publish it atomically, holding the data directory's lock.

    ``fail_after_load`` exists for tests: it simulates a crash mid-build. ``force`` rebuilds even
    when nothing changed. ``progress`` is called with each stage's name as it starts (load, validate,
    publish).
    """
    with StoreLock(paths.raw, timeout=lock_timeout, purpose="build"):
        promote.recover(paths.processed)
        digest = inputs_digest(paths)
        if validate and publish and not force and is_current(paths, digest):
            log.info("inputs digest %s matches the current publication: nothing to do", digest[:12])
            return BuildResult(database=paths.database, load=None, up_to_date=True, inputs_digest=digest)
        return _build_locked(paths, digest, validate=validate, publish=publish, allow_shrink=allow_shrink,
                             fail_after_load=fail_after_load, progress=progress)  # fmt: skip


def _build_locked(paths: DataPaths, digest: str, *, validate: bool, publish: bool, allow_shrink: bool,
                  fail_after_load: bool, progress: Callable[[str], None] | None = None) -> BuildResult:  # fmt: skip
    stage = progress or (lambda _name: None)
    candidate = paths.root / CANDIDATE_DIRNAME
    shutil.rmtree(candidate, ignore_errors=True)
    shutil.rmtree(paths.processed / CANDIDATE_DIRNAME, ignore_errors=True)  # left by older versions
    candidate.mkdir(parents=True)
    database = candidate / "proteja.duckdb"
    try:
        stage("load")
        result = _build_database(paths, database, digest, fail_after_load=fail_after_load)
        if validate:
            stage("validate")
            result.validation = _validate(paths, database, allow_shrink=allow_shrink)
            if not result.validation.get("success", False):
                rejected = _reject(paths, candidate)
                raise BuildFailed("validation failed; the previous publication is untouched", rejected,
                                  failed_checks(result.validation))  # fmt: skip
        if publish:
            stage("publish")
            from pipeline.publish.exports import write_publications

            result.published = write_publications(database, candidate, paths)
            target = paths.processed if validate else paths.unvalidated
            promote.swap_into_place(candidate, target)
            result.database = target / "proteja.duckdb"
        return result
    finally:
        if publish:
            shutil.rmtree(candidate, ignore_errors=True)


def is_current(paths: DataPaths, digest: str) -> bool:
    """The published database was built from exactly these inputs and every published file is intact."""
    if not paths.database.exists() or not promote.publication_intact(paths.processed):
        return False
    try:
        con = duckdb.connect(str(paths.database), read_only=True)
    except duckdb.Error:
        return False
    try:
        row = con.execute("SELECT value FROM schema_meta WHERE key = 'built_from'").fetchone()
    except duckdb.Error:
        return False
    finally:
        con.close()
    return bool(row) and row[0] == digest


def _build_database(paths: DataPaths, database: Path, digest: str, *, fail_after_load: bool) -> BuildResult:
    from pipeline.store.load import Loader

    con = db.connect_new(database)
    try:
        schema.apply_tables(con)
        load_reference(con)
        load_legislatures(con, paths)
        load_sources(con)
        with problems.collecting() as found:
            load_snapshots(con, paths)
            load_runs(con, paths)
            load_bill_tracking(con, paths)
            decisions = read_decisions(paths.registry)
            loader = Loader(decisions)
            for record in _registry_records(paths):
                loader.add(record)
            scraped, unparsed = collect_scraped(paths)
        for record in scraped:
            loader.add(record)
        report = loader.write(con)
        if fail_after_load:
            raise RuntimeError("simulated failure after load")
        from pipeline.harmonise.invalidations import write_invalidations
        from pipeline.harmonise.store import score_database

        write_invalidations(con)  # SCJN invalidations → effects on the provisions they struck
        with problems.collecting() as stale:  # element_finding decisions on versions this build lacks
            score_database(con, decisions)
        found += [p for p in stale if p not in found]
        insert_rows(con, "build_problems", [dict(p.to_dict(), ordinal=i) for i, p in enumerate(found, start=1)])
        schema.apply_derivations(con)
        schema.materialise(con)
        con.execute("INSERT INTO schema_meta VALUES ('built_from', ?)", [digest])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return BuildResult(database=database, load=report, scraped_records=len(scraped), unparsed=unparsed,
                       problems=list(found), inputs_digest=digest)  # fmt: skip


def _registry_records(paths: DataPaths) -> list:
    """The registry's records; any failure to read it becomes a RegistryError naming file and line."""
    from pipeline.store.registry_csv import RegistryError

    try:
        return load_records(paths.registry)
    except RegistryError:
        raise
    except Exception as exc:  # noqa: BLE001 - undecodable bytes, ragged rows, …: say where, not a traceback
        raise RegistryError(f"{_locate_registry_fault(paths.registry)}: {type(exc).__name__}: {exc}") from exc


def _locate_registry_fault(registry: Path) -> str:
    """``file:line`` of the first undecodable or ragged row in the registry CSVs (best effort)."""
    import csv

    for path in sorted((registry / "facts").glob("*.csv")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            return f"{path}:{line}"
        reader = csv.reader(text.splitlines())
        try:
            width = len(next(reader, []))
            for row in reader:
                if len(row) != width:
                    return f"{path}:{reader.line_num}"
        except csv.Error:
            return f"{path}:{reader.line_num}"
    return str(registry / "facts")


def collect_scraped(paths: DataPaths) -> tuple[list, list[str]]:
    """Re-derive records from the raw store, offline: every source replays its stored pages.

    A source that fails, with any exception (a classified ``ScrapeError`` or a bug), is reported
    (``unparsed`` and a build problem naming its exception class) and none of its records are kept:
    one broken source must not block the others or the registry-backed publication.
    """
    if not paths.manifest.exists():
        return [], []
    from pipeline.fetch.replay import ReplayFetcher
    from pipeline.fetch.store import RawStore
    from pipeline.parse.versions import parse_session
    from pipeline.sources.discovery import all_sources

    store = RawStore(paths.raw)
    sources_seen = {entry.source for entry in store.entries()}
    records, unparsed = [], []
    with parse_session(paths.cache) as session:
        for name, source in all_sources().items():
            if name in sources_seen:
                records.extend(_scrape_whole(name, source, ReplayFetcher(store), unparsed))
        unparsed.extend(session.unparsed)
        log.info("law texts: %d parsed, %d from cache", session.parsed, session.cached)
    return records, unparsed


def _scrape_whole(name: str, source, fetcher, unparsed: list[str]) -> list:
    """All of one source's records, or none of them if its scrape raises anything."""
    try:
        return list(source.scrape(fetcher))
    except Exception as exc:  # noqa: BLE001 - any failure of one source is that source's, classified below
        outcome = getattr(exc, "outcome", None) or "source_error"
        unparsed.append(f"{name}: {outcome}: {type(exc).__name__}: {exc}")
        problems.record(name, getattr(exc, "url", None) or "scrape", outcome, exc,
                        f"source dropped (no records kept): {exc}")  # fmt: skip
        return []


def inputs_digest(paths: DataPaths) -> str:
    """A digest of everything a build reads: raw manifest, registry facts, reference data, the
    parser and rules versions and the code (package sources, SQL, schemas) and DuckDB's version."""
    import hashlib

    from pipeline.core.paths import PACKAGE_DIR, REPO_DIR, SCHEMAS_DIR

    digest = hashlib.sha256(f"duckdb {duckdb.__version__}\n".encode())
    data_files = [paths.manifest, paths.raw / "runs.jsonl", *sorted((paths.registry / "facts").glob("*.csv")),
                  *sorted((paths.registry / "bills").glob("*.csv")), *sorted((paths.registry / "reviews").glob("*.jsonl")),
                  *sorted((paths.registry / "research" / "bills").glob("*.md")),  # bills tracking reads them
                  *sorted(paths.reference.glob("*.csv")),
                  *sorted((REPO_DIR / "data" / "reference").glob("*.csv"))]  # jurisdictions, instrument catalogue; fmt: skip
    # The code: every file of the package (sources, parser profiles, rules, SQL, shipped data), bytecode aside.
    code_files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    code_files += sorted(SCHEMAS_DIR.glob("*.json"))
    for path in data_files + code_files:
        if path.is_file():
            digest.update(f"{path.name} {path.stat().st_size}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _validate(paths: DataPaths, database: Path, *, allow_shrink: bool) -> dict:
    """Run the gate (great-expectations is imported only here, when there is a candidate)."""
    try:
        from pipeline.validate.suites import validate_database
    except Exception as exc:  # noqa: BLE001 - fail closed: no gate, no publication
        raise BuildFailed(f"the validation gate cannot run ({type(exc).__name__}: {exc}); nothing was published") from exc
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
