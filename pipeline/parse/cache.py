"""Parse cache: results keyed by (sha256 of the raw bytes, parser version), stored as JSON files.

A rebuild with nothing changed parses nothing: the bytes' sha256 and the parser's version name a
file under ``DataPaths.cache``; if it exists, its JSON is the result. Bumping ``PARSER_VERSION``
invalidates every entry of that parser at once. The cache is safe to delete.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.parse.law import PARSER_VERSION


def cache_path(cache_dir: Path, sha256: str, parser_version: str = PARSER_VERSION) -> Path:
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    safe_version = re.sub(r"[^A-Za-z0-9._-]", "_", parser_version)
    return Path(cache_dir) / "parse" / safe_version / sha256[:2] / f"{sha256}.json"


def cached_parse(
    content: bytes,
    sha256: str | None,
    cache_dir: Path,
    parse_fn: Callable[[bytes], Any],
    *,
    parser_version: str = PARSER_VERSION,
) -> dict:
    """The JSON result of ``parse_fn(content)``, from the cache when present.

    ``parse_fn`` returns a dict or an object with ``to_json()``. Errors are not cached: a document
    that failed (e.g. a missing converter) is retried on the next build.
    """
    digest = sha256 or hashlib.sha256(content).hexdigest()
    path = cache_path(cache_dir, digest, parser_version)
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    result = parse_fn(content)
    data = result.to_json() if hasattr(result, "to_json") else result
    _write_atomically(path, data)
    return data


def _write_atomically(path: Path, data: dict) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
