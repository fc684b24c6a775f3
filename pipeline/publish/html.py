"""The HTML publications: ``status.html`` (map, charts, table, citations) and one page per jurisdiction.

Self-contained files (inline CSS, SVG and a few lines of script for the es/en switch; no external
request). Every text exists in both languages, each marked with its ``lang``; the switch shows one.
Renderers take rows from derive/publish and never compute status themselves.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable

from pipeline.core.vocab import LABELS
from pipeline.publish import charts
from pipeline.publish.bills import ended_label
from pipeline.publish.dates import reform_label, span_label
from pipeline.publish.map import STYLE, render_map, render_map_index, swatch
from pipeline.publish.render import (
    _bills_cell,
    _citation_text,
    _citations,
    _published_cell,
    _row_refs,
    iso,
    span_last_day,
)

esc = html.escape


def t(es: str, en: str) -> str:
    """Both languages of one text, escaped; CSS shows the one chosen."""
    return f'<span lang="es">{esc(es)}</span><span lang="en">{esc(en)}</span>'


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def td(es: str, en: str) -> str:
    """Like :func:`t` for date cells: an ISO day is never broken across lines."""
    return _ISO_DAY.sub(lambda m: f'<span class="nw">{m.group(0)}</span>', t(es, en))


def both(value: str | None) -> str:
    return t(LABELS["es"].get(value or "", value or ""), LABELS["en"].get(value or "", value or ""))


def link(url: str | None, text: str | None = None) -> str:
    if not url:
        return esc(text or "")
    return f'<a href="{esc(url)}">{esc(text or url)}</a>'


CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 1rem;
       max-width: 72rem; color: #1a1a1a; line-height: 1.45; }
html[lang="es"] [lang="en"]:not(html), html[lang="en"] [lang="es"]:not(html) { display: none; }
a { color: #0a4f8a; }
h1 { font-size: 1.5rem; margin: .2rem 0; } h2 { font-size: 1.2rem; margin-top: 1.6rem; }
.switch { float: right; font: inherit; padding: .3rem .7rem; border: 1px solid #555; background: #fff; color: #1a1a1a;
          border-radius: 4px; cursor: pointer; }
svg.map, svg.chart { width: 100%; height: auto; max-width: 60rem; display: block; }
svg.map text { font-size: 13px; font-weight: 700; fill: #000; stroke: #fff; stroke-width: 3px;
               paint-order: stroke; text-anchor: middle; dominant-baseline: middle; pointer-events: none; }
svg.map a:focus path, svg.map a:hover path { stroke: #000; stroke-width: 2.5; }
svg.chart text { font-size: 12px; fill: #1a1a1a; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
svg.key { vertical-align: middle; margin-right: .35rem; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td.date, .nw { white-space: nowrap; }
ol.cites { font-size: .82rem; overflow-wrap: anywhere; }
.note { font-size: .85rem; color: #333; }
figure { margin: 1rem 0; } figcaption { font-size: .85rem; color: #333; }
ul.map-index { display: none; list-style: none; padding: 0; margin: .4rem 0;
               grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .15rem .6rem; font-size: .85rem; }
ul.map-index a { display: block; padding: .2rem 0; } ul.map-index .code { font-weight: 700; margin-right: .2rem; }
@media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .8rem; }
  svg.map .labels { display: none; } ul.map-index { display: grid; } }
@page { size: A4; margin: 14mm 12mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; }
        @bottom-left { content: "proteja · AS_OF"; font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; } .wrap { overflow: visible; }
  table { font-size: 7.5pt; } th, td { padding: .15rem .25rem; }
  th:nth-child(3), td:nth-child(3) { width: 34%; }
  svg.map { max-width: 15cm; } svg.chart { max-width: 13cm; } ol.cites { font-size: 7pt; }
  .switch, ul.map-index { display: none; } a { color: inherit; text-decoration: none; }
  tr, li, figure { break-inside: avoid; } thead { display: table-header-group; }
  td.date { white-space: nowrap; }
}
"""

SCRIPT = """
<script>
(function () {
  var root = document.documentElement, button = document.getElementById('lang-switch');
  function set(lang) { root.lang = lang; try { localStorage.setItem('proteja-lang', lang); } catch (e) {} }
  try { var saved = localStorage.getItem('proteja-lang'); if (saved === 'en' || saved === 'es') set(saved); } catch (e) {}
  button.addEventListener('click', function () { set(root.lang === 'es' ? 'en' : 'es'); });
})();
</script>
"""


def page(title: str, body: str, *, as_of) -> str:
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>{CSS.replace("AS_OF", "situación al / as of " + iso(as_of))}</style>
</head>
<body>
<button id="lang-switch" class="switch" type="button"><span lang="es">English</span><span lang="en">Español</span></button>
{body}
{SCRIPT}
</body>
</html>
"""


def legend() -> str:
    return '<ul class="legend">' + "".join(f"<li>{swatch(key)}{both(key)}</li>" for key in STYLE) + "</ul>"


def citation_list(ordered: Iterable[dict], prefix: str = "c") -> str:
    items = []
    for i, ev in enumerate(ordered, start=1):
        supports = ev.get("supports")
        what = f'<strong>{t("Respalda", "Supports")}: {esc(supports)}</strong> · ' if supports else ""
        url = ev.get("url") or ev.get("source_url")
        items.append(f'<li id="{prefix}{i}">{what}{link(url)} — {esc(_citation_text(ev))}</li>')
    return f'<ol class="cites">{"".join(items)}</ol>'


def status_page(rows: list[dict], *, as_of, last_checked, adoption: list[dict] | None = None,
                reforms: list[dict] | None = None, reforms_undated: int = 0, page_href=None) -> str:  # fmt: skip
    """status.html: map of the states, charts, the table (federation first), numbered citations."""
    href = page_href or (lambda code: f"pages/{code}.html")
    numbers, ordered = _citations(rows)
    states = [r for r in rows if r["state"] != "MX"]
    body_rows = []
    for row in rows:
        refs = " ".join(f'<a href="#c{n}">[{n}]</a>' for n in _row_refs(row, numbers))
        body_rows.append(
            "<tr>"
            f'<td><a href="{esc(href(row["state"]))}">{esc(row["name"])}</a></td>'
            f"<td>{swatch(row['summary'])}{both(row['summary'])}</td>"
            f"<td>{esc(row.get('law_title') or '')}</td>"
            f'<td>{td(_published_cell(row, "es"), _published_cell(row, "en"))}</td>'
            f'<td>{td(reform_label(row, "es"), reform_label(row, "en"))}</td>'
            f"<td>{t(_bills_cell(row, 'es'), _bills_cell(row, 'en'))}</td>"
            f'<td class="date">{esc(iso(row.get("last_checked")))}</td>'
            f"<td>{refs}</td>"
            "</tr>"
        )
    figures = ""
    if adoption:
        figures += (
            f"<figure>{charts.adoption_chart(adoption, lang='es')}<figcaption>"
            + t("Línea: estados con ley específica con certeza, al cierre de cada año. Banda: estados cuya ley "
                "posiblemente estaba vigente (la fecha cae dentro del intervalo de inicio). Los años sin dato "
                "no cuentan como 'sin ley'. El salto del último año: leyes vistas vigentes al consultar las "
                "fuentes, cuyo inicio se desconoce, son ciertas sólo desde esa consulta (antes están en la banda).",
                "Line: states certainly with a specific law at each year end. Band: states whose law was possibly "
                "in force (the date falls inside its start interval). Years without data do not count as 'no law'. "
                "The jump in the last year: laws seen in force when the sources were consulted, with an unknown "
                "start, are certain only from that consultation (before it they are in the band).")
            + "</figcaption></figure>"
        )  # fmt: skip
    if reforms:
        figures += (
            f"<figure>{charts.reforms_chart(reforms, lang='es')}<figcaption>"
            + t(f"Reformas a las leyes específicas por año de publicación. Un año sin barra: ninguna reforma "
                f"registrada. {reforms_undated} reformas sin año conocido no aparecen.",
                f"Reforms of the specific laws by year of publication. A year without a bar: no reform recorded. "
                f"{reforms_undated} reforms with no known year are not shown.")
            + "</figcaption></figure>"
        )  # fmt: skip
    body = f"""
<h1>{t("Leyes contra la trata de personas en México", "Laws against trafficking in persons in Mexico")}</h1>
<p>{t("Situación al", "As of")}: <strong>{esc(iso(as_of))}</strong> ·
{t("Última revisión de fuentes", "Last checked")}: <strong>{esc(iso(last_checked))}</strong></p>
<h2>{t("Mapa", "Map")}</h2>
{render_map(states, lang="es", href=href)}
{render_map_index(states, href=href)}
<p class="note">{t("Geometría: INEGI, Marco Geoestadístico (simplificada). Cada estado enlaza a su página.",
                   "Geometry: INEGI, Marco Geoestadístico (simplified). Each state links to its page.")}</p>
<h2>{t("Leyenda", "Legend")}</h2>
{legend()}
<h2>{t("Adopción y reformas", "Adoption and reforms")}</h2>
{figures}
<h2>{t("Tabla", "Table")}</h2>
<div class="wrap"><table>
<thead><tr><th>{t("Jurisdicción", "Jurisdiction")}</th><th>{t("Situación", "Summary")}</th>
<th>{t("Ley", "Law")}</th><th>{t("Desde", "Since")}</th><th>{t("Última reforma", "Last reform")}</th>
<th>{t("Iniciativas pendientes", "Pending bills")}</th><th>{t("Revisado", "Checked")}</th>
<th>{t("Fuentes", "Sources")}</th></tr></thead>
<tbody>
{"".join(body_rows)}
</tbody>
</table></div>
<p class="note">† {t("Sólo fuentes secundarias: verificar en el periódico oficial.",
                     "Rests only on secondary sources: check the gazette.")}</p>
<h2>{t("Fuentes", "Sources")}</h2>
{citation_list(ordered)}
<p class="note">{t("proteja — datos abiertos (CC-BY-4.0). Cada celda se deriva de evidencia citada; ver datapackage.json.",
                   "proteja — open data (CC-BY-4.0). Every cell is derived from cited evidence; see datapackage.json.")}</p>
"""
    return page("proteja — Leyes contra la trata de personas / Anti-trafficking laws", body, as_of=as_of)


def _event_date(e: dict) -> str:
    if e.get("event_date"):
        return iso(e["event_date"])
    return t(span_label(e.get("date_text"), "es"), span_label(e.get("date_text"), "en"))


def _last_day(until: dt.date | None) -> str:
    """A span [from, until) read as people do: its last day is the day before ``until`` (open: it still holds
    on the page's as-of date)."""
    return iso(span_last_day(until)) or t("continúa", "still holds")


def status_spans(spans: list[dict]) -> str:
    """The jurisdiction's status over time (``status_periods``): one line per span of an unchanged answer."""
    if not spans:
        return ""
    lines, previous = [], None
    for s in spans:  # the law's title only where it differs from the span before (the page names it above)
        if s.get("law_id") is None:
            law = "—"
        else:
            law = t("la misma", "same") if s["law_id"] == previous else esc(s.get("law_title") or s["law_id"])
        previous = s.get("law_id")
        lines.append(f'<tr><td class="date">{esc(iso(s["valid_from"]) or "…")}</td>'
                     f'<td class="date">{_last_day(s["valid_until"])}</td>'
                     f'<td>{swatch(s["summary"])}{both(s["summary"])}</td><td>{law}</td>'
                     f'<td>{s.get("pending_bills") or 0}</td></tr>')  # fmt: skip
    lines = "".join(lines)
    return (f'<h2>{t("Situación en el tiempo", "Status over time")}</h2>'
            f'<div class="wrap"><table><thead><tr><th>{t("Desde", "From")}</th><th>{t("Hasta", "To")}</th>'
            f'<th>{t("Situación", "Status")}</th><th>{t("Ley", "Law")}</th>'
            f'<th>{t("Iniciativas pendientes", "Pending bills")}</th></tr></thead><tbody>{lines}</tbody></table></div>')  # fmt: skip


def jurisdiction_page(row: dict, *, history: list[dict], sources: list[dict], as_of, back: str = "../status.html",
                      scorecard: str = "", spans: list[dict] | None = None) -> str:  # fmt: skip
    """One jurisdiction: its status, every act of its laws with citations, pending bills, its sources, and the
    harmonisation scorecard of its law in force (``scorecard``: pipeline.publish.scorecard.render_html_fragment)."""
    ordered: list[dict] = []
    numbers: dict[tuple, int] = {}
    acts = []
    for e in history:
        refs = []
        for ev in e.get("evidence") or []:
            key = (ev.get("url"), iso(ev.get("date")), ev.get("issue"), ev.get("supports"))
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                ordered.append(ev)
            refs.append(f'<a href="#h{numbers[key]}">[{numbers[key]}]</a>')
        acts.append(f'<tr><td class="date">{_event_date(e)}</td><td>{esc(e["event_type"])}</td>'
                    f'<td>{link(e.get("official_url"), e["instrument_title"])}</td>'
                    f'<td>{esc(" ".join(p for p in (e.get("gazette"), e.get("issue")) if p))}</td>'
                    f'<td>{" ".join(refs)}</td></tr>')  # fmt: skip
    bills = "".join(
        f'<tr><td>{link(b.get("url"), b.get("identifier") or b.get("bill_id"))}</td><td>{esc(b.get("title") or "")}</td>'
        f'<td>{esc(b.get("stage") or "")}</td><td class="date">{esc(b.get("presented") or iso(b.get("presented_by")))}</td></tr>'
        for b in row.get("pending_bill_list") or []
    )  # fmt: skip
    ended = "".join(
        f'<tr><td>{link(b.get("url"), b.get("identifier") or b.get("bill_id"))}</td><td>{esc(b.get("title") or "")}</td>'
        f'<td>{t(ended_label(b, "es"), ended_label(b, "en"))}</td></tr>'
        for b in row.get("ended_bill_list") or []
    )  # fmt: skip
    ended_table = (f'<h2>{t("Iniciativas de legislaturas concluidas", "Bills of ended legislatures")}</h2>'
                   f'<div class="wrap"><table><thead><tr><th>{t("Iniciativa", "Bill")}</th><th>{t("Título", "Title")}</th>'
                   f'<th>{t("Etapa", "Stage")}</th></tr></thead><tbody>{ended}</tbody></table></div>') if ended else ""  # fmt: skip
    srcs = "".join(
        f'<tr><td>{link(s.get("homepage"), s.get("title"))}</td><td>{esc(s.get("covers") or "")}</td>'
        f'<td class="date">{esc(iso(s.get("last_run")) or "—")}</td>'
        f'<td>{"✓" if s.get("last_run_ok") else ("✗" if s.get("last_run") else "—")}</td>'
        f'<td class="date">{esc(iso(s.get("last_success")) or "—")}</td></tr>'
        for s in sources
    )  # fmt: skip
    none = f'<p>{t("Ninguna.", "None.")}</p>'
    body = f"""
<p><a href="{esc(back)}">← {t("Todas las jurisdicciones", "All jurisdictions")}</a></p>
<h1>{esc(row["name"])}</h1>
<p>{swatch(row["summary"])}<strong>{both(row["summary"])}</strong> · {both(row["law_status"])} ·
{t("Situación al", "As of")} {esc(iso(as_of))}</p>
<p>{t("Ley", "Law")}: {link(row.get("law_url"), row.get("law_title") or "—")}<br>
{t("Desde", "Since")}: {t(_published_cell(row, "es"), _published_cell(row, "en"))}</p>
{status_spans(spans or [])}
<h2>{t("Historia de la ley", "The law's history")}</h2>
{f'<div class="wrap"><table><thead><tr><th>{t("Fecha", "Date")}</th><th>{t("Acto", "Act")}</th><th>{t("Instrumento", "Instrument")}</th><th>{t("Publicación", "Publication")}</th><th>{t("Fuentes", "Sources")}</th></tr></thead><tbody>{"".join(acts)}</tbody></table></div>' if acts else none}
<h2>{t("Iniciativas pendientes", "Pending bills")}</h2>
{f'<div class="wrap"><table><thead><tr><th>{t("Iniciativa", "Bill")}</th><th>{t("Título", "Title")}</th><th>{t("Etapa", "Stage")}</th><th>{t("Presentada", "Presented")}</th></tr></thead><tbody>{bills}</tbody></table></div>' if bills else none}
{ended_table}
{scorecard}<h2>{t("Fuentes y frescura", "Sources and freshness")}</h2>
{f'<div class="wrap"><table><thead><tr><th>{t("Fuente", "Source")}</th><th>{t("Cubre", "Covers")}</th><th>{t("Última corrida", "Last run")}</th><th>{t("Éxito", "OK")}</th><th>{t("Último éxito", "Last success")}</th></tr></thead><tbody>{srcs}</tbody></table></div>' if srcs else none}
<h2>{t("Citas", "Citations")}</h2>
{citation_list(ordered, prefix="h") if ordered else none}
"""
    return page(f"proteja — {row['name']}", body, as_of=as_of)
