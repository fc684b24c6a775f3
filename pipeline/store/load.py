"""Load records into DuckDB: merge duplicate facts, rank evidence, record conflicts.

Ranking (highest wins): scraped official evidence > curated official > curated secondary.
The same fact seen by several sources becomes one row with several evidence rows. Two sources
that disagree on a single-valued fact (a law's publication or abrogation date) produce one
``conflicts`` row; the outranked fact stays in ``events`` with ``superseded = true``. When the
disagreeing sources rank the same, the conflict is ``unresolved`` and both facts stay active
(the status derivation then reports the law's dates as disputed).

Everything here is deterministic: rows are sorted and ids are hashes of natural keys, so the same
records always produce the same tables.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb

from pipeline.core import vocab
from pipeline.core.dates import DateSpan
from pipeline.core.records import BillRecord, EventRecord, Evidence, Instrument, VersionRecord
from pipeline.store import bills
from pipeline.store.merge import _settle, _type_conflicts, describe, evidence_rank, short_hash
from pipeline.store.rows import insert_rows

#: Event types an instrument has at most one of; different dates for them are a conflict.
SINGLE_VALUED = ("published", "abrogated", "invalidated", "entered_into_force")


@dataclass
class _Event:
    instrument_id: str
    event_type: str
    key: str | None  # the span's text ("2012-06-14", "2008", "../2014-08-01"), None when undated
    span: DateSpan | None = None
    records: list[EventRecord] = field(default_factory=list)
    superseded: bool = False

    @property
    def date(self) -> dt.date | None:
        return self.span.day if self.span else None

    @property
    def best(self) -> EventRecord:
        return sorted(self.records, key=lambda r: (-evidence_rank(r.evidence), describe(r.evidence)))[0]

    @property
    def rank(self) -> int:
        return max(evidence_rank(r.evidence) for r in self.records)

    @property
    def event_id(self) -> str:
        return short_hash(self.instrument_id, self.event_type, self.key)  # = the day's ISO text for day dates

    def field(self, name: str):
        """The first non-empty value of ``name`` among the records, best evidence first."""
        for rec in sorted(self.records, key=lambda r: (-evidence_rank(r.evidence), describe(r.evidence))):
            value = getattr(rec, name)
            if value:
                return value
        return None


@dataclass
class LoadReport:
    instruments: int = 0
    events: int = 0
    bills: int = 0
    versions: int = 0
    evidence: int = 0
    conflicts: int = 0


class Loader:
    """Collects records, then writes them in one deterministic pass."""

    def __init__(self, decisions: dict | None = None) -> None:
        self.decisions = decisions or {}  # review id → ReviewDecision (pipeline.store.reviews)
        self.instruments: dict[str, list[tuple[int, Instrument]]] = defaultdict(list)
        self.events: dict[tuple, _Event] = {}
        self.bills: list[BillRecord] = []
        self.versions: dict[str, VersionRecord] = {}

    # -- collecting ---------------------------------------------------------------------------
    def add(self, record) -> None:
        if isinstance(record, EventRecord):
            self._add_event(record)
        elif isinstance(record, BillRecord):
            self._add_bill(record)
        elif isinstance(record, VersionRecord):
            self._add_instrument(record.instrument, evidence_rank(record.evidence))
            key = f"{record.instrument.instrument_id}@{record.version_date or record.evidence.sha256[:12]}"
            self.versions[key] = record
        else:
            raise TypeError(f"cannot load {type(record).__name__}")

    def _add_instrument(self, instrument: Instrument, rank: int) -> None:
        self.instruments[instrument.instrument_id].append((rank, instrument))

    def _add_event(self, record: EventRecord) -> None:
        self._add_instrument(record.instrument, evidence_rank(record.evidence))
        span_text = record.span.text if record.span else None
        key = (record.instrument.instrument_id, record.event_type, span_text)
        event = self.events.setdefault(key, _Event(*key, span=record.span))
        event.records.append(record)

    def _add_bill(self, record: BillRecord) -> None:
        self.bills.append(record)  # merged by identity at write time (pipeline.store.bills)

    # -- resolving ----------------------------------------------------------------------------
    def resolve_instruments(self) -> dict[str, Instrument]:
        """One Instrument per id: the best-ranked candidate's title and type (a type disagreement is a conflict)."""
        resolved = {}
        self.type_conflicts = []
        for iid, candidates in sorted(self.instruments.items()):
            best = sorted(candidates, key=lambda c: (-c[0], c[1].title))[0][1]
            self.type_conflicts += _type_conflicts(iid, candidates, best)
            url = next((i.official_url for _, i in sorted(candidates, key=lambda c: -c[0]) if i.official_url), None)
            resolved[iid] = Instrument(best.jurisdiction, best.slug, best.title, best.instrument_type, url)
        return resolved

    def resolve_conflicts(self) -> list[dict]:
        """Settle single-valued facts given several dates; return conflict rows (type conflicts included).

        Dates that can both be true (overlapping spans: "2012" and "2012-07-15") are one fact known more or
        less precisely: the most precise stays active, the others are superseded, and no conflict is
        recorded (a refinement). Only disjoint dates conflict: the better-ranked one is kept and the other
        superseded; equally ranked ones stay both active and ``unresolved``.
        """
        conflicts = list(getattr(self, "type_conflicts", []))
        groups: dict[tuple, list[_Event]] = defaultdict(list)
        for event in self.events.values():
            if event.event_type in SINGLE_VALUED:
                groups[(event.instrument_id, event.event_type)].append(event)
        for (iid, etype), events in sorted(groups.items()):
            conflicts += _settle(iid, etype, events)
        return sorted(conflicts, key=lambda c: c["conflict_id"])

    # -- writing ------------------------------------------------------------------------------
    def write(self, con: duckdb.DuckDBPyConnection) -> LoadReport:
        instruments = self.resolve_instruments()
        conflicts = self.resolve_conflicts()
        evidence_rows: list[dict] = []
        first_published = self._first_publication()

        insert_rows(con, "instruments", [
            {
                "instrument_id": iid,
                "jurisdiction": inst.jurisdiction,
                "slug": inst.slug,
                "title": inst.title,
                "instrument_type": inst.instrument_type,
                "official_url": inst.official_url,
                "is_specific_law": inst.instrument_type in vocab.SPECIFIC_LAW_TYPES,
                "work_uri": f"{inst.jurisdiction}/{inst.instrument_type}/"
                f"{first_published.get(iid, 'undated')}/{inst.slug}",
            }
            for iid, inst in instruments.items()
        ])  # fmt: skip

        event_rows = []
        for event in sorted(self.events.values(), key=lambda e: e.event_id):
            best = event.best
            event_rows.append(
                {
                    "event_id": event.event_id,
                    "instrument_id": event.instrument_id,
                    "event_type": event.event_type,
                    "event_date": event.date,
                    **_span_columns(event.span),
                    "gazette": event.field("gazette"),
                    "issue": event.field("issue"),
                    "decree": event.field("decree"),
                    "title": event.field("title"),
                    "official_url": event.field("official_url"),
                    "note": event.field("note"),
                    "best_kind": best.evidence.kind,
                    "best_confidence": best.evidence.confidence,
                    "superseded": event.superseded,
                }
            )
            for rec in event.records:
                evidence_rows.append(_evidence_row("events", event.event_id, rec.evidence, event.event_type))
        insert_rows(con, "events", event_rows)

        self._write_versions(con, evidence_rows)
        n_bills = self._write_bills(con, evidence_rows)
        unique_evidence = {row["evidence_id"]: row for row in evidence_rows}
        insert_rows(con, "evidence", [unique_evidence[k] for k in sorted(unique_evidence)])
        insert_rows(con, "conflicts", conflicts)
        return LoadReport(
            instruments=len(instruments),
            events=len(event_rows),
            bills=n_bills,
            versions=len(self.versions),
            evidence=len(unique_evidence),
            conflicts=len(conflicts),
        )

    def _first_publication(self) -> dict[str, str]:
        """The first publication as the sources give it (a day, or "2008"), for the work URI."""
        firsts: dict[str, tuple] = {}
        for event in self.events.values():
            if event.event_type == "published" and event.span and not event.superseded:
                candidate = (event.span.earliest or dt.date.min, event.span.text)
                known = firsts.get(event.instrument_id)
                firsts[event.instrument_id] = min(known, candidate) if known else candidate
        return {iid: text.replace("/", "_").replace("..", "") for iid, (_, text) in firsts.items()}

    def _write_versions(self, con, evidence_rows: list[dict]) -> None:
        versions, provisions, effects = [], [], []
        for version_id, rec in sorted(self.versions.items()):
            versions.append(
                {
                    "version_id": version_id,
                    "instrument_id": rec.instrument.instrument_id,
                    "version_date": rec.version_date,
                    "sha256": rec.evidence.sha256,
                    "parser_version": rec.parser_version,
                    "n_articles": sum(1 for p in rec.provisions if p.level == "articulo"),
                    "metadata": json.dumps(rec.metadata, sort_keys=True, ensure_ascii=False, default=str),
                }
            )
            evidence_rows.append(_evidence_row("instrument_versions", version_id, rec.evidence))
            for ordinal, prov in enumerate(rec.provisions):
                provisions.append(
                    {
                        "provision_id": f"{version_id}~{prov.eid}",
                        "version_id": version_id,
                        "eid": prov.eid,
                        "level": prov.level,
                        "number": prov.number,
                        "ordinal": ordinal,
                        "text": prov.text,
                        "derogated": prov.derogated,
                        "notes": "\n".join(prov.notes) or None,
                    }
                )
            for eff in rec.effects:
                effects.append(
                    {
                        "effect_id": short_hash(version_id, eff.provision_eid, eff.effect_type, eff.date, eff.raw),
                        "version_id": version_id,
                        "instrument_id": rec.instrument.instrument_id,
                        "provision_eid": eff.provision_eid,
                        "effect_type": eff.effect_type,
                        "effect_date": eff.date,
                        "decree": eff.decree,
                        "gazette": eff.gazette,
                        "raw": eff.raw,
                    }
                )
        insert_rows(con, "instrument_versions", versions)
        insert_rows(con, "provisions", _dedupe(provisions, "provision_id"))
        insert_rows(con, "effects", _dedupe(effects, "effect_id"))

    def _write_bills(self, con, evidence_rows: list[dict]) -> int:
        merged = bills.merge_all(self.bills)
        applied, queue = bills.apply_reviews(merged, self.decisions)
        rows = bills.bill_rows(merged, _evidence_row)
        evidence_rows.extend(rows.pop("evidence"))
        for table in ("bills", "bill_events", "bill_proponents", "bill_documents"):
            insert_rows(con, table, rows[table])
        insert_rows(con, "reviews", [
            {"review_id": d.id, "review_kind": d.kind, "subject": d.subject, "proposed": d.proposed,
             "decision": d.decision, "label": d.label, "decided_by": d.by, "decided_at": d.decided_at,
             "note": d.note, "rules_version": d.rules_version, "applied_to": applied[rid]}
            for rid, d in sorted(self.decisions.items())
        ])  # fmt: skip
        insert_rows(con, "review_queue", queue)
        return len(merged)


def _span_columns(span: DateSpan | None) -> dict:
    return {"date_earliest": span.earliest if span else None, "date_latest": span.latest if span else None,
            "date_precision": span.precision if span else None, "date_text": span.text if span else None}


def _evidence_row(fact_table: str, fact_id: str, ev: Evidence, supports: str | None = None) -> dict:
    return {
        "evidence_id": short_hash(fact_table, fact_id, ev.kind, ev.source, ev.url, ev.sha256, ev.source_url,
                                  ev.accessed, ev.date, ev.note),
        "fact_table": fact_table,
        "fact_id": fact_id,
        "kind": ev.kind,
        "source": ev.source,
        "url": ev.url,
        "gazette": ev.gazette,
        "issue": ev.issue,
        "page": ev.page,
        "evidence_date": ev.date,
        "sha256": ev.sha256,
        "retrieved_at": _naive_utc(ev.retrieved_at),
        "source_url": ev.source_url,
        "accessed": ev.accessed,
        "confidence": ev.confidence,
        "note": ev.note,
        "source_kind": ev.source_kind,
        "read_via": ev.read_via,
        "supports": ev.supports or supports,
    }  # fmt: skip


def _naive_utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _dedupe(rows: list[dict], key: str) -> list[dict]:
    return list({row[key]: row for row in rows}.values())
