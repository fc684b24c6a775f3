"""Offline: Sinaloa's Gaceta API answers (and Colima's gaceta rows), recorded as POSTs in a raw store (method and body digest in the manifest),
build into pending bills with ``scraped`` evidence; the status row says Sinaloa's bills are scraped; the unseen
status phrase waits in the review queue. A GET line for the same URL holding other bytes is never read as them."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths
from pipeline.fetch.store import RawStore
from pipeline.sources.states.col import bills as col
from pipeline.sources.states.sin import bills as sin
from pipeline.store.reviews import review_id
from tests.sources.conftest import FIXTURES

RETRIEVED = "2026-11-30T12:00:00Z"
DAY = dt.date(2026, 11, 30)
OTHER = {"individual": [{"id": 9, "fecha": "2022-03-01", "iniciativa": "Iniciativa de Ley de Ingresos", "presentada":
         "Ejecutivo Estatal", "ratificada": None, "objetivo": "", "leyes": "", "determinacion": "", "pdf": False,
         "legis": "64", "estatus": "Aprobada", "nb_tipo": "Ley"}], "conjunto": [], "grupo": []}  # fmt: skip
#: What a GET of the API URL would hold if someone had stored one: a trafficking bill that must never appear.
DECOY = {"individual": [dict(OTHER["individual"][0], id=666, iniciativa="Iniciativa sobre trata de personas",
                             legis="65")], "conjunto": [], "grupo": []}  # fmt: skip


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    root = tmp_path_factory.mktemp("bills-post") / "data"
    shutil.copytree(REPO_DIR / "data" / "registry", root / "registry")
    paths = DataPaths(root)
    store = RawStore(paths.raw)
    answers = {63: json.dumps(dict(OTHER, individual=[dict(OTHER["individual"][0], legis="63")])).encode(),
               64: json.dumps(OTHER).encode(), 65: (FIXTURES / "states" / "sin" / "iniciativas.json").read_bytes()}
    for legislature, content in answers.items():
        body = sin.body_for(legislature)
        store.put(content, source=sin.INFO.name, url=sin.API, final_url=sin.API, retrieved_at=RETRIEVED,
                  http_status=200, content_type="application/json", outcome="ok", method="POST",
                  body_sha256=body.sha256, request_body=body.content.decode())  # fmt: skip
    for legislature in col.LEGISLATURES:  # the same rows for each legislature: LXI's are the ones asserted
        content = (FIXTURES / "states" / "col" / "tiniciativas.html").read_bytes()
        store.put(content, source=col.INFO.name, url=col.page_url(legislature), retrieved_at=RETRIEVED, http_status=200,
                  content_type="text/html", outcome="ok", method="POST", body_sha256=col.EMPTY_BODY.sha256)  # fmt: skip
    store.put(json.dumps(DECOY).encode(), source=sin.INFO.name, url=sin.API, final_url=sin.API, retrieved_at=RETRIEVED,
              http_status=200, content_type="application/json", outcome="ok", method="GET")  # fmt: skip
    build(paths, validate=False)
    return paths


def _con(paths):
    return duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)


def test_recorded_posts_build_into_pending_bills_with_scraped_evidence(paths):
    con = _con(paths)
    try:
        scraped = con.execute(
            "SELECT b.bill_id, e.url, e.sha256 FROM bills b JOIN evidence e ON e.fact_table = 'bills' AND "
            "e.fact_id = b.bill_id WHERE e.kind = 'scraped' AND b.jurisdiction = 'MX-SIN' ORDER BY b.bill_id"
        ).fetchall()  # fmt: skip
        assert [r[0] for r in scraped] == ["MX-SIN/gaceta-lxv-1412", "MX-SIN/gaceta-lxv-1490", "MX-SIN/gaceta-lxv-1502"]
        assert all(url == sin.API and len(sha) == 64 for _, url, sha in scraped)
        assert con.execute("SELECT count(*) FROM bills WHERE bill_id = 'MX-SIN/gaceta-lxv-666' OR title ILIKE "
                           "'%ingresos%'").fetchone() == (0,)  # the GET decoy is never read; Ingresos not relevant
        row = con.execute("SELECT pending_bill_list, bills_tracked, bills_tracked_since FROM status_table(CAST(? AS "
                          "DATE)) WHERE state = 'MX-SIN'", [DAY]).fetchone()  # fmt: skip
        assert {b["bill_id"] for b in row[0]} >= {"MX-SIN/gaceta-lxv-1412", "MX-SIN/gaceta-lxv-1502"}
        assert row[1:] == ("scraped", DAY)
        methods = con.execute("SELECT method, count(*), count(DISTINCT body_sha256) FROM snapshots WHERE source = ? "
                              "GROUP BY method ORDER BY method", [sin.INFO.name]).fetchall()  # fmt: skip
        assert methods == [("GET", 1, 0), ("POST", 3, 3)]
        assert con.execute("SELECT event_type, rules_version FROM bill_events WHERE bill_id = "
                           "'MX-SIN/gaceta-lxv-1490' ORDER BY ordinal").fetchall() == [
            ("presented", None), ("committee_report", "bill-events-2"),
            ("committee_report_favorable", "bill-events-2")]  # fmt: skip
    finally:
        con.close()


def test_the_unseen_sinaloa_phrase_waits_in_the_review_queue(paths):
    con = _con(paths)
    try:
        queued = con.execute("SELECT review_id, subject FROM review_queue WHERE subject = "
                             "'se reserva para la siguiente sesion' OR subject ILIKE 'se reserva%'").fetchall()  # fmt: skip
    finally:
        con.close()
    assert len(queued) == 1
    assert queued[0][0] == review_id("bill_event", queued[0][1])


def test_colima_bills_without_a_date_are_pending_by_the_retrieval_day(paths):
    con = _con(paths)
    try:
        row = con.execute("SELECT pending_bill_list, bills_tracked FROM status_table(CAST(? AS DATE)) WHERE state = "
                          "'MX-COL'", [DAY]).fetchone()  # fmt: skip
        presented = con.execute("SELECT date_text, date_precision FROM bill_events WHERE bill_id = 'MX-COL/lxi-118' "
                                "AND event_type = 'presented'").fetchall()  # fmt: skip
        before = con.execute("SELECT count(*) FROM bills_pending(DATE '2026-11-29') WHERE bill_id = "
                             "'MX-COL/lxi-118'").fetchone()  # fmt: skip
    finally:
        con.close()
    assert "MX-COL/lxi-118" in {b["bill_id"] for b in row[0]} and row[1] == "scraped"
    assert presented == [("../2026-11-30", "before")]
    assert before == (0,)  # "on or before the 30th" does not say it was presented by the 29th
