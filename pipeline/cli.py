"""proteja's command line. Each command wires stages together; the logic lives in the stage modules.

Run ``proteja --help`` (or ``python -m pipeline --help``) for the list of commands.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import (  # noqa: F401
    Lang,
    QueryFormat,
    StatusFormat,
    _cells,
    _connect,
    _console,
    _err,
    _esc,
    _not_available,
    _parse_date,
    _resolve_state,
    app,
    console,
    err,
    state,
)
from pipeline.core.paths import DataPaths
from pipeline.core.tables import TABLES

#: Third-party loggers quieted to WARNING even with -v.
NOISY_LOGGERS = ("great_expectations", "urllib3", "pdfminer", "pdfplumber", "PIL", "matplotlib", "asyncio", "httpx")

#: What each build stage is called on the terminal.
STAGE_NAMES = {"load": "Loading the registry and the raw store", "validate": "Validating (expectation gate)",
               "publish": "Writing the publications"}  # fmt: skip


@app.callback()
def main_callback(
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="PROTEJA_DATA_DIR", help="Data folder (default ./data).", show_default=False),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in NOISY_LOGGERS:  # third-party chatter stays out of -v; their warnings still show
        logging.getLogger(noisy).setLevel(logging.WARNING)
    state.paths = DataPaths.from_env(data_dir)


# -- build, status, timeline, query ----------------------------------------------------------------


@app.command()
def build(
    no_validate: Annotated[
        bool, typer.Option("--no-validate", help="Skip the expectation gate: writes data/unvalidated/, never publishes.")
    ] = False,
    allow_shrink: Annotated[
        bool, typer.Option("--allow-shrink", help="Accept tables shrinking vs the previous publication (recorded).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when no input changed.")] = False,
    lock_timeout: Annotated[
        float, typer.Option("--lock-timeout", envvar="PROTEJA_LOCK_TIMEOUT", help="Seconds to wait for a running build/refresh.")
    ] = 60.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Build data/processed/ (DuckDB + CSV/Parquet + status pages) from data/raw and data/registry, offline.

    Atomic: a build that fails or does not pass validation leaves the previous publication untouched.
    A build whose inputs did not change since the current publication does nothing and says so.
    """
    from pipeline.build import BuildFailed
    from pipeline.build import build as run_build
    from pipeline.fetch.lock import StoreLocked
    from pipeline.store.registry_csv import RegistryError

    try:
        with _console().status("Building…", spinner="dots") if not quiet else _nullcontext() as spinner:

            def progress(name: str) -> None:
                if quiet:
                    return
                spinner.update(f"{STAGE_NAMES.get(name, name)}…")
                _err().print(f"[dim]stage:[/dim] {name} — {STAGE_NAMES.get(name, name)}")

            result = run_build(state.paths, validate=not no_validate, allow_shrink=allow_shrink, force=force,
                               lock_timeout=lock_timeout, progress=progress)  # fmt: skip
    except RegistryError as exc:
        _err().print(f"Registry error: {exc}", markup=False)
        raise typer.Exit(code=2) from exc
    except StoreLocked as exc:
        _err().print(str(exc), markup=False)
        raise typer.Exit(code=75) from exc  # EX_TEMPFAIL: try again later
    except BuildFailed as exc:
        _err().print(f"Build failed: {exc}", markup=False)
        for line in exc.failed_checks:
            _err().print(f"  failed check: {line}", markup=False, soft_wrap=True)
        if exc.rejected_dir:
            _err().print(f"The rejected candidate is kept in {exc.rejected_dir}", markup=False)
        raise typer.Exit(code=1) from exc
    if not quiet:
        _print_build(result, validated=not no_validate)


def _print_build(result, *, validated: bool) -> None:

    if result.up_to_date:
        _console().print(f"Nothing changed since the last build (inputs {result.inputs_digest[:12]}): "
                      f"{state.paths.processed} is up to date; nothing was rebuilt.", markup=False)  # fmt: skip
        return
    report = result.load
    _console().print(
        f"Built {result.database} — {report.instruments} instruments, {report.events} events, "
        f"{report.bills} bills, {report.versions} parsed texts, {report.evidence} evidence rows, "
        f"{report.conflicts} conflicts; {result.scraped_records} scraped records.", markup=False
    )
    validation = result.validation or {}
    if validated:
        checks = len(validation.get("results", []))
        _console().print(f"Validation passed: {checks} expectations; published into {state.paths.processed}")
    else:
        _console().print(f"Not validated, so not published: the build is in {result.database.parent} only.")
    for problem in result.unparsed:
        _err().print(f"unparsed: {problem}", markup=False)
    for problem in result.problems:
        _err().print(f"skipped: {problem}", markup=False)


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="A SQL query (read-only: writes are refused).")],
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Print at most this many rows.")] = 10_000,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop the query after this many seconds.")] = 30.0,
) -> None:
    """Run one read-only SQL query against the DuckDB store. Example: proteja query "select * from conflicts".

    Writes, file and URL reads, extensions and settings are refused; at most --max-rows rows print.
    """
    import duckdb

    from pipeline.publish import render
    from pipeline.store.db import StoreMissing
    from pipeline.store.query import QueryRefused, run_query

    if not sql.strip():
        _err().print('[red]Empty query.[/red] Give a SQL statement, e.g. proteja query "select * from jurisdictions". '
                     "Tables: " + ", ".join(sorted(TABLES)))
        raise typer.Exit(code=2)
    if not state.paths.database.exists():
        _connect()  # the same "run proteja build first" message as every other command
    try:
        result = run_query(state.paths.database, sql, max_rows=max_rows, timeout_s=timeout)
    except (QueryRefused, duckdb.Error, StoreMissing) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _err().print(f"[red]Query refused:[/red] {_esc(message)}" if isinstance(exc, QueryRefused)
                     else f"[red]Query failed:[/red] {_esc(message)}")  # fmt: skip
        raise typer.Exit(code=2) from exc
    columns, rows = result.columns, result.rows
    if result.truncated:
        _err().print(f"[yellow]only the first {max_rows} rows are shown (--max-rows)[/yellow]")
    if fmt is QueryFormat.json:
        records = [dict(zip(columns, r, strict=True)) for r in rows]
        sys.stdout.write(json.dumps(render.jsonable(records), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt is QueryFormat.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([render.safe_cell(v) if isinstance(v, str) else render.iso(v) for v in r])
    else:
        from rich.table import Table

        table = Table()
        for column in columns:
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(*_cells(*[render.iso(v) if v is not None and not isinstance(v, str) else v for v in r]))
        _console().print(table)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the publications into.")],
) -> None:
    """Write the publications (tables, status pages, datapackage) of the current database into another folder."""
    from pipeline.publish.exports import write_publications

    out.mkdir(parents=True, exist_ok=True)
    written = write_publications(state.paths.database, out, DataPaths(out))
    _console().print(f"Wrote {len(written)} files into {out}")


# -- fetching and sources (runtime, issue 3) -------------------------------------------------------


@app.command()
def fetch(
    url: Annotated[str, typer.Argument(help="The URL to fetch into the raw store.")],
    source: Annotated[str | None, typer.Option("--source", help="The source whose politeness and hosts apply.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the manifest record as JSON.")] = False,
) -> None:
    """Fetch one URL through the polite runtime into data/raw and print its manifest record."""
    try:
        from pipeline.jobs.scrape import fetch_url
    except ImportError as exc:
        _not_available("`proteja fetch`", 3, exc)
    record = fetch_url(url, source_name=source, data_paths=state.paths, as_json=as_json)
    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        for key, value in record.items():
            _console().print(f"{key}: {value}", markup=False)
    if record.get("outcome") not in ("ok", "unchanged"):
        raise typer.Exit(code=1)


@app.command()
def refresh(
    source: Annotated[list[str] | None, typer.Option("--source", help="Only these sources (repeatable).")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Replay the raw store; no network.")] = False,
    lock_timeout: Annotated[
        float, typer.Option("--lock-timeout", envvar="PROTEJA_LOCK_TIMEOUT", help="Seconds to wait for a running build/refresh.")
    ] = 60.0,
) -> None:
    """Run the scrapers (live, or --offline against the raw store) and record each source's health."""
    from pipeline.fetch.lock import StoreLocked

    try:
        from pipeline.jobs.scrape import refresh as run_refresh
    except ImportError as exc:
        _not_available("`proteja refresh`", 3, exc)
    from rich.progress import Progress

    try:
        with Progress(console=_err(), transient=True) as bar:
            task = bar.add_task("refresh", total=None)

            def on_source(name: str, index: int, total: int, row: dict | None) -> None:
                if row is None:
                    bar.update(task, total=total, description=f"[{index}/{total}] {name}")
                    return
                bar.advance(task)
                mark = "[green]ok[/green]" if row.get("ok") else "[red]FAILED[/red]"
                _console().print(f"[{index}/{total}] {_esc(name)}: {mark} items={row.get('items_found')} "
                                 f"{_esc(row.get('last_error') or '')}")

            summaries = run_refresh(source or None, offline=offline, data_paths=state.paths, lock_timeout=lock_timeout,
                                    on_source=on_source)  # fmt: skip
    except StoreLocked as exc:
        _err().print(str(exc), markup=False)
        raise typer.Exit(code=75) from exc  # EX_TEMPFAIL: try again later
    failed = [s for s in summaries if not s.get("ok")]
    if failed:
        _err().print(f"[red]{len(failed)} source(s) failed: {_esc(', '.join(s['source'] for s in failed))}[/red]")
        raise typer.Exit(code=1)


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A stored file (HTML, JSON, PDF, DOCX…).", exists=True, dir_okay=False)],
    kind: Annotated[str, typer.Option("--kind", help="Page kind; `--kind list` shows them.")] = "law",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (the default for now).")] = True,
) -> None:
    """Parse one stored file with one page object or parser and print its records as JSON."""
    from pipeline.core.errors import ScrapeError
    from pipeline.publish.render import jsonable
    from pipeline.sources.discovery import inspect_kinds

    kinds = inspect_kinds()
    if kind not in kinds:
        _err().print(f"[red]Unknown kind {kind!r}.[/red] Known kinds: {', '.join(kinds) or '(none installed yet)'}")
        raise typer.Exit(code=2)
    try:
        result = kinds[kind](file)
    except ScrapeError as exc:
        _err().print(f"[red]{exc.outcome}:[/red] {_esc(exc)}")
        raise typer.Exit(code=1) from exc
    sys.stdout.write(json.dumps(jsonable(result), ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
def validate(
    db_path: Annotated[Path | None, typer.Option("--db", help="Database to validate (default: the published one).")] = None,
    allow_shrink: Annotated[bool, typer.Option("--allow-shrink", help="Accept shrinking tables (recorded).")] = False,
) -> None:
    """Run the expectation suites; exit non-zero naming each failing expectation."""
    try:
        from pipeline.validate.suites import print_summary, validate_database
    except ImportError as exc:
        _not_available("`proteja validate`", 8, exc)
    database = db_path or state.paths.database
    if not database.exists():
        _err().print(f"[red]no database at {database}; run `proteja build` first[/red]")
        raise typer.Exit(code=2)
    previous = state.paths.processed if (state.paths.processed / "datapackage.json").exists() else None
    report = validate_database(database, previous_publication=previous, allow_shrink=allow_shrink,
                               report_dir=state.paths.processed / "validation")  # fmt: skip
    print_summary(report, _console())
    if not report.get("success"):
        raise typer.Exit(code=1)


# Commands defined in sibling modules register themselves on ``app`` when imported.
from pipeline import cli_review, cli_scorecard, cli_scout, cli_serve, cli_sources, cli_status  # noqa: E402, F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
