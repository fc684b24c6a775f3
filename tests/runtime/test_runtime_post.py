"""POST through the one HTTP layer: the body sent exactly, the answer stored under (POST, URL, body digest),
replay and ``stored()`` finding it by that key only — a GET is never served a POST's answer, nor a POST another
body's — and manifests written before POST existed still read as GETs."""

from __future__ import annotations

import hashlib
import json

import pytest
from runtime_helpers import make_source, new_entries, respond, sequence

from pipeline.core.fetching import RequestBody
from pipeline.fetch.errors import NotInStore
from pipeline.fetch.replay import ReplayFetcher
from pipeline.fetch.store import RawStore

JSON = {"Content-Type": "application/json"}
ANSWER_65 = json.dumps({"individual": [{"id": 1, "iniciativa": "Ley de trata"}]}).encode()
ANSWER_64 = json.dumps({"individual": [{"id": 2, "iniciativa": "Ley de aguas"}]}).encode()
PAGE = b"<html><body><p>" + b"la pagina por GET " * 20 + b"</p></body></html>"


def _by_body(server_answers: dict[bytes, bytes]):
    """A route answering each POST body with its own JSON (404 for an unknown body)."""

    def route(handler):
        answer = server_answers.get(handler.hit.request_body)
        respond(200, answer, JSON)(handler) if answer else respond(404, b"unknown body")(handler)

    return route


def test_json_body_is_sent_exactly_and_its_answer_stored_under_its_digest(server, store, make_fetcher, earlier):
    body = RequestBody.json({"nu_legislatura": "65"})
    assert body.content == b'{"nu_legislatura":"65"}' and body.content_type == "application/json"
    server.routes["/api/obtenerIniciativas"] = _by_body({body.content: ANSWER_65})
    url = server.url("/api/obtenerIniciativas")
    response = make_fetcher().post(url, source=make_source(), body=body)
    assert response.content == ANSWER_65 and response.extra["method"] == "POST"
    (hit,) = server.hits_for("/api/obtenerIniciativas")
    assert hit.method == "POST" and hit.request_body == body.content
    assert hit.headers["Content-Type"] == "application/json"
    assert "If-None-Match" not in hit.headers and "If-Modified-Since" not in hit.headers
    (entry,) = new_entries(store)
    assert (entry.method, entry.body_sha256, entry.request_body) == (
        "POST", hashlib.sha256(b'{"nu_legislatura":"65"}').hexdigest(), '{"nu_legislatura":"65"}')
    assert entry.key == ("POST", url, body.sha256) and entry.outcome == "ok"
    earlier.assert_intact()


def test_a_get_is_never_served_a_posts_answer_and_a_post_never_another_bodys(server, store, make_fetcher):
    url = server.url("/api/obtenerIniciativas")
    b65, b64 = RequestBody.json({"nu_legislatura": "65"}), RequestBody.json({"nu_legislatura": "64"})
    server.routes["/api/obtenerIniciativas"] = _by_body({b65.content: ANSWER_65})
    make_fetcher().post(url, source=make_source(), body=b65)
    replay = ReplayFetcher(RawStore(store.root))
    assert replay.post(url, source=make_source(), body=b65).content == ANSWER_65
    with pytest.raises(NotInStore, match="not in raw store"):
        replay.get(url, source=make_source())
    with pytest.raises(NotInStore, match=r"POST with body " + b64.sha256[:12]):
        replay.post(url, source=make_source(), body=b64)
    assert replay.stored(url) is None and replay.stored(url, method="POST", body=b64) is None
    assert replay.stored(url, method="POST", body=b65).content == ANSWER_65
    assert store.latest(url) is None and store.stored_urls(server.url("/api")) == []


def test_get_and_post_of_one_url_keep_their_own_answers(server, store, make_fetcher):
    url = server.url("/gaceta")
    body = RequestBody.form({"v": "tiniciativas", "l": "61"})
    server.routes["/gaceta"] = lambda h: respond(200, ANSWER_64 if h.hit.method == "POST" else PAGE,
                                                 JSON if h.hit.method == "POST" else {"Content-Type": "text/html"})(h)
    fetcher = make_fetcher()
    assert fetcher.get(url, source=make_source()).content == PAGE
    assert fetcher.post(url, source=make_source(), body=body).content == ANSWER_64
    assert fetcher.get(url, source=make_source()).extra["outcome"] == "unchanged"  # compared with the GET's copy
    replay = ReplayFetcher(RawStore(store.root))
    assert replay.get(url, source=make_source()).content == PAGE
    assert replay.post(url, source=make_source(), body=body).content == ANSWER_64
    assert store.stored_urls(server.url("/")) == [url]  # the POST answer is not a crawlable page
    post_hits = [h for h in server.hits_for("/gaceta") if h.method == "POST"]
    assert post_hits[0].request_body == b"v=tiniciativas&l=61"
    assert post_hits[0].headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_a_large_body_is_kept_by_digest_only(server, store, make_fetcher):
    body = RequestBody.form({"__VIEWSTATE": "A" * 5000, "__EVENTARGUMENT": "Page$2"})
    server.routes["/Iniciativas"] = respond(200, PAGE, {"Content-Type": "text/html"})
    make_fetcher().post(server.url("/Iniciativas"), source=make_source(), body=body)
    (entry,) = new_entries(store)
    assert entry.request_body is None and entry.body_sha256 == body.sha256 and len(body.content) > 5000


def test_a_post_is_retried_like_a_get_on_5xx(server, store, make_fetcher, fake_time):
    body = RequestBody.json({"nu_legislatura": "65"})
    server.routes["/api"] = sequence(respond(503, b"busy"), respond(200, ANSWER_65, JSON))
    response = make_fetcher().post(server.url("/api"), source=make_source(), body=body)
    assert response.content == ANSWER_65
    assert [h.request_body for h in server.hits_for("/api")] == [body.content, body.content]
    assert [(e.method, e.outcome) for e in new_entries(store)] == [("POST", "http_error"), ("POST", "ok")]
    assert fake_time.sleeps and max(fake_time.sleeps) >= 0.5  # the back-off was waited


def test_manifest_lines_written_before_post_existed_read_as_gets(tmp_path):
    raw = RawStore(tmp_path / "raw")
    blob = raw.put(PAGE, source="old", url="http://h/a", http_status=200)  # a blob to point at
    old = {k: v for k, v in blob.to_dict().items() if k not in ("method", "body_sha256", "request_body")}
    (tmp_path / "raw" / "manifest.jsonl").write_text(json.dumps(old) + "\n", encoding="utf-8")
    again = RawStore(tmp_path / "raw")
    assert again.problems() == [] and again.latest("http://h/a").sha256 == blob.sha256
    assert again.latest("http://h/a", method="POST", body_sha256=RequestBody.json({}).sha256) is None
    assert ReplayFetcher(again).get("http://h/a", source=make_source(hosts=("h",))).content == PAGE


def test_a_post_line_without_its_body_digest_is_a_manifest_problem(tmp_path):
    raw = RawStore(tmp_path / "raw")
    good = raw.put(PAGE, source="s", url="http://h/a", http_status=200, method="POST",
                   body_sha256=RequestBody.json({}).sha256).to_dict()  # fmt: skip
    bad = dict(good, body_sha256=None)
    (tmp_path / "raw" / "manifest.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    again = RawStore(tmp_path / "raw")
    assert [p.line_no for p in again.problems()] == [2] and "body digest" in again.problems()[0].reason
