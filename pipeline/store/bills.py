"""Bills: one bill per identity, whatever number of sources saw it; review decisions applied.

A bill's identity is :attr:`BillRecord.merge_key` — (jurisdiction, legislature, identifier) when the
congress's own number is known, else (jurisdiction, bill id). Records of one identity merge: the
best-ranked record gives the bill id and title, other columns take the first non-empty value best
first, and EVERY record's events are kept (the same event type on the same date, seen twice, is one
row with both sources' evidence). A single record keeps its events in its own order; merged events
are ordered by stage of the legislative process, then date.

Review decisions (:mod:`pipeline.store.reviews`) are applied here, and what is still uncertain is
written to ``review_queue`` (read by ``proteja review list``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from pipeline.core.records import BillEventRecord, BillRecord, Evidence
from pipeline.parse.dates import fold
from pipeline.store.merge import describe, evidence_rank, short_hash
from pipeline.store.reviews import CONFIDENT_SCORE, ReviewDecision, review_id

#: Order of the stages of a bill, for events merged from several sources.
STAGE = {"presented": 0, "referred": 1, "committee_report": 2, "committee_report_favorable": 2,
         "committee_report_against": 2, "approved": 3, "sent_to_other_chamber": 4, "sent_to_executive": 5,
         "vetoed": 6, "published": 7, "rejected": 7, "withdrawn": 7, "expired": 7, "unclassified": 8}  # fmt: skip


@dataclass
class _Event:
    record: BillEventRecord
    source: str
    evidence: list[Evidence] = field(default_factory=list)
    review: str | None = None


@dataclass
class MergedBill:
    bill_id: str  # "{jurisdiction}/{best record's bill id}"
    records: list[BillRecord]  # best first
    events: list[_Event]
    trafficking: bool
    review: str | None = None

    @property
    def best(self) -> BillRecord:
        return self.records[0]

    def field(self, name: str):
        return next((getattr(r, name) for r in self.records if getattr(r, name)), None)


def _order(records: list[BillRecord]) -> list[BillRecord]:
    return sorted(records, key=lambda r: (-evidence_rank(r.evidence), describe(r.evidence), r.bill_id))


def merge(records: list[BillRecord]) -> MergedBill:
    ordered = _order(records)
    events: dict[tuple, _Event] = {}
    for rec in ordered:
        for ev in rec.events:
            key: tuple = (ev.event_type, ev.span.text if ev.span else None)
            if len(ordered) == 1:
                key = key + (len(events),)  # one record's events are never folded together
            elif ev.span is None:
                key = key + (fold(ev.description or ""),)  # undated: the same wording is the same event
            slot = events.setdefault(key, _Event(ev, rec.evidence.source))
            own = ev.evidence or (rec.evidence if len(ordered) > 1 else None)
            if own is not None:
                slot.evidence.append(own)
    merged = list(events.values())
    if len(ordered) > 1:
        rank = {id(r): i for i, r in enumerate(ordered)}
        merged.sort(key=lambda e: (STAGE[e.record.event_type], _when(e.record), rank.get(id(e.record), 0)))
    best = ordered[0]
    return MergedBill(f"{best.jurisdiction}/{best.bill_id}", ordered, merged, best.trafficking)


def _when(ev: BillEventRecord) -> dt.date:
    if ev.span is None:
        return dt.date.max
    return ev.span.earliest or ev.span.latest or dt.date.max


def merge_all(records: list[BillRecord]) -> dict[str, MergedBill]:
    """Group by identity; a record without an identifier joins the identified bill that has its slug."""
    groups: dict[tuple, list[BillRecord]] = {}
    for rec in records:
        if rec.identifier:
            groups.setdefault(rec.merge_key, []).append(rec)
    by_slug = {(r.jurisdiction, r.bill_id): key for key, group in groups.items() for r in group}
    for rec in records:
        if not rec.identifier:
            key = by_slug.get((rec.jurisdiction, rec.bill_id), rec.merge_key)
            groups.setdefault(key, []).append(rec)
    out: dict[str, MergedBill] = {}
    for _key, group in sorted(groups.items()):
        bill = merge(group)
        if bill.bill_id in out:
            raise ValueError(f"two different bills (legislature or identifier differ) share the id {bill.bill_id}")
        out[bill.bill_id] = bill
    return dict(sorted(out.items()))


def apply_reviews(bills: dict[str, MergedBill], decisions: dict[str, ReviewDecision]) -> tuple[dict, list]:
    """Apply decisions in place; return (decision id → facts changed, the queue of what is still uncertain)."""
    applied = {rid: 0 for rid in decisions}
    queue: dict[str, dict] = {}
    for bill in bills.values():
        rec = bill.best
        if rec.relevance_rules:
            # the rules' proposal: relevant when any rule voted for it (a weak vote alone is kept out until accepted)
            proposed = (rec.relevance_score or 0.0) > 0
            rid = review_id("bill_relevance", bill.bill_id)
            decision = decisions.get(rid)
            if decision is not None:
                bill.trafficking = proposed if decision.decision == "accepted" else not proposed
                bill.review, applied[rid] = rid, applied[rid] + 1
            elif proposed and (rec.relevance_score or 0.0) < CONFIDENT_SCORE:
                _enqueue(queue, rid, "bill_relevance", bill.bill_id, "true", rec.relevance_rules,
                         rec.relevance_score, bill.bill_id, rec.title)  # fmt: skip
        for event in bill.events:
            ev = event.record
            if not ev.rules_version:
                continue
            subject = fold(ev.description or "")
            rid = review_id("bill_event", subject)
            decision = decisions.get(rid)
            if decision is not None:
                label = decision.label if decision.decision == "accepted" else "unclassified"
                event.record, event.review = replace(ev, event_type=label), rid
                applied[rid] += 1
            elif ev.event_type == "unclassified" or (ev.score or 0.0) < CONFIDENT_SCORE:
                proposed = None if ev.event_type == "unclassified" else ev.event_type
                _enqueue(queue, rid, "bill_event", subject, proposed, ev.rules_version, ev.score, bill.bill_id,
                         ev.description or "")  # fmt: skip
    return applied, [queue[k] for k in sorted(queue)]


def _enqueue(queue, rid, kind, subject, proposed, rules, score, bill_id, text) -> None:
    item = queue.setdefault(rid, {"review_id": rid, "review_kind": kind, "subject": subject, "proposed": proposed,
                                  "rules_version": rules, "score": score, "example_bill_id": bill_id,
                                  "example_text": text, "occurrences": 0})  # fmt: skip
    item["occurrences"] += 1


def bill_rows(bills: dict[str, MergedBill], evidence_row) -> dict[str, list[dict]]:
    """Rows of bills, bill_events, bill_proponents, bill_documents and their evidence."""
    out: dict[str, list[dict]] = {"bills": [], "bill_events": [], "bill_proponents": [], "bill_documents": [],
                                  "evidence": []}  # fmt: skip
    for bill_id, bill in bills.items():
        rec = bill.best
        out["bills"].append({
            "bill_id": bill_id, "jurisdiction": rec.jurisdiction, "title": rec.title,
            "chamber": bill.field("chamber"), "presenter": bill.field("presenter"),
            "legislature": bill.field("legislature"), "url": bill.field("url"),
            "status_text": bill.field("status_text"), "trafficking": bill.trafficking,
            "identifier": bill.field("identifier"), "became_instrument_id": bill.field("became_instrument"),
            "committee": bill.field("committee"), "summary": bill.field("summary"),
            "relevance_rules": rec.relevance_rules,
            "sources": ";".join(sorted({r.evidence.source for r in bill.records})),
            "review_id": bill.review,
        })  # fmt: skip
        for rec_ in bill.records:
            out["evidence"].append(evidence_row("bills", bill_id, rec_.evidence, "bill"))
        proponents = next((r.proponents for r in bill.records if r.proponents), ())
        for ordinal, p in enumerate(proponents):
            out["bill_proponents"].append({"bill_id": bill_id, "ordinal": ordinal, "proponent_kind": p.kind,
                                           "name": p.name, "party": p.party})  # fmt: skip
        seen: set[str] = set()
        for rec_ in bill.records:
            for doc in rec_.documents:
                if doc.url in seen:
                    continue
                seen.add(doc.url)
                out["bill_documents"].append({
                    "document_id": short_hash(bill_id, doc.url), "bill_id": bill_id, "document_kind": doc.kind,
                    "url": doc.url, "title": doc.title, "document_date": doc.date, "source": rec_.evidence.source,
                })  # fmt: skip
        for ordinal, event in enumerate(bill.events):
            ev = event.record
            event_id = short_hash(bill_id, ordinal, ev.event_type, ev.span.text if ev.span else None)
            out["bill_events"].append({
                "bill_event_id": event_id, "bill_id": bill_id, "event_type": ev.event_type,
                "event_date": ev.date, **span_columns(ev.span), "description": ev.description,
                "ordinal": ordinal, "source": event.source, "rules_version": ev.rules_version,
                "score": ev.score, "fired": ";".join(ev.fired) or None, "review_id": event.review,
            })  # fmt: skip
            for evidence in event.evidence:
                out["evidence"].append(evidence_row("bill_events", event_id, evidence, ev.event_type))
    return out


def span_columns(span) -> dict:
    return {"date_earliest": span.earliest if span else None, "date_latest": span.latest if span else None,
            "date_precision": span.precision if span else None, "date_text": span.text if span else None}
