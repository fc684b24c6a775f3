"""RawStore: content addressing, immutability, atomic writes, manifest crash tolerance; file sniffing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile

import pytest
from runtime_helpers import EARLIER_BYTES

from pipeline.fetch import store as store_module
from pipeline.fetch.content import declared_charset, decode_strict, is_empty_data, sniff_ext
from pipeline.fetch.store import RawStore


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_put_is_content_addressed_with_magic_byte_extension(tmp_path):
    raw = RawStore(tmp_path / "raw")
    entry = raw.put(b"%PDF-1.7\nhello", source="s", url="http://h/ley.doc", http_status=200)
    sha = hashlib.sha256(b"%PDF-1.7\nhello").hexdigest()
    assert entry.sha256 == sha and entry.ext == "pdf" and entry.bytes == 14
    assert raw.path_for(sha) == tmp_path / "raw" / sha[:2] / f"{sha}.pdf"
    assert raw.read(sha) == b"%PDF-1.7\nhello"
    line = json.loads((tmp_path / "raw" / "manifest.jsonl").read_text().splitlines()[0])
    assert set(line) == {
        "source", "url", "final_url", "retrieved_at", "http_status", "content_type", "declared_charset",
        "encoding", "bytes", "sha256", "etag", "last_modified", "outcome", "error", "ext",
        "method", "body_sha256", "request_body",
    }  # fmt: skip
    assert line["outcome"] == "ok" and line["retrieved_at"].endswith("Z")
    assert entry.key == ("GET", "http://h/ley.doc", None)  # a line without a method is a GET


def test_same_content_twice_adds_a_line_but_never_rewrites_the_blob(store):
    path = store.path_for(hashlib.sha256(EARLIER_BYTES).hexdigest())
    before = os.stat(path)
    store.put(EARLIER_BYTES, source="again", url="http://x/y", outcome="unchanged")
    after = os.stat(path)
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert not after.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # read-only evidence
    assert [entry.outcome for entry in store.entries()] == ["ok", "unchanged"]
    assert path.read_bytes() == EARLIER_BYTES


def test_interrupted_blob_write_leaves_no_partial_blob(tmp_path, monkeypatch):
    raw = RawStore(tmp_path / "raw")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(store_module.os, "link", crash)
    with pytest.raises(KeyboardInterrupt):
        raw.put(b"%PDF-1.5 new law", source="s", url="http://h/a.pdf")
    assert [p for p in (tmp_path / "raw").rglob("*") if p.is_file()] == []  # no blob, no temp, no line
    assert raw.entries() == []


def test_partial_last_manifest_line_is_reported_and_isolated(store):
    with store.manifest_path.open("ab") as handle:
        handle.write(b'{"source": "cut", "url": "http://h/x", "outco')  # a crash mid-line
    assert [entry.source for entry in store.entries()] == ["earlier"]
    (problem,) = store.problems()
    assert problem.line_no == 2 and "partial" in problem.reason

    store.record(source="next", url="http://h/z", outcome="timeout", error="read timed out")
    assert [entry.source for entry in store.entries()] == ["earlier", "next"]  # not glued to the cut line
    assert "unreadable" in store.problems()[0].reason
    lines = store.manifest_path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and json.loads(lines[-2])["source"] == "next"


def test_record_rejects_unknown_outcomes_and_good_outcomes_without_a_blob(store):
    with pytest.raises(ValueError, match="fetch_outcome"):
        store.record(url="http://h/x", outcome="fine")
    with pytest.raises(ValueError, match="needs a stored blob"):
        store.record(url="http://h/x", outcome="ok", sha256="0" * 64)
    assert len(store.entries()) == 1


def test_latest_skips_failed_attempts(store):
    url = "http://127.0.0.1/earlier.pdf"
    store.record(source="s", url=url, outcome="timeout", error="read timed out")
    latest = store.latest(url)
    assert latest is not None and latest.outcome == "ok" and latest.sha256 == hashlib.sha256(EARLIER_BYTES).hexdigest()
    assert store.latest_any(url).outcome == "timeout"
    assert store.latest("http://never/") is None


def test_entries_see_lines_appended_by_another_store_object(store):
    other = RawStore(store.root)
    other.record(source="other", url="http://h/1", outcome="blocked", error="imperva")
    assert [entry.source for entry in store.entries()] == ["earlier", "other"]


def test_read_detects_a_corrupted_blob(store):
    sha = hashlib.sha256(EARLIER_BYTES).hexdigest()
    path = store.path_for(sha)
    os.chmod(path, 0o644)
    path.write_bytes(b"tampered")
    with pytest.raises(OSError, match="corrupt"):
        store.read(sha)


@pytest.mark.parametrize(
    ("content", "ext"),
    [
        (b"%PDF-1.5\n...", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 20, "doc"),
        (_docx_bytes(), "docx"),
        (b"<!doctype html>\r\n<html class='no-js'>", "html"),
        (b"\xef\xbb\xbf<HTML><HEAD><TITLE>x</TITLE>", "html"),
        (b'  {"ejemplares": []}', "json"),
        (b"<?xml version='1.0'?><feed/>", "xml"),
        (b"\xff\xd8\xff\xe0JFIF", "jpg"),
        (b"User-agent: *\nDisallow:", "txt"),
        (b"\x00\x01\x02binary", "bin"),
    ],
)
def test_sniff_ext_uses_magic_bytes(content, ext):
    assert sniff_ext(content) == ext


def test_declared_charset_from_header_then_meta():
    assert declared_charset("text/html; charset=UTF-8") == "utf-8"
    assert declared_charset("text/html", b'<meta charset="iso-8859-1">') == "iso-8859-1"
    assert declared_charset(None, b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') == "windows-1252"
    assert declared_charset("application/pdf", b"%PDF") is None


def test_decode_auto_falls_back_from_a_wrong_declaration():
    raw = "Protección".encode("cp1252")
    assert decode_strict(raw, "auto", "utf-8") == ("Protección", "cp1252")
    assert decode_strict("Víctimas".encode(), "auto", None) == ("Víctimas", "utf-8")
    with pytest.raises(UnicodeDecodeError):
        decode_strict(raw, "utf-8")


def test_empty_data_rules():
    assert is_empty_data(b"  ", "txt")
    assert is_empty_data(b'{"Nota": []}', "json")
    assert is_empty_data(b"[]", "json")
    assert not is_empty_data(b'{"messageCode": 200, "Matutina": null, "Vespertina": [{"codDiario": 1}]}', "json")
    assert not is_empty_data(b'{"messageCode": 200}', "json")  # no lists at all: not the empty-day shape


def test_a_fresh_store_indexes_its_own_appends(tmp_path):
    raw = RawStore(tmp_path / "raw")
    assert raw.latest("http://h/a") is None and raw.entries() == []  # loads the (missing) manifest first
    first = raw.put(b"%PDF-1.5 a", source="s", url="http://h/a")
    raw.record(source="s", url="http://h/a", outcome="timeout", error="slow")
    assert raw.latest("http://h/a") == first and raw.latest_any("http://h/a").outcome == "timeout"
    assert [e.outcome for e in RawStore(raw.root).entries()] == ["ok", "timeout"]  # what is on disk agrees
