"""HttpFetcher against a real loopback server: every "Done when" fault of issue 3.

Each test checks the manifest lines it caused and that the blob stored before it is unchanged.
"""

from __future__ import annotations

import json

import pytest
from runtime_helpers import (
    FIXTURES,
    new_entries,
    reset,
    respond,
    send,
    sequence,
    slow,
)
from runtime_helpers import (
    make_source as source_for,
)
from urllib3.util.retry import Retry

from pipeline.core.errors import ScrapeError
from pipeline.fetch import errors
from pipeline.fetch.http import USER_AGENT
from pipeline.sources.kit import HtmlPage as Page

HTML = {"Content-Type": "text/html; charset=utf-8"}
LONG_TEXT = "Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas. " * 3


def page(text: str = LONG_TEXT, title: str = "Ley") -> bytes:
    return f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode()


def outcomes(store):
    return [(entry.outcome, entry.http_status) for entry in new_entries(store)]


def test_ok_is_stored_with_a_full_manifest_line(server, store, earlier, make_fetcher):
    server.routes["/ley.htm"] = respond(200, page(), HTML | {"ETag": '"v1"', "Last-Modified": "Fri, 14 Nov 2025 10:00:00 GMT"})
    resp = make_fetcher().get(server.url("/ley.htm"), source=source_for())

    (entry,) = new_entries(store)
    assert entry.outcome == "ok" and entry.http_status == 200 and entry.source == "testsrc"
    assert entry.url == entry.final_url == server.url("/ley.htm")
    assert entry.ext == "html" and entry.bytes == len(page()) and entry.encoding == "utf-8"
    assert entry.declared_charset == "utf-8" and entry.etag == '"v1"'
    assert entry.retrieved_at.endswith("Z")
    assert store.read(entry.sha256) == page() == resp.content
    assert store.path_for(entry.sha256).name == f"{entry.sha256}.html"
    assert server.hits_for("/ley.htm")[0].headers["User-Agent"] == USER_AGENT
    earlier.assert_intact()


def test_304_to_a_conditional_request_is_unchanged_with_zero_body_bytes(server, store, earlier, make_fetcher):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            send(handler, 304, b"", {"ETag": '"v1"'})
        else:
            send(handler, 200, page(), HTML | {"ETag": '"v1"', "Last-Modified": "Fri, 14 Nov 2025 10:00:00 GMT"})

    server.routes["/ley.htm"] = conditional
    fetcher = make_fetcher()
    first = fetcher.get(server.url("/ley.htm"), source=source_for())
    second = fetcher.get(server.url("/ley.htm"), source=source_for())

    hits = server.hits_for("/ley.htm")
    assert hits[1].headers["If-None-Match"] == '"v1"'
    assert hits[1].headers["If-Modified-Since"] == "Fri, 14 Nov 2025 10:00:00 GMT"
    assert hits[1].body_bytes == 0
    assert outcomes(store) == [("ok", 200), ("unchanged", 304)]
    ok, unchanged = new_entries(store)
    assert unchanged.bytes == 0 and unchanged.sha256 == ok.sha256 and unchanged.ext == "html"
    assert second.content == first.content == page() and second.sha256 == first.sha256
    assert len(list(store.root.glob("??/*.html"))) == 1  # no new blob
    earlier.assert_intact()


def test_same_bytes_again_is_unchanged_without_a_new_blob(server, store, earlier, make_fetcher):
    server.routes["/x"] = respond(200, page(), HTML)
    fetcher = make_fetcher()
    fetcher.get(server.url("/x"), source=source_for())
    fetcher.get(server.url("/x"), source=source_for())
    assert outcomes(store) == [("ok", 200), ("unchanged", 200)]
    assert len(list(store.root.glob("??/*.html"))) == 1
    earlier.assert_intact()


def test_500_then_200_is_retried_and_stored(server, store, earlier, make_fetcher, fake_time):
    server.routes["/flaky"] = sequence(respond(500, b"error interno", {"Content-Type": "text/plain"}), respond(200, page(), HTML))
    resp = make_fetcher().get(server.url("/flaky"), source=source_for())

    assert outcomes(store) == [("http_error", 500), ("ok", 200)]
    failed, ok = new_entries(store)
    assert "will retry" in failed.error and failed.sha256 is None
    assert store.read(ok.sha256) == resp.content == page()
    assert len(server.hits_for("/flaky")) == 2
    assert fake_time.sleeps and min(fake_time.sleeps) >= 1.0  # the per-host interval held between attempts
    earlier.assert_intact()


def test_retry_after_is_honoured(server, store, earlier, make_fetcher, fake_time):
    server.routes["/busy"] = sequence(respond(503, b"ocupado", {"Retry-After": "7"}), respond(200, page(), HTML))
    make_fetcher().get(server.url("/busy"), source=source_for(interval=0.0))
    assert outcomes(store) == [("http_error", 503), ("ok", 200)]
    assert 7 in fake_time.sleeps
    earlier.assert_intact()


def test_persistent_500_gives_up_after_the_retry_budget(server, store, earlier, make_fetcher):
    server.routes["/down"] = respond(500, b"error", {"Content-Type": "text/plain"})
    with pytest.raises(errors.HttpError) as caught:
        make_fetcher().get(server.url("/down"), source=source_for())
    assert caught.value.outcome == "http_error" and caught.value.entry.http_status == 500
    assert outcomes(store) == [("http_error", 500)] * 3  # 1 try + 2 retries
    assert "will retry" not in new_entries(store)[-1].error
    earlier.assert_intact()


def test_404_is_not_retried(server, store, earlier, make_fetcher):
    with pytest.raises(errors.HttpError):
        make_fetcher().get(server.url("/missing"), source=source_for())
    assert outcomes(store) == [("http_error", 404)]
    earlier.assert_intact()


def test_slow_response_times_out(server, store, earlier, make_fetcher):
    server.routes["/slow"] = slow(1.5, respond(200, page(), HTML))
    with pytest.raises(errors.FetchTimeout) as caught:
        make_fetcher(retry=Retry(total=0)).get(server.url("/slow"), source=source_for())
    assert caught.value.outcome == "timeout"
    assert outcomes(store) == [("timeout", None)]
    assert "read timed out" in new_entries(store)[0].error
    earlier.assert_intact()


def test_connection_reset_then_success_is_retried(server, store, earlier, make_fetcher):
    server.routes["/reset"] = sequence(reset, respond(200, page(), HTML))
    resp = make_fetcher().get(server.url("/reset"), source=source_for())
    assert outcomes(store) == [("connection_error", None), ("ok", 200)]
    assert resp.content == page()
    earlier.assert_intact()


def test_connection_reset_every_time_is_a_connection_error(server, store, earlier, make_fetcher):
    server.routes["/reset"] = reset
    with pytest.raises(errors.ConnectionFailed) as caught:
        make_fetcher().get(server.url("/reset"), source=source_for())
    assert caught.value.outcome == "connection_error"
    assert outcomes(store) == [("connection_error", None)] * 3
    earlier.assert_intact()


CHALLENGES = [
    ("incapsula.html", 200, "imperva"),
    ("cloudflare.html", 403, "cloudflare"),
    ("dof_verificando.html", 200, "Verificando su navegador"),
    ("meta_refresh.html", 200, "meta-refresh"),
    ("empty_body_title.html", 200, "empty body"),
]


class _NotePage(Page):
    source = source_for()
    parsed: list = []

    def parse(self):
        _NotePage.parsed.append(self.url)
        return [self.select_one("#DivDetalleNota").get_text()]


@pytest.mark.parametrize(("fixture", "status", "reason"), CHALLENGES)
def test_challenge_pages_are_blocked_and_never_parsed(server, store, earlier, make_fetcher, fixture, status, reason):
    server.routes["/nota"] = respond(status, (FIXTURES / fixture).read_bytes(), HTML)
    _NotePage.parsed = []
    with pytest.raises(errors.Blocked) as caught:
        _NotePage(make_fetcher().get(server.url("/nota"), source=source_for())).parse()

    assert _NotePage.parsed == []
    assert caught.value.outcome == "blocked" and isinstance(caught.value, ScrapeError)
    (entry,) = new_entries(store)
    assert (entry.outcome, entry.http_status, entry.sha256) == ("blocked", status, None)
    assert reason in entry.error
    assert len(server.hits_for("/nota")) == 1  # detected, not retried or evaded
    assert store.latest(server.url("/nota")) is None  # the challenge page never became data
    assert list(store.root.glob("??/*.html")) == []
    earlier.assert_intact()


def test_cp1252_bytes_under_a_utf8_declaration_decode_with_the_source_codec(server, store, earlier, make_fetcher):
    html = (
        '<html><head><meta charset="utf-8"><title>Leyes Federales Vigentes</title></head><body>'
        f"<p>Ley General ... para la Protección y Asistencia a las Víctimas de estos Delitos. {LONG_TEXT}</p>"
        "</body></html>"
    )
    raw = html.encode("cp1252")
    server.routes["/LeyesBiblio/index.htm"] = respond(200, raw, {"Content-Type": "text/html; charset=utf-8"})

    class IndexPage(Page):
        source = source_for(encoding="cp1252")

        def parse(self):
            return [self.select_one("p").get_text()]

    resp = make_fetcher().get(server.url("/LeyesBiblio/index.htm"), source=IndexPage.source)
    (text,) = IndexPage(resp).parse()
    assert "Protección" in text and "Víctimas" in text
    assert resp.encoding == "cp1252" and resp.content == raw
    (entry,) = new_entries(store)
    assert (entry.outcome, entry.declared_charset, entry.encoding) == ("ok", "utf-8", "cp1252")
    earlier.assert_intact()


def test_cp1252_bytes_read_as_utf8_are_a_decode_error(server, store, earlier, make_fetcher):
    raw = f"<html><head><title>x</title></head><body><p>Protección {LONG_TEXT}</p></body></html>".encode("cp1252")
    server.routes["/mal"] = respond(200, raw, {"Content-Type": "text/html; charset=utf-8"})
    fetcher = make_fetcher()
    with pytest.raises(errors.DecodeFailed):
        fetcher.get(server.url("/mal"), source=source_for(encoding="utf-8"))
    resp = fetcher.get(server.url("/mal"), source=source_for(encoding="utf-8"), encoding="cp1252")  # per-call override
    assert "Protección" in resp.content.decode(resp.encoding)
    assert outcomes(store) == [("decode_error", 200), ("ok", 200)]
    assert "utf-8" in new_entries(store)[0].error
    earlier.assert_intact()


def test_redirect_to_another_host_is_refused(server, store, earlier, make_fetcher):
    server.routes["/go"] = respond(302, b"", {"Location": server.url("/target", host="localhost")})
    server.routes["/target"] = respond(200, page(), HTML)
    with pytest.raises(errors.RefusedHost) as caught:
        make_fetcher().get(server.url("/go"), source=source_for(hosts=("127.0.0.1",)))
    assert caught.value.outcome == "refused_host"
    (entry,) = new_entries(store)
    assert entry.outcome == "refused_host" and entry.final_url == server.url("/target", host="localhost")
    assert "localhost" in entry.error
    assert server.hits_for("/target") == []  # the other host was never asked
    earlier.assert_intact()


def test_redirect_within_allowed_hosts_is_followed(server, store, earlier, make_fetcher):
    server.routes["/go"] = respond(301, b"", {"Location": server.url("/target", host="localhost")})
    server.routes["/target"] = respond(200, page(), HTML)
    resp = make_fetcher().get(server.url("/go"), source=source_for(hosts=("127.0.0.1", "localhost")))
    (entry,) = new_entries(store)
    assert entry.outcome == "ok" and entry.url == server.url("/go")
    assert entry.final_url == resp.url == server.url("/target", host="localhost")
    earlier.assert_intact()


def test_first_url_outside_allowed_hosts_is_refused_without_a_request(server, store, earlier, make_fetcher):
    with pytest.raises(errors.RefusedHost):
        make_fetcher().get(server.url("/x", host="localhost"), source=source_for(hosts=("127.0.0.1",)))
    assert outcomes(store) == [("refused_host", None)]
    assert server.hits == []
    earlier.assert_intact()


def test_oversize_body_with_content_length_is_too_large(server, store, earlier, make_fetcher):
    server.routes["/big.pdf"] = respond(200, b"%PDF-1.5\n" + b"x" * 5000, {"Content-Type": "application/pdf"})
    with pytest.raises(errors.TooLarge):
        make_fetcher(max_bytes=1000).get(server.url("/big.pdf"), source=source_for())
    (entry,) = new_entries(store)
    assert (entry.outcome, entry.http_status, entry.sha256) == ("too_large", 200, None)
    assert list(store.root.glob("??/*")) == list(earlier.files)
    earlier.assert_intact()


def test_oversize_body_without_content_length_is_cut_off_while_streaming(server, store, earlier, make_fetcher):
    def unlimited(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/pdf")
        handler.end_headers()  # no Content-Length: the body ends when the connection closes
        handler.wfile.write(b"%PDF-1.5\n" + b"x" * 200_000)

    server.routes["/big.pdf"] = unlimited
    with pytest.raises(errors.TooLarge):
        make_fetcher(max_bytes=100_000).get(server.url("/big.pdf"), source=source_for())
    (entry,) = new_entries(store)
    assert entry.outcome == "too_large" and entry.bytes > 100_000
    earlier.assert_intact()


def test_robots_disallow_is_respected(server, store, earlier, make_fetcher):
    server.routes["/robots.txt"] = respond(200, b"User-agent: *\nDisallow: /privado/\n", {"Content-Type": "text/plain"})
    server.routes["/privado/ley.htm"] = respond(200, page(), HTML)
    server.routes["/publico/ley.htm"] = respond(200, page(), HTML)
    fetcher = make_fetcher()
    with pytest.raises(errors.RobotsDisallowed) as caught:
        fetcher.get(server.url("/privado/ley.htm"), source=source_for())
    fetcher.get(server.url("/publico/ley.htm"), source=source_for())

    assert caught.value.outcome == "robots_disallowed"
    assert server.hits_for("/privado/ley.htm") == []
    assert len(server.hits_for("/robots.txt")) == 1  # cached per origin
    assert outcomes(store) == [("robots_disallowed", None), ("ok", 200)]
    earlier.assert_intact()


def test_robots_for_our_token_overrides_star(server, store, earlier, make_fetcher):
    server.routes["/robots.txt"] = respond(
        200, b"User-agent: proteja\nDisallow: /\n\nUser-agent: *\nAllow: /\n", {"Content-Type": "text/plain"}
    )
    with pytest.raises(errors.RobotsDisallowed):
        make_fetcher().get(server.url("/ley.htm"), source=source_for())
    assert outcomes(store) == [("robots_disallowed", None)]
    earlier.assert_intact()


def test_robots_server_error_means_disallow(server, store, earlier, make_fetcher):
    server.routes["/robots.txt"] = respond(500, b"error")
    server.routes["/ley.htm"] = respond(200, page(), HTML)
    with pytest.raises(errors.RobotsDisallowed) as caught:
        make_fetcher().get(server.url("/ley.htm"), source=source_for())
    assert "RFC 9309" in str(caught.value)
    assert server.hits_for("/ley.htm") == []
    earlier.assert_intact()


def test_empty_sidof_lists_are_empty(server, store, earlier, make_fetcher):
    empty_day = (FIXTURES / "sidof_empty_day.json").read_bytes()
    server.routes["/dof/sidof/notas/08-03-1999"] = respond(200, empty_day, {"Content-Type": "application/json"})
    server.routes["/dof/sidof/notas/14-06-2012"] = respond(
        200, (FIXTURES / "sidof_day.json").read_bytes(), {"Content-Type": "application/json"}
    )
    fetcher = make_fetcher()
    with pytest.raises(errors.EmptyContent) as caught:
        fetcher.get(server.url("/dof/sidof/notas/08-03-1999"), source=source_for())
    resp = fetcher.get(server.url("/dof/sidof/notas/14-06-2012"), source=source_for())

    assert caught.value.outcome == "empty"
    assert outcomes(store) == [("empty", 200), ("ok", 200)]
    empty, ok = new_entries(store)
    assert empty.sha256 is None and empty.ext == "json"
    assert ok.ext == "json" and json.loads(resp.content)["NotasMatutinas"][0]["codNota"] == 5253273
    earlier.assert_intact()


def test_truncated_body_is_detected(server, store, earlier, make_fetcher):
    server.routes["/cut.pdf"] = respond(200, b"%PDF-1.5\n" + b"y" * 91, {"Content-Type": "application/pdf"}, length=1000)
    with pytest.raises(errors.Truncated) as caught:
        make_fetcher().get(server.url("/cut.pdf"), source=source_for())
    assert caught.value.outcome == "truncated"
    assert outcomes(store) == [("truncated", 200)] * 3  # retried: truncation is usually transient
    entry = new_entries(store)[0]
    assert entry.bytes == 100 and "100 of 1000" in entry.error and entry.sha256 is None
    assert list(store.root.glob("??/*.pdf")) == list(earlier.files)
    earlier.assert_intact()


def test_truncated_then_complete_is_stored(server, store, earlier, make_fetcher):
    full = b"%PDF-1.5\n" + b"z" * 991
    server.routes["/cut.pdf"] = sequence(respond(200, full[:100], {}, length=1000), respond(200, full, {}))
    resp = make_fetcher().get(server.url("/cut.pdf"), source=source_for())
    assert outcomes(store) == [("truncated", 200), ("ok", 200)]
    assert resp.content == full and new_entries(store)[1].ext == "pdf"
    earlier.assert_intact()


def test_throttle_spaces_requests_to_one_host(server, store, earlier, make_fetcher, fake_time):
    server.routes["/a"] = respond(200, page("a" * 200), HTML)
    server.routes["/b"] = respond(200, page("b" * 200), HTML)
    fetcher = make_fetcher()
    fetcher.get(server.url("/a"), source=source_for(interval=2.5))
    fetcher.get(server.url("/b"), source=source_for(interval=2.5))
    # robots.txt → /a → /b: two waits of the full interval on the fake clock
    assert fake_time.sleeps == [2.5, 2.5]
    assert outcomes(store) == [("ok", 200), ("ok", 200)]
    earlier.assert_intact()


def test_ooxml_named_doc_is_stored_as_docx(server, store, earlier, make_fetcher):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    server.routes["/obtenerdoc.php"] = respond(200, buffer.getvalue(), {"Content-Type": "application/msword"})
    resp = make_fetcher().get(server.url("/obtenerdoc.php?path=/Documentos/o478890.doc"), source=source_for())
    (entry,) = new_entries(store)
    assert entry.ext == "docx" and entry.encoding is None
    assert store.path_for(resp.sha256).suffix == ".docx"
    earlier.assert_intact()


def test_broken_gzip_content_encoding_is_a_decode_error(server, store, earlier, make_fetcher):
    server.routes["/gz"] = respond(200, b"\x1f\x8b\x08\x00 not really gzip", HTML | {"Content-Encoding": "gzip"})
    with pytest.raises(errors.DecodeFailed):
        make_fetcher().get(server.url("/gz"), source=source_for())
    assert outcomes(store) == [("decode_error", 200)]
    earlier.assert_intact()
