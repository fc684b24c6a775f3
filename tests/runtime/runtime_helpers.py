"""Helpers for the runtime tests: a real HTTP server on 127.0.0.1, route builders, a fake clock.

Routes are plain functions ``route(handler)`` that write the answer themselves, so a test can
misbehave exactly as a Mexican official server does (slow, reset, truncated, mis-encoded).
Kept out of conftest.py so test modules can import it by a name no other folder uses.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pipeline.core.fetching import SourceInfo
from pipeline.fetch.store import RawStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "runtime"


@dataclass
class Hit:
    path: str
    headers: dict
    body_bytes: int = 0
    method: str = "GET"
    request_body: bytes = b""


@dataclass
class LoopbackServer:
    port: int = 0
    routes: dict = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits_for(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]


class LoopbackHandler(BaseHTTPRequestHandler):
    server_version = "Loopback/1.0"
    protocol_version = "HTTP/1.0"  # one request per connection: close-delimited bodies are possible

    def do_GET(self):  # noqa: N802 - http.server API
        self._serve("GET", b"")

    def do_POST(self):  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length") or 0)
        self._serve("POST", self.rfile.read(length) if length else b"")

    def _serve(self, method: str, body: bytes):
        loopback: LoopbackServer = self.server.loopback
        self.hit = Hit(self.path, dict(self.headers), method=method, request_body=body)
        loopback.hits.append(self.hit)
        route = loopback.routes.get(self.path) or loopback.routes.get(self.path.split("?")[0])
        if route is None:
            send(self, 404, b"not found", {"Content-Type": "text/plain"})
        else:
            route(self)

    def log_message(self, *args):  # keep test output quiet
        pass


@contextmanager
def serving(tls: ssl.SSLContext | None = None) -> Iterator[LoopbackServer]:
    """A loopback HTTP server on 127.0.0.1 and a free port, for the length of the ``with`` block; tests add
    routes to the yielded :class:`LoopbackServer` and read its hits. ``tls``: serve HTTPS with that context."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), LoopbackHandler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    loopback = LoopbackServer(port=httpd.server_address[1])
    httpd.loopback = loopback
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield loopback
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def send(handler, status: int, body: bytes = b"", headers: dict | None = None, *, length: int | None = None):
    """Write a whole answer; ``length`` overrides Content-Length (to fake a truncated body)."""
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if status != 304:
        handler.send_header("Content-Length", str(len(body) if length is None else length))
    handler.end_headers()
    if body:
        handler.wfile.write(body)
    handler.hit.body_bytes = len(body)


def respond(status: int, body: bytes = b"", headers: dict | None = None, **kw):
    return lambda handler: send(handler, status, body, headers, **kw)


def sequence(*routes):
    """The nth request gets the nth route; the last one repeats."""
    calls = {"n": 0}

    def route(handler):
        index = min(calls["n"], len(routes) - 1)
        calls["n"] += 1
        routes[index](handler)

    return route


def reset(handler):
    """Abort the connection with a TCP RST (SO_LINGER 0), as LeyesBiblio's IIS sometimes does."""
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def slow(seconds: float, then):
    def route(handler):
        time.sleep(seconds)
        then(handler)

    return route


class FakeTime:
    """A clock that only moves when ``sleep`` is called: throttling and back-off cost no real time."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


EARLIER_BYTES = b"%PDF-1.5\n% an earlier snapshot that must never change\n%%EOF\n"


def blob_files(store: RawStore) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in store.root.glob("??/*") if path.is_file()}


def new_entries(store: RawStore):
    """Manifest entries written by the test (the seed line excluded)."""
    return [entry for entry in store.entries() if entry.source != "earlier"]


def make_source(name="testsrc", hosts=("127.0.0.1",), encoding="utf-8", interval=1.0) -> SourceInfo:
    return SourceInfo(
        name=name,
        title=f"Test source {name}",
        jurisdiction="MX",
        homepage="http://127.0.0.1/",
        allowed_hosts=tuple(hosts),
        encoding=encoding,
        min_interval_s=interval,
    )


