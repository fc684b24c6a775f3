"""Read the curated registry into records with ``curated`` evidence.

* ``data/registry/facts/<CODE>.csv``: one row per fact about an instrument (a law, code, reglamento …);
* ``data/registry/bills/<CODE>.csv``: one row per bill event (iniciativas), bill columns repeated.

Dates keep the precision their source gave (EDTF subset, :mod:`pipeline.core.dates`). The registry is
reviewed like code: a malformed row stops the build with its file and line (a proxy or mirror host as a
citation, an ``official`` row on an unofficial host, a bad date, an unknown vocabulary value), rather than
loading a half-right fact.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pipeline.core import jurisdictions, vocab
from pipeline.core.citations import is_official_host, url_problem
from pipeline.core.dates import DateSpan, DateSpanError
from pipeline.core.records import (
    BillDocument,
    BillEventRecord,
    BillRecord,
    EventRecord,
    Evidence,
    Instrument,
    Proponent,
)

COLUMNS = (
    "jurisdiction", "instrument_slug", "instrument_title", "instrument_type", "event", "date",
    "gazette", "issue", "decree", "official_url", "source_url", "accessed", "confidence", "note",
    "source_kind", "read_via",
)  # fmt: skip
BILL_COLUMNS = (
    "jurisdiction", "bill_slug", "identifier", "legislature", "title", "summary", "proponents", "proponent_kind",
    "committee", "event", "date", "event_text", "document_url", "source_url", "source_kind", "read_via",
    "accessed", "confidence", "became_instrument", "note",
)  # fmt: skip
BILL_LEVEL = ("jurisdiction", "bill_slug", "identifier", "legislature", "title", "summary", "proponents",
              "proponent_kind", "committee")  # fmt: skip


class RegistryError(ValueError):
    """A registry row is malformed; the message names the file and line."""


def registry_files(registry_dir: Path, kind: str = "facts") -> list[Path]:
    return sorted((registry_dir / kind).glob("*.csv"))


def _read(path: Path, columns: tuple[str, ...]) -> list[tuple[Path, int, dict]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise RegistryError(f"{path}: header must be {','.join(columns)}")
        for row in reader:
            rows.append((path, reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    return rows


def read_rows(registry_dir: Path) -> list[tuple[Path, int, dict]]:
    return [r for path in registry_files(registry_dir) for r in _read(path, COLUMNS)]


def read_bill_rows(registry_dir: Path) -> list[tuple[Path, int, dict]]:
    return [r for path in registry_files(registry_dir, "bills") for r in _read(path, BILL_COLUMNS)]


def _day(value: str, where: str, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise RegistryError(f"{where}: {column} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _span(value: str, where: str) -> DateSpan | None:
    if not value:
        return None
    try:
        return DateSpan.parse(value)
    except DateSpanError as exc:
        raise RegistryError(f"{where}: date {exc}") from exc


def _check_jurisdiction(row: dict, where: str) -> None:
    try:
        code = jurisdictions.resolve(row["jurisdiction"])
    except jurisdictions.UnknownJurisdiction as exc:
        raise RegistryError(f"{where}: {exc}") from exc
    if code != row["jurisdiction"]:
        raise RegistryError(f"{where}: write the ISO code {code!r}, not {row['jurisdiction']!r}")


def _check_citation(row: dict, where: str, url_columns: tuple[str, ...]) -> None:
    if not row["source_url"]:
        raise RegistryError(f"{where}: source_url is required")
    for column in url_columns:
        problem = url_problem(row[column]) if row[column] else None
        if problem:
            raise RegistryError(f"{where}: {column}: {problem}")
    for column, name in (("confidence", "confidence"), ("source_kind", "source_kind")):
        if row[column] not in vocab.ALL_VOCABULARIES[name]:
            raise RegistryError(f"{where}: {column} {row[column]!r} is not in the vocabulary")
    if row["confidence"] == "official" and (row["source_kind"] not in ("official_site", "official_gazette")
                                            or not is_official_host(row["source_url"])):  # fmt: skip
        raise RegistryError(f"{where}: 'official' needs an official source kind on an official host")


def _check_row(row: dict, where: str) -> None:
    _check_jurisdiction(row, where)
    _check_citation(row, where, ("source_url", "official_url"))
    if row["read_via"] and not row["read_via"].startswith(("http://", "https://")):
        raise RegistryError(f"{where}: read_via must be an http(s) URL or empty")
    if row["instrument_type"] not in vocab.INSTRUMENT_TYPES:
        raise RegistryError(f"{where}: instrument_type {row['instrument_type']!r} is not in the vocabulary")
    if row["instrument_type"] == "iniciativa":
        raise RegistryError(f"{where}: bills live in data/registry/bills/<CODE>.csv, one row per bill event")
    if row["event"] not in vocab.EVENT_TYPES:
        raise RegistryError(f"{where}: event {row['event']!r} is not in the vocabulary")
    if row["event"] == "searched_not_found" and not row["note"]:
        raise RegistryError(f"{where}: a searched_not_found row must say in its note what was searched")


def _evidence(row: dict, where: str, url_column: str = "official_url") -> Evidence:
    span = _span(row["date"], where)
    return Evidence(
        kind="curated",
        source="registry",
        url=row[url_column] or None,
        source_url=row["source_url"],
        accessed=_day(row["accessed"], where, "accessed"),
        confidence=row["confidence"],
        gazette=row.get("gazette") or None,
        issue=row.get("issue") or None,
        date=span.day if span else None,
        note=row["note"] or None,
        source_kind=row["source_kind"],
        read_via=row["read_via"] or None,
        supports=row["event"],
    )


def _event(row: dict, where: str) -> EventRecord:
    instrument = Instrument(row["jurisdiction"], row["instrument_slug"], row["instrument_title"],
                            row["instrument_type"], official_url=row["official_url"] or None)  # fmt: skip
    evidence = _evidence(row, where)
    return EventRecord(instrument=instrument, event_type=row["event"], date=None, evidence=evidence,
                       gazette=row["gazette"] or None, issue=row["issue"] or None, decree=row["decree"] or None,
                       official_url=row["official_url"] or None, note=row["note"] or None,
                       span=_span(row["date"], where))  # fmt: skip


def _check_bill_row(row: dict, where: str, first: dict) -> None:
    _check_jurisdiction(row, where)
    _check_citation(row, where, ("source_url", "document_url"))
    if row["event"] not in vocab.BILL_EVENT_TYPES:
        raise RegistryError(f"{where}: bill event {row['event']!r} is not in the vocabulary")
    changed = [c for c in BILL_LEVEL if row[c] != first[c]]
    if changed:
        raise RegistryError(f"{where}: bill columns differ from the bill's first row: {', '.join(changed)}")
    _proponents(row, where)
    if row["became_instrument"] and row["event"] != "published":
        raise RegistryError(f"{where}: became_instrument belongs on the 'published' row")


#: The document a row's ``document_url`` is, by the event the row records (anything else: "other").
DOCUMENT_KIND = {"presented": "initiative_text", "committee_report": "committee_report",
                 "committee_report_favorable": "committee_report", "committee_report_against": "committee_report",
                 "published": "law_text"}  # fmt: skip


def _proponents(row: dict, where: str) -> tuple[Proponent, ...]:
    """``proponents`` and ``proponent_kind`` are ';'-lists; one kind may stand for every name."""
    names = [n.strip() for n in row["proponents"].split(";") if n.strip()]
    kinds = [k.strip() for k in row["proponent_kind"].split(";") if k.strip()]
    if not kinds:
        if names:
            raise RegistryError(f"{where}: proponents are named but proponent_kind is empty")
        return ()
    for kind in kinds:
        if kind not in vocab.PROPONENT_KINDS:
            raise RegistryError(f"{where}: proponent_kind {kind!r} is not in the vocabulary")
    if len(kinds) == 1 and len(names) > 1:
        kinds = kinds * len(names)
    if names and len(kinds) != len(names):
        raise RegistryError(f"{where}: {len(names)} proponents but {len(kinds)} proponent kinds")
    return tuple(Proponent(kind, name) for kind, name in zip(kinds, names or [None] * len(kinds), strict=True))


def _bill(rows: list[tuple[dict, str]]) -> BillRecord:
    first, _ = rows[0]
    documents = tuple(BillDocument(DOCUMENT_KIND.get(r["event"], "other"), r["document_url"])
                      for r, _ in rows if r["document_url"])  # fmt: skip
    events = []
    for row, where in rows:
        evidence = _evidence(row, where, url_column="document_url")
        events.append(BillEventRecord(row["event"], None, row["event_text"] or None, span=_span(row["date"], where),
                                      evidence=evidence))  # fmt: skip
    became = next((r["became_instrument"] for r, _ in rows if r["became_instrument"]), None)
    return BillRecord(
        jurisdiction=first["jurisdiction"], bill_id=first["bill_slug"], title=first["title"],
        evidence=_evidence(first, rows[0][1], url_column="document_url"),
        presenter=first["proponents"] or None, legislature=first["legislature"] or None,
        url=next((r["document_url"] for r, _ in rows if r["document_url"]), None),
        status_text=rows[-1][0]["event_text"] or None, events=tuple(events),
        identifier=first["identifier"] or None,
        became_instrument=f"{first['jurisdiction']}/{became}" if became else None,
        proponents=_proponents(first, rows[0][1]), committee=first["committee"] or None,
        summary=first["summary"] or None, documents=documents,
    )  # fmt: skip


def load_records(registry_dir: Path) -> list:
    """Every fact row as an EventRecord, and every bill (its event rows grouped) as a BillRecord."""
    records: list = []
    for path, line, row in read_rows(registry_dir):
        where = f"{path.name}:{line}"
        _check_row(row, where)
        records.append(_event(row, where))
    bills: dict[str, list[tuple[dict, str]]] = {}
    for path, line, row in read_bill_rows(registry_dir):
        where = f"bills/{path.name}:{line}"
        key = f"{row['jurisdiction']}/{row['bill_slug']}"
        _check_bill_row(row, where, bills[key][0][0] if key in bills else row)
        bills.setdefault(key, []).append((row, where))
    records.extend(_bill(rows) for _key, rows in sorted(bills.items()))
    return records
