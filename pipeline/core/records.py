"""Records: what the parse stage emits and the load stage consumes.

Parsers and source page objects are pure: (bytes + metadata) → these records. The loader
(:mod:`pipeline.store.load`) turns them into rows of ``instruments``, ``events``, ``bills``,
``bill_events``, ``instrument_versions``, ``provisions``, ``effects`` and ``evidence``.

Every fact carries its :class:`Evidence`: either ``scraped`` (the sha256 of stored raw bytes) or
``curated`` (a public ``source_url`` and the date it was accessed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.core import vocab
from pipeline.core.dates import DateSpan


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from."""

    kind: str  # vocab.EVIDENCE_KINDS
    source: str  # source module name ("leyesbiblio", "dof", "registry", ...)
    url: str | None = None  # the official URL of the document the fact is read from
    sha256: str | None = None  # scraped: the stored raw bytes
    retrieved_at: dt.datetime | None = None  # scraped: when the bytes were fetched (UTC)
    source_url: str | None = None  # curated: where a person found the fact
    accessed: dt.date | None = None  # curated: when that source was consulted
    confidence: str = "official"  # vocab.CONFIDENCE_LEVELS
    gazette: str | None = None
    issue: str | None = None
    page: str | None = None
    date: dt.date | None = None  # the date of the cited document (gazette date)
    note: str | None = None
    source_kind: str | None = None  # vocab.SOURCE_KINDS; scraped evidence is the official site itself
    read_via: str | None = None  # the mirror/proxy a curated text was read through (never the citation)
    supports: str | None = None  # the fact it supports (an event type), set by the loader when absent

    def __post_init__(self) -> None:
        vocab.check("evidence_kind", self.kind)
        vocab.check("confidence", self.confidence)
        if self.kind == "scraped" and self.source_kind is None:
            object.__setattr__(self, "source_kind", "official_site")
        if self.source_kind is not None:
            vocab.check("source_kind", self.source_kind)
        if self.confidence == "official" and self.source_kind not in (None, "official_site", "official_gazette"):
            raise ValueError(f"{self.source_kind} evidence cannot be official")
        if self.kind == "scraped" and not self.sha256:
            raise ValueError("scraped evidence needs the sha256 of the stored raw bytes")
        if self.kind == "curated" and not (self.source_url and self.accessed):
            raise ValueError("curated evidence needs source_url and accessed")


@dataclass(frozen=True)
class Instrument:
    """A legal instrument as a work (a law, code, reglamento, programme, ruling)."""

    jurisdiction: str  # ISO 3166-2:MX code, "MX" for the federation
    slug: str  # stable within the jurisdiction, e.g. "lgpsedmtp", "ley-trata-2020"
    title: str
    instrument_type: str  # vocab.INSTRUMENT_TYPES
    official_url: str | None = None

    def __post_init__(self) -> None:
        vocab.check("instrument_type", self.instrument_type)

    @property
    def instrument_id(self) -> str:
        return f"{self.jurisdiction}/{self.slug}"


def _with_span(record, date: dt.date | None, span: DateSpan | None) -> None:
    """``date`` is the exact day (or None); ``span`` what the source said. Either determines the other."""
    if span is None and date is not None:
        object.__setattr__(record, "span", DateSpan.of_day(date))
    elif span is not None and date is None and span.day is not None:
        object.__setattr__(record, "date", span.day)
    elif span is not None and date is not None and span.day != date:
        raise ValueError(f"date {date} disagrees with its span {span}")


@dataclass(frozen=True)
class EventRecord:
    """Something that happened to an instrument, on a date (None when no source states it exactly).

    ``span`` keeps the precision the source gave ("2008", "../2014-08-01"); ``date`` is set only
    when that is one day.
    """

    instrument: Instrument
    event_type: str  # vocab.EVENT_TYPES
    date: dt.date | None
    evidence: Evidence
    gazette: str | None = None
    issue: str | None = None
    decree: str | None = None
    title: str | None = None  # e.g. the reform decree's title
    official_url: str | None = None
    note: str | None = None
    span: DateSpan | None = None

    def __post_init__(self) -> None:
        vocab.check("event_type", self.event_type)
        _with_span(self, self.date, self.span)


@dataclass(frozen=True)
class Proponent:
    """Who presented a bill: a named person or body, of a closed kind (vocab.PROPONENT_KINDS)."""

    kind: str
    name: str | None = None  # None when the source names only the kind ("el Ejecutivo del Estado")
    party: str | None = None  # the proponent's party, when the source states it

    def __post_init__(self) -> None:
        vocab.check("proponent_kind", self.kind)


@dataclass(frozen=True)
class BillDocument:
    """A document of a bill's file (the initiative's text, a dictamen), by its official URL."""

    kind: str  # vocab.BILL_DOCUMENT_KINDS
    url: str
    title: str | None = None
    date: dt.date | None = None

    def __post_init__(self) -> None:
        vocab.check("bill_document_kind", self.kind)


@dataclass(frozen=True)
class BillRecord:
    """A bill (iniciativa) with its steps.

    Two records with the same (jurisdiction, legislature, identifier) — or, without an identifier, the
    same (jurisdiction, bill_id) — are the same bill seen by two sources: the loader merges them and
    keeps every source's events (:attr:`merge_key`).
    """

    jurisdiction: str
    bill_id: str  # stable within the source, e.g. "sil-4567890"
    title: str
    evidence: Evidence
    chamber: str | None = None
    presenter: str | None = None  # the proponents' names as one text (kept for the published column)
    legislature: str | None = None  # roman numeral as the congress writes it ("LXV")
    url: str | None = None
    status_text: str | None = None  # the source's own wording, kept verbatim
    trafficking: bool = True
    events: tuple[BillEventRecord, ...] = ()
    identifier: str | None = None  # the congress's own número / expediente / folio
    became_instrument: str | None = None  # instrument id of the law a published bill created or reformed
    proponents: tuple[Proponent, ...] = ()
    committee: str | None = None  # the committee(s) it was turned to, as the source names them
    summary: str | None = None  # what the bill proposes, in a sentence
    documents: tuple[BillDocument, ...] = ()
    relevance_rules: str | None = None  # rules version that decided ``trafficking`` (None: curated)
    relevance_score: float | None = None

    @property
    def merge_key(self) -> tuple[str, ...]:
        if self.identifier:
            return (self.jurisdiction, (self.legislature or "").upper(), self.identifier.strip().lower())
        return (self.jurisdiction, "slug", self.bill_id)


@dataclass(frozen=True)
class BillEventRecord:
    event_type: str  # vocab.BILL_EVENT_TYPES
    date: dt.date | None
    description: str | None = None  # the source's action text, verbatim
    span: DateSpan | None = None
    evidence: Evidence | None = None  # its own source, when it differs from the bill's
    rules_version: str | None = None  # the Categorizer that read ``description`` (None: curated by a person)
    score: float | None = None
    fired: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        vocab.check("bill_event_type", self.event_type)
        _with_span(self, self.date, self.span)


@dataclass(frozen=True)
class ProvisionRecord:
    eid: str  # e.g. "art_5-bis", "art_10.frac_III.inc_a", "trans_1", "decree_2018-01-19.trans_2"
    level: str  # vocab.PROVISION_LEVELS
    number: str | None
    text: str
    derogated: bool = False
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EffectRecord:
    provision_eid: str
    effect_type: str  # vocab.EFFECT_TYPES
    date: dt.date | None
    decree: str | None = None
    gazette: str | None = None
    raw: str | None = None  # the note as printed

    def __post_init__(self) -> None:
        vocab.check("effect_type", self.effect_type)


@dataclass(frozen=True)
class VersionRecord:
    """The text of an instrument as of a date (an expression), parsed from stored bytes."""

    instrument: Instrument
    evidence: Evidence
    version_date: dt.date | None  # the last reform the text includes (or publication)
    parser_version: str
    provisions: tuple[ProvisionRecord, ...] = ()
    effects: tuple[EffectRecord, ...] = ()
    metadata: dict = field(default_factory=dict)


Record = EventRecord | BillRecord | VersionRecord
