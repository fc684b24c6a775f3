"""Dates as people read them, with their precision: "2008", "jul. 2010", "antes de / before 2014-08-01".

The text forms are the EDTF subset of :mod:`pipeline.core.dates`; nothing here computes a date.
"""

from __future__ import annotations

import datetime as dt

from pipeline.core.dates import DateSpan, DateSpanError

MONTHS = {
    "es": ("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "oct.", "nov.", "dic."),
    "en": ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."),
}
WORDS = {
    "es": {"before": "antes de", "after": "después de", "between": "entre", "and": "y", "unknown": "desconocida"},
    "en": {"before": "before", "after": "after", "between": "between", "and": "and", "unknown": "unknown"},
}


def _part(text: str, lang: str) -> str:
    """One end of a span as printed: a day stays ISO, a month is "jul. 2010", a year stays "2008"."""
    pieces = text.split("-")
    if len(pieces) == 2:
        return f"{MONTHS[lang][int(pieces[1]) - 1]} {pieces[0]}"
    return text


def span_label(text: str | None, lang: str = "en") -> str:
    """``2010-07`` → "jul. 2010"; ``../2014-08-01`` → "antes de 2014-08-01"; ``lang="both"``: "es / en"."""
    if not text:
        return ""
    if lang == "both":
        es, en = span_label(text, "es"), span_label(text, "en")
        return es if es == en else f"{es} / {en}"
    try:
        DateSpan.parse(text)
    except DateSpanError:
        return text
    words = WORDS[lang]
    if "/" not in text:
        return _part(text, lang)
    start, end = text.split("/")
    if start == "..":
        return f"{words['before']} {_part(end, lang)}"
    if end == "..":
        return f"{words['after']} {_part(start, lang)}"
    return f"{words['between']} {_part(start, lang)} {words['and']} {_part(end, lang)}"


_BASIS = {
    "es": {
        "published": "publicada {day}",
        "published_partial": "publicada {span}",
        "observed": "vigente al {latest}, desde fecha desconocida",
        "event": "vigente al {latest} (reforma u otro acto), desde fecha desconocida",
        "checked": "vigente al {latest} (fecha de consulta), desde fecha desconocida",
    },
    "en": {
        "published": "published {day}",
        "published_partial": "published {span}",
        "observed": "in force by {latest}, since unknown",
        "event": "in force by {latest} (a reform or other act), since unknown",
        "checked": "in force by {latest} (day a source was consulted), since unknown",
    },
}


def _iso(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value else "")


def start_label(row: dict, lang: str = "en") -> str:
    """How the shown law's start is known: "published 2012-07-15", "published in 2008 …", "in force by …"."""
    if lang == "both":
        es, en = start_label(row, "es"), start_label(row, "en")
        return f"{es} / {en}" if es else ""
    basis = row.get("law_start_basis")
    if not row.get("law_title") or basis not in _BASIS[lang]:
        return ""
    span = row.get("law_published_text")
    text = _BASIS[lang][basis].format(day=_iso(row.get("law_published")), span=span_label(span, lang),
                                      latest=_iso(row.get("law_start_latest")))  # fmt: skip
    if basis == "published_partial" and span and "/" not in span:
        text += ", día desconocido" if lang == "es" else ", day unknown"
    elif basis not in ("published", "published_partial") and span:
        text += f"; {'publicada' if lang == 'es' else 'published'} {span_label(span, lang)}"
    return text


def reform_label(row: dict, lang: str = "en") -> str:
    if row.get("last_reform"):
        return _iso(row["last_reform"])
    return span_label(row.get("last_reform_text"), lang)


def start_short(row: dict) -> str:
    """The start in a few characters, for terminals: "2012-07-15", "2008", "by 2014-08-01"."""
    basis = row.get("law_start_basis")
    if not row.get("law_title") or basis is None:
        return ""
    if basis == "published":
        return _iso(row.get("law_published"))
    if basis == "published_partial":
        return span_label(row.get("law_published_text"), "en")
    return f"by {_iso(row.get('law_start_latest'))}"
