"""Network fault classes against a loopback server: each attempt ends with one classified outcome,
nothing but good content is stored, and the manifest stays readable."""

from __future__ import annotations

import gzip
import time

import pytest
from runtime_helpers import make_source, reset, respond

from pipeline.core.fetching import RequestBody
from tests.faults.harness import AKAMAI, F5, HTML, JS_SHELL, PAGE

PDF = b"%PDF-1.5\n% a law\n%%EOF\n"


def drip(handler):
    """A 200 whose body arrives a byte every 0.1 s: each read is quick, the whole never ends in time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "100")
    handler.end_headers()
    for _ in range(60):  # bounded: 6 s at most
        try:
            handler.wfile.write(b"x")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


def bomb(size: int) -> bytes:
    return gzip.compress(b"\0" * size, compresslevel=9)


CASES = {
    "5xx": (respond(503, b"busy", {"Content-Type": "text/plain"}), "http_error"),
    "429_retry_after_a_day": (respond(429, b"slow down", {"Retry-After": "86400"}), "http_error"),
    "timeout": (lambda h: (time.sleep(1.2), respond(200, PAGE, HTML)(h)), "timeout"),
    "reset": (reset, "connection_error"),
    "truncated": (respond(200, PAGE[:50], HTML, length=len(PAGE)), "truncated"),
    "akamai_200": (respond(200, AKAMAI, HTML), "blocked"),
    "f5_200": (respond(200, F5, HTML), "blocked"),
    "enable_javascript_200": (respond(200, JS_SHELL, HTML), "blocked"),
    "codec": (respond(200, PAGE.replace(b"primero", b"primer\xff"), HTML), "decode_error"),
    "oversize": (respond(200, b"x" * 300_000, {"Content-Type": "text/plain"}), "too_large"),
    "gzip_bomb": (respond(200, bomb(20_000_000), {"Content-Type": "text/plain", "Content-Encoding": "gzip"}),
                  "too_large"),
    "slow_drip_past_the_deadline": (drip, "timeout"),
    "empty_200": (respond(200, b"", HTML), "empty"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fetch_fault_is_classified_and_stores_nothing(name, case, server, store, fetcher):
    route, expected = CASES[name]
    server.routes["/page"] = route
    fetcher.max_bytes = 200_000
    entry = fetcher.fetch_entry(server.url("/page"), source=make_source())
    assert entry.outcome == expected, entry.error
    assert store.problems() == []
    assert [e.sha256 for e in store.entries()] == [None] * len(store.entries())  # no blob for a failure
    assert not list(store.root.glob("??/*"))
    if name == "429_retry_after_a_day":
        assert len(server.hits_for("/page")) == 1 and "is over the 30 s we wait" in entry.error
    case.handled(entry.outcome)


def test_misnamed_type_is_stored_by_its_magic_bytes(case, server, store, fetcher):
    server.routes["/ley.doc"] = respond(200, PDF, {"Content-Type": "text/html"})
    entry = fetcher.fetch_entry(server.url("/ley.doc"), source=make_source())
    assert entry.outcome == "ok" and entry.ext == "pdf"
    assert store.read(entry.sha256) == PDF
    case.handled("ok")


def test_off_host_redirect_is_refused_without_a_request(case, server, store, fetcher):
    server.routes["/page"] = respond(302, b"", {"Location": server.url("/elsewhere", host="localhost")})
    entry = fetcher.fetch_entry(server.url("/page"), source=make_source())
    assert entry.outcome == "refused_host" and "localhost" in entry.error
    assert server.hits_for("/elsewhere") == []
    case.handled(entry.outcome)


ROBOTS = {
    "robots_off_host_redirect": (lambda s: respond(301, b"", {"Location": s.url("/robots.txt", host="localhost")}),
                                 "refused_host"),
    "robots_gzip_bomb": (lambda s: respond(200, bomb(50_000_000), {"Content-Encoding": "gzip"}), "too_large"),
    "robots_reset": (lambda s: reset, "connection_error"),
}


@pytest.mark.parametrize("name", sorted(ROBOTS))
def test_robots_failure_keeps_its_class_and_is_asked_again(name, case, server, store, fetcher):
    make_route, expected = ROBOTS[name]
    server.routes["/robots.txt"] = make_route(server)
    server.routes["/page"] = respond(200, PAGE, HTML)
    first = fetcher.fetch_entry(server.url("/page"), source=make_source())
    assert first.outcome == expected, first.error
    assert server.hits_for("/page") == []  # nothing fetched while robots.txt is unknown
    if name == "robots_reset":
        assert len(server.hits_for("/robots.txt")) == 3  # retried like any request
    server.routes["/robots.txt"] = respond(404, b"")  # robots.txt is back (404: no rules)
    second = fetcher.fetch_entry(server.url("/page"), source=make_source())
    assert second.outcome == "ok"  # not cached as robots_disallowed for the rest of the run
    case.handled(first.outcome)


def test_robots_5xx_is_a_complete_disallow(case, server, store, fetcher):
    server.routes["/robots.txt"] = respond(503, b"down")
    server.routes["/page"] = respond(200, PAGE, HTML)
    entry = fetcher.fetch_entry(server.url("/page"), source=make_source())
    assert entry.outcome == "robots_disallowed" and server.hits_for("/page") == []
    case.handled(entry.outcome)


def test_a_closed_port_is_a_connection_error_not_a_robots_refusal(case, store, fetcher):
    import socket

    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    entry = fetcher.fetch_entry(f"http://127.0.0.1:{port}/page", source=make_source())
    assert entry.outcome == "connection_error", entry.error
    assert "robots.txt" in entry.error and store.problems() == []
    case.handled(entry.outcome)


# -- POST: the same guards; a redirect never turns it into a GET silently ------------------------------------

POST_BODY = RequestBody.json({"nu_legislatura": "65"})
POST_CASES = {
    "post_5xx": (respond(503, b"busy", {"Content-Type": "text/plain"}), "http_error"),
    "post_akamai_200": (respond(200, AKAMAI, HTML), "blocked"),
    "post_enable_javascript_200": (respond(200, JS_SHELL, HTML), "blocked"),
    "post_empty_lists_200": (respond(200, b'{"individual": [], "conjunto": [], "grupo": []}',
                                     {"Content-Type": "application/json"}), "empty"),
    "post_oversize": (respond(200, b"x" * 300_000, {"Content-Type": "text/plain"}), "too_large"),
}


@pytest.mark.parametrize("name", sorted(POST_CASES))
def test_post_fault_is_classified_and_stores_nothing(name, case, server, store, fetcher):
    route, expected = POST_CASES[name]
    server.routes["/api"] = route
    fetcher.max_bytes = 200_000
    entry = fetcher.fetch_entry(server.url("/api"), source=make_source(), body=POST_BODY)
    assert entry.outcome == expected, entry.error
    assert entry.method == "POST" and entry.body_sha256 == POST_BODY.sha256
    assert {e.method for e in store.entries()} == {"POST"} and not list(store.root.glob("??/*"))
    assert all(h.method == "POST" and h.request_body == POST_BODY.content for h in server.hits_for("/api"))
    if name == "post_5xx":
        assert len(server.hits_for("/api")) == 3  # retried like a GET (total=2)
    case.handled(entry.outcome)


@pytest.mark.parametrize("status", [301, 302, 303])
def test_post_redirect_is_not_followed_as_a_get(status, case, server, store, fetcher):
    server.routes["/api"] = respond(status, b"", {"Location": "/elsewhere"})
    server.routes["/elsewhere"] = respond(200, PAGE, HTML)
    entry = fetcher.fetch_entry(server.url("/api"), source=make_source(), body=POST_BODY)
    assert entry.outcome == "http_error" and "not followed as a GET" in entry.error
    assert server.hits_for("/elsewhere") == [] and store.latest(server.url("/elsewhere")) is None
    case.handled(entry.outcome)


def test_post_off_host_redirect_is_refused_without_a_request(case, server, store, fetcher):
    for status in (302, 307):
        server.routes["/api"] = respond(status, b"", {"Location": server.url("/elsewhere", host="localhost")})
        entry = fetcher.fetch_entry(server.url("/api"), source=make_source(), body=POST_BODY)
        assert entry.outcome in ("http_error", "refused_host") and "localhost" in entry.error
    assert entry.outcome == "refused_host"  # a 307 keeps the POST, and its target is checked like any hop
    assert server.hits_for("/elsewhere") == []
    case.handled(entry.outcome)


def test_post_307_is_resent_as_the_same_post(case, server, store, fetcher):
    server.routes["/api"] = respond(307, b"", {"Location": "/api2"})
    server.routes["/api2"] = respond(200, b'{"individual": [1]}', {"Content-Type": "application/json"})
    entry = fetcher.fetch_entry(server.url("/api"), source=make_source(), body=POST_BODY)
    assert entry.outcome == "ok" and entry.final_url == server.url("/api2")
    (hit,) = server.hits_for("/api2")
    assert hit.method == "POST" and hit.request_body == POST_BODY.content
    case.handled(entry.outcome)


def test_tls_failure_on_post_is_classified_and_verification_stays_on(case, tmp_path, store, fetcher):
    """A self-signed loopback HTTPS server (as third parties report Sinaloa's gaceta host): the handshake fails,
    the attempt is a ``connection_error`` saying TLS, it is not retried, and nothing reaches the server's handler."""
    import ssl

    from runtime_helpers import serving

    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serving(tls=context) as server:
        server.routes["/api"] = respond(200, b'{"individual": [1]}', {"Content-Type": "application/json"})
        fetcher.obey_robots = False
        entry = fetcher.fetch_entry(server.url("/api").replace("http://", "https://"), source=make_source(),
                                    body=POST_BODY)  # fmt: skip
    assert entry.outcome == "connection_error" and "TLS verification failed" in entry.error
    assert server.hits == [] and len(store.entries()) == 1 and not list(store.root.glob("??/*"))
    case.handled(entry.outcome)


def _self_signed(folder):
    import datetime as dt

    crypto = pytest.importorskip("cryptography")
    del crypto
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
            .sign(key, hashes.SHA256()))  # fmt: skip
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return str(cert_path), str(key_path)
