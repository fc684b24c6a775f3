"""One bad value per case, seeded into a copy of the good database (see conftest.HISTORY).

Each case: (seed statements, tables to strip of constraints first, texts the summary must show).
A case's name starts with the expectation family it breaks.
"""

from __future__ import annotations

OAX_2010 = "instrument_id = 'MX-OAX/ley-trata-2010'"
NLE_BILL = "bill_id = 'MX-NLE/inic-2011-07'"
FIRST_EVIDENCE = "evidence_id = (SELECT min(evidence_id) FROM evidence)"
FAKE_SHA = "ab" * 32

# (family, seed statements, tables to strip of constraints, what the output must name)
CASES = {
    "row_counts": (
        ["DELETE FROM jurisdictions WHERE code = 'MX-YUC'"], (),
        ["expect_table_row_count_to_equal [row_counts] on jurisdictions", "observed value: 32",
         "expect_table_row_count_to_equal [row_counts] on status", "observed value: 31"],
    ),
    "keys": (
        [f"INSERT INTO evidence SELECT * FROM evidence WHERE {FIRST_EVIDENCE}"], ("evidence",),
        ["expect_column_values_to_be_unique [keys] on evidence.evidence_id"],
    ),
    "vocabulary": (
        [f"UPDATE bill_events SET event_type = 'dictaminada' WHERE {NLE_BILL} AND ordinal = 1"], ("bill_events",),
        ["expect_column_values_to_be_in_set [vocabulary] on bill_events.event_type", "offending: dictaminada"],
    ),
    "dates_future": (
        [f"UPDATE events SET event_date = DATE '2031-05-20' WHERE {OAX_2010} AND event_type = 'reformed'"], (),
        ["expect_column_values_to_be_between [dates] on events.event_date", "offending: 2031-05-20"],
    ),
    "dates_too_old": (  # the schema's CHECK allows 1800 onwards; the expectation wants 1900 onwards
        [f"UPDATE events SET event_date = DATE '1850-01-01' WHERE {OAX_2010} AND event_type = 'published'"], (),
        ["expect_column_values_to_be_between [dates] on events.event_date", "offending: 1850-01-01"],
    ),
    "ordering_reform": (
        [f"UPDATE events SET event_date = DATE '2009-01-01' WHERE {OAX_2010} AND event_type = 'reformed'"], (),
        ["expect_reforms_not_before_publication [ordering] on events.event_date", "event_date=2009-01-01",
         "published=2010-03-06"],
    ),
    "ordering_abrogation": (
        [f"UPDATE events SET event_date = DATE '2009-12-31' WHERE {OAX_2010} AND event_type = 'abrogated'"], (),
        ["expect_abrogation_not_before_publication [ordering] on events.event_date", "event_date=2009-12-31"],
    ),
    "ordering_bill_events": (
        [f"UPDATE bill_events SET event_date = DATE '2010-12-01' WHERE {NLE_BILL} AND event_type = 'referred'"], (),
        ["expect_bill_events_in_date_order [ordering] on bill_events.event_date", "bill_id=MX-NLE/inic-2011-07",
         "event_date=2010-12-01"],
    ),
    "ordering_legislature": (  # the loader refuses such a row; the gate still checks the database
        ["INSERT INTO legislatures (legislature_id, jurisdiction, legislature, number, body, start_text, start_earliest, "
         "start_latest, start_precision, end_text, end_earliest, end_latest, end_precision, source_url, source_kind, "
         "confidence, accessed, line_no) VALUES ('MX-TAB/Congreso/LXIV', 'MX-TAB', 'LXIV', 64, 'Congreso', '2021-09-05', "
         "DATE '2021-09-05', DATE '2021-09-05', 'day', '2018-09-04', DATE '2018-09-04', DATE '2018-09-04', 'day', "
         "'https://congresotabasco.gob.mx/', 'official_site', 'official', DATE '2026-01-15', 2)"], (),
        ["expect_legislature_end_not_before_start [ordering] on legislatures.end_latest",
         "legislature_id=MX-TAB/Congreso/LXIV", "end_text=2018-09-04"],
    ),
    "referential_evidence": (
        ["DELETE FROM evidence WHERE fact_table = 'bills' AND fact_id = 'MX-TAB/inic-2024-02'"], (),
        ["expect_bills_to_have_evidence [referential] on bills.bill_id", "bill_id=MX-TAB/inic-2024-02"],
    ),
    "referential_snapshot": (
        [f"UPDATE evidence SET kind = 'scraped', sha256 = '{FAKE_SHA}', retrieved_at = TIMESTAMP '2026-01-15 12:00:00' "
         f"WHERE {FIRST_EVIDENCE}"], (),
        ["expect_scraped_evidence_in_snapshots [referential] on evidence.sha256", f"sha256={FAKE_SHA}"],
    ),
    "formats_url": (
        [f"UPDATE evidence SET url = 'www.congresooaxaca.gob.mx/ley.pdf' WHERE {FIRST_EVIDENCE}"], (),
        ["expect_column_values_to_match_regex [formats] on evidence.url", "offending: www.congresooaxaca.gob.mx/ley.pdf"],
    ),
    "formats_sha256": (  # upper-case hex: the schema's CHECK refuses it, so the copy is constraint-free
        [f"UPDATE evidence SET sha256 = '{FAKE_SHA.upper()}' WHERE {FIRST_EVIDENCE}"], ("evidence",),
        ["expect_column_values_to_match_regex [formats] on evidence.sha256", f"offending: {FAKE_SHA.upper()}"],
    ),
    "no_silent_loss_law": (
        ["DELETE FROM evidence WHERE fact_table = 'events' AND fact_id IN "
         "(SELECT event_id FROM events WHERE instrument_id = 'MX-OAX/ley-trata-2019')",
         "DELETE FROM events WHERE instrument_id = 'MX-OAX/ley-trata-2019'"], (),
        ["expect_no_jurisdiction_to_lose_its_specific_law [no_silent_loss] on status.law_status",
         "jurisdiction=MX-OAX", "current=none_found"],
    ),
    "no_silent_loss_shrink": (
        # the step goes with its own evidence row (a curated bill event cites its source)
        ["DELETE FROM evidence WHERE fact_table = 'bill_events' AND fact_id IN (SELECT bill_event_id FROM "
         f"bill_events WHERE {NLE_BILL} AND event_type = 'referred')",
         f"DELETE FROM bill_events WHERE {NLE_BILL} AND event_type = 'referred'"], (),
        ["expect_tables_not_to_shrink [no_silent_loss] on *", "table=bill_events", "previous_rows=4",
         "current_rows=3"],
    ),
}


#: The case run through the command line for each family; the others run in-process.
PER_FAMILY = {
    "row_counts": "row_counts",
    "keys": "keys",
    "vocabulary": "vocabulary",
    "dates": "dates_future",
    "ordering": "ordering_reform",
    "referential": "referential_evidence",
    "formats": "formats_url",
    "no_silent_loss": "no_silent_loss_law",
}
