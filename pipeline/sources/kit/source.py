"""Running a source: one scrape becomes one :class:`RunReport`, failures classified, records all-or-none."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Fetcher, RunReport, SourceInfo

log = logging.getLogger(__name__)


def failure_class(exc: BaseException) -> str:
    """A classified failure's outcome (``layout_changed`` …), else the exception's class name."""
    return exc.outcome if isinstance(exc, ScrapeError) else type(exc).__name__


def run_source(source: Any, fetcher: Fetcher) -> RunReport:
    """Run ``source.scrape`` to the end. ANY exception fails the run and drops its partial records.

    A buggy source (a ``KeyError`` in a page object) must not abort the build of the others, and the
    records it yielded before failing must not be published as if the source had been read whole.
    """
    report = RunReport(source=source.info.name, started_at=_now())
    collected: list = []
    try:
        for record in source.scrape(fetcher, report):
            collected.append(record)
    except Exception as exc:  # noqa: BLE001 - classified and reported, never swallowed
        report.failure, report.error = failure_class(exc), str(exc)
        log.warning("source %s failed (%s): %s", report.source, report.failure, exc)
    else:
        report.records = collected
    report.finished_at = _now()
    return report


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseSource:
    """Convenience base: set ``info`` and implement ``scrape(fetcher, report)``."""

    info: SourceInfo

    def scrape(self, fetcher: Fetcher, report: RunReport) -> Iterator[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)
