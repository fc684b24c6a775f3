"""Plain functions behind ``proteja fetch``, ``proteja refresh`` and ``proteja sources``.

The typer commands in :mod:`pipeline.cli` only parse options and print what these return.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import SourceInfo
from pipeline.core.paths import DataPaths
from pipeline.fetch.content import AUTO
from pipeline.fetch.errors import FetchError
from pipeline.fetch.http import FetchStats, HttpFetcher
from pipeline.fetch.lock import StoreLock
from pipeline.fetch.replay import ReplayFetcher
from pipeline.fetch.runs import append_run, new_run_id, read_runs
from pipeline.fetch.store import RawStore, utc_now_iso

#: Keys printed by ``proteja fetch --json``, in this order.
FETCH_JSON_KEYS = (
    "url",
    "final_url",
    "outcome",
    "http_status",
    "sha256",
    "bytes",
    "content_type",
    "encoding",
    "retrieved_at",
)


def runs_path(data_paths: DataPaths):
    return data_paths.raw / "runs.jsonl"


# -- proteja fetch ---------------------------------------------------------------------------


def fetch_url(
    url: str,
    *,
    source_name: str | None = None,
    data_paths: DataPaths | None = None,
    as_json: bool = False,
    fetcher: HttpFetcher | None = None,
    registry: dict | None = None,
) -> dict:
    """Fetch one URL into the raw store; return its manifest record (never raises on fetch failure).

    Without ``source_name`` the URL's own host is the only allowed host and the codec is
    ``auto`` (declared charset, else utf-8, else cp1252). With ``as_json`` only
    :data:`FETCH_JSON_KEYS` are returned.
    """
    paths = data_paths or DataPaths.from_env()
    info = _source_info(source_name, url, registry)
    fetcher = fetcher or HttpFetcher(RawStore(paths.raw))
    entry = fetcher.fetch_entry(url, source=info)
    record = entry.to_dict()
    return {key: record[key] for key in FETCH_JSON_KEYS} if as_json else record


def _source_info(source_name: str | None, url: str, registry: dict | None) -> SourceInfo:
    if source_name:
        sources = _registry(registry)
        if source_name not in sources:
            raise ValueError(f"unknown source {source_name!r}; known: {sorted(sources)}")
        return sources[source_name].info
    host = urlsplit(url).hostname or ""
    return SourceInfo(
        name="adhoc",
        title="Ad-hoc fetch (proteja fetch without --source)",
        jurisdiction="MX",
        homepage=url,
        allowed_hosts=(host,),
        encoding=AUTO,
    )


def _registry(registry: dict | None) -> dict:
    if registry is not None:
        return registry
    from pipeline.sources.discovery import all_sources  # imported late: it imports every source module

    return all_sources()


# -- proteja refresh -------------------------------------------------------------------------


def refresh(
    sources: list[str] | None = None,
    *,
    offline: bool = False,
    data_paths: DataPaths | None = None,
    lock_timeout: float = 60.0,
    registry: dict | None = None,
    fetcher: Any = None,
    on_record: Callable[[str, Any], None] | None = None,
    on_source: Callable[[str, int, int, dict | None], None] | None = None,
) -> list[dict]:
    """Run each selected source's ``scrape`` (all when ``sources`` is empty); return one row per source.

    ``on_source(name, index, total, row)`` is called as each source starts (row None) and ends.

    Live runs use :class:`HttpFetcher`, offline runs :class:`ReplayFetcher` (no network). A
    source that fails is logged in its row and the others still run. The raw store is locked
    for the whole refresh (:class:`StoreLocked` after ``lock_timeout`` seconds), and one row per
    source is appended to ``data/raw/runs.jsonl``.
    """
    paths = data_paths or DataPaths.from_env()
    available = _registry(registry)
    selected = _select(sources, available)
    store = RawStore(paths.raw)
    run_id = new_run_id()
    rows = []
    with StoreLock(paths.raw, timeout=lock_timeout):
        fetcher = fetcher or (ReplayFetcher(store) if offline else HttpFetcher(store))
        for index, name in enumerate(selected, start=1):
            if on_source:
                on_source(name, index, len(selected), None)
            row = _run_source(name, available[name], fetcher, run_id, offline, on_record)
            append_run(runs_path(paths), row)
            rows.append(row)
            if on_source:
                on_source(name, index, len(selected), row)
    return rows


def _select(sources: list[str] | None, available: dict) -> list[str]:
    if not sources:
        # every source that is built; those declared for coverage only (``built = False``) run when named
        return sorted(name for name, source in available.items() if getattr(source, "built", True))
    unknown = [name for name in sources if name not in available]
    if unknown:
        raise ValueError(f"unknown source(s) {unknown}; known: {sorted(available)}")
    return list(sources)


def _run_source(name: str, source: Any, fetcher: Any, run_id: str, offline: bool, on_record) -> dict:
    """Drain one source's scrape; any exception ends this source only."""
    fetcher.stats = FetchStats()
    started = utc_now_iso()
    items, error = 0, None
    try:
        for record in source.scrape(fetcher):
            items += 1
            if on_record:
                on_record(name, record)
    except FetchError as exc:  # already counted by the fetcher
        error = f"{type(exc).__name__}: {exc}"
    except ScrapeError as exc:  # raised by a page object (layout_changed, empty, parse_error)
        fetcher.stats.add(exc.outcome)
        error = f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # a bug in one source must not stop the others
        error = f"{type(exc).__name__}: {exc}"
    return {
        "run_id": run_id,
        "source": name,
        "mode": "offline" if offline else "live",
        "started_at": started,
        "finished_at": utc_now_iso(),
        "items_found": items,
        "outcomes": dict(sorted(fetcher.stats.outcomes.items())),
        "last_error": error or fetcher.stats.last_error,
        "ok": error is None,
    }


# -- proteja sources -------------------------------------------------------------------------


def sources_report(data_paths: DataPaths | None = None, *, registry: dict | None = None) -> list[dict]:
    """Per source: last checked, last changed, items found, health (outcome counts of its last run)
    and its last error, from ``runs.jsonl`` and the manifest."""
    paths = data_paths or DataPaths.from_env()
    available = _registry(registry)
    runs = read_runs(runs_path(paths))
    entries = RawStore(paths.raw).entries()
    names = sorted(set(available) | {row["source"] for row in runs})
    return [_source_summary(name, available.get(name), runs, entries) for name in names]


def _source_summary(name: str, source: Any, runs: list[dict], entries: list) -> dict:
    own_runs = [row for row in runs if row.get("source") == name]
    live_runs = [row for row in own_runs if row.get("mode", "live") == "live"]
    last_run = (live_runs or own_runs or [None])[-1]
    own_entries = [entry for entry in entries if entry.source == name]
    checked = [entry.retrieved_at for entry in own_entries] + [row["finished_at"] for row in live_runs]
    changed = [entry.retrieved_at for entry in own_entries if entry.outcome == "ok"]
    erring = [row for row in own_runs if row.get("last_error")]
    return {
        "source": name,
        "title": source.info.title if source is not None else None,
        "last_checked": max(checked) if checked else None,
        "last_changed": max(changed) if changed else None,
        "items_found": last_run["items_found"] if last_run else None,
        "health": last_run["outcomes"] if last_run else {},
        "ok": last_run["ok"] if last_run else None,
        "last_error": erring[-1]["last_error"] if erring else None,
        "last_error_at": erring[-1]["finished_at"] if erring else None,
    }
