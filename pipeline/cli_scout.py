"""``proteja scout``: a quick live check of the state law sources' first layer (see pipeline.jobs.scout).

Registered on the main Typer app by :mod:`pipeline.cli` (kept apart so no CLI module grows past ~400 lines).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from pipeline.cli_app import app, console, err, state

HELP = "\n\n".join([
    "Check, for a user with internet, that each state law source (and the Orden Jurídico Nacional lists) still "
    "answers and still has the structure its page object expects — in minutes, without a refresh.",
    "Fetches only the FIRST layer of each source (the catalogue page; for OJN the state's four lists, one per "
    "branch of power) through the polite fetcher: robots.txt obeyed, per-host delays from each source's "
    "metadata, TLS always verified, challenge pages detected and never evaded.",
    "Prints per state: reachable (the host answered); fetch (ok or the failure class: blocked, http_error, "
    "timeout, …); layout (as expected, or changed when the page object's counted selectors or documented keys "
    "fail); the trafficking law(s) found on that page (title, URL).",
    "Each source's probe is recorded as a run with mode 'scout' in data/raw/runs.jsonl; `proteja coverage` "
    "shows it as the source's last live run.",
])  # fmt: skip


@app.command("scout", help=HELP)
def scout_command(
    state_name: Annotated[str | None, typer.Option("--state", help="Only this state (code, name or OJN/INEGI number).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    from pipeline.core import jurisdictions
    from pipeline.fetch.http import HttpFetcher
    from pipeline.fetch.store import RawStore
    from pipeline.jobs.scout import scout
    from pipeline.sources.discovery import all_sources

    if state_name:
        try:
            jurisdictions.resolve(state_name)
        except jurisdictions.UnknownJurisdiction as exc:
            err.print(f"[red]unknown state {state_name!r}: {exc}[/red]")
            raise typer.Exit(code=2) from exc
    paths = state.paths
    fetcher = HttpFetcher(RawStore(paths.raw))
    results = scout(fetcher, all_sources(), state=state_name, runs_file=paths.raw / "runs.jsonl")
    if as_json:
        sys.stdout.write(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2) + "\n")
        return
    print_results(results)


def print_results(results) -> None:
    from rich.table import Table

    table = Table(title="Scout: first layer of each state law source")
    for column in ("state", "source", "reachable", "fetch", "layout", "rows", "trafficking law (title, URL)"):
        table.add_column(column, overflow="fold")
    for r in results:
        laws = "\n".join(f"{title} — {url}" for title, url in r.laws) or "none found"
        layout = r.layout if r.layout != "changed" else f"changed: {r.error}"
        table.add_row(r.state, r.source, "yes" if r.reachable else "no", r.fetch, layout, str(r.rows), laws)
    console.print(table)
    if not results:
        console.print("no state law source matched")
