"""Law texts → VersionRecords, with a parse cache and an honest list of what could not be parsed.

``proteja build`` re-derives everything from the raw store on every run. Parsing a consolidated
law PDF is the slow part, so results are cached by (sha256 of the bytes, parser version): a rebuild
with nothing changed parses nothing. Each entry also records the layout profile it was parsed with
(:mod:`pipeline.parse.law.profiles`); bumping one profile's version re-parses only that family's texts.
This is the only parse cache. A document that cannot be parsed (corrupt, encrypted, empty,
legacy .doc without a converter) is recorded as unparsed and skipped; it never fails the build and
never becomes a half-parsed law.

The cache folder and the unparsed list are scoped to one build with :func:`parse_session`.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.core import problems
from pipeline.core.records import EffectRecord, Evidence, Instrument, ProvisionRecord, VersionRecord

log = logging.getLogger(__name__)


@dataclasses.dataclass
class ParseSession:
    cache_dir: Path | None
    parsed: int = 0  # documents actually parsed (cache misses)
    cached: int = 0  # documents served from the cache
    unparsed: list[str] = dataclasses.field(default_factory=list)


_session: contextvars.ContextVar[ParseSession | None] = contextvars.ContextVar("parse_session", default=None)


@contextlib.contextmanager
def parse_session(cache_dir: Path | None) -> Iterator[ParseSession]:
    session = ParseSession(cache_dir)
    token = _session.set(session)
    try:
        yield session
    finally:
        _session.reset(token)


def record_unparsed(message: str) -> None:
    """Note a document that could not be parsed, for the build's report."""
    session = _session.get()
    if session is not None:
        session.unparsed.append(message)
    log.warning("unparsed document %s", message)


def _to_json(record: VersionRecord) -> dict:
    return {
        "version_date": record.version_date.isoformat() if record.version_date else None,
        "parser_version": record.parser_version,
        "provisions": [dataclasses.asdict(p) for p in record.provisions],
        "effects": [{**dataclasses.asdict(e), "date": e.date.isoformat() if e.date else None} for e in record.effects],
        "metadata": record.metadata,
        "profile": record.metadata.get("profile"),
    }


def _from_json(data: dict, instrument: Instrument, evidence: Evidence) -> VersionRecord:
    def day(value):
        return dt.date.fromisoformat(value) if value else None

    return VersionRecord(
        instrument=instrument,
        evidence=evidence,
        version_date=day(data["version_date"]),
        parser_version=data["parser_version"],
        provisions=tuple(ProvisionRecord(**{**p, "notes": tuple(p["notes"])}) for p in data["provisions"]),
        effects=tuple(EffectRecord(**{**e, "date": day(e["date"])}) for e in data["effects"]),
        metadata=data["metadata"],
    )


def cache_file(cache_dir: Path, sha256: str) -> Path:
    """Where the parse of ``sha256`` is cached (under the shared parser version); refuses non-digests."""
    from pipeline.parse.law.profiles import PARSER_VERSION

    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    return cache_dir / "law" / PARSER_VERSION / sha256[:2] / f"{sha256}.json"


def _current(data: dict) -> bool:
    """A cached parse is current when its profile still has the version it was parsed with."""
    from pipeline.parse.law.profiles import PROFILES

    profile = PROFILES.get(data.get("profile") or "")
    return profile is not None and data.get("parser_version") == profile.cache_key


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, sort_keys=True, default=str)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _read_cache(path: Path | None, instrument: Instrument, evidence: Evidence) -> VersionRecord | None:
    """A cached record, or None: a truncated or stale cache file is a miss (reparsed, rewritten), never fatal."""
    if path is None or not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _from_json(data, instrument, evidence) if _current(data) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        problems.record("parse cache", str(path), "parse_error", exc, f"unreadable cache file, reparsed: {exc}")
        return None


def law_version(content: bytes, instrument: Instrument, evidence: Evidence) -> VersionRecord | None:
    """The VersionRecord of a consolidated law text, or None (recorded as unparsed) when it cannot be parsed."""
    from pipeline.parse.extract import DocumentError
    from pipeline.parse.law import parse_law, to_version_record

    session = _session.get() or ParseSession(None)
    sha256 = evidence.sha256 or hashlib.sha256(content).hexdigest()
    path = cache_file(session.cache_dir, sha256) if session.cache_dir else None
    cached = _read_cache(path, instrument, evidence)
    if cached is not None:
        session.cached += 1
        return cached
    try:
        record = to_version_record(parse_law(content, url=evidence.url), instrument, evidence)
    except DocumentError as exc:
        session.unparsed.append(f"{instrument.instrument_id} {sha256[:12]}: {exc.kind}: {exc}")
        log.warning("unparsed document %s", session.unparsed[-1])
        return None
    except Exception as exc:  # noqa: BLE001 - a parser bug on one document costs that document only
        session.unparsed.append(f"{instrument.instrument_id} {sha256[:12]}: parse_error: {type(exc).__name__}: {exc}")
        problems.record(evidence.source or "law parser", evidence.url or sha256, "parse_error", exc)
        return None
    session.parsed += 1
    if path:
        _write(path, _to_json(record))
    return record
