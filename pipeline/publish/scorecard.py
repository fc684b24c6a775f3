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


FINDING_LABELS = {
    "present": ("presente", "present"), "partial": ("parcial (por revisar)", "partial (to review)"),
    "absent": ("ausente", "absent"), "not_assessed": ("no evaluado", "not assessed"),
    "invalidated": ("invalidado por la SCJN", "invalidated by the SCJN"),
}  # fmt: skip
EXPECTATION_LABELS = {"expected": ("esperado", "expected"), "optional": ("opcional", "optional"),
                      "competence_conflict": ("conflicto de competencia", "competence conflict")}  # fmt: skip
NOT_FETCHED = ("text not yet fetched", "no law in force")


def render_html_fragment(rows: list[dict]) -> str:
    """A ``<section id="scorecard">`` per jurisdiction page (es/en): the law in force × elements, or "not fetched"."""
    from pipeline.publish.html import t

    out = [f'<section id="scorecard"><h2>{t("Armonización con la Ley General", "Harmonisation with the Ley General")}</h2>']
    grouped = _by_jurisdiction(rows)
    for group in grouped.values():
        head = group[0]
        if len(grouped) > 1:
            out.append(f"<h3>{html.escape(head['jurisdiction_name'])}</h3>")
        if head["finding"] in NOT_FETCHED:
            law = f" ({html.escape(head['law_title'])})" if head.get("law_title") else ""
            missing = t("Texto aún no descargado: sin el texto de la ley no se evalúa nada.",
                        "Text not yet fetched: without the law's text nothing is assessed.")
            how = t("La tabla completa se obtiene con", "A full scorecard comes from")
            out.append(f'<p class="note">{missing}{law} {how} <code>make refresh</code>.</p>')
            continue
        day = head.get("version_date")
        out.append(f"<p>{t('Texto evaluado', 'Text assessed')}: <code>{html.escape(head['version_id'])}</code>"
                   + (f" ({html.escape(str(day))})" if day else "") + "</p>")  # fmt: skip
        out.append(f'<div class="wrap"><table><thead><tr><th>{t("Elemento", "Element")}</th>'
                   f'<th>{t("Se espera", "Expectation")}</th><th>{t("Hallazgo", "Finding")}</th>'
                   f'<th>{t("Disposiciones", "Provisions")}</th><th>{t("Extracto", "Excerpt")}</th></tr></thead><tbody>')  # fmt: skip
        for row in group:
            finding = row["finding"] or "not_assessed"
            es, en = FINDING_LABELS.get(finding, (finding, finding))
            extra = ""
            if row.get("reviewed_by"):
                who = reviewed(row).removeprefix("reviewed by ")
                extra += f'<br><span class="note">{t("revisado por " + who, "reviewed by " + who)}</span>'
            if row.get("invalidated_by"):
                extra += f'<br><span class="note">SCJN: {html.escape(row["invalidated_by"].replace("|", ", "))}</span>'
            exp = EXPECTATION_LABELS.get(row.get("expectation") or "", (row.get("expectation") or "",) * 2)
            out.append(f"<tr><td>{t(row['label_es'], row['label_en'])}</td><td>{t(*exp)}</td>"
                       f"<td>{SYMBOL.get(finding, '')} {t(es, en)}{extra}</td><td>{html.escape(_articles(row))}</td>"
                       f"<td>{html.escape(row.get('excerpt') or '')}</td></tr>")  # fmt: skip
        out.append("</tbody></table></div>")
    out.append("</section>")
    return "\n".join(out) + "\n"
