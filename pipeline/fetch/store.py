"""The raw store: content-addressed, immutable blobs plus an append-only manifest.

Layout (``data/raw/``)::

    <sha256[:2]>/<sha256>.<ext>   the bytes exactly as served; ext decided by magic bytes
    manifest.jsonl                one JSON object per retrieval attempt, in time order

Guarantees the rest of the pipeline relies on:

* a blob is written to a temp file, fsynced, made read-only and *linked* into place, so a crash
  leaves no partial blob and an existing blob is never overwritten (``os.link`` refuses);
* a manifest line is written whole with one ``write`` + fsync; if an earlier crash still left a
  partial last line, the next append starts on a fresh line and readers skip and report it;
* blobs are never deleted or rewritten by this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from pipeline.core import vocab
from pipeline.core.fetching import Response
from pipeline.fetch.content import sniff_ext

log = logging.getLogger(__name__)

#: Outcomes whose manifest line points at a stored blob.
GOOD_OUTCOMES = frozenset({"ok", "unchanged"})


@dataclass(frozen=True)
class ManifestEntry:
    """One line of ``manifest.jsonl``: one retrieval attempt and what it gave."""

    source: str | None
    url: str
    final_url: str | None
    retrieved_at: str  # ISO 8601 UTC with 'Z'
    http_status: int | None
    content_type: str | None
    declared_charset: str | None
    encoding: str | None  # the codec the bytes were decoded with (text kinds only)
    bytes: int  # body bytes received in this attempt (0 for a 304)
    sha256: str | None  # the stored blob; None when nothing good was stored
    etag: str | None
    last_modified: str | None
    outcome: str  # vocab.FETCH_OUTCOMES
    error: str | None
    ext: str | None
    #: The request: "GET" or "POST" (None on lines written before POST existed: a GET).
    method: str | None = None
    #: sha256 of the exact POST body sent (None for a GET); with method and url, the key of the answer.
    body_sha256: str | None = None
    #: The POST body itself when it is short text (≤ 2 KiB), so a person can read which query it was.
    request_body: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ManifestEntry:
        known = {f.name for f in fields(cls)}
        values = {name: data.get(name) for name in known}
        values["bytes"] = int(values["bytes"] or 0)
        return cls(**values)

    @property
    def has_blob(self) -> bool:
        return self.outcome in GOOD_OUTCOMES and bool(self.sha256)

    @property
    def key(self) -> tuple[str, str, str | None]:
        """What this line answers: (method, url, body digest); a GET never shares a POST's key."""
        return request_key(self.url, self.method, self.body_sha256)

    @property
    def retrieved_datetime(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.retrieved_at.replace("Z", "+00:00"))


@dataclass(frozen=True)
class ManifestProblem:
    """A manifest line that could not be read (e.g. cut by a crash)."""

    line_no: int
    text: str
    reason: str


def request_key(url: str, method: str | None = None, body_sha256: str | None = None) -> tuple[str, str, str | None]:
    """The raw store's key of an answer: ``("GET", url, None)`` or ``("POST", url, <body sha256>)``."""
    verb = (method or "GET").upper()
    return (verb, url, body_sha256 if verb != "GET" else None)


def utc_now_iso(now: dt.datetime | None = None) -> str:
    """ISO 8601 UTC, second precision, with a trailing 'Z'."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


class RawStore:
    """Content-addressed blobs under ``root`` and the manifest ``root/manifest.jsonl``."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.manifest_path = self.root / "manifest.jsonl"
        self._loaded = False
        self._cache_key: tuple[int, int] | None = None
        self._entries: list[ManifestEntry] = []
        self._problems: list[ManifestProblem] = []
        self._latest_any: dict[tuple, ManifestEntry] = {}
        self._latest_good: dict[tuple, ManifestEntry] = {}
        self._good: dict[tuple, list[ManifestEntry]] = {}

    # -- blobs -------------------------------------------------------------------------------

    def path_for(self, sha256: str, ext: str | None = None) -> Path:
        """Where the blob ``sha256`` lives. Without ``ext``, find the stored file (KeyError if none)."""
        folder = self.root / sha256[:2]
        if ext:
            return folder / f"{sha256}.{ext}"
        found = sorted(folder.glob(f"{sha256}.*")) if folder.is_dir() else []
        if not found:
            raise KeyError(f"no blob {sha256} in {self.root}")
        return found[0]

    def has_blob(self, sha256: str) -> bool:
        try:
            self.path_for(sha256)
        except KeyError:
            return False
        return True

    def read(self, sha256: str) -> bytes:
        """The stored bytes of ``sha256``; raises if the file on disk no longer matches its name."""
        content = self.path_for(sha256).read_bytes()
        if hashlib.sha256(content).hexdigest() != sha256:
            raise OSError(f"blob {sha256} is corrupt: its bytes no longer hash to its name")
        return content

    def write_blob(self, content: bytes) -> tuple[str, str]:
        """Store ``content`` if new; return ``(sha256, ext)``. Never rewrites an existing blob."""
        sha = hashlib.sha256(content).hexdigest()
        if self.has_blob(sha):
            return sha, self.path_for(sha).suffix.lstrip(".")
        ext = sniff_ext(content)
        target = self.path_for(sha, ext)
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_create(target, content)
        return sha, ext

    # -- manifest ----------------------------------------------------------------------------

    def put(self, content: bytes, **manifest_fields) -> ManifestEntry:
        """Store ``content`` (once) and append a manifest line for this retrieval."""
        sha, ext = self.write_blob(content)
        manifest_fields.setdefault("outcome", "ok")
        manifest_fields.setdefault("bytes", len(content))
        return self.record(sha256=sha, ext=ext, **manifest_fields)

    def record(self, **manifest_fields) -> ManifestEntry:
        """Append a manifest line without storing bytes (failures, 304s)."""
        values = {f.name: None for f in fields(ManifestEntry)}
        values.update(bytes=0, retrieved_at=utc_now_iso())
        values.update(manifest_fields)
        entry = ManifestEntry.from_dict(values)
        vocab.check("fetch_outcome", entry.outcome)
        if entry.outcome in GOOD_OUTCOMES and not (entry.sha256 and self.has_blob(entry.sha256)):
            raise ValueError(f"outcome {entry.outcome!r} needs a stored blob, got sha256={entry.sha256!r}")
        size_before = ((self._cache_key or (0, 0))[0]) if self._in_sync() else None
        written = self._append_line(json.dumps(entry.to_dict(), ensure_ascii=False, sort_keys=False))
        key = self._stat_key()
        if size_before is not None and key is not None and key[0] == size_before + written:
            # Nobody else appended meanwhile: extend the cache instead of re-reading the manifest.
            self._index(entry)
            self._cache_key = key
        return entry

    def _append_line(self, line: str) -> int:
        """Append one whole line and fsync it; on a short or failed write, cut the file back and raise."""
        self.root.mkdir(parents=True, exist_ok=True)
        data = (line + "\n").encode("utf-8")
        if _ends_without_newline(self.manifest_path):
            data = b"\n" + data  # isolate a partial line left by a crash instead of extending it
        fd = os.open(self.manifest_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            start = os.lseek(fd, 0, os.SEEK_END)
            try:
                _write_all(fd, data)
                os.fsync(fd)
            except OSError as exc:
                os.ftruncate(fd, start)  # a full disk must not leave half a line for every later build
                raise StoreWriteFailed(f"could not append to {self.manifest_path}: {exc}") from exc
        finally:
            os.close(fd)
        return len(data)

    def entries(self) -> list[ManifestEntry]:
        """Every readable manifest line, in file order. Unreadable lines go to :meth:`problems`."""
        self._refresh()
        return list(self._entries)

    def problems(self) -> list[ManifestProblem]:
        """Manifest lines skipped by :meth:`entries` (a partial last line after a crash, …)."""
        self._refresh()
        return list(self._problems)

    def latest(self, url: str, *, method: str = "GET", body_sha256: str | None = None) -> ManifestEntry | None:
        """The latest entry for the request that points at a good blob (outcome ok/unchanged).

        ``url`` alone means a GET: a POST's answer is found only with ``method="POST"`` and its body's digest.
        """
        self._refresh()
        return self._latest_good.get(request_key(url, method, body_sha256))

    def good_entries(self, url: str, *, method: str = "GET", body_sha256: str | None = None) -> list[ManifestEntry]:
        """Every entry for the request that points at a good blob, newest first (replay falls back along it)."""
        self._refresh()
        return list(reversed(self._good.get(request_key(url, method, body_sha256), [])))

    def stored_response(self, url: str, *, method: str = "GET", body_sha256: str | None = None) -> Response | None:
        """The last good snapshot of the request as a Response (no network), or None."""
        entry = self.latest(url, method=method, body_sha256=body_sha256)
        if entry is None:
            return None
        return Response(url=entry.final_url or url, content=self.read(entry.sha256), sha256=entry.sha256,
                        retrieved_at=entry.retrieved_datetime, content_type=entry.content_type,
                        encoding=entry.encoding, extra={"manifest": entry.to_dict(), "requested_url": url,
                                                        "method": entry.key[0], "body_sha256": entry.body_sha256})

    def stored_urls(self, prefix: str) -> list[str]:
        """Every URL starting with ``prefix`` that has a good GET snapshot, sorted (POST answers are not pages)."""
        self._refresh()
        return sorted({key[1] for key in self._latest_good if key[0] == "GET" and key[1].startswith(prefix)})

    def latest_any(self, url: str, *, method: str = "GET", body_sha256: str | None = None) -> ManifestEntry | None:
        """The latest entry for the request whatever its outcome."""
        self._refresh()
        return self._latest_any.get(request_key(url, method, body_sha256))

    # -- cache -------------------------------------------------------------------------------

    def _stat_key(self) -> tuple[int, int] | None:
        try:
            stat = self.manifest_path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_size, stat.st_mtime_ns)

    def _in_sync(self) -> bool:
        return self._loaded and not self._problems and self._cache_key == self._stat_key()

    def _index(self, entry: ManifestEntry) -> None:
        self._entries.append(entry)
        key = entry.key
        self._latest_any[key] = entry
        if entry.has_blob:
            self._latest_good[key] = entry
            self._good.setdefault(key, []).append(entry)

    def _refresh(self) -> None:
        """Re-read the manifest when its size or mtime changed (another writer may append)."""
        key = self._stat_key()
        if self._loaded and key == self._cache_key:
            return
        self._entries, self._problems, self._latest_any, self._latest_good, self._good = [], [], {}, {}, {}
        if key is not None:
            entries, self._problems = read_manifest(self.manifest_path)
            for entry in entries:
                self._index(entry)
        self._cache_key, self._loaded = key, True


def read_manifest(path: Path) -> tuple[list[ManifestEntry], list[ManifestProblem]]:
    """Parse a manifest; return the good entries and the lines that had to be skipped."""
    raw = path.read_bytes()
    entries: list[ManifestEntry] = []
    problems: list[ManifestProblem] = []
    lines = raw.split(b"\n")
    last_index = len(lines) - 1
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if number - 1 == last_index:  # text after the final newline: the write was cut short
            problems.append(ManifestProblem(number, _preview(line), "partial last line (no newline)"))
            continue
        try:
            entries.append(_entry_from_line(line))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            problems.append(ManifestProblem(number, _preview(line), f"unreadable line: {exc}"))
    for problem in problems:
        log.warning("manifest %s line %d skipped: %s", path, problem.line_no, problem.reason)
    return entries, problems


class StoreWriteFailed(OSError):
    """The raw store could not be written (full disk, I/O error): nothing was recorded."""


def _write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written; a write that makes no progress is an error."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(f"short write: {len(data) - len(view)} of {len(data)} bytes")
        view = view[written:]


def _entry_from_line(line: bytes) -> ManifestEntry:
    """One manifest line, checked enough that every reader can rely on it (url, outcome, time)."""
    data = json.loads(line)
    if not isinstance(data, dict) or not isinstance(data.get("url"), str):
        raise ValueError("not a manifest record (no url)")
    entry = ManifestEntry.from_dict(data)
    vocab.check("fetch_outcome", entry.outcome)
    entry.retrieved_datetime  # noqa: B018 - raises on a cut or garbled timestamp
    if entry.has_blob and not re.fullmatch(r"[0-9a-f]{64}", entry.sha256 or ""):
        raise ValueError(f"bad sha256 {entry.sha256!r}")
    if entry.method not in (None, "GET", "POST"):
        raise ValueError(f"unknown method {entry.method!r}")
    if entry.method == "POST" and not re.fullmatch(r"[0-9a-f]{64}", entry.body_sha256 or ""):
        raise ValueError(f"a POST line without its body digest ({entry.body_sha256!r})")
    return entry


def _preview(line: bytes) -> str:
    return line[:200].decode("utf-8", errors="replace")


def _ends_without_newline(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return False
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) != b"\n"
    except FileNotFoundError:
        return False


def _atomic_create(target: Path, content: bytes) -> None:
    """Write ``content`` to a temp file beside ``target``, then link it into place (never replace)."""
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o444)  # blobs are immutable evidence
        try:
            os.link(tmp_name, target)
        except FileExistsError:
            pass  # another writer stored the same bytes first; identical by construction
        except OSError:  # a filesystem without hard links: rename, still never over an existing blob
            if not target.exists():
                os.replace(tmp_name, target)
                return
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
