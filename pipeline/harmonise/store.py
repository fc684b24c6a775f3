"""Score every parsed law version in the database: ``elements``, ``element_findings``, ``element_reviews``.

Review decisions of kind ``element_finding`` (``data/registry/reviews/*.jsonl``, written by ``proteja review
accept|reject``) are applied here on every build: the finding takes the decision's label, ``needs_review``
becomes false and the reviewer's name, time and note are kept on the finding. A finding below the confidence
threshold that no decision settles goes to the review queue (``review_queue``, ``element_reviews``). A decision
whose version is not in this build is reported as a ``stale_review`` build problem and applied to nothing.

SCJN invalidations (``effects`` rows ``invalidacion``, :mod:`pipeline.harmonise.invalidations`): a version is
scored again without the provisions struck whole; an element found only in struck provisions is
``invalidated`` (its provision ids and excerpt are the struck ones, ``invalidated_by`` names the rulings); an
element also carried by provisions still standing keeps its finding on those.
"""

from __future__ import annotations

import dataclasses

from pipeline.core import problems
from pipeline.harmonise.elements import load_catalogue
from pipeline.harmonise.matcher import Finding, Provision, score_provisions
from pipeline.store.reviews import ReviewDecision, element_subject, review_id

KIND = "element_finding"


def score_database(con, decisions: dict[str, ReviewDecision] | None = None) -> int:
    """Fill the scorecard tables from ``provisions``; returns the number of findings written."""
    elements = load_catalogue()
    con.executemany("INSERT INTO elements VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(e.code, e.ordinal, e.label_es, e.label_en, e.legal_basis, e.expectation, "|".join(e.rules))
                     for e in elements])  # fmt: skip
    versions = con.execute("SELECT version_id, n_articles FROM instrument_versions ORDER BY version_id").fetchall()
    struck = _struck(con)
    findings: list[Finding] = []
    invalidated_by: dict[tuple[str, str], str] = {}
    for version_id, n_articles in versions:
        rows = con.execute("SELECT provision_id, eid, level, text, derogated FROM provisions WHERE version_id = ? "
                           "ORDER BY ordinal", [version_id]).fetchall()  # fmt: skip
        provisions = [Provision(*row) for row in rows]
        scored = score_provisions(version_id, provisions, elements, n_articles=n_articles)
        if any(p.provision_id in struck for p in provisions):
            scored = _with_invalidations(scored, provisions, struck, elements, n_articles, invalidated_by)
        findings += scored
    ours = {rid: d for rid, d in (decisions or {}).items() if d.kind == KIND}
    rows, reviews, queue = _apply(findings, ours)
    for row in rows:
        row["invalidated_by"] = invalidated_by.get((row["version_id"], row["element"]))
    if rows:
        columns = list(rows[0])
        con.executemany(f"INSERT INTO element_findings ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        [list(r.values()) for r in rows])  # fmt: skip
    if reviews:
        con.executemany("INSERT INTO element_reviews (version_id, element, finding, confidence, reason, review_status, "
                        "review_id) VALUES (?, ?, ?, ?, ?, ?, ?)", reviews)  # fmt: skip
    if queue:
        con.executemany("INSERT INTO review_queue (review_id, review_kind, subject, proposed, rules_version, score, "
                        "example_bill_id, example_text, occurrences) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1)", queue)  # fmt: skip
    _report_applied(con, ours, {r["review_id"] for r in rows if r["review_id"]})
    return len(findings)


def _struck(con) -> dict[str, str]:
    """Provision id → the ruling(s) that struck it whole (a porción normativa leaves the provision standing)."""
    rows = con.execute("SELECT version_id || '~' || provision_eid, decree FROM effects WHERE effect_type = "
                       "'invalidacion' AND NOT starts_with(coalesce(raw, ''), 'porción normativa')").fetchall()  # fmt: skip
    out: dict[str, set[str]] = {}
    for pid, decree in rows:
        out.setdefault(pid, set()).add(decree or "SCJN")
    return {pid: "|".join(sorted(d)) for pid, d in out.items()}


def _is_struck(provision_id: str, struck: dict[str, str]) -> str | None:
    """The ruling that struck this provision or the article (fracción) that contains it, else None."""
    version_id, _, eid = provision_id.partition("~")
    parts = eid.split(".")
    for depth in range(len(parts), 0, -1):
        ruling = struck.get(f"{version_id}~{'.'.join(parts[:depth])}")
        if ruling:
            return ruling
    return None


def _with_invalidations(scored, provisions, struck, elements, n_articles, invalidated_by) -> list[Finding]:
    """Findings of a version some of whose provisions the SCJN struck (see the module docstring)."""
    gone = [p for p in provisions if _is_struck(p.provision_id, struck)]
    standing = []
    for p in provisions:
        if p in gone:
            continue
        text = p.text  # an article's text holds its fracciones: the struck ones are cut out of it
        for child in gone:
            if child.provision_id.startswith(p.provision_id + ".") and child.text.strip():
                text = text.replace(child.text, " ")
        standing.append(dataclasses.replace(p, text=text))
    again = {f.element: f for f in score_provisions(scored[0].version_id, standing, elements, n_articles=n_articles)}
    out = []
    for f in scored:
        if f.finding in ("present", "partial") and again[f.element].finding not in ("present", "partial"):
            rulings = sorted({r for pid in f.provision_ids if (r := _is_struck(pid, struck))})
            invalidated_by[(f.version_id, f.element)] = "|".join(rulings)
            out.append(dataclasses.replace(f, finding="invalidated", needs_review=False,
                                           reasons=("every provision carrying it was invalidated by the SCJN",)))
        else:
            out.append(again[f.element] if f.finding in ("present", "partial") else f)
    return out


def _apply(findings: list[Finding], decisions: dict[str, ReviewDecision]) -> tuple[list[dict], list, list]:
    """Rows of element_findings (decisions applied), of element_reviews and of the review queue."""
    rows, reviews, queue = [], [], []
    for f in findings:
        subject = element_subject(f.version_id, f.element)
        rid = review_id(KIND, subject)
        decision = decisions.get(rid)
        reason = "; ".join(f.reasons) or "low confidence"
        row = dict(f.to_row(), review_id=None, reviewed_by=None, reviewed_at=None, review_note=None)
        if decision is not None:
            decided = dataclasses.replace(f, finding=decision.label, needs_review=False)
            if decided.finding in ("absent", "not_assessed"):
                # a person said the element is not shown: the rules' provisions no longer carry it
                decided = dataclasses.replace(decided, provision_ids=(), excerpt=None)
            row = dict(decided.to_row(), review_id=rid, reviewed_by=decision.by, reviewed_at=decision.decided_at,
                       review_note=decision.note)  # fmt: skip
            reviews.append((f.version_id, f.element, f.finding, f.confidence, reason, decision.decision, rid))
        elif f.needs_review:
            reviews.append((f.version_id, f.element, f.finding, f.confidence, reason, "pending", rid))
            queue.append((rid, KIND, subject, f.finding, f.rules_version, f.confidence,
                          f.excerpt or reason))  # fmt: skip
        rows.append(row)
    return rows, reviews, queue


def _report_applied(con, decisions: dict[str, ReviewDecision], applied: set[str]) -> None:
    """``reviews.applied_to`` for element decisions; a decision that matched no finding is a stale_review problem."""
    for rid, decision in sorted(decisions.items()):
        con.execute("UPDATE reviews SET applied_to = ? WHERE review_id = ?", [int(rid in applied), rid])
        if rid not in applied:
            version_id, _, element = decision.subject.rpartition("|")
            problems.record("reviews", rid, "stale_review", "StaleReview",
                            f"decision on {element} of {version_id} (by {decision.by}): that version is not in "
                            "this build; the decision applies to nothing")  # fmt: skip
