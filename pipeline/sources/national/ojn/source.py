"""The OJN source: per state, every power's list → the trafficking laws → their ficha → their document.

Records are those of every state catalogue (``_platforms/catalogue.py``), in the state's own
jurisdiction: an ``observed_in_force`` event per trafficking law the ficha says is ``Vigente`` (dated
by the retrieval day: OJN's date is the *original* publication, ``meaning="publication"``), then the
document's VersionRecord with the publication and reform events printed in it. A ficha whose status is
not Vigente, or a law whose document link is dead, is noted in the run report, not guessed.

A list page that fails (a 404, an empty or changed list) is a classified skip so one dead list does
not hide 127 good ones; a block (challenge, refused host, robots) stops the run at once, and a run in
which no list at all could be read fails with the first error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Fetcher, Response, RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.parse.versions import law_version
from pipeline.sources.kit import BaseSource
from pipeline.sources.national.ojn.info import BASE, EDO_OF, INFO, POWERS, list_url, state_info
from pipeline.sources.national.ojn.pages import FichaPage, OjnEntry, OrdenamientosList, document_format
from pipeline.sources.states._platforms.catalogue import LawRow, catalogue_records, scraped, text_events

#: Failures after which going on would mean hammering a site that refuses us.
STOP_OUTCOMES = {"blocked", "refused_host", "robots_disallowed"}


class OjnSource(BaseSource):
    info = INFO

    def __init__(self, states: Iterable[str] | None = None, powers: Iterable[int] = tuple(POWERS)):
        self.states = tuple(states) if states is not None else tuple(EDO_OF)
        self.powers = tuple(powers)

    def first_layer(self, states: Iterable[str] | None = None) -> list[tuple]:
        """For ``proteja scout``: (state, list URL, page class, SourceInfo) of every power's list."""
        codes = tuple(states) if states else self.states
        return [(code, list_url(EDO_OF[code], power), OrdenamientosList, INFO)
                for code in codes if code in EDO_OF for power in self.powers]  # fmt: skip

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        lists_read, first_error = 0, None
        for code in self.states:
            entries, read, error = self.entries(fetcher, code, report)
            lists_read, first_error = lists_read + read, first_error or error
            yield from self.state_records(fetcher, code, entries, report)
        if lists_read == 0 and first_error is not None:
            raise first_error

    def entries(self, fetcher: Fetcher, code: str, report: RunReport) -> tuple[list[OjnEntry], int, Exception | None]:
        """Every ordenamiento OJN lists for the state, over all powers, without duplicates."""
        found: dict[str, OjnEntry] = {}
        read, first_error = 0, None
        for power in self.powers:
            url = list_url(EDO_OF[code], power)
            try:
                page = OrdenamientosList(fetcher.get(url, source=INFO))
                rows = list(page.parse())
            except ScrapeError as exc:
                if exc.outcome in STOP_OUTCOMES:
                    raise
                report.skips.append(f"{code} {POWERS[power]} list: {exc.outcome}: {exc}")
                first_error = first_error or exc
                continue
            read += 1
            report.saw("ojn_list")
            report.pages["ojn_list_rows"] += len(rows)
            for entry in rows:
                found.setdefault(entry.id_archivo, entry)
        return list(found.values()), read, first_error

    def state_records(self, fetcher: Fetcher, code: str, entries: list[OjnEntry], report: RunReport) -> Iterator:
        info = state_info(code)
        for entry in entries:
            decision = classify_title(entry.title)
            if decision.trafficking and not decision.is_law:
                report.notes.append(f"{code} not a law ({decision.kind}): {entry.id_archivo} {decision.title}")
            if not decision.is_law or decision.federal:
                continue
            response = fetcher.get(entry.ficha_url, source=INFO)
            report.saw("ojn_ficha")
            ficha = FichaPage(response).parse()[0]
            if ficha.in_force is False:
                report.notes.append(f"{code} {entry.id_archivo} not in force per OJN ({ficha.status}): {entry.title}")
                continue
            row = LawRow(title=entry.title, urls=ficha.urls, last_reform_raw=ficha.published_raw,
                         last_reform=ficha.published, ref=entry.id_archivo)  # fmt: skip
            for instrument, _row, record in catalogue_records(info, response, [row], "publication", report):
                yield record
                if record.event_type == "observed_in_force":
                    yield from self.document_records(fetcher, info, instrument, entry, ficha.urls, report)

    def document_records(self, fetcher, info, instrument, entry: OjnEntry, urls, report: RunReport) -> Iterator:
        if not urls:
            report.skips.append(f"{info.jurisdiction} {entry.id_archivo}: ficha without a document link")
            return
        response = fetcher.get(urls[0], source=INFO)
        response.extra.setdefault("source", INFO.name)
        try:
            response.extra["format"] = document_format(response.content, response.url)
        except ScrapeError as exc:
            report.skips.append(f"{info.jurisdiction} {entry.id_archivo}: {exc}")
            return
        report.saw("law_text")
        version = law_version(response.content, instrument, scraped(response))
        if version is not None:
            yield version
            yield from text_events(version, response, instrument)


def inspect_list(path: Path) -> list[dict]:
    """``proteja inspect --kind ojn-list FILE``: the rows of a saved list page with the detector's decision."""
    page = OrdenamientosList(Response(url=list_url(1, 2), content=Path(path).read_bytes(), sha256=""))
    return [{**asdict(entry), "trafficking_law": classify_title(entry.title).is_law,
             "reasons": list(classify_title(entry.title).reasons)} for entry in page.parse()]  # fmt: skip


def inspect_ficha(path: Path) -> list[dict]:
    """``proteja inspect --kind ojn-ficha FILE``: the labelled fields, dates and document links of a ficha."""
    return [asdict(f) for f in FichaPage(Response(url=BASE, content=Path(path).read_bytes(), sha256="")).parse()]


INSPECT_KINDS = {"ojn-list": inspect_list, "ojn-ficha": inspect_ficha}

SOURCE = OjnSource()
