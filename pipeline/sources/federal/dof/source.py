"""The DOF source: crawl the gazette day by day; inspect helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import EmptyResponse
from pipeline.core.fetching import Fetcher, Response, RunReport, SourceInfo
from pipeline.core.records import EventRecord
from pipeline.parse.dates import parse_date
from pipeline.sources.federal.dof.crawl import DayResult, evidence_for, read_sidof_day, ruling_body
from pipeline.sources.federal.dof.info import DOF_WEB_BASE, INFO, SIDOF_BASE, dof_index_url
from pipeline.sources.federal.dof.notes import decide_note, note_events
from pipeline.sources.federal.dof.pages import (
    PRINTED_DATE,
    DofIndexPage,
    DofNotePage,
    SidofDayPage,
    SidofNotePage,
    parse_ws_ndjson,
)  # fmt: skip
from pipeline.sources.kit import run_source


@dataclass
class DofSource:
    """Crawl the gazette day by day. ``start`` defaults to ``days_back`` days before ``today``.

    A day older than :data:`RECHECK_DAYS` is read from the raw store when it holds a good snapshot
    (fetched once); recent days are fetched again, since late notes and corrections appear.
    """

    info: SourceInfo = INFO
    start: dt.date | None = None
    end: dt.date | None = None
    days_back: int = 30
    today: dt.date | None = None

    def days(self) -> Iterator[dt.date]:
        today = self.today or dt.date.today()
        day = self.start or today - dt.timedelta(days=self.days_back)
        end = self.end or today
        while day <= end:
            yield day
            day += dt.timedelta(days=1)

    def stored_days(self, fetcher) -> list[dt.date]:
        """The SIDOF days the raw store holds (offline replay: the window comes from the evidence)."""
        prefix = f"{SIDOF_BASE}/notas/"
        days = set()
        for url in fetcher.stored_urls(prefix):
            tail = url.removeprefix(prefix)
            if re.fullmatch(r"\d{2}-\d{2}-\d{4}", tail):
                days.add(dt.datetime.strptime(tail, "%d-%m-%Y").date())
        return sorted(days)

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator[EventRecord]:
        """Events of the window's days; days whose gazette is unknown are noted in ``report``."""
        report = report if report is not None else RunReport(self.info.name)
        if fetcher.offline:
            # Replay never depends on the calendar: same raw store, same records, any day.
            days = self.stored_days(fetcher)
            today = max(days, default=dt.date(1970, 1, 1))
        else:
            days = list(self.days())
            today = self.today or dt.date.today()
        for day in days:
            try:
                result = read_sidof_day(fetcher, day, today=today)
            except EmptyResponse:
                report.notes.append(f"unknown day {day.isoformat()}")
                continue
            report.saw(f"day:{result.status}")
            if result.status == "unknown":
                report.notes.append(f"unknown day {day.isoformat()}")
            yield from self._events(fetcher, result, report)

    def _events(self, fetcher, result: DayResult, report: RunReport | None = None) -> Iterator[EventRecord]:
        for note in result.notes:
            if not note["trafficking"] and note["category"] == "scjn_ruling":
                body = ruling_body(fetcher, note)
                decision = decide_note(note["title"], body) if body else None
                if decision is not None and decision.trafficking:
                    note = {**note, "trafficking": True, **decision.fields()}
            if note["trafficking"] and result.response is not None:
                evidence = evidence_for(result.response, result.day, note["cod_nota"])
                events = note_events(note, evidence)
                if not events and report is not None:  # relevant, but tied to nothing we track: said, not dropped
                    report.notes.append(
                        f"codNota {note['cod_nota']}: trafficking note of category {note['category']!r} "
                        f"({note['category_rules']}, fired {','.join(note['category_fired']) or 'none'}; relevance "
                        f"{','.join(note['relevance_fired'])}) is tied to no tracked instrument")  # fmt: skip
                yield from events


SOURCE = DofSource()


# --- inspect ------------------------------------------------------------------------------------------------


def _file_response(path: Path, url: str) -> Response:
    return Response(url=url, content=Path(path).read_bytes(), sha256="")


def inspect_ws_day(path: Path) -> list[dict]:
    return parse_ws_ndjson(Path(path).read_bytes(), url=f"file:{Path(path).name}")


def inspect_sidof_day(path: Path) -> list[dict]:
    return SidofDayPage(_file_response(path, f"file:{Path(path).name}")).parse()


def inspect_sidof_note(path: Path) -> list[dict]:
    return SidofNotePage(_file_response(path, f"file:{Path(path).name}")).parse()


def inspect_dof_index(path: Path) -> list[dict]:
    """A stored daily index; the requested date is taken from the page's own ``Fecha:`` line."""
    raw = Path(path).read_bytes()
    printed = PRINTED_DATE.search(raw.decode("cp1252", errors="replace"))
    day = parse_date(printed.group(1)) if printed else dt.date(1900, 1, 1)
    return DofIndexPage(Response(url=dof_index_url(day), content=raw, sha256="")).parse()


def inspect_dof_note(path: Path) -> list[dict]:
    """A stored note page; the codigo is read from the file name's digits when present (else 0)."""
    digits = re.search(r"(\d{5,})", Path(path).name)
    url = f"{DOF_WEB_BASE}/nota_detalle.php?codigo={digits.group(1) if digits else 0}"
    return DofNotePage(Response(url=url, content=Path(path).read_bytes(), sha256="")).parse()


INSPECT_KINDS = {
    "dof-ws-day": inspect_ws_day,
    "sidof-day": inspect_sidof_day,
    "sidof-note": inspect_sidof_note,
    "dof-index": inspect_dof_index,
    "dof-note": inspect_dof_note,
}
