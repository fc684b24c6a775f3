"""What every state law catalogue yields, whatever the site's technology.

A state package's list page turns its rows into :class:`LawRow` s (title, document URLs, the
catalogue's last-reform value as printed and what that value *means* on that site). This module turns
the rows into records the same way for all 32 states:

* the trafficking laws are picked by :func:`pipeline.parse.lawtitle.classify_title` (rules, not
  substrings); every other row is counted and dropped;
* the instrument is found in the catalogue (``data/reference/instruments.csv``) by jurisdiction + title;
  a title the catalogue does not know is a skip in the run report ("add it as an alias"), never a
  guessed identity;
* the row proves the law existed when the catalogue showed it: an ``observed_in_force`` event dated by
  the catalogue's value when that value is the date of the text's last reform or of its posting, else by
  the retrieval date; a value documented as the publication date of the last reform is also a
  ``reformed`` event. Evidence: the catalogue page's URL and sha256;
* :func:`law_text_records` reads the law's own document: its publication (date, gazette issue,
  decree, legislature) and every reform decree printed in it become events with the document's sha256,
  and its provisions a VersionRecord.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.core import jurisdictions
from pipeline.core.fetching import Fetcher, Response, RunReport, SourceInfo
from pipeline.core.instruments import catalogue
from pipeline.core.records import EventRecord, Evidence, Instrument, VersionRecord
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.kit import run_source

#: What a catalogue's "last reform" value means on a given site (say it per page class).
LAST_REFORM_MEANINGS = {
    "reform_publication": "the gazette publication date of the law's last reform (a legal act)",
    "publication": "the law's original publication date in the gazette (a legal act)",
    "text_date": "the date of the consolidated text (when it was updated or posted), not a legal act",
    "none": "the catalogue gives no date",
}


@dataclass(frozen=True)
class LawRow:
    title: str  # as printed (entities and mojibake are repaired by the detector)
    urls: tuple[str, ...]  # official document URLs (PDF / DOC / DOCX), absolute
    last_reform_raw: str | None = None  # the catalogue's value, as printed
    last_reform: dt.date | None = None  # that value parsed (None when absent or unparseable)
    ref: str | None = None  # the row's number or id in the catalogue


def scraped(response: Response, *, url: str | None = None, day: dt.date | None = None,
            gazette: str | None = None, issue: str | None = None, note: str | None = None) -> Evidence:  # fmt: skip
    return Evidence(kind="scraped", source=_source_name(response), url=url or response.url, sha256=response.sha256,
                    retrieved_at=response.retrieved_at, gazette=gazette, issue=issue, date=day, note=note)  # fmt: skip


def _source_name(response: Response) -> str:
    return response.extra.get("source") or "state"


def _retrieved_day(response: Response) -> dt.date | None:
    at = response.retrieved_at
    return at.date() if isinstance(at, dt.datetime) else None


def trafficking_rows(rows: list[LawRow], report: RunReport) -> list[LawRow]:
    """The rows whose title is a trafficking law; the others are counted, the near misses noted."""
    wanted = []
    for row in rows:
        decision = classify_title(row.title)
        if decision.is_law:
            wanted.append(row)
        elif decision.trafficking:  # a reglamento, decree or programme on trafficking: kept visible
            report.notes.append(f"not a law ({decision.kind}): {decision.title}")
    report.pages["catalogue_rows"] += len(rows)
    return wanted


def instrument_for(jurisdiction: str, title: str) -> Instrument | None:
    entry = catalogue().resolve(jurisdiction, classify_title(title).title)
    return entry.instrument() if entry else None


def catalogue_records(info: SourceInfo, response: Response, rows: list[LawRow], meaning: str,
                      report: RunReport) -> Iterator[tuple[Instrument, LawRow, EventRecord]]:  # fmt: skip
    """(instrument, row, observed event) for each trafficking law row the instrument catalogue knows."""
    if meaning not in LAST_REFORM_MEANINGS:
        raise ValueError(f"unknown last-reform meaning {meaning!r}")
    response.extra.setdefault("source", info.name)
    for row in trafficking_rows(rows, report):
        instrument = instrument_for(info.jurisdiction, row.title)
        if instrument is None:
            report.skips.append(f"{response.url}: title not in the instrument catalogue (add it as an alias): "
                                f"{classify_title(row.title).title}")  # fmt: skip
            continue
        dated = row.last_reform if meaning in ("reform_publication", "text_date") else None
        day = dated or _retrieved_day(response)
        basis = f"catalogue value {row.last_reform_raw!r} ({LAST_REFORM_MEANINGS[meaning]})" if dated else (
            "listed in the catalogue of laws in force on the day it was retrieved")
        note = f"{info.name}: {basis}"
        yield instrument, row, EventRecord(instrument, "observed_in_force", day, scraped(response, day=day, note=note),
                                           official_url=row.urls[0] if row.urls else None, note=note)  # fmt: skip
        if meaning == "reform_publication" and row.last_reform:
            yield instrument, row, EventRecord(instrument, "reformed", row.last_reform,
                                               scraped(response, day=row.last_reform, gazette=_gazette(info)),
                                               gazette=_gazette(info), note=note)  # fmt: skip


def _gazette(info: SourceInfo) -> str | None:
    try:
        return jurisdictions.by_code(info.jurisdiction).gazette
    except Exception:  # noqa: BLE001 - a reference gap must not stop a scrape; the gazette stays unnamed
        return None


def law_text_records(fetcher: Fetcher, info: SourceInfo, instrument: Instrument, url: str) -> Iterator:
    """The law's own document → its VersionRecord, publication and reform events (evidence: its sha256)."""
    from pipeline.parse.versions import law_version

    response = fetcher.get(url, source=info)
    response.extra.setdefault("source", info.name)
    evidence = scraped(response)
    version = law_version(response.content, instrument, evidence)
    if version is None:
        return  # recorded as unparsed by the parse session
    yield version
    yield from text_events(version, response, instrument)


def text_events(version: VersionRecord, response: Response, instrument: Instrument) -> Iterator[EventRecord]:
    published = version.metadata.get("published") or {}
    if published.get("date"):
        yield _text_event(instrument, "published", published, response, "publication printed on the text")
    for decree in version.metadata.get("reform_decrees") or []:
        if decree.get("published") and not decree.get("inferred"):
            pub = {"date": decree["published"], "gazette": decree.get("gazette"), "issue": decree.get("issue"),
                   "decree": decree.get("decree"), "legislatura": decree.get("legislatura")}  # fmt: skip
            yield _text_event(instrument, "reformed", pub, response, "reform decree printed in the text")


def _text_event(instrument: Instrument, event_type: str, pub: dict, response: Response, why: str) -> EventRecord:
    day = dt.date.fromisoformat(pub["date"])
    issue = f"P.O. {pub['issue']}" if pub.get("issue") else None
    evidence = scraped(response, day=day, gazette=pub.get("gazette"), issue=issue, note=why)
    return EventRecord(instrument, event_type, day, evidence, gazette=pub.get("gazette"), issue=issue,
                       decree=pub.get("decree"), official_url=response.url,
                       note=f"{why}" + (f"; {pub['legislatura']} Legislatura" if pub.get("legislatura") else ""))  # fmt: skip


class CatalogueSource:
    """A state law catalogue: one or more pages parsed by one page class, each trafficking law then read whole.

    ``pages`` gives the catalogue URLs to read (one, or a fixed set); a page class may also name the
    next page itself (``next_page_url``) for paginated catalogues.
    """

    def __init__(self, info: SourceInfo, page: type, urls: Sequence[str], *, text_url: Callable | None = None):
        self.info = info
        self.page = page
        self.urls = tuple(urls)
        self.text_url = text_url or (lambda row: row.urls[0] if row.urls else None)

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        for response, rows in self._catalogue_pages(fetcher, report):
            for instrument, row, record in catalogue_records(self.info, response, rows,
                                                              self.page.last_reform_meaning, report):  # fmt: skip
                yield record
                url = self.text_url(row)
                if record.event_type == "observed_in_force" and url:
                    yield from law_text_records(fetcher, self.info, instrument, url)
                    report.saw("law_text")

    def _catalogue_pages(self, fetcher: Fetcher, report: RunReport):
        pending, seen = list(self.urls), set()
        while pending:
            url = pending.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = fetcher.get(url, source=self.info)
            report.saw("catalogue")
            page = self.page(response)
            yield response, page.parse()
            following = getattr(page, "next_page_url", lambda: None)()
            if following:
                pending.append(following)
