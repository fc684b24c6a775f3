"""Read the curated registry (``data/registry/facts/*.csv``) into records with ``curated`` evidence.

The registry is reviewed like code: a malformed row stops the build with its file and line,
rather than loading a half-right fact.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pipeline.core import jurisdictions, vocab
from pipeline.core.records import BillEventRecord, BillRecord, EventRecord, Evidence, Instrument

COLUMNS = (
    "jurisdiction", "instrument_slug", "instrument_title", "instrument_type", "event", "date",
    "gazette", "issue", "decree", "official_url", "source_url", "accessed", "confidence", "note",
)  # fmt: skip


class RegistryError(ValueError):
    """A registry row is malformed; the message names the file and line."""


def registry_files(registry_dir: Path) -> list[Path]:
    return sorted((registry_dir / "facts").glob("*.csv"))


def read_rows(registry_dir: Path) -> list[tuple[Path, int, dict]]:
    rows = []
    for path in registry_files(registry_dir):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise RegistryError(f"{path}: header must be {','.join(COLUMNS)}")
            for row in reader:
                rows.append((path, reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    return rows


def _date(value: str, where: str, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise RegistryError(f"{where}: {column} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _check_row(row: dict, where: str) -> None:
    try:
        code = jurisdictions.resolve(row["jurisdiction"])
    except jurisdictions.UnknownJurisdiction as exc:
        raise RegistryError(f"{where}: {exc}") from exc
    if code != row["jurisdiction"]:
        raise RegistryError(f"{where}: write the ISO code {code!r}, not {row['jurisdiction']!r}")
    if not row["source_url"].startswith(("http://", "https://")):
        raise RegistryError(f"{where}: source_url must be an http(s) URL")
    if row["official_url"] and not row["official_url"].startswith(("http://", "https://")):
        raise RegistryError(f"{where}: official_url must be an http(s) URL or empty")
    for column, name in (("instrument_type", "instrument_type"), ("confidence", "confidence")):
        if row[column] not in vocab.ALL_VOCABULARIES[name]:
            raise RegistryError(f"{where}: {column} {row[column]!r} is not in the vocabulary")
    allowed = vocab.BILL_EVENT_TYPES if row["instrument_type"] == "iniciativa" else vocab.EVENT_TYPES
    if row["event"] not in allowed:
        raise RegistryError(f"{where}: event {row['event']!r} is not allowed for {row['instrument_type']}")
    if row["event"] == "searched_not_found" and not row["note"]:
        raise RegistryError(f"{where}: a searched_not_found row must say in its note what was searched")


def _evidence(row: dict, where: str) -> Evidence:
    return Evidence(
        kind="curated",
        source="registry",
        url=row["official_url"] or None,
        source_url=row["source_url"],
        accessed=_date(row["accessed"], where, "accessed"),
        confidence=row["confidence"],
        gazette=row["gazette"] or None,
        issue=row["issue"] or None,
        date=_date(row["date"], where, "date"),
        note=row["note"] or None,
    )


def load_records(registry_dir: Path) -> list:
    """Every registry row as an EventRecord (or a BillRecord for iniciativas)."""
    records: list = []
    bills: dict[str, list] = {}
    for path, line, row in read_rows(registry_dir):
        where = f"{path.name}:{line}"
        _check_row(row, where)
        evidence = _evidence(row, where)
        if row["instrument_type"] == "iniciativa":
            bills.setdefault(f"{row['jurisdiction']}/{row['instrument_slug']}", []).append((row, evidence, where))
            continue
        instrument = Instrument(
            jurisdiction=row["jurisdiction"],
            slug=row["instrument_slug"],
            title=row["instrument_title"],
            instrument_type=row["instrument_type"],
            official_url=row["official_url"] or None,
        )
        records.append(
            EventRecord(
                instrument=instrument,
                event_type=row["event"],
                date=evidence.date,
                evidence=evidence,
                gazette=row["gazette"] or None,
                issue=row["issue"] or None,
                decree=row["decree"] or None,
                official_url=row["official_url"] or None,
                note=row["note"] or None,
            )
        )
    for _key, entries in sorted(bills.items()):
        row, evidence, where = entries[0]
        records.append(
            BillRecord(
                jurisdiction=row["jurisdiction"],
                bill_id=row["instrument_slug"],
                title=row["instrument_title"],
                evidence=evidence,
                url=row["official_url"] or None,
                events=tuple(
                    BillEventRecord(r["event"], _date(r["date"], w, "date"), r["note"] or None) for r, _, w in entries
                ),
            )
        )
    return records
