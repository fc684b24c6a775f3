"""State bill listings → BillRecords: relevance and events decided by the rules, evidence from the stored bytes.

Every state ``bills.py`` reads its listing's fields with a page object and hands them to :func:`bill_record`:

* relevance: :func:`pipeline.parse.relevance.bill_relevance` over the title and summary. No rule → the
  bill is not about trafficking and is dropped; a weak rule only (score < 1, e.g. "explotación sexual
  infantil") → kept with ``trafficking = False`` and queued for review; otherwise relevant;
* events: the structured dates the listing has (presented, turned to committee) are events as such;
  the free status text ("EN TRÁMITE", "Aprobado", a dictamen note) is read by the bill-event
  Categorizer — a phrase it does not know becomes ``unclassified`` and goes to the review queue;
* evidence: ``scraped`` — the listing's URL and the sha256 of its stored bytes.

:data:`NO_BILL_SOURCE` says, for the states without a bill source, why (shown in coverage).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from pipeline.core.dates import DateSpan
from pipeline.core.fetching import Response, RunReport, SourceInfo
from pipeline.core.records import BillDocument, BillEventRecord, BillRecord, Evidence, Proponent
from pipeline.parse.bill_events import classify, event_from_text, proponent_kind
from pipeline.parse.dates import DateParseError, parse_date
from pipeline.parse.relevance import bill_relevance
from pipeline.parse.rules import CONFIDENT_SCORE
from pipeline.sources.kit import run_source

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def slug(text: str) -> str:
    """A bill id part from a listing's number ("18452/LXXVII" → "18452-lxxvii")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def scraped_evidence(info: SourceInfo, response: Response) -> Evidence:
    return Evidence(kind="scraped", source=info.name, url=response.url, sha256=response.sha256,
                    retrieved_at=response.retrieved_at)  # fmt: skip


def day(text: str | None) -> DateSpan | None:
    """A listing's date cell ("2025-03-14T00:00:00", "14/03/2025", "14 de marzo de 2025") as a day; None if absent
    or unreadable (never guessed)."""
    text = (text or "").strip()
    if not text:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$", text)
    try:
        if iso:
            return DateSpan.of_day(dt.date(int(iso[1]), int(iso[2]), int(iso[3])))
        return DateSpan.of_day(parse_date(text))
    except (ValueError, DateParseError):
        return None


def proponents_of(text: str | None) -> tuple[Proponent, ...]:
    """Proponents named in one cell ("Dip. A (PAN); Dip. B (PRI)"); a name of no recognisable kind is left out."""
    out = []
    for part in re.split(r"\s*(?:;|\by\b(?= (?:dip|sen|la|el)\b))\s*", (text or "").strip()):
        kind = proponent_kind(part) if part else None
        if kind is not None:
            party = re.search(r"\(([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ ]{1,30})\)\s*$", part)
            out.append(Proponent(kind, part, party[1] if party else None))
    return tuple(out)


def bill_record(
    info: SourceInfo, response: Response, *, bill_id: str, title: str, identifier: str | None = None,
    legislature: str | None = None, summary: str | None = None, presented: DateSpan | None = None,
    referred: DateSpan | None = None, committee: str | None = None, status_text: str | None = None,
    status_date: DateSpan | None = None, presenter: str | None = None, document_url: str | None = None,
    url: str | None = None, more_status: tuple[str | None, ...] = (),
) -> BillRecord | None:  # fmt: skip
    """A BillRecord, or None when no relevance rule fired (the bill is not about trafficking).

    ``more_status``: further free-text status cells (Sinaloa's ``determinacion`` beside its ``estatus``), each
    read by the same rules into an event of its own (undated: the listing gives no date for them).
    """
    relevance = bill_relevance(title, summary)
    if not relevance.recognised:
        return None
    events: list[BillEventRecord] = [BillEventRecord("presented", None, None, span=presented)]
    if referred is not None or committee:
        events.append(BillEventRecord("referred", None, committee or None, span=referred))
    status = " ".join((status_text or "").split())
    if status:
        decision = classify(status)
        # "en comisión" / "en trámite" next to a structured turn adds nothing: the turn is already an event
        if not (decision.label == "referred" and len(events) > 1):
            events.append(event_from_text(status, span=status_date))
    for extra in more_status:
        text = " ".join((extra or "").split())
        if text and text != status:
            events.append(event_from_text(text))
    return BillRecord(
        jurisdiction=info.jurisdiction, bill_id=bill_id, title=" ".join(title.split()),
        evidence=scraped_evidence(info, response), presenter=presenter or None, legislature=legislature,
        url=url or document_url, status_text=status or None, trafficking=relevance.score >= CONFIDENT_SCORE,
        events=tuple(events), identifier=identifier, proponents=proponents_of(presenter),
        committee=committee or None, summary=summary or None,
        documents=(BillDocument("initiative_text", document_url),) if document_url else (),
        relevance_rules=relevance.rules_version, relevance_score=relevance.score,
    )  # fmt: skip


#: States whose congress bill listing has no bill source here, and why (coverage shows it).
NO_BILL_SOURCE = {
    "MX-CHH": "bills: the CSV export's columns are documented only in part ('include Número, Resumen, …'); "
              "no page object until a stored copy shows the header",
}  # fmt: skip


class ListingBills:
    """A bill source read from one or more listing answers, each parsed by the same page object.

    A subclass names its ``info``, the page object that reads one answer (``page``, with ``parse()``) and the
    answers it asks for (``answers``); the loop, the run report and ``run`` are here, once for every such source.
    """

    info: SourceInfo
    page: type
    seen = "initiatives"  # what one answer is, in the run report's counts

    def answers(self, fetcher) -> Iterator[Response]:
        raise NotImplementedError

    def run(self, fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher, report: RunReport | None = None):
        report = report if report is not None else RunReport(self.info.name)
        for response in self.answers(fetcher):
            report.saw(self.seen)
            yield from self.page(response).parse()


class PerLegislatureBills(ListingBills):
    """A listing asked once per legislature (one page, API answer or POST per numeral): ``request`` asks one."""

    legislatures: tuple = ()

    def request(self, fetcher, legislature) -> Response:
        raise NotImplementedError

    def answers(self, fetcher) -> Iterator[Response]:
        for legislature in self.legislatures:
            yield self.request(fetcher, legislature)
