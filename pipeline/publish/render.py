"""Render the status table as text, Markdown, CSV, JSON and a self-contained bilingual HTML page.

Renderers take plain rows (dicts from ``status_table(d)``) and never compute status themselves.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re

from pipeline.core.vocab import LABELS
from pipeline.publish.dates import reform_label, span_label, start_label, start_short

STATUS_COLUMNS = (
    "state", "name", "summary", "law_status", "law_title", "law_published", "law_published_text",
    "law_start_earliest", "law_start_latest", "law_start_basis", "law_since", "law_evidence", "last_reform",
    "last_reform_text", "laws_in_force", "laws_possibly_in_force", "pending_bills", "bills_tracked",
    "bills_tracked_since", "last_checked",
)  # fmt: skip

COLOURS = {
    "enacted": "#1b7837",
    "enacted_reform_pending": "#5aae61",
    "possibly_enacted": "#80cdc1",
    "considering": "#f1a340",
    "none": "#d73027",
    "unknown": "#bdbdbd",
}

# A labelled tile-grid map of the 32 states (column, row): not to scale, no network needed.
TILE_GRID = {
    "MX-BCN": (0, 0), "MX-SON": (1, 0), "MX-CHH": (2, 0), "MX-COA": (3, 0), "MX-NLE": (4, 0),
    "MX-BCS": (0, 1), "MX-SIN": (1, 1), "MX-DUR": (2, 1), "MX-ZAC": (3, 1), "MX-SLP": (4, 1), "MX-TAM": (5, 1),
    "MX-NAY": (1, 2), "MX-AGU": (2, 2), "MX-GUA": (3, 2), "MX-QUE": (4, 2), "MX-HID": (5, 2), "MX-VER": (6, 2),
    "MX-JAL": (1, 3), "MX-MIC": (2, 3), "MX-MEX": (3, 3), "MX-CMX": (4, 3), "MX-TLA": (5, 3), "MX-PUE": (6, 3),
    "MX-YUC": (8, 3),
    "MX-COL": (1, 4), "MX-GRO": (3, 4), "MX-MOR": (4, 4), "MX-OAX": (5, 4), "MX-TAB": (6, 4), "MX-CAM": (7, 4),
    "MX-ROO": (8, 4), "MX-CHP": (6, 5),
}  # fmt: skip


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
        item["as_of"] = iso(row.get("as_of"))
        item["law_url"] = row.get("law_url")
        item["law_published_disputed"] = bool(row.get("law_published_disputed"))
        item["laws_in_force"] = row.get("laws_in_force")
        item["latest_bill_title"] = row.get("latest_bill_title")
        item["latest_bill_presented"] = iso(row.get("latest_bill_presented")) or None
        item["research_notes"] = row.get("research_notes")
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


def render_csv(rows: list[dict], *, as_of: dt.date, last_checked: dt.date | None) -> str:
    buffer = io.StringIO()
    buffer.write(f"# as_of: {iso(as_of)}\n# last_checked: {iso(last_checked)}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*STATUS_COLUMNS, "evidence_urls"])
    for row in map(with_labels, rows):
        urls = " ".join(sorted({e.get("url") or "" for e in row.get("evidence") or []} - {""}))
        writer.writerow([safe_cell(row.get(c)) for c in STATUS_COLUMNS] + [safe_cell(urls)])
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
    lines += ["", ("† Sólo fuentes secundarias (prensa, copias, catálogos de terceros): verificar en el periódico "
                   "oficial." if lang == "es" else "† Rests only on secondary sources (press, copies, third-party "
                   "catalogues): check the gazette."), ""]
    lines += ["## " + ("Fuentes" if lang == "es" else "Sources"), ""]
    lines += [f"{i}. {_citation_text(ev, md_escape)}" for i, ev in enumerate(ordered, start=1)]
    return "\n".join(lines) + "\n"


def render_text_table(rows: list[dict], *, lang: str = "en"):
    """A compact rich Table for the terminal (the full titles are in --format md/json/html)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=None, show_lines=False, pad_edge=False)
    for column in ("State", "Summary", "Law (title, shortened)", "Published", "Last reform", "Bills", "Checked", "Ev."):
        table.add_column(column, no_wrap=True, overflow="ellipsis", min_width=len(column))
    for row in rows:
        title = row.get("law_title") or ""
        published = start_short(row)
        table.add_row(
            Text(f"{row['state'].removeprefix('MX-')} {row['name']}"),  # Text: data is never rich markup
            label(row["summary"], lang),
            Text(title if len(title) <= 48 else title[:47] + "…"),
            published,
            reform_label(row, "en"),
            str(row.get("pending_bills") or 0),
            iso(row.get("last_checked")),
            str(len(row.get("evidence") or [])),
        )
    return table


def render_html(rows: list[dict], *, as_of: dt.date, last_checked: dt.date | None) -> str:
    """One self-contained, printable page: tile-grid map, table and numbered citations, in es + en."""
    numbers, ordered = _citations(rows)
    esc = html.escape
    tiles = []
    size, gap = 64, 6
    for row in rows:
        col, line = TILE_GRID[row["state"]]
        x, y = col * (size + gap), line * (size + gap)
        colour = COLOURS[row["summary"]]
        code = row["state"].removeprefix("MX-")
        tiles.append(
            f'<g><title>{esc(row["name"])}: {esc(label(row["summary"], "es"))} / '
            f'{esc(label(row["summary"], "en"))}</title>'
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{colour}"/>'
            f'<text x="{x + size / 2}" y="{y + size / 2 + 5}" text-anchor="middle">{esc(code)}</text></g>'
        )
    width, height = 9 * (size + gap), 6 * (size + gap)
    legend = "".join(
        f'<li><span class="sw" style="background:{colour}"></span>{esc(LABELS["es"][key])} · '
        f"{esc(LABELS['en'][key])}</li>"
        for key, colour in COLOURS.items()
    )
    body_rows = []
    for row in rows:
        refs = " ".join(f'<a href="#c{n}">[{n}]</a>' for n in _row_refs(row, numbers))
        body_rows.append(
            "<tr>"
            f"<td>{esc(row['name'])}</td>"
            f'<td><span class="sw" style="background:{COLOURS[row["summary"]]}"></span>'
            f"{esc(label(row['summary'], 'es'))}<br><small>{esc(label(row['summary'], 'en'))}</small></td>"
            f"<td>{esc(row.get('law_title') or '')}</td>"
            f"<td>{esc(_published_cell(row, 'both'))}</td>"
            f"<td>{esc(reform_label(row, 'en'))}</td>"
            f"<td>{row.get('pending_bills') or 0}</td>"
            f"<td>{esc(iso(row.get('last_checked')))}</td>"
            f"<td>{refs}</td>"
            "</tr>"
        )
    citations = "".join(f'<li id="c{i}">{esc(_citation_text(ev))}</li>' for i, ev in enumerate(ordered, start=1))
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>proteja — Leyes estatales contra la trata de personas / State anti-trafficking laws</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }}
th {{ background: #f2f2f2; }}
svg text {{ font-size: 14px; fill: #fff; font-weight: bold; }}
.sw {{ display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.4rem; vertical-align: middle; }}
ul.legend {{ list-style: none; padding: 0; }}
ol.cites {{ font-size: 0.8rem; word-break: break-all; }}
@media print {{ a {{ color: inherit; text-decoration: none; }} }}
</style>
</head>
<body>
<h1>Leyes estatales contra la trata de personas<br><small>State laws against trafficking in persons</small></h1>
<p>Situación al / As of: <strong>{esc(iso(as_of))}</strong> ·
Última revisión de fuentes / Last checked: <strong>{esc(iso(last_checked))}</strong></p>
<p>Mapa en cuadrícula (no a escala) / Tile-grid map (not to scale).</p>
<svg role="img" aria-label="Mapa de los 32 estados / Map of the 32 states" width="{width}" height="{height}"
 viewBox="0 0 {width} {height}">{"".join(tiles)}</svg>
<h2>Leyenda / Legend</h2>
<ul class="legend">{legend}</ul>
<h2>Tabla / Table</h2>
<table>
<thead><tr><th>Estado<br><small>State</small></th><th>Situación<br><small>Summary</small></th>
<th>Ley vigente<br><small>Law in force</small></th><th>Publicada<br><small>Published</small></th>
<th>Última reforma<br><small>Last reform</small></th><th>Iniciativas pendientes<br><small>Pending bills</small></th>
<th>Revisado<br><small>Checked</small></th><th>Fuentes<br><small>Sources</small></th></tr></thead>
<tbody>
{"".join(body_rows)}
</tbody>
</table>
<p><small>† Sólo fuentes secundarias: verificar en el periódico oficial. /
Rests only on secondary sources: check the gazette.</small></p>
<h2>Fuentes / Sources</h2>
<ol class="cites">{citations}</ol>
<p><small>proteja — datos abiertos / open data. Cada celda se deriva de evidencia almacenada;
ver datapackage.json. Every cell is derived from stored evidence; see datapackage.json.</small></p>
</body>
</html>
"""
