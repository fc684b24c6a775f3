"""Reading gazette days through a fetcher: settled days from the raw store, empty weekdays cross-checked.

Public: LeyesBiblio reads SIDOF day lists through :func:`get_once`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Fetcher, Response, SourceInfo
from pipeline.core.records import Evidence
from pipeline.sources.federal.dof.info import (
    GAZETTE,
    INFO,
    RECHECK_DAYS,
    WEB_INFO,
    dof_index_url,
    sidof_day_url,
    sidof_note_url,
)  # fmt: skip
from pipeline.sources.federal.dof.pages import DofIndexPage, SidofDayPage, SidofNotePage

# --- the source ----------------------------------------------------------------------------------------


def evidence_for(response: Response, day: dt.date | None, cod_nota=None, source: str = INFO.name) -> Evidence:
    return Evidence(kind="scraped", source=source, url=response.url, sha256=response.sha256,
                    retrieved_at=response.retrieved_at, gazette=GAZETTE, date=day,
                    issue=f"codNota {cod_nota}" if cod_nota else None)


def stored_response(fetcher: Fetcher, url: str) -> Response | None:
    """The raw store's good snapshot of ``url``, never touching the network."""
    return fetcher.stored(url)


def get_once(fetcher, url: str, source: SourceInfo, *, recheck: bool) -> Response:
    """Fetch ``url`` unless it is settled (``recheck`` False) and the raw store already holds it."""
    if not recheck:
        cached = stored_response(fetcher, url)
        if cached is not None:
            return cached
    return fetcher.get(url, source=source)


@dataclass
class DayResult:
    """What one day of the gazette gave: its notes and whether the day is known."""

    day: dt.date
    status: str  # "ok", "unknown" (SIDOF empty weekday, no cross-check answer), "no_gazette", "empty_weekend"
    notes: list[dict] = field(default_factory=list)
    response: Response | None = None
    source: str = "sidof"


def read_sidof_day(fetcher, day: dt.date, *, today: dt.date) -> DayResult:
    """One day from SIDOF, cross-checked on dof.gob.mx when SIDOF answers an empty weekday."""
    recheck = (today - day).days <= RECHECK_DAYS
    response = get_once(fetcher, sidof_day_url(day), INFO, recheck=recheck)
    page = SidofDayPage(response)
    if not page.is_empty():
        return DayResult(day, "ok", page.parse(), response)
    if day.weekday() >= 5:
        return DayResult(day, "empty_weekend", [], response)
    return cross_check_day(fetcher, day, recheck=recheck) or DayResult(day, "unknown", [], response)


def cross_check_day(fetcher, day: dt.date, *, recheck: bool) -> DayResult | None:
    """dof.gob.mx's editions of ``day``; None when the site cannot answer (the day stays unknown)."""
    notes, first_response, any_edition = [], None, False
    for edition in ("MAT", "VES", "EXT"):
        try:
            response = get_once(fetcher, dof_index_url(day, edition), WEB_INFO, recheck=recheck)
            page = DofIndexPage(response)
            any_edition = any_edition or page.has_edition()
            notes.extend(page.parse())
        except ScrapeError:
            if edition == "MAT":
                return None
            continue
        first_response = first_response or response
    status = "ok" if any_edition else "no_gazette"
    return DayResult(day, status, notes, first_response, source="dof.gob.mx")


def ruling_body(fetcher, note: dict) -> str | None:
    """The head of an SCJN ruling's text (SIDOF note), to see which law it reviews."""
    try:
        return SidofNotePage(fetcher.get(sidof_note_url(note["cod_nota"]), source=INFO)).body_text()
    except ScrapeError:
        return None
