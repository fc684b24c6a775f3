"""The run log ``data/raw/runs.jsonl``: one line per source per refresh.

``proteja build`` loads it into the ``source_runs`` table; ``proteja sources`` summarises it.
Lines are appended whole (one write + fsync), so a crash cannot leave half a line behind and
readers skip a cut last line.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from pathlib import Path

from pipeline.fetch.store import utc_now_iso

log = logging.getLogger(__name__)

RUN_KEYS = (
    "run_id",
    "source",
    "mode",  # "live" or "offline"
    "started_at",
    "finished_at",
    "items_found",
    "outcomes",  # {fetch outcome: count} of this source in this run (build loads it as JSON)
    "last_error",
    "ok",
)


def new_run_id() -> str:
    """Sortable and unique: UTC timestamp plus random hex."""
    return utc_now_iso().replace("-", "").replace(":", "") + "-" + secrets.token_hex(3)


def append_run(path: Path, row: dict) -> None:
    """Append one run row (keys: :data:`RUN_KEYS`)."""
    missing = [key for key in RUN_KEYS if key not in row]
    if missing:
        raise ValueError(f"run row lacks {missing}")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps({key: row[key] for key in RUN_KEYS}, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        end = os.lseek(fd, 0, os.SEEK_END)
        if end > 0 and os.pread(fd, 1, end - 1) != b"\n":
            data = b"\n" + data  # isolate a line cut by an earlier crash
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read_runs(path: Path | str) -> list[dict]:
    """Every readable run row in file order; a missing file gives ``[]``, bad lines are logged and skipped."""
    path = Path(path)
    if not path.exists():
        return []
    rows = []
    lines = path.read_bytes().split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if number == len(lines):
            log.warning("runs log %s: partial last line %d skipped", path, number)
            continue
        try:
            rows.append(json.loads(line))
        except ValueError:
            log.warning("runs log %s: unreadable line %d skipped", path, number)
    return rows
