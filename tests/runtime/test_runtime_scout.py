"""``proteja scout`` through the real HttpFetcher against a loopback server: ok, blocked, changed, unreachable."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

from runtime_helpers import FIXTURES, respond

from pipeline.fetch.runs import read_runs
from pipeline.jobs.scout import scout
from pipeline.sources.states.agu import laws as agu

SOURCE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
AGU_PAGE = (SOURCE_FIXTURES / "states" / "agu" / "leyes.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}


class LoopbackState:
    """A state law source whose first layer is the Aguascalientes catalogue page class, served on loopback."""

    def __init__(self, code: str, url: str):
        self.info = dataclasses.replace(agu.INFO, name=f"mx-{code[3:].lower()}-loop", jurisdiction=code,
                                        jurisdictions=(code,), allowed_hosts=("127.0.0.1",))  # fmt: skip
        self.url = url

    def first_layer(self, states):
        return [(self.info.jurisdiction, self.url, agu.LawCatalogue, self.info)]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_scout_classifies_each_state_through_the_polite_fetcher(server, make_fetcher, tmp_path):
    from tests.sources.test_conformance import mutate

    server.routes["/agu/"] = respond(200, AGU_PAGE, HTML)
    server.routes["/bcn/"] = respond(403, (FIXTURES / "cloudflare.html").read_bytes(), HTML)
    server.routes["/chp/"] = respond(200, mutate(agu.LawCatalogue, AGU_PAGE), HTML)
    registry = {
        "agu": LoopbackState("MX-AGU", server.url("/agu/")),
        "bcn": LoopbackState("MX-BCN", server.url("/bcn/")),
        "chp": LoopbackState("MX-CHP", server.url("/chp/")),
        "dur": LoopbackState("MX-DUR", f"http://127.0.0.1:{_closed_port()}/leyes/"),
    }
    runs_file = tmp_path / "runs.jsonl"
    results = {r.state: r for r in scout(make_fetcher(), registry, runs_file=runs_file)}

    assert (results["MX-AGU"].fetch, results["MX-AGU"].layout, results["MX-AGU"].rows) == ("ok", "as expected", 20)
    assert results["MX-AGU"].laws[0][1] == server.url("/agenda_legislativa/leyes/descargarPdf/419")  # resolved
    assert (results["MX-BCN"].reachable, results["MX-BCN"].fetch) == (True, "blocked")
    assert (results["MX-CHP"].fetch, results["MX-CHP"].layout) == ("ok", "changed")
    # nothing listens: robots.txt cannot be fetched, and the run says so with the real failure class
    assert (results["MX-DUR"].reachable, results["MX-DUR"].fetch) == (False, "connection_error")
    assert {r["source"]: r["mode"] for r in read_runs(runs_file)} == {
        "mx-agu-loop": "scout", "mx-bcn-loop": "scout", "mx-chp-loop": "scout", "mx-dur-loop": "scout"}
    assert [hit.path for hit in server.hits if hit.path != "/robots.txt"] == ["/agu/", "/bcn/", "/chp/"]  # one each
