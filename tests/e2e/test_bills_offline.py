"""Offline: recorded state bill listings (two JSON APIs, a flat JSON file, an HTML table) in a raw store build
into pending bills with ``scraped`` evidence; the review queue holds what the rules could not decide, and an
accepted review changes the next build."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths
from pipeline.fetch.store import RawStore
from pipeline.sources.states.agu import bills as agu
from pipeline.sources.states.nay import bills as nay
from pipeline.sources.states.nle import bills as nle
from pipeline.sources.states.yuc import bills as yuc
from pipeline.store.reviews import review_id
from tests.sources.conftest import FIXTURES

RETRIEVED = "2026-11-30T12:00:00Z"
DAY = dt.date(2026, 11, 30)
OTHER = {"data": [{"id": 1, "agendaNumber": 1, "promotionType": "INICIATIVA", "promotionTypeID": 3,
                   "legislatureID": 65, "content": "Iniciativa de Ley de Ingresos", "commissions": [],
                   "presentationDate": "2022-01-10T00:00:00", "turnDate": None, "resolution": "EN TRÁMITE",
                   "filePath": ""}], "recordsTotal": 1}  # fmt: skip
NAY_OTHER = [{"numero": 1, "fecha_recepcion": "2022-02-01", "origen": "Dip. X", "anio": 2022, "periodo": "Primero",
              "descripcion": "Iniciativa de Ley de Ingresos", "iniciativa": "", "fecha_pleno": None,
              "turno_a_comision": "", "dictamen": "", "legislatura": "XXXIII"}]  # fmt: skip


def _cli(paths, *args):
    result = subprocess.run([sys.executable, "-m", "pipeline", "--data-dir", str(paths.root), *args],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    root = tmp_path_factory.mktemp("bills") / "data"
    shutil.copytree(REPO_DIR / "data" / "registry", root / "registry")
    paths = DataPaths(root)
    store = RawStore(paths.raw)
    other = {64: json.dumps(dict(OTHER, data=[dict(OTHER["data"][0], legislatureID=64)])).encode(),
             65: json.dumps(OTHER).encode(), 66: (FIXTURES / "states" / "agu" / "agenda.json").read_bytes()}
    recorded = [(agu.INFO.name, agu.page_url(n), body, "application/json") for n, body in other.items()] + [
        (nle.INFO.name, nle.LISTING_URL, (FIXTURES / "states" / "nle" / "iniciativas.txt").read_bytes(), "text/plain"),
        (nay.INFO.name, nay.page_url("XXXIV"), (FIXTURES / "states" / "nay" / "iniciativas.json").read_bytes(),
         "application/json"),
        (nay.INFO.name, nay.page_url("XXXIII"), json.dumps(NAY_OTHER).encode(), "application/json"),
        (yuc.INFO.name, yuc.LISTING_URL, (FIXTURES / "states" / "yuc" / "iniciativas.html").read_bytes(), "text/html"),
    ]  # fmt: skip
    for source, url, content, ctype in recorded:
        store.put(content, source=source, url=url, final_url=url, retrieved_at=RETRIEVED, http_status=200,
                  content_type=ctype, outcome="ok")  # fmt: skip
    result = build(paths, validate=False)
    assert result.unparsed == [] or all("bills" not in u for u in result.unparsed), result.unparsed
    return paths


def _con(paths):
    return duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)  # --no-validate


def _pending(con, state):
    row = con.execute("SELECT pending_bill_list FROM status_table(CAST(? AS DATE)) WHERE state = ?",
                      [DAY, state]).fetchone()  # fmt: skip
    return {b["bill_id"] for b in row[0]}


def test_scraped_bills_are_pending_with_scraped_evidence(paths):
    con = _con(paths)
    try:
        scraped = con.execute(
            "SELECT b.bill_id, e.url, e.sha256 FROM bills b JOIN evidence e ON e.fact_table = 'bills' AND "
            "e.fact_id = b.bill_id WHERE e.kind = 'scraped' ORDER BY b.bill_id").fetchall()  # fmt: skip
        ids = [r[0] for r in scraped]
        assert ids == ["MX-AGU/agenda-9101", "MX-AGU/agenda-9140", "MX-AGU/agenda-9177",
                       "MX-NAY/ini-xxxiv-231", "MX-NAY/ini-xxxiv-298",
                       "MX-NLE/exp-18452-lxxvii", "MX-NLE/exp-19011-lxxvii",
                       ids[7], ids[8]]  # fmt: skip
        assert all(i.startswith("MX-YUC/ini-lxiv-") for i in ids[7:])
        assert all(url.startswith("https://") and len(sha) == 64 for _, url, sha in scraped)
        # not about trafficking: never loaded (Ley de Hacienda, tratamiento de aguas, Ley de Ingresos)
        assert con.execute("SELECT count(*) FROM bills WHERE title ILIKE '%hacienda%' OR title ILIKE "
                           "'%tratamiento%' OR title ILIKE '%ingresos%'").fetchone() == (0,)  # fmt: skip
        assert {"MX-AGU/agenda-9101", "MX-AGU/agenda-9140"} <= _pending(con, "MX-AGU")
        assert "MX-AGU/agenda-9177" not in _pending(con, "MX-AGU")  # weak relevance: out until reviewed
        assert {"MX-NAY/ini-xxxiv-231", "MX-NAY/ini-xxxiv-298"} <= _pending(con, "MX-NAY")
        assert "MX-NLE/exp-18452-lxxvii" in _pending(con, "MX-NLE")
        assert len(_pending(con, "MX-YUC") & set(ids[7:])) == 2
        tracked = con.execute("SELECT state, bills_tracked, bills_tracked_since FROM status_table(CAST(? AS DATE)) "
                              "WHERE state IN ('MX-AGU', 'MX-NAY', 'MX-NLE', 'MX-YUC') ORDER BY state",
                              [DAY]).fetchall()  # fmt: skip
        assert tracked == [(s, "scraped", dt.date(2026, 11, 30)) for s in ("MX-AGU", "MX-NAY", "MX-NLE", "MX-YUC")]
        proponents = con.execute("SELECT bill_id, proponent_kind FROM bill_proponents WHERE bill_id IN ? "
                                 "ORDER BY bill_id", [ids[3:7]]).fetchall()  # fmt: skip
        assert proponents == [("MX-NAY/ini-xxxiv-231", "deputy"), ("MX-NAY/ini-xxxiv-298", "parliamentary_group"),
                              ("MX-NLE/exp-18452-lxxvii", "deputy"), ("MX-NLE/exp-19011-lxxvii", "citizens")]
        favourable = con.execute("SELECT event_type, rules_version, fired FROM bill_events "
                                 "WHERE bill_id = 'MX-NAY/ini-xxxiv-298' ORDER BY ordinal").fetchall()  # fmt: skip
        assert favourable[-1] == ("committee_report_favorable", "bill-events-2", "comision_aprobo;turnada")
    finally:
        con.close()


def test_the_queue_lists_the_unseen_phrase_and_an_accepted_review_changes_the_next_build(paths):
    queue = json.loads(_cli(paths, "review", "list", "--json"))
    by_subject = {item["subject"]: item for item in queue}
    assert by_subject["se devuelve a la mesa"]["proposed"] is None
    assert by_subject["se devuelve a la mesa"]["example_bill_id"] == "MX-AGU/agenda-9177"
    assert by_subject["MX-AGU/agenda-9177"]["review_kind"] == "bill_relevance"
    phrase = review_id("bill_event", "se devuelve a la mesa")
    relevance = review_id("bill_relevance", "MX-AGU/agenda-9177")
    assert {phrase, relevance} <= {item["review_id"] for item in queue}

    _cli(paths, "review", "accept", phrase, "--as", "referred", "--by", "Ana Revisora",
         "--note", "the gaceta says the bill went back to committee")  # fmt: skip
    _cli(paths, "review", "accept", relevance, "--by", "Ana Revisora", "--note", "the initiative's text names trata")
    decisions = (paths.registry / "reviews" / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["decision"] for line in decisions] == ["accepted", "accepted"]

    build(paths, validate=False)
    con = _con(paths)
    try:
        assert con.execute("SELECT event_type, review_id FROM bill_events WHERE description = "
                           "'SE DEVUELVE A LA MESA'").fetchall() == [("referred", phrase)]  # fmt: skip
        assert "MX-AGU/agenda-9177" in _pending(con, "MX-AGU")
        assert con.execute("SELECT review_id, applied_to, decided_by FROM reviews ORDER BY review_id").fetchall() == \
            sorted([(phrase, 1, "Ana Revisora"), (relevance, 1, "Ana Revisora")])
        assert con.execute("SELECT count(*) FROM review_queue WHERE review_id IN (?, ?)",
                           [phrase, relevance]).fetchone() == (0,)  # fmt: skip
    finally:
        con.close()
    queue = json.loads(_cli(paths, "review", "list", "--json"))
    assert phrase not in {item["review_id"] for item in queue}
