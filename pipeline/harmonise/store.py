"""Score every parsed law version in the database: ``elements``, ``element_findings``, ``element_reviews``."""

from __future__ import annotations

from pipeline.harmonise.elements import load_catalogue
from pipeline.harmonise.matcher import Provision, score_provisions


def score_database(con) -> int:
    """Fill the scorecard tables from ``provisions``; returns the number of findings written."""
    elements = load_catalogue()
    con.executemany("INSERT INTO elements VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(e.code, e.ordinal, e.label_es, e.label_en, e.legal_basis, e.expectation, "|".join(e.rules))
                     for e in elements])  # fmt: skip
    versions = con.execute("SELECT version_id, n_articles FROM instrument_versions ORDER BY version_id").fetchall()
    findings = []
    for version_id, n_articles in versions:
        rows = con.execute("SELECT provision_id, eid, level, text, derogated FROM provisions WHERE version_id = ? "
                           "ORDER BY ordinal", [version_id]).fetchall()  # fmt: skip
        provisions = [Provision(*row) for row in rows]
        findings += score_provisions(version_id, provisions, elements, n_articles=n_articles)
    if findings:
        columns = list(findings[0].to_row())
        con.executemany(f"INSERT INTO element_findings ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        [list(f.to_row().values()) for f in findings])  # fmt: skip
    reviews = [(f.version_id, f.element, f.finding, f.confidence, "; ".join(f.reasons) or "low confidence")
               for f in findings if f.needs_review]  # fmt: skip
    if reviews:
        con.executemany("INSERT INTO element_reviews (version_id, element, finding, confidence, reason) "
                        "VALUES (?, ?, ?, ?, ?)", reviews)  # fmt: skip
    return len(findings)
