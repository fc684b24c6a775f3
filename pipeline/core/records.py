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

    def __post_init__(self) -> None:
        vocab.check("evidence_kind", self.kind)
        vocab.check("confidence", self.confidence)
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


@dataclass(frozen=True)
class EventRecord:
    """Something that happened to an instrument, on a date (None when no source states it)."""

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

    def __post_init__(self) -> None:
        vocab.check("event_type", self.event_type)


@dataclass(frozen=True)
class BillRecord:
    """A bill (iniciativa) with its steps."""

    jurisdiction: str
    bill_id: str  # stable within the source, e.g. "sil-4567890"
    title: str
    evidence: Evidence
    chamber: str | None = None
    presenter: str | None = None
    legislature: str | None = None
    url: str | None = None
    status_text: str | None = None  # the source's own wording, kept verbatim
    trafficking: bool = True
    events: tuple[BillEventRecord, ...] = ()


@dataclass(frozen=True)
class BillEventRecord:
    event_type: str  # vocab.BILL_EVENT_TYPES
    date: dt.date | None
    description: str | None = None

    def __post_init__(self) -> None:
        vocab.check("bill_event_type", self.event_type)


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
