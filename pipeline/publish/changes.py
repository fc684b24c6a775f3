"""The change feed: what changed since the previous publication (JSON and Atom).

Compares the candidate with the publication currently in ``data/processed/`` by natural ids
(event ids are hashes of instrument, type and date), never by timestamps, so an unchanged input
gives an empty feed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb

from pipeline.core.dates import DateSpan, DateSpanError
from pipeline.core.vocab import TERMINAL_BILL_EVENTS

REFORM_EVENTS = ("reformed", "provisions_added", "provisions_derogated")


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (value or None)


def _previous_spans(rows) -> dict[tuple, list[str]]:
    """(instrument, event type) → the dates the previous publication gave it (older files: event_date)."""
    spans: dict[tuple, list[str]] = {}
    for row in rows:
        text = row.get("date_text") or row.get("event_date")
        if text:
            spans.setdefault((row["instrument_id"], row["event_type"]), []).append(text)
    return spans


def _refines(ev: dict, earlier: dict[tuple, list[str]]) -> str | None:
    """The earlier date this event makes more precise ("2012" → "2012-07-15"), or None: a refinement is
    the same fact known better, not a new event."""
    if not ev.get("date_text"):
        return None
    new = DateSpan.parse(ev["date_text"])
    for text in earlier.get((ev["instrument_id"], ev["event_type"]), []):
        try:
            old = DateSpan.parse(text)
        except DateSpanError:
            continue
        if old.text != new.text and old.overlaps(new) and new.narrower_than(old):
            return old.text
    return None


def compute(*, previous_dir: Path, current_status: list[dict], con: duckdb.DuckDBPyConnection) -> dict:
    previous_status_path = previous_dir / "status.json"
    if not previous_status_path.exists():
        return {"previous_as_of": None, "first_publication": True, "changes": []}
    previous_status = json.loads(previous_status_path.read_text(encoding="utf-8"))
    previous_events = {r["event_id"]: r for r in _read_csv(previous_dir / "tables" / "events.csv")}
    previous_instruments = {r["instrument_id"] for r in _read_csv(previous_dir / "tables" / "instruments.csv")}
    previous_bills = {r["bill_id"] for r in _read_csv(previous_dir / "tables" / "bills.csv")}
    previous_bill_events = {r["bill_event_id"] for r in _read_csv(previous_dir / "tables" / "bill_events.csv")}

    found: list[dict] = []
    earlier = _previous_spans(previous_events.values())
    events = _rows(con, "SELECT * FROM active_events ORDER BY event_id")
    for ev in events:
        if ev["event_id"] in previous_events:
            continue
        refined = _refines(ev, earlier)
        if refined is not None:
            found.append({"kind": "refinement", "jurisdiction": ev["jurisdiction"], "subject": ev["instrument_id"],
                          "title": ev["instrument_title"], "event": ev["event_type"], "date": ev["date_text"],
                          "from": refined, "to": ev["date_text"]})  # fmt: skip
            continue
        if ev["event_type"] == "published" and ev["is_specific_law"] and ev["instrument_id"] not in previous_instruments:
            kind = "new_law"
        elif ev["event_type"] in REFORM_EVENTS:
            kind = "reform"
        elif ev["event_type"] in ("searched_not_found", "observed_in_force"):
            continue
        else:
            kind = "event"
        found.append(
            {
                "kind": kind,
                "jurisdiction": ev["jurisdiction"],
                "subject": ev["instrument_id"],
                "title": ev["instrument_title"],
                "event": ev["event_type"],
                "date": _iso(ev["event_date"]),
            }
        )
    for bill in _rows(con, "SELECT * FROM bills ORDER BY bill_id"):
        if bill["bill_id"] not in previous_bills:
            found.append({"kind": "new_initiative", "jurisdiction": bill["jurisdiction"], "subject": bill["bill_id"],
                          "title": bill["title"], "event": "presented", "date": None})  # fmt: skip
    for be in _rows(con, "SELECT be.*, b.jurisdiction, b.title FROM bill_events be JOIN bills b USING (bill_id)"):
        if be["event_type"] in TERMINAL_BILL_EVENTS and be["bill_event_id"] not in previous_bill_events:
            found.append({"kind": "closed_initiative", "jurisdiction": be["jurisdiction"], "subject": be["bill_id"],
                          "title": be["title"], "event": be["event_type"], "date": _iso(be["event_date"])})  # fmt: skip
    before = {r["state"]: r for r in previous_status}
    for row in current_status:
        old = before.get(row["state"])
        if old and (old["summary"], old["law_status"]) != (row["summary"], row["law_status"]):
            found.append(
                {
                    "kind": "status_transition",
                    "jurisdiction": row["state"],
                    "subject": row["state"],
                    "title": row["name"],
                    "event": f"{old['summary']} -> {row['summary']}",
                    "date": row.get("as_of"),
                    "from": {"summary": old["summary"], "law_status": old["law_status"]},
                    "to": {"summary": row["summary"], "law_status": row["law_status"]},
                }
            )
    for item in found:
        item["id"] = hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode()).hexdigest()[:16]
    found.sort(key=lambda c: (c["kind"], c["jurisdiction"], c["date"] or "", c["subject"], c["id"]))
    previous_as_of = previous_status[0].get("as_of") if previous_status else None
    return {"previous_as_of": previous_as_of, "first_publication": False, "changes": found}


def render_atom(feed: dict, *, as_of: dt.date) -> str:
    updated = f"{as_of.isoformat()}T00:00:00Z"
    entries = []
    for change in feed["changes"]:
        title = f"{change['jurisdiction']}: {change['kind']} — {change['title']}"
        summary = f"{change['event']} {change.get('date') or ''}".strip()
        entries.append(
            "  <entry>\n"
            f"    <id>urn:proteja:change:{change['id']}</id>\n"
            f"    <title>{escape(title)}</title>\n"
            f"    <updated>{updated}</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>urn:proteja:changes</id>\n"
        "  <title>proteja — cambios / changes</title>\n"
        f"  <updated>{updated}</updated>\n"
        "  <author><name>proteja</name></author>\n" + "".join(entries) + "</feed>\n"
    )
