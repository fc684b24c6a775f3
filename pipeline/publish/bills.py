"""How a bill of an ended legislature reads: "presented in LXIV, ended 2024-09-14, no outcome found".

Rows come from ``status_table(d).ended_bill_list`` (pipeline/sql/derive/020_status.sql); nothing here decides
whether a bill ended — only how that is said, in English and Spanish.
"""

from __future__ import annotations

from pipeline.publish.dates import span_label

_WORDS = {
    "en": {"presented": "presented in {leg}", "ended": "ended {end}", "by": "by {day}",
           "ended_no_outcome": "no outcome found", "expired": "expired (precluida) under {rule}"},
    "es": {"presented": "presentada en la {leg} Legislatura", "ended": "concluida {end}", "by": "a más tardar el {day}",
           "ended_no_outcome": "sin resultado encontrado", "expired": "precluida conforme a {rule}"},
}  # fmt: skip


def _end(text: str | None, lang: str) -> str:
    if text and text.startswith("../") and "/" not in text[3:]:
        return _WORDS[lang]["by"].format(day=span_label(text[3:], lang))  # "../X": on or before X
    return span_label(text, lang)


def ended_label(bill: dict, lang: str = "en") -> str:
    """The stage of a bill whose legislature ended with no outcome on file, or that lapsed under a cited rule."""
    words = _WORDS[lang]
    outcome = bill.get("outcome") or "ended_no_outcome"
    parts = [words["presented"].format(leg=bill.get("legislature") or "?"),
             words["ended"].format(end=_end(bill.get("legislature_end"), lang))]  # fmt: skip
    parts.append(words["expired"].format(rule=bill.get("rule") or "?") if outcome == "expired" else words[outcome])
    return ", ".join(parts)


def bill_lines(row: dict, lang: str = "en") -> list[str]:
    """One jurisdiction's bills as lines (``proteja status --state X``): pending ones, then ended ones."""
    es = lang == "es"
    out = []
    for b in row.get("pending_bill_list") or []:
        when = span_label(b.get("presented"), lang) if b.get("presented") else (
            ("presentada antes de " if es else "presented by ") + str(b.get("presented_by") or "?"))
        out.append(f"{'Pendiente' if es else 'Pending'}: {b.get('identifier') or b.get('title')} — {when}; "
                   f"{b.get('stage') or ''}")  # fmt: skip
    for b in row.get("ended_bill_list") or []:
        out.append(f"{'Sin resultado' if es else 'Not pending'}: {b.get('identifier') or b.get('title')} — "
                   f"{ended_label(b, lang)}")  # fmt: skip
    return out
