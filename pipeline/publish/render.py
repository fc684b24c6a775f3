"""Render the status table as text, Markdown, CSV and JSON (the HTML is in publish/html.py).

Renderers take plain rows (dicts from ``status_table(d)``) and never compute status themselves.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from pipeline.core.vocab import LABELS
from pipeline.publish.bills import ended_label
from pipeline.publish.dates import reform_label, span_label, start_label, start_short

STATUS_COLUMNS = (
    "state", "name", "summary", "law_status", "law_title", "law_published", "law_published_text",
    "law_start_earliest", "law_start_latest", "law_start_basis", "law_since", "law_evidence", "last_reform",
    "last_reform_text", "laws_in_force", "laws_possibly_in_force", "pending_bills", "ended_bills", "bills_tracked",
    "bills_tracked_since", "last_checked",
)  # fmt: skip

#: status.csv's columns (each described in pipeline/core/descriptions.py STATUS_COLUMNS).
CSV_COLUMNS = (*STATUS_COLUMNS, "pending_bill_ids", "ended_bill_ids", "evidence_urls")

def iso(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def jsonable(value):
    """Dates → ISO strings, recursively; everything else unchanged."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def public_evidence(ev: dict) -> dict:
    """The evidence fields promised to users: url, kind, gazette, issue, date, sha256 (+ source, checked)."""
    return {
        "url": ev.get("url"),
        "kind": ev.get("kind"),
        "source": ev.get("source"),
        "gazette": ev.get("gazette"),
        "issue": ev.get("issue"),
        "date": iso(ev.get("date")) or None,
        "sha256": ev.get("sha256"),
        "confidence": ev.get("confidence"),
        "source_kind": ev.get("source_kind"),
        "supports": ev.get("supports"),
        "read_via": ev.get("read_via"),
        "checked_on": iso(ev.get("checked_on")) or None,
    }


def with_labels(row: dict) -> dict:
    """The row plus its human-readable start ("published in 2008, day unknown"), in English."""
    return {**row, "law_since": start_label(row, "en")}


def to_json_rows(rows: list[dict]) -> list[dict]:
    out = []
    for row in map(with_labels, rows):
        item = {k: jsonable(row.get(k)) for k in STATUS_COLUMNS}
        item["law_since_es"] = start_label(row, "es")
        item["pending_bill_list"] = jsonable(row.get("pending_bill_list") or [])
        item["ended_bill_list"] = [dict(jsonable(b), stage_label=ended_label(b, "en"), stage_label_es=ended_label(b, "es"))
                                   for b in row.get("ended_bill_list") or []]  # fmt: skip
        item["as_of"] = iso(row.get("as_of"))
        item["law_url"] = row.get("law_url")
        item["law_published_disputed"] = bool(row.get("law_published_disputed"))
        item["laws_in_force"] = row.get("laws_in_force")
        item["latest_bill_title"] = row.get("latest_bill_title")
        item["latest_bill_presented"] = iso(row.get("latest_bill_presented")) or None
        item["evidence"] = [public_evidence(e) for e in row.get("evidence") or []]
        out.append(item)
    return out


def render_json(rows: list[dict]) -> str:
    return json.dumps(to_json_rows(rows), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def label(value: str | None, lang: str) -> str:
    if value is None:
        return ""
    return LABELS[lang].get(value, value)


def safe_cell(value) -> str:
    """Neutralise spreadsheet formula injection: a text cell starting with = + - @ gets a leading '."""
    text = iso(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def flat_lists(row: dict) -> dict[str, str]:
    """A status row's lists as flat cells: pending_bill_ids, ended_bill_ids, evidence_urls (space-separated)."""
    return {
        "pending_bill_ids": " ".join(b.get("bill_id") or "" for b in row.get("pending_bill_list") or []),
        "ended_bill_ids": " ".join(b.get("bill_id") or "" for b in row.get("ended_bill_list") or []),
        "evidence_urls": " ".join(sorted({e.get("url") or "" for e in row.get("evidence") or []} - {""})),
    }


def span_last_day(until: dt.date | None) -> dt.date | None:
    """A span [from, until) read as people do: its last day is the day before ``until`` (None: it still holds)."""
    return until - dt.timedelta(days=1) if until else None


def _csv_values(row: dict) -> list:
    """One status row as the cells of CSV_COLUMNS."""
    row = {**with_labels(row), **flat_lists(row)}
    return [row.get(c) for c in CSV_COLUMNS]


def render_csv(rows: list[dict]) -> str:
    """A plain table (one header line, then one line per jurisdiction): the as-of date and the column
    descriptions live in datapackage.json, so pandas, R and spreadsheets read the file as it is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(v) for v in _csv_values(row)])
    return buffer.getvalue()


#: status_history.csv's columns: the span, then status.csv's columns (described in core/descriptions).
HISTORY_CSV_COLUMNS = ("valid_from", "valid_until", "changed", *CSV_COLUMNS)


def render_history_csv(rows: list[dict]) -> str:
    """Each jurisdiction's history (``status_periods``): one line per span [valid_from, valid_until) in which
    its answer did not change, with the cells status.csv would show on any day of it (empty: open-ended)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HISTORY_CSV_COLUMNS)
    for row in rows:
        span = [row["valid_from"], row["valid_until"], " ".join(row["changed"] or [])]
        writer.writerow([safe_cell(v) for v in [*span, *_csv_values(row)]])
    return buffer.getvalue()


def _citations(rows: list[dict]) -> tuple[dict, list[dict]]:
    """Number every distinct piece of evidence, in table order."""
    numbers: dict[tuple, int] = {}
    ordered: list[dict] = []
    for row in rows:
        for ev in row.get("evidence") or []:
            key = (ev.get("url"), ev.get("source_url"), ev.get("sha256"), iso(ev.get("date")), ev.get("issue"))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                ordered.append(ev)
    return numbers, ordered


def _row_refs(row: dict, numbers: dict) -> list[int]:
    """The citation numbers of one row, each once, in order."""
    return list(dict.fromkeys(numbers[_cite_key(e)] for e in row.get("evidence") or []))


def _published_cell(row: dict, lang: str) -> str:
    """How the law's start is known, with its precision, and a mark when it rests only on secondary sources."""
    text = start_label(row, lang)
    if text and row.get("law_evidence") == "secondary_only":
        text += " †"
    return text


def _bills_cell(row: dict, lang: str) -> str:
    """The number of pending bills, or "not tracked" where nobody looked (never a bare 0 then)."""
    if row.get("bills_tracked") == "none":
        return "sin seguimiento" if lang == "es" else "not tracked"
    return str(row.get("pending_bills") or 0)


def _pending_bills_section(rows: list[dict], lang: str) -> list[str]:
    """Every pending bill: state, identifier or title, presented date (or its basis), stage, link."""
    bills = [(row["name"], b) for row in rows for b in row.get("pending_bill_list") or []]
    if not bills:
        return []
    head = "## Iniciativas pendientes" if lang == "es" else "## Pending bills"
    out = ["", head, ""]
    for state, b in bills:
        name = (b.get("identifier") or b.get("title") or "").replace("|", "/")
        if b.get("presented"):
            when = span_label(b["presented"], lang)
        else:
            when = ("presentada antes de " if lang == "es" else "presented by ") + iso(b.get("presented_by"))
        stage = b.get("stage") or ""
        link = f" <{b['url']}>" if b.get("url") else ""
        out.append(f"- {state}: {name} — {when}; {stage}{link}")
    return out


def _ended_bills_section(rows: list[dict], lang: str) -> list[str]:
    """Bills of ended legislatures with no outcome on file: listed, never counted as pending."""
    bills = [(row["name"], b) for row in rows for b in row.get("ended_bill_list") or []]
    if not bills:
        return []
    head = "## Iniciativas de legislaturas concluidas" if lang == "es" else "## Bills of ended legislatures"
    out = ["", head, ""]
    for state, b in bills:
        name = md_escape(b.get("identifier") or b.get("title") or "")
        link = f" <{b['url']}>" if b.get("url") else ""
        out.append(f"- {state}: {name} — {ended_label(b, lang)}{link}")
    return out


def _cite_key(ev: dict) -> tuple:
    return (ev.get("url"), ev.get("source_url"), ev.get("sha256"), iso(ev.get("date")), ev.get("issue"))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str | None) -> str:
    """Text from the data as literal Markdown: a title never becomes a link, emphasis or a new cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _citation_text(ev: dict, escape=lambda text: text) -> str:
    supports = f"[{ev['supports']}]" if ev.get("supports") else ""  # ours, not data: never escaped
    data = [escape(p) for p in (ev.get("gazette"), ev.get("issue")) if p]
    parts = [p for p in (supports, *data, iso(ev.get("date"))) if p]
    where = ev.get("url") or ev.get("source_url") or ""
    if ev.get("sha256"):
        proof = f"sha256:{ev['sha256']}"
    else:
        kind = ev.get("source_kind") or ev.get("kind")
        proof = f"{kind}, {ev.get('confidence')}; source {ev.get('source_url')}, checked {iso(ev.get('checked_on'))}"
    return "; ".join([*parts, where, proof])


def render_markdown(rows: list[dict], *, as_of: dt.date, last_checked: dt.date | None, lang: str = "es") -> str:
    numbers, ordered = _citations(rows)
    head_es = ("Estado", "Situación", "Ley", "Publicada", "Última reforma", "Iniciativas", "Revisado", "Fuentes")
    head_en = ("State", "Summary", "Law", "Published", "Last reform", "Bills", "Checked", "Sources")
    head = head_es if lang == "es" else head_en
    lines = [
        "# Leyes estatales contra la trata de personas" if lang == "es" else "# State anti-trafficking laws",
        "",
        f"- {'Situación al' if lang == 'es' else 'As of'}: {iso(as_of)}",
        f"- {'Última revisión de fuentes' if lang == 'es' else 'Last checked'}: {iso(last_checked)}",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in rows:
        refs = "".join(f"[{n}]" for n in _row_refs(row, numbers))
        cells = [
            md_escape(row["name"]),
            label(row["summary"], lang),
            md_escape(row.get("law_title")),
            _published_cell(row, lang),
            reform_label(row, lang),
            _bills_cell(row, lang),
            iso(row.get("last_checked")),
            refs,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += _pending_bills_section(rows, lang)
    lines += _ended_bills_section(rows, lang)
    lines += ["", ("† Sólo fuentes secundarias (prensa, copias, catálogos de terceros): verificar en el periódico "
                   "oficial." if lang == "es" else "† Rests only on secondary sources (press, copies, third-party "
                   "catalogues): check the gazette."), ""]
    lines += ["## " + ("Fuentes" if lang == "es" else "Sources"), ""]
    lines += [f"{i}. {_citation_text(ev, md_escape)}" for i, ev in enumerate(ordered, start=1)]
    return "\n".join(lines) + "\n"


TEXT_HEADERS = {
    "en": ("State", "Summary", "Law (title, shortened)", "Since", "Last reform", "Bills", "Checked", "Ev."),
    "es": ("Estado", "Situación", "Ley (título abreviado)", "Desde", "Última reforma", "Inic.", "Revisado", "Fuen."),
}
#: The columns of the compact (80-column) layout: state, summary, since, bills.
COMPACT = (0, 1, 3, 5)


HISTORY_HEADERS = {
    "en": ("State", "From", "To", "Status", "Law", "Pending bills", "What changed"),
    "es": ("Estado", "Desde", "Hasta", "Situación", "Ley", "Iniciativas pendientes", "Qué cambió"),
}


#: ``proteja history`` names what changed by topic (the CSV and JSON keep the field names).
_CHANGE_TOPICS = (
    (("summary", "law_status"), "status", "situación"),
    (("law_", "laws_", "last_reform"), "law", "ley"),
    (("pending_", "ended_", "latest_bill"), "bills", "iniciativas"),
    (("bills_tracked",), "bill tracking", "seguimiento"),
    (("evidence", "last_checked", "research_notes"), "sources", "fuentes"),
)


def change_topics(changed: list[str] | None, lang: str = "en") -> str:
    """``changed``'s field names as the topics people read (status, law, bills, bill tracking, sources)."""
    found = set()
    for name in changed or []:  # each field counts under the first topic it belongs to
        found |= {next((i for i, (prefixes, _, _) in enumerate(_CHANGE_TOPICS) if name.startswith(prefixes)), None)}
    return ", ".join(_CHANGE_TOPICS[i][2 if lang == "es" else 1] for i in sorted(found - {None}))


def render_history_table(rows: list[dict], *, lang: str = "en"):
    """``proteja history``: one line per span; "To" is the span's last day (the day before the answer changed),
    or "still holds" on the day the history was asked for."""
    from rich.table import Table
    from rich.text import Text

    table = Table(pad_edge=False)
    for header in HISTORY_HEADERS[lang]:
        table.add_column(header, overflow="fold")
    for row in rows:
        until = row["valid_until"]
        last = iso(span_last_day(until)) or ("continúa" if lang == "es" else "still holds")
        title = row.get("law_title") or "—"
        table.add_row(row["state"].removeprefix("MX-") or row["state"], iso(row["valid_from"]) or "…", last,
                      label(row["summary"], lang), Text(title if len(title) <= 48 else title[:47] + "…"),
                      str(row.get("pending_bills") or 0), change_topics(row.get("changed"), lang))  # fmt: skip
    return table


def render_text_table(rows: list[dict], *, lang: str = "en", wide: bool = True):
    """A rich Table for the terminal; ``wide=False`` keeps state, summary, since and bills (fits 80 columns).

    The full titles are in --format md/json/html.
    """
    from rich.table import Table
    from rich.text import Text

    table = Table(title=None, show_lines=False, pad_edge=False)
    keep = range(8) if wide else COMPACT
    headers = TEXT_HEADERS[lang]
    for i in keep:
        # the summary is never cut: its column is as wide as the longest label; "since" wraps instead
        width = max(len(v) for v in LABELS[lang].values()) if i == 1 else len(headers[i])
        table.add_column(headers[i], no_wrap=i != 3, overflow="ellipsis" if i == 2 else "fold", min_width=width)
    for row in rows:
        title = row.get("law_title") or ""
        cells = (
            Text(f"{row['state'].removeprefix('MX-')} {row['name']}"),  # Text: data is never rich markup
            label(row["summary"], lang),
            Text(title if len(title) <= 48 else title[:47] + "…"),
            start_short(row),
            reform_label(row, lang),
            _bills_cell(row, lang) if wide or row.get("bills_tracked") != "none" else "—",
            iso(row.get("last_checked")),
            str(len(row.get("evidence") or [])),
        )
        table.add_row(*(cells[i] for i in keep))
    if not wide and any(r.get("bills_tracked") == "none" for r in rows):
        table.caption = "— iniciativas sin seguimiento" if lang == "es" else "— bills not tracked"
    return table
