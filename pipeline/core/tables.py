"""The published tables and the order their rows are written in (so the same data gives the same bytes).

Shared by publish (which writes them) and validate (which checks nothing was silently lost).
"""

#: table → ORDER BY clause of its published CSV/Parquet.
TABLES = {
    "jurisdictions": "inegi",
    "legislatures": "jurisdiction, body, start_earliest NULLS FIRST, legislature",
    "legislature_rules": "rule_id",
    "sources": "name",
    "instruments": "instrument_id",
    "events": "instrument_id, event_date NULLS FIRST, event_type, event_id",
    "instrument_versions": "version_id",
    "provisions": "version_id, ordinal",
    "effects": "instrument_id, effect_date NULLS FIRST, provision_eid, effect_id",
    "bills": "bill_id",
    "bill_events": "bill_id, ordinal",
    "bill_proponents": "bill_id, ordinal",
    "bill_documents": "bill_id, document_id",
    "reviews": "review_id",
    "evidence": "fact_table, fact_id, evidence_id",
    "conflicts": "conflict_id",
    "snapshots": "line_no",
    "source_runs": "started_at, source, run_id",
    "elements": "ordinal",
    "element_findings": "version_id, element",
    "element_reviews": "version_id, element",
}
