"""Which jurisdictions' bills are tracked, and how: scraped sources, curated research, or nothing.

"No pending bill" is only an answer where someone (or something) looked: a research log under
``data/registry/research/bills/<CODE>.md`` (its title carries the day of the pass) or a bills source that
has stored pages in the raw store. Everything else is ``none``: the status row then says the state's bills
are not tracked instead of reading "no pending bills".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb

from pipeline.core import jurisdictions

_TITLE_DAY = re.compile(r"\((\d{4}-\d{2}-\d{2})\)")
_SCOPE = re.compile(r"(\d{4})\s*[–-]\s*(\d{4})")


def research_rows(registry_dir: Path) -> list[dict]:
    rows = []
    for log in sorted((registry_dir / "research" / "bills").glob("*.md")):
        code = "MX" if log.stem == "MX" else f"MX-{log.stem}"
        text = log.read_text(encoding="utf-8")
        day = _TITLE_DAY.search(text.splitlines()[0] if text else "")
        scope = _SCOPE.search(text[:2000])
        rows.append({"jurisdiction": jurisdictions.resolve(code), "basis": "curated",
                     "since": dt.date.fromisoformat(day.group(1)) if day else None,
                     "covers": f"{scope.group(1)}–{scope.group(2)}" if scope else None,
                     "covers_from": dt.date(int(scope.group(1)), 1, 1) if scope else None,
                     "reference": f"data/registry/research/bills/{log.name}"})  # fmt: skip
    return rows


def scraped_rows(con: duckdb.DuckDBPyConnection, bill_sources: dict[str, tuple[str, ...]]) -> list[dict]:
    """One row per (jurisdiction, bills source) whose pages the raw store holds, since its first good fetch."""
    rows = []
    for name, codes in sorted(bill_sources.items()):
        first = con.execute("SELECT min(CAST(retrieved_at AS DATE)) FROM snapshots WHERE source = ? AND sha256 "
                            "IS NOT NULL", [name]).fetchall()[0][0]  # fmt: skip
        if first is None:
            continue
        rows += [{"jurisdiction": code, "basis": "scraped", "since": first, "covers": None, "covers_from": None,
                  "reference": name}
                 for code in codes]  # fmt: skip
    return rows
