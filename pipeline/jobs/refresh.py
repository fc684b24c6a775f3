"""The scheduled refresh: refresh the sources, build (validate + publish atomically), summarise.

``.github/workflows/refresh.yml`` runs it every day as ``python scripts/refresh_job.py``; people
run the same thing by hand, offline over the raw store::

    python scripts/refresh_job.py --offline --summary-out /tmp/summary.md

Only what passes is published. A failing source stops the job before the build, so
``data/processed/`` keeps the previous publication; a build that fails validation leaves it
byte-identical too (``pipeline.build`` keeps the rejected candidate in ``data/rejected/``). Either
way the job exits non-zero and its Markdown summary names the failing sources or the failed gate.

The summary is the body of the pull request the workflow opens: the change feed of the new
publication (``data/processed/changes.json``: new laws, reforms, status transitions, new and
closed initiatives) and the health of each source in this run (``data/raw/runs.jsonl``).

Exit codes: 0 published; 1 a source failed (nothing built); 2 usage error; 3 build or validation
failed (previous publication untouched).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.paths import DataPaths

EXIT_OK = 0
EXIT_SOURCES_FAILED = 1
EXIT_USAGE = 2
EXIT_BUILD_FAILED = 3

#: Change-feed kinds (pipeline.publish.changes) in the order the summary lists them.
CHANGE_SECTIONS = (
    ("new_law", "New laws"),
    ("reform", "Reforms"),
    ("status_transition", "Status transitions"),
    ("new_initiative", "New initiatives"),
    ("closed_initiative", "Closed initiatives"),
    ("event", "Other events"),
)
#: A pull-request body holds at most 65,536 characters: long sections are cut with a count.
MAX_ITEMS_PER_SECTION = 40


@dataclass
class JobReport:
    """Everything the summary says about one run of the job."""

    mode: str  # "live" or "offline"
    day: dt.date
    runs: list[dict] = field(default_factory=list)  # this run's rows of data/raw/runs.jsonl
    not_run: list[str] = field(default_factory=list)  # offline: sources with no snapshot stored
    usage_error: str | None = None  # e.g. an unknown source name
    refresh_error: str | None = None  # the refresh as a whole could not run (lock held, …)
    build_error: str | None = None
    rejected_dir: Path | None = None
    validation: str | None = None  # "passed", "skipped", "failed" or None when no build ran
    validation_report: dict | None = None  # pipeline.validate's report (statistics, results)
    changes: dict | None = None  # data/processed/changes.json of the new publication
    new_snapshots: int = 0
    unparsed: list[str] = field(default_factory=list)

    @property
    def failing_sources(self) -> list[str]:
        return [row["source"] for row in self.runs if not row.get("ok")]

    @property
    def change_count(self) -> int:
        return len((self.changes or {}).get("changes", []))

    @property
    def exit_code(self) -> int:
        if self.usage_error:
            return EXIT_USAGE
        if self.refresh_error or self.failing_sources:
            return EXIT_SOURCES_FAILED
        if self.build_error:
            return EXIT_BUILD_FAILED
        return EXIT_OK

    @property
    def changed(self) -> bool:
        """Worth a pull request: the publication says something new, or new bytes were stored."""
        return self.exit_code == EXIT_OK and (self.change_count > 0 or self.new_snapshots > 0)


# -- choosing sources ----------------------------------------------------------------------------


def split_names(values: list[str] | None) -> list[str]:
    """``["dof,sil", "leyesbiblio"]`` → ``["dof", "sil", "leyesbiblio"]`` (the workflow input is one string)."""
    names: list[str] = []
    for value in values or []:
        names.extend(name for name in re.split(r"[,\s]+", value) if name and name not in names)
    return names


def choose_sources(
    requested: list[str], *, offline: bool, available: list[str], stored: set[str]
) -> tuple[list[str], list[str]]:
    """(sources to run, sources left out). Unknown names raise ValueError.

    Named sources always run. Otherwise a live run takes every source; an offline run takes the
    sources that have at least one manifest line, because there is nothing to replay for the
    others (on a fresh clone that is every source): they are listed as not run, not as failed.
    """
    unknown = [name for name in requested if name not in available]
    if unknown:
        raise ValueError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(sorted(available))}")
    if requested:
        return list(requested), []
    names = sorted(available)
    if not offline:
        return names, []
    return [n for n in names if n in stored], [n for n in names if n not in stored]


def _stored_sources(paths: DataPaths) -> tuple[set[str], int]:
    """Source names with manifest lines, and the number of manifest lines (to count new snapshots)."""
    from pipeline.fetch.store import RawStore

    entries = RawStore(paths.raw).entries()
    return {entry.source for entry in entries if entry.source}, len(entries)


def _new_snapshots(paths: DataPaths, lines_before: int) -> int:
    """Manifest lines appended by this run that stored new bytes (outcome ``ok``; 304s are ``unchanged``)."""
    from pipeline.fetch.store import RawStore

    return sum(1 for entry in RawStore(paths.raw).entries()[lines_before:] if entry.outcome == "ok")


# -- the steps -----------------------------------------------------------------------------------


def run_refresh(report: JobReport, paths: DataPaths, names: list[str], refresh_fn: Callable | None) -> None:
    """Run the selected sources; record their rows as read back from data/raw/runs.jsonl."""
    if not names:
        return
    if refresh_fn is None:
        from pipeline.jobs.scrape import refresh as refresh_fn
    try:
        rows = refresh_fn(names, offline=report.mode == "offline", data_paths=paths)
    except Exception as exc:  # the lock is held, the store is unreadable…: the whole refresh failed
        report.refresh_error = f"{type(exc).__name__}: {exc}"
        return
    report.runs = _logged_rows(paths, rows)


def _logged_rows(paths: DataPaths, rows: list[dict]) -> list[dict]:
    """This run's rows as recorded in runs.jsonl (the source of truth for health); else as returned."""
    from pipeline.fetch.runs import read_runs

    run_ids = {row.get("run_id") for row in rows}
    logged = [row for row in read_runs(paths.raw / "runs.jsonl") if row.get("run_id") in run_ids]
    return logged or list(rows)


def validation_available() -> bool:
    return importlib.util.find_spec("pipeline.validate.suites") is not None


def run_build(report: JobReport, paths: DataPaths, *, require_validation: bool, build_fn: Callable | None) -> None:
    """Build, validate and publish atomically; read the new change feed."""
    from pipeline.build import BuildFailed
    from pipeline.store.registry_csv import RegistryError

    if require_validation and not validation_available():
        report.validation = "skipped"
        report.build_error = "the validation stage (pipeline.validate) is not installed; nothing was published"
        return
    if build_fn is None:
        from pipeline.build import build as build_fn
    try:
        result = build_fn(paths, validate=True)
    except BuildFailed as exc:
        report.validation, report.build_error, report.rejected_dir = "failed", str(exc), exc.rejected_dir
        if exc.rejected_dir:  # the rejected candidate keeps its validation report
            report.validation_report = _read_json(Path(exc.rejected_dir) / "validation" / "validation.json")
        return
    except RegistryError as exc:
        report.build_error = f"registry error: {exc}"
        return
    validation = result.validation or {}
    report.validation = "skipped" if validation.get("skipped") else "passed"
    report.validation_report = None if validation.get("skipped") else validation
    report.unparsed = list(result.unparsed)
    report.changes = _read_json(paths.processed / "changes.json")


def _read_json(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def run_job(
    paths: DataPaths,
    *,
    offline: bool = False,
    sources: list[str] | None = None,
    require_validation: bool = False,
    today: dt.date | None = None,
    refresh_fn: Callable | None = None,
    build_fn: Callable | None = None,
) -> JobReport:
    """Refresh → build → report. ``refresh_fn``/``build_fn`` replace the real stages in tests."""
    from pipeline.sources.discovery import all_sources

    report = JobReport(mode="offline" if offline else "live", day=today or dt.date.today())
    stored, lines_before = _stored_sources(paths)
    try:
        selected, report.not_run = choose_sources(split_names(sources), offline=offline,
                                                  available=[n for n, s in all_sources().items() if getattr(s, "built", True)],
                                                  stored=stored)  # fmt: skip
    except ValueError as exc:
        report.usage_error = str(exc)
        return report
    run_refresh(report, paths, selected, refresh_fn)
    report.new_snapshots = _new_snapshots(paths, lines_before)
    if report.exit_code == EXIT_OK:
        run_build(report, paths, require_validation=require_validation, build_fn=build_fn)
    return report


# -- the summary ---------------------------------------------------------------------------------


def render_summary(report: JobReport) -> str:
    """The Markdown change summary (stdout, --summary-out, the pull-request body)."""
    parts = [f"## proteja refresh · {report.day.isoformat()} · {report.mode}", "", _verdict(report), ""]
    if report.changes is not None:
        parts += _changes_section(report.changes)
    parts += _health_section(report)
    parts += _validation_section(report)
    return "\n".join(parts).rstrip() + "\n"


def _verdict(report: JobReport) -> str:
    if report.usage_error:
        return f"**FAILED: {_one_line(report.usage_error)}.** Nothing was run."
    if report.refresh_error:
        return f"**FAILED: the refresh could not run** ({_one_line(report.refresh_error)}). Nothing was built."
    if report.failing_sources:
        names = ", ".join(report.failing_sources)
        return (f"**FAILED: {len(report.failing_sources)} source(s) failed: {names}.** Nothing was built; "
                "the published data is unchanged.")  # fmt: skip
    if report.build_error:
        kept = f" The rejected candidate is kept in `{report.rejected_dir}`." if report.rejected_dir else ""
        return (f"**FAILED: the build did not pass** ({_one_line(report.build_error)}). "
                f"The published data is unchanged.{kept}")  # fmt: skip
    return (f"Published a new build: {report.change_count} change(s) since the previous publication, "
            f"{report.new_snapshots} new snapshot(s) in the raw store.")  # fmt: skip


def _changes_section(feed: dict) -> list[str]:
    previous = feed.get("previous_as_of")
    lines = [f"### Changes since the previous publication{f' ({previous})' if previous else ''}", ""]
    if feed.get("first_publication"):
        return lines + ["First publication: there is no previous publication to compare with.", ""]
    changes = feed.get("changes") or []
    if not changes:
        return lines + ["No changes.", ""]
    for kind, heading in CHANGE_SECTIONS:
        items = [c for c in changes if c.get("kind") == kind]
        if items:
            lines += [f"**{heading} ({len(items)})**", ""]
            lines += [_change_line(c) for c in items[:MAX_ITEMS_PER_SECTION]]
            if len(items) > MAX_ITEMS_PER_SECTION:
                lines.append(f"- … and {len(items) - MAX_ITEMS_PER_SECTION} more (see data/processed/changes.json)")
            lines.append("")
    return lines


def _change_line(change: dict) -> str:
    title = _one_line(change.get("title") or change.get("subject") or "")
    where = change.get("jurisdiction") or ""
    if change.get("kind") == "status_transition":
        before, after = change.get("from") or {}, change.get("to") or {}
        return (f"- {where} {title}: {before.get('summary')} → {after.get('summary')} "
                f"({before.get('law_status')} → {after.get('law_status')})")  # fmt: skip
    date = f" {change['date']}" if change.get("date") else ""
    return f"- {where} · {title} — {change.get('event')}{date} (`{change.get('subject')}`)"


def _health_section(report: JobReport) -> list[str]:
    lines = ["### Source health", ""]
    if report.runs:
        lines += ["| Source | Result | Items | Outcomes | Last error |", "|---|---|---|---|---|"]
        for row in report.runs:
            outcomes = " ".join(f"{k}={v}" for k, v in sorted((row.get("outcomes") or {}).items()))
            result = "ok" if row.get("ok") else "**FAILED**"
            lines.append(f"| {row.get('source')} | {result} | {row.get('items_found')} | {outcomes} | "
                         f"{_cell(row.get('last_error') or '')} |")  # fmt: skip
        lines.append("")
    elif not (report.refresh_error or report.usage_error):
        lines += ["No source was run.", ""]
    if report.not_run:
        lines += [f"Not run ({report.mode}, no snapshot in the raw store): {', '.join(report.not_run)}.", ""]
    if report.unparsed:
        lines += ["Stored pages the build could not re-derive:", ""]
        lines += [f"- {_one_line(problem)}" for problem in report.unparsed] + [""]
    return lines


def _validation_section(report: JobReport) -> list[str]:
    text = {
        "passed": "Passed: the expectation suites accepted the candidate, which was published atomically.",
        "skipped": "Skipped: the validation stage (pipeline.validate) is not installed in this build.",
        "failed": "Failed: the candidate was rejected and the previous publication is unchanged.",
    }.get(report.validation or "", "Not run.")
    lines = ["### Validation", "", text]
    stats = (report.validation_report or {}).get("statistics") or {}
    if stats:
        lines.append(f"{stats.get('evaluated')} expectation(s) evaluated, {stats.get('failed')} failed.")
    failed = [r for r in (report.validation_report or {}).get("results") or [] if not r.get("success")]
    lines += [""] + [_expectation_line(r) for r in failed[:MAX_ITEMS_PER_SECTION]]
    return lines + [""]


def _expectation_line(result: dict) -> str:
    where = ".".join(str(part) for part in (result.get("table"), result.get("column")) if part)
    return f"- `{result.get('expectation')}` on {where or 'the database'}: {_one_line(result.get('description') or '')}"


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cell(text: str) -> str:
    return _one_line(text, 200).replace("|", "\\|")


# -- GitHub Actions ------------------------------------------------------------------------------


def github_annotations(report: JobReport) -> list[str]:
    """``::error`` workflow commands that put each failure on the run page."""
    errors = [(f"source {row['source']} failed", row.get("last_error") or "failed")
              for row in report.runs if not row.get("ok")]  # fmt: skip
    if report.usage_error:
        errors.append(("refresh job usage", report.usage_error))
    if report.refresh_error:
        errors.append(("refresh could not run", report.refresh_error))
    if report.build_error:
        errors.append(("build/validation failed", report.build_error))
    return [f"::error title={_escape_property(title)}::{_escape_data(message)}" for title, message in errors]


def _escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_outputs(report: JobReport) -> dict[str, str]:
    """Step outputs for the workflow (``--github-output "$GITHUB_OUTPUT"``)."""
    return {
        "exit_code": str(report.exit_code),
        "changed": "true" if report.changed else "false",
        "changes": str(report.change_count),
        "new_snapshots": str(report.new_snapshots),
        "failing_sources": " ".join(report.failing_sources),
    }


# -- command line ---------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="refresh_job.py",
        description="Refresh the sources, build and validate the publication, and write a change summary.",
    )
    parser.add_argument("--offline", action="store_true", help="Replay the raw store; no network.")
    parser.add_argument("--source", action="append", metavar="NAME",
                        help="Only this source (repeatable, or comma-separated). Default: all "
                             "(offline: all that have snapshots).")  # fmt: skip
    parser.add_argument("--summary-out", type=Path, metavar="FILE", help="Also write the Markdown summary here.")
    parser.add_argument("--data-dir", type=Path, help="Data folder (default: $PROTEJA_DATA_DIR or ./data).")
    parser.add_argument("--require-validation", action="store_true",
                        help="Fail instead of publishing when the validation stage is not installed.")  # fmt: skip
    parser.add_argument("--github-output", type=Path, metavar="FILE",
                        help="Append step outputs (changed, changes, failing_sources…) to this file.")  # fmt: skip
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = DataPaths.from_env(args.data_dir)
    report = run_job(paths, offline=args.offline, sources=args.source, require_validation=args.require_validation)
    summary = render_summary(report)
    if args.summary_out:
        args.summary_out.parent.mkdir(parents=True, exist_ok=True)
        args.summary_out.write_text(summary, encoding="utf-8")
    sys.stdout.write(summary)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write("".join(line + "\n" for line in github_annotations(report)))
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as out:
            out.writelines(f"{key}={value}\n" for key, value in github_outputs(report).items())
    if report.exit_code:
        names = ", ".join(report.failing_sources)
        sys.stderr.write(f"refresh job failed (exit {report.exit_code})" + (f": failing sources: {names}" if names else "")
                         + "\n")  # fmt: skip
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
