"""``proteja scout``: is each state law source still there, and still shaped as we expect? In minutes.

spatula's scout, on our runtime: for every state law source (and the Orden Jurídico Nacional lists
of the state) fetch only the FIRST layer — the catalogue page — through the polite
:class:`~pipeline.fetch.http.HttpFetcher` (robots, throttle, challenge detection, TLS verified), run
that page's page object, and say per state:

* **reachable** — the host answered at all (a timeout or a refused connection is "no");
* **fetch** — ``ok`` or the failure class (``blocked`` = a challenge/WAF page, ``http_error``, …);
* **layout** — ``as expected`` when the page object parsed it, ``changed`` (with the reason) when a
  counted selector or a documented key failed;
* **trafficking law** — the rows the title detector takes as a trafficking law, with their URL.

Nothing is parsed beyond the first layer (no fichas, no PDFs). Each source's probe is one run in
``data/raw/runs.jsonl`` with ``mode="scout"``, which coverage shows as the source's last live run.

First layer of a source: its ``first_layer(states)`` hook when it has one (OJN: the state's four
lists), else its first list page class (module order), fetched at that class's ``example_source``
— the exemplar convention of the state packages (``example_source`` is the live catalogue URL).
"""

from __future__ import annotations

import inspect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core import jurisdictions
from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import SourceInfo
from pipeline.fetch.runs import append_run, new_run_id
from pipeline.fetch.store import utc_now_iso
from pipeline.parse.lawtitle import classify_title

#: Failures where the host did not answer at all.
UNREACHABLE = {"connection_error", "timeout"}


@dataclass(frozen=True)
class Probe:
    """One first-layer page to fetch: where, with which page class, for which state."""

    state: str
    url: str
    page: type
    info: SourceInfo


@dataclass
class ScoutResult:
    state: str
    source: str
    url: str
    reachable: bool = True
    fetch: str = "ok"  # "ok" or the failure class
    layout: str = "not checked"  # "as expected", "changed: …", "not checked"
    rows: int = 0
    laws: list[tuple[str, str]] = field(default_factory=list)  # (title, URL) of trafficking-law rows
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.fetch == "ok" and self.layout == "as expected"

    def as_dict(self) -> dict:
        return {"state": self.state, "source": self.source, "url": self.url, "reachable": self.reachable,
                "fetch": self.fetch, "layout": self.layout, "rows": self.rows,
                "laws": [{"title": t, "url": u} for t, u in self.laws], "error": self.error}  # fmt: skip


def scouted_sources(registry: dict, state: str | None = None) -> list:
    """State law sources (of ``state`` when given) and the national law sources, by name."""
    wanted = []
    for _name, source in sorted(registry.items()):
        info = source.info
        if info.role != "laws" or info.level not in ("state", "national"):
            continue
        if state is None or state in info.jurisdictions:
            wanted.append(source)
    return wanted


def first_layer(source, state: str | None = None) -> list[Probe]:
    hook = getattr(source, "first_layer", None)
    if callable(hook):  # (state, url, page class, SourceInfo) tuples: sources do not import jobs
        return [Probe(*entry) for entry in hook([state] if state else None)]
    page = _first_list_page(source.info.name)
    if page is None:
        return []
    return [Probe(source.info.jurisdiction, page.example_source, page, source.info)]


def _first_list_page(name: str):
    from pipeline.sources.discovery import page_classes
    from pipeline.sources.kit import ListPage

    pages = [p for p in page_classes() if p.source.name == name and p.example_source]
    pages.sort(key=lambda p: (not issubclass(p, ListPage), p.__module__, inspect.getsourcelines(p)[1]))
    return pages[0] if pages else None


def probe(fetcher, item: Probe) -> ScoutResult:
    result = ScoutResult(item.state, item.info.name, item.url)
    try:
        response = fetcher.get(item.url, source=item.info)
    except ScrapeError as exc:
        result.fetch, result.error = exc.outcome, str(exc)
        result.reachable = not _unreachable(exc)
        return result
    try:
        rows = list(item.page(response).parse())
    except LayoutChanged as exc:
        result.layout, result.error = "changed", str(exc)
        return result
    except ScrapeError as exc:  # empty answer, wrong codec: the page is not what the object expects
        result.layout, result.error = f"changed ({exc.outcome})", str(exc)
        return result
    result.layout, result.rows = "as expected", len(rows)
    result.laws = [law for law in (_trafficking_law(row, response.url) for row in rows) if law]
    return result


def _unreachable(exc: ScrapeError) -> bool:
    """A timeout or refused connection; also robots.txt itself unreachable (the fetcher then assumes a
    complete disallow, RFC 9309, and reports ``robots_disallowed``: the host never answered)."""
    text = str(exc)
    return exc.outcome in UNREACHABLE or (exc.outcome == "robots_disallowed" and "robots.txt unreachable" in text)


def _trafficking_law(row, page_url: str) -> tuple[str, str] | None:
    title = getattr(row, "title", None)
    if not title:
        return None
    decision = classify_title(title)
    if not decision.is_law or decision.federal:
        return None
    urls = getattr(row, "urls", None) or ()
    return decision.title, (urls[0] if urls else getattr(row, "ficha_url", None) or page_url)


def scout(fetcher, registry: dict, *, state: str | None = None, runs_file: Path | None = None) -> list[ScoutResult]:
    """Probe the first layer of every scouted source; one ``mode="scout"`` run row per source."""
    code = jurisdictions.resolve(state) if state else None
    results: list[ScoutResult] = []
    run_id = new_run_id()
    for source in scouted_sources(registry, code):
        started = utc_now_iso()
        mine = [probe(fetcher, item) for item in first_layer(source, code)] or [_not_probed(source)]
        results.extend(mine)
        if runs_file is not None and mine[0].fetch != "not probed":
            append_run(runs_file, run_row(run_id, source.info.name, started, mine))
    return sorted(results, key=lambda r: (r.state, r.source, r.url))


def _not_probed(source) -> ScoutResult:
    """A source without a declared first layer is listed, not silently left out."""
    return ScoutResult(source.info.jurisdiction, source.info.name, source.info.homepage, fetch="not probed",
                       error="no first layer: no first_layer() hook and no list page class with an example_source")  # fmt: skip


def run_row(run_id: str, name: str, started: str, results: list[ScoutResult]) -> dict:
    outcomes = Counter(r.fetch if r.fetch != "ok" else ("ok" if r.layout == "as expected" else "layout_changed")
                       for r in results)  # fmt: skip
    errors = [r.error for r in results if r.error]
    return {"run_id": run_id, "source": name, "mode": "scout", "started_at": started, "finished_at": utc_now_iso(),
            "items_found": sum(r.rows for r in results), "outcomes": dict(sorted(outcomes.items())),
            "last_error": errors[-1] if errors else None, "ok": all(r.ok for r in results)}  # fmt: skip
