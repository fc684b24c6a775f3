"""The scorecard publications: ``scorecard.csv``, ``scorecard.md`` and an HTML fragment for status.html.

Rows come from the ``scorecard(d)`` macro (``pipeline/sql/derive/040_scorecard.sql``). A state whose law
text we have not parsed says "text not yet fetched" in every cell: nothing is guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

from pipeline.publish.render import safe_cell

COLUMNS = ("jurisdiction", "jurisdiction_name", "instrument_id", "version_id", "element", "label_es", "label_en",
           "expectation", "finding", "confidence", "provision_ids", "excerpt", "rules_fired", "rules_version",
           "needs_review", "reviewed_by", "reviewed_at", "review_note", "invalidated_by")  # fmt: skip
SYMBOL = {"present": "✔", "partial": "◐", "absent": "✘", "not_assessed": "?", "invalidated": "⊘"}


def scorecard_rows(con, as_of: dt.date, state: str | None = None) -> list[dict]:
    cursor = con.execute("SELECT * FROM scorecard(CAST(? AS DATE))" + (" WHERE jurisdiction = ?" if state else ""),
                         [as_of, state] if state else [as_of])  # fmt: skip
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def render_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    return safe_cell(str(value))


def _by_jurisdiction(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["jurisdiction"], []).append(row)
    return grouped


def _articles(row: dict) -> str:
    ids = (row.get("provision_ids") or "").split("|")
    return ", ".join(i.split("~", 1)[-1] for i in ids if i)


def reviewed(row: dict) -> str:
    """"reviewed by NAME, YYYY-MM-DD" when a person decided the finding, else ""."""
    if not row.get("reviewed_by"):
        return ""
    at = row.get("reviewed_at")
    day = at.date().isoformat() if isinstance(at, dt.datetime) else str(at or "")[:10]
    who = str(row["reviewed_by"]).replace("|", "/")
    return f"reviewed by {who}, {day}" if day else f"reviewed by {who}"


def render_markdown(rows: list[dict], as_of: dt.date) -> str:
    lines = [f"# Scorecard de armonización / Harmonisation scorecard — {as_of.isoformat()}", "",
             "Each state's trafficking law in force at this date against the element catalogue "
             "(`data/reference/elements/elements.csv`). ✔ present, ◐ partial (to review), ✘ absent, "
             "⊘ invalidated (only provisions the SCJN struck carried it), "
             "with the provisions that carry each element; *reviewed by* names the person who decided a finding "
             "the rules were unsure of. A state whose text we have not parsed says "
             "*text not yet fetched*; run `make refresh` (live fetch, then build) for a full scorecard.", ""]  # fmt: skip
    for code, group in _by_jurisdiction(rows).items():
        head = group[0]
        lines.append(f"## {head['jurisdiction_name']} ({code})")
        lines.append("")
        if head["finding"] in ("text not yet fetched", "no law in force"):
            law = f" — {head['law_title']}" if head.get("law_title") else ""
            lines += [f"*{head['finding']}*{law}", ""]
            continue
        lines += [f"Law: {head['law_title']} — version `{head['version_id']}`", "",
                  "| element | expectation | finding | provisions |", "|---|---|---|---|"]  # fmt: skip
        for row in group:
            mark = SYMBOL.get(row["finding"], "")
            who = f" (*{reviewed(row)}*)" if row.get("reviewed_by") else ""
            if row.get("invalidated_by"):
                who += f" (*SCJN: {row['invalidated_by'].replace('|', ', ')}*)"
            lines.append(f"| {row['label_en']} (`{row['element']}`) | {row['expectation']} | {mark} {row['finding']}"
                         f"{who} | {_articles(row)} |")  # fmt: skip
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html_fragment(rows: list[dict]) -> str:
    """A ``<section>`` for status.html (not wired yet: status.html is being rebuilt elsewhere)."""
    out = ['<section id="scorecard"><h2>Scorecard</h2>']
    for code, group in _by_jurisdiction(rows).items():
        head = group[0]
        out.append(f"<h3>{html.escape(head['jurisdiction_name'])} ({html.escape(code)})</h3>")
        if head["finding"] in ("text not yet fetched", "no law in force"):
            out.append(f"<p><em>{html.escape(head['finding'])}</em></p>")
            continue
        out.append("<table><tr><th>element</th><th>finding</th><th>provisions</th><th>excerpt</th></tr>")
        for row in group:
            out.append(f"<tr><td>{html.escape(row['label_en'])}</td><td>{html.escape(row['finding'])}</td>"
                       f"<td>{html.escape(_articles(row))}</td><td>{html.escape(row.get('excerpt') or '')}</td></tr>")
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out) + "\n"
