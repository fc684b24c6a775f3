"""Short writes, sniff windows, the vocabulary gate, and one extraction per PDF."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from pipeline.build import build
from pipeline.fetch import store as store_module
from pipeline.fetch.challenge import SNIFF_BYTES, detect_block
from pipeline.fetch.store import StoreWriteFailed
from pipeline.validate import expectations as ex
from pipeline.validate.suites import validate_database
from tests.e2e.test_build_from_raw_store import CURATED, fill_store, law_pdf
from tests.faults.harness import digests
from tests.store.conftest import write_registry
from tests.validate.conftest import drop_constraints


def test_a_short_manifest_write_is_refused_and_leaves_no_half_line(case, store, monkeypatch):
    store.put(b"<html><body>uno</body></html>", source="s", url="https://example.org/1", http_status=200)
    before = store.manifest_path.read_bytes()
    real_write = os.write
    monkeypatch.setattr(store_module.os, "write", lambda fd, data: real_write(fd, bytes(data[: len(data) // 4])) and 0)
    with pytest.raises(StoreWriteFailed, match="short write"):  # a full disk: a quarter written, then nothing
        store.record(source="s", url="https://example.org/2", outcome="http_error", error="HTTP 500")
    monkeypatch.undo()
    assert store.manifest_path.read_bytes() == before  # cut back: every later reader sees whole lines
    assert store.problems() == [] and len(store.entries()) == 1
    case.handled("store_error")


def test_a_failed_manifest_write_makes_fetch_report_store_error(case, server, store, fetcher, monkeypatch):
    from runtime_helpers import make_source, respond

    server.routes["/page"] = respond(200, b"<html><body>" + b"texto de la ley " * 20 + b"</body></html>",
                                     {"Content-Type": "text/html; charset=utf-8"})  # fmt: skip

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "write", full_disk)
    entry = fetcher.fetch_entry(server.url("/page"), source=make_source())
    monkeypatch.undo()
    assert entry.outcome == "store_error" and "No space left" in entry.error
    assert not store.manifest_path.exists() or store.manifest_path.read_bytes() == b""
    case.handled(entry.outcome)


def test_only_the_head_of_a_body_is_judged(case):
    filler = b"<p>" + b"Articulo primero de la ley. " * 40 + b"</p>"
    page = b"<html><head><title>Ley</title></head><body>" + filler * (SNIFF_BYTES // len(filler) + 1)
    assert detect_block(page + b"Incapsula incident</body></html>", "text/html", 200) is None  # past the window
    assert detect_block(b"<html><body>Incapsula incident" + page[6:], "text/html", 200)
    case.handled("bounded")


def test_every_coded_column_of_every_table_is_checked(case):
    generated = ex.vocab_columns()
    assert generated[("conflicts", "event_type")] == "conflict_subject"
    assert generated[("status", "law_status")] == "law_status" and generated[("status", "summary")] == "summary"
    schema = "\n".join(p.read_text() for p in sorted(ex.TABLES_SQL_DIR.glob("*.sql")))
    assert len(generated) - 2 == schema.count("IN {{vocab:")  # every CHECK … IN {{vocab:…}}, plus the two status columns
    checked = {(c.table, c.column) for c in ex.checks(ex.MIN_DATE) if c.expectation == "expect_column_values_to_be_in_set"}
    assert set(generated) <= checked
    case.handled("generated")


def test_an_unknown_conflict_event_type_fails_the_gate(case, published, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published.database, copy)
    con = duckdb.connect(str(copy))
    try:
        drop_constraints(con, "conflicts")
        con.execute("INSERT INTO conflicts VALUES ('c-planted', 'MX-CHP', 'MX-CHP/ley-trata-2009', 'dictaminada', "
                    "'event_date', '2009-04-03', 'registry', '2009-04-04', 'registry', 'unresolved', NULL)")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    before = digests(published.processed)
    report = validate_database(copy, previous_publication=published.processed, allow_shrink=False,
                               report_dir=tmp_path / "report")  # fmt: skip
    failed = [(r["table"], r["column"]) for r in report["results"] if not r["success"]]
    assert not report["success"] and ("conflicts", "event_type") in failed
    assert digests(published.processed) == before
    case.handled("vocabulary")


def test_the_build_extracts_each_pdf_once(case, tmp_path, monkeypatch):
    from pipeline.parse import extract

    calls = []
    real = extract._pdf_pages
    monkeypatch.setattr(extract, "_pdf_pages", lambda content: calls.append(len(content)) or real(content))
    paths = write_registry(tmp_path / "data", CURATED)
    fill_store(paths, law_pdf())
    extract._RECENT.clear()
    result = build(paths, validate=False)
    assert result.scraped_records > 0 and result.unparsed == []
    assert len(calls) == 1  # the law parser and the source's abrogation reading share one extraction
    case.handled("once")
