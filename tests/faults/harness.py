"""What the fault tests share: the ledger of cases (summarised at the end of the run), publication
digests, and the block pages the fetch and replay tests plant."""

from __future__ import annotations

import hashlib
from pathlib import Path

LEDGER: dict[str, dict] = {}


class Case:
    """One fault case: ``handled(outcome)`` once it ended classified with nothing lost."""

    def __init__(self, name: str):
        self.name = name
        LEDGER[name] = {}

    def handled(self, outcome: str, *, lost: bool = False) -> None:
        assert outcome, "a handled case names its class"
        LEDGER[self.name] = {"outcome": outcome, "lost": lost}
        assert not lost, f"{self.name}: data lost"


def digests(folder: Path) -> dict[str, str]:
    """Every published file by sha256 (the DuckDB file and the gate's report are per build)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "validation" not in p.parts
            and not p.name.startswith("proteja.duckdb")}  # fmt: skip


HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"<html><head><title>Ley</title></head><body><p>" + b"Articulo primero de la ley. " * 20 + b"</p></body></html>"
AKAMAI = (b"<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don't have permission to "
          b"access this server.<P>Reference&#32;&#35;18&#46;2f1e3b17&#46;1700000000&#46;1a2b3c4d<P>"
          b"https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;2f1e3b17</BODY></HTML>")  # fmt: skip
F5 = (b"<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with "
      b"your administrator.<br><br>Your support ID is: 1234567890123456789<br><br><a href='javascript:history.back();'>"
      b"[Go Back]</a></body></html>")  # fmt: skip
JS_SHELL = (b"<html><head><title>Congreso</title><script src='/app.js'></script></head><body><noscript>Please enable "
            b"JavaScript to view this page.</noscript><div id='root'></div></body></html>")  # fmt: skip
