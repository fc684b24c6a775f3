"""Merging facts: ranking evidence, and settling disagreements between sources into conflict rows.

Ranking: scraped official (3) > curated official (2) > curated secondary (1). See :mod:`pipeline.store.load`.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from pipeline.core.records import Evidence, Instrument


def short_hash(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def evidence_rank(ev: Evidence) -> int:
    if ev.kind == "scraped":
        return 3
    return 2 if ev.confidence == "official" else 1


def describe(ev: Evidence) -> str:
    where = ev.url if ev.kind == "scraped" else ev.source_url
    return f"{ev.source} ({ev.kind}, {ev.confidence}): {where}"


def _clusters(events: list) -> list[list]:
    """Group dated events whose spans overlap, narrowest first in each group."""
    ordered = sorted(events, key=lambda e: (e.span.width() is None, e.span.width() or 0, -e.rank, e.key))
    clusters: list[list] = []
    for event in ordered:
        home = next((c for c in clusters if c[0].span.overlaps(event.span)), None)
        if home is None:
            clusters.append([event])
        else:
            home.append(event)
    return clusters


def _settle(iid: str, etype: str, events: list) -> list[dict]:
    dated = [e for e in events if e.span is not None]
    for undated in (e for e in events if e.span is None):
        undated.superseded = bool(dated)  # a dated fact fills the gap; not a disagreement
    clusters = _clusters(dated)
    for cluster in clusters:
        for coarser in cluster[1:]:
            coarser.superseded = True  # refined by a more precise date that agrees with it
    heads = sorted((c[0] for c in clusters), key=lambda e: (-max(x.rank for x in _cluster_of(e, clusters)),
                                                            e.span.earliest or dt.date.min))  # fmt: skip
    rows = []
    kept = heads[0] if heads else None
    for other in heads[1:]:
        kept_rank = max(x.rank for x in _cluster_of(kept, clusters))
        other_rank = max(x.rank for x in _cluster_of(other, clusters))
        if other_rank < kept_rank:
            other.superseded = True
            resolution = "scraped_over_curated" if kept_rank == 3 else "official_over_secondary"
        else:
            resolution = "unresolved"
        rows.append({
            "conflict_id": short_hash(iid, etype, kept.key, other.key), "jurisdiction": iid.split("/")[0],
            "instrument_id": iid, "event_type": etype, "field": "event_date", "kept_value": kept.key,
            "kept_source": describe(kept.best.evidence), "other_value": other.key,
            "other_source": describe(other.best.evidence), "resolution": resolution, "note": other.field("note"),
        })  # fmt: skip
    return rows


def _cluster_of(event, clusters: list[list]) -> list:
    return next(c for c in clusters if event in c)


def _type_conflicts(iid: str, candidates: list[tuple[int, Instrument]], best: Instrument) -> list[dict]:
    """Sources that call the same instrument a different type: kept as conflicts, never an exception."""
    rows = []
    best_rank = max(rank for rank, _ in candidates)
    for other_type in sorted({i.instrument_type for _, i in candidates} - {best.instrument_type}):
        rank = max(r for r, i in candidates if i.instrument_type == other_type)
        resolution = "unresolved" if rank == best_rank else (
            "scraped_over_curated" if best_rank == 3 else "official_over_secondary")
        rows.append({"conflict_id": short_hash(iid, "instrument_type", best.instrument_type, other_type),
                     "jurisdiction": iid.split("/")[0], "instrument_id": iid, "event_type": "instrument",
                     "field": "instrument_type", "kept_value": best.instrument_type, "kept_source": f"rank {best_rank}",
                     "other_value": other_type, "other_source": f"rank {rank}", "resolution": resolution,
                     "note": "sources disagree on the instrument's type; the best-ranked one is kept"})  # fmt: skip
    return rows


