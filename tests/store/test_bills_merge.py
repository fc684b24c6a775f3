"""Bills: the full model (proponents, committee, summary, documents), merged by identity keeping every
source's events, and review decisions applied (pipeline.store.bills, pipeline.store.reviews)."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from pipeline.build import load_reference
from pipeline.core.dates import DateSpan
from pipeline.core.paths import REPO_DIR
from pipeline.core.records import BillDocument, BillEventRecord, BillRecord, Evidence, Proponent
from pipeline.parse.bill_events import event_from_text
from pipeline.store import schema
from pipeline.store.load import Loader
from pipeline.store.registry_csv import load_records
from pipeline.store.reviews import ReviewDecision, ReviewError, read_decisions, review_id

SCRAPED = Evidence(kind="scraped", source="mx-nle-congreso-iniciativas", url="https://www.hcnl.gob.mx/x.txt",
                   sha256="a" * 64, retrieved_at=dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC))  # fmt: skip
CURATED = Evidence(kind="curated", source="registry", source_url="https://www.example-press.mx/nota",
                   accessed=dt.date(2026, 12, 1), confidence="secondary", source_kind="press")  # fmt: skip


def _day(text: str) -> DateSpan:
    return DateSpan.parse(text)


def _bill(evidence, bill_id, events, identifier="18452/LXXVII", legislature="LXXVII", **extra) -> BillRecord:
    return BillRecord(jurisdiction="MX-NLE", bill_id=bill_id, title="Reforma a la Ley de Trata de Personas",
                      evidence=evidence, identifier=identifier, legislature=legislature, events=tuple(events),
                      **extra)  # fmt: skip


def _load(records, decisions=None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    schema.apply_tables(con)
    load_reference(con)
    loader = Loader(decisions)
    for record in records:
        loader.add(record)
    loader.write(con)
    return con


def _rows(con, sql, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def test_a_bill_seen_by_two_sources_is_one_bill_with_both_sources_events():
    scraped = _bill(SCRAPED, "exp-18452-lxxvii", [BillEventRecord("presented", None, span=_day("2025-03-14")),
                                                   BillEventRecord("referred", None, "Comisión de Justicia")])
    curated = _bill(CURATED, "2025-ini-reforma-trata-villarreal",
                    [BillEventRecord("presented", None, "presentó", span=_day("2025-03-14"), evidence=CURATED),
                     BillEventRecord("approved", None, "El Pleno aprobó", span=_day("../2025-10-02"),
                                     evidence=CURATED)],
                    identifier="18452/lxxvii", legislature="lxxvii")  # fmt: skip
    con = _load([curated, scraped])
    # the scraped record ranks first: its id names the bill; both sources are listed
    assert _rows(con, "SELECT bill_id, sources FROM bills") == [
        ("MX-NLE/exp-18452-lxxvii", "mx-nle-congreso-iniciativas;registry")]
    events = _rows(con, "SELECT ordinal, event_type, date_text, source FROM bill_events ORDER BY ordinal")
    assert events == [(0, "presented", "2025-03-14", "mx-nle-congreso-iniciativas"),
                      (1, "referred", None, "mx-nle-congreso-iniciativas"),
                      (2, "approved", "../2025-10-02", "registry")]  # fmt: skip
    # the presentation both saw on the same day is one row with both sources' evidence
    presented = _rows(con, "SELECT e.kind FROM evidence e JOIN bill_events be ON e.fact_id = be.bill_event_id "
                           "WHERE be.event_type = 'presented' ORDER BY e.kind")  # fmt: skip
    assert presented == [("curated",), ("scraped",)]
    assert _rows(con, "SELECT count(*) FROM evidence WHERE fact_table = 'bills'") == [(2,)]


def test_a_record_without_identifier_joins_by_slug_and_other_identifiers_stay_apart():
    a = _bill(SCRAPED, "exp-1", [BillEventRecord("presented", None)], identifier="1/LXXVII")
    b = _bill(SCRAPED, "exp-2", [BillEventRecord("presented", None)], identifier="2/LXXVII")
    c = _bill(CURATED, "exp-1", [BillEventRecord("approved", None, "aprobada", evidence=CURATED)], identifier=None)
    con = _load([a, b, c])
    assert _rows(con, "SELECT bill_id, sources FROM bills ORDER BY bill_id") == [
        ("MX-NLE/exp-1", "mx-nle-congreso-iniciativas;registry"), ("MX-NLE/exp-2", "mx-nle-congreso-iniciativas")]
    assert _rows(con, "SELECT bill_id, event_type FROM bill_events ORDER BY bill_id, ordinal") == [
        ("MX-NLE/exp-1", "presented"), ("MX-NLE/exp-1", "approved"), ("MX-NLE/exp-2", "presented")]


def test_the_same_id_for_two_different_bills_is_refused():
    a = _bill(SCRAPED, "exp-1", [BillEventRecord("presented", None)], identifier="1/LXXVII")
    other_legislature = _bill(SCRAPED, "exp-1", [BillEventRecord("presented", None)], identifier="1/LXXVII",
                              legislature="LXXVI")  # fmt: skip
    with pytest.raises(ValueError, match="share the id MX-NLE/exp-1"):
        _load([a, other_legislature])


def test_one_records_events_keep_their_order_and_proponents_documents_are_written():
    bill = _bill(SCRAPED, "exp-9", [BillEventRecord("withdrawn", None, span=_day("2025-05-01")),
                                    BillEventRecord("presented", None)],
                 proponents=(Proponent("deputy", "Dip. Perla Villarreal (PRI)", "PRI"), Proponent("citizens")),
                 committee="Comisión de Justicia", summary="Raises penalties.",
                 documents=(BillDocument("initiative_text", "https://www.hcnl.gob.mx/pdf/9.pdf"),))  # fmt: skip
    con = _load([bill])
    assert _rows(con, "SELECT event_type FROM bill_events ORDER BY ordinal") == [("withdrawn",), ("presented",)]
    assert _rows(con, "SELECT ordinal, proponent_kind, name, party FROM bill_proponents ORDER BY ordinal") == [
        (0, "deputy", "Dip. Perla Villarreal (PRI)", "PRI"), (1, "citizens", None, None)]
    assert _rows(con, "SELECT document_kind, url, source FROM bill_documents") == [
        ("initiative_text", "https://www.hcnl.gob.mx/pdf/9.pdf", "mx-nle-congreso-iniciativas")]
    assert _rows(con, "SELECT committee, summary FROM bills") == [("Comisión de Justicia", "Raises penalties.")]


def test_the_registry_bills_carry_proponents_committee_and_documents():
    bills = [r for r in load_records(REPO_DIR / "data" / "registry") if isinstance(r, BillRecord)]
    chh = next(b for b in bills if b.bill_id == "iniciativa-ley-trata-2015")
    assert [(p.kind, p.name) for p in chh.proponents] == [("deputy", "Ana Gómez Licón"), ("deputy", "Rogelio Loya Luna")]
    agu = next(b for b in bills if b.bill_id == "iniciativa-ley-trata-garfias")
    assert agu.committee == "Comisiones Unidas de Justicia y de Equidad de Género"
    assert agu.summary.startswith("Bill for a new state trafficking law")
    son = next(b for b in bills if b.jurisdiction == "MX-SON" and b.bill_id == "iniciativa-ley-trata-2009")
    assert [d.kind for d in son.documents] == ["law_text"]
    assert sum(len(b.proponents) for b in bills) >= 50


# -- reviews ----------------------------------------------------------------------------------------------


def _unseen() -> BillRecord:
    return _bill(SCRAPED, "exp-7", [BillEventRecord("presented", None), event_from_text("SE DEVUELVE A LA MESA")],
                 relevance_rules="bill-relevance-1", relevance_score=0.5, trafficking=False)  # fmt: skip


def _decision(kind, subject, decision, label, proposed=None) -> ReviewDecision:
    return ReviewDecision(id=review_id(kind, subject), kind=kind, subject=subject, proposed=proposed,
                          decision=decision, label=label, by="Ana Revisora", at="2026-12-01T22:00:00Z",
                          note="read the gaceta of 2025-05-08", rules_version="bill-events-2")  # fmt: skip


def test_an_unseen_phrase_and_a_weak_relevance_land_in_the_queue():
    con = _load([_unseen()])
    queue = _rows(con, "SELECT review_kind, subject, proposed, score, example_bill_id, occurrences "
                       "FROM review_queue ORDER BY review_kind")  # fmt: skip
    assert queue == [("bill_event", "se devuelve a la mesa", None, 0.0, "MX-NLE/exp-7", 1),
                     ("bill_relevance", "MX-NLE/exp-7", "true", 0.5, "MX-NLE/exp-7", 1)]  # fmt: skip
    assert _rows(con, "SELECT event_type, rules_version, fired FROM bill_events WHERE ordinal = 1") == [
        ("unclassified", "bill-events-2", None)]
    assert _rows(con, "SELECT trafficking FROM bills") == [(False,)]


def test_accepted_decisions_change_the_facts_and_are_published_with_them():
    event = _decision("bill_event", "se devuelve a la mesa", "accepted", "referred")
    relevance = _decision("bill_relevance", "MX-NLE/exp-7", "accepted", "true", proposed="true")
    con = _load([_unseen()], {event.id: event, relevance.id: relevance})
    assert _rows(con, "SELECT count(*) FROM review_queue") == [(0,)]
    assert _rows(con, "SELECT event_type, review_id FROM bill_events WHERE ordinal = 1") == [("referred", event.id)]
    assert _rows(con, "SELECT trafficking, review_id FROM bills") == [(True, relevance.id)]
    assert _rows(con, "SELECT review_kind, decision, label, decided_by, applied_to FROM reviews ORDER BY 1") == [
        ("bill_event", "accepted", "referred", "Ana Revisora", 1),
        ("bill_relevance", "accepted", "true", "Ana Revisora", 1)]


def test_a_rejected_relevance_keeps_the_bill_out():
    strong = _bill(SCRAPED, "exp-8", [BillEventRecord("presented", None)], relevance_rules="bill-relevance-1",
                   relevance_score=3.0, trafficking=True)  # fmt: skip
    rejected = _decision("bill_relevance", "MX-NLE/exp-8", "rejected", "false", proposed="true")
    con = _load([strong], {rejected.id: rejected})
    assert _rows(con, "SELECT trafficking FROM bills") == [(False,)]


def test_decision_lines_are_checked_and_the_last_one_for_an_id_wins(tmp_path):
    folder = tmp_path / "reviews"
    folder.mkdir()
    first = _decision("bill_event", "pendiente", "accepted", "referred")
    second = _decision("bill_event", "pendiente", "rejected", "unclassified")
    lines = [json.dumps(first.__dict__), json.dumps(second.__dict__)]
    (folder / "decisions.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_decisions(tmp_path)[first.id].decision == "rejected"
    bad = dict(first.__dict__, label="dictaminada")  # not a bill event type
    (folder / "decisions.jsonl").write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"reviews/decisions.jsonl:1"):
        read_decisions(tmp_path)
    wrong_id = dict(first.__dict__, id="0" * 16)
    (folder / "decisions.jsonl").write_text(json.dumps(wrong_id) + "\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="does not match"):
        read_decisions(tmp_path)
