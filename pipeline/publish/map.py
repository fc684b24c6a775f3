"""The map of Mexico's 32 states as inline SVG, from simplified INEGI geometry kept as reference data.

``data/reference/geometry/mx-states.json`` (generated once by ``scripts/make_state_geometry.py``; its
source and licence are inside the file) holds one SVG path per state. The colours are a
colour-blind-safe set (Okabe–Ito) and every summary also has a pattern, so the map reads in grey.
"""

from __future__ import annotations

import functools
import html
import json

from pipeline.core.paths import REPO_DIR
from pipeline.core.vocab import LABELS

GEOMETRY = REPO_DIR / "data" / "reference" / "geometry" / "mx-states.json"

#: summary → (fill colour, pattern id or None). Okabe–Ito: distinct under deuteranopia and protanopia.
STYLE = {
    "enacted": ("#0072B2", None),
    "enacted_reform_pending": ("#0072B2", "p-dots"),
    "possibly_enacted": ("#56B4E9", "p-stripes"),
    "considering": ("#E69F00", "p-dots"),
    "none": ("#D55E00", "p-cross"),
    "unknown": ("#E0E0E0", "p-hatch"),
}

PATTERNS = (
    '<pattern id="p-dots" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<circle cx="4" cy="4" r="1.6" fill="#000" fill-opacity=".55"/></pattern>'
    '<pattern id="p-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="3" height="8" fill="#fff" fill-opacity=".6"/></pattern>'
    '<pattern id="p-cross" width="8" height="8" patternUnits="userSpaceOnUse">'
    '<path d="M0 0L8 8M8 0L0 8" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/></pattern>'
    '<pattern id="p-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">'
    '<rect width="1.5" height="8" fill="#555"/></pattern>'
)


@functools.cache
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


def swatch(summary: str, size: int = 14) -> str:
    """A small inline SVG legend key: the colour and the pattern of ``summary``."""
    colour, pattern = STYLE[summary]
    over = f'<rect width="{size}" height="{size}" fill="url(#{pattern})"/>' if pattern else ""
    return (f'<svg class="key" width="{size}" height="{size}" aria-hidden="true"><rect width="{size}" '
            f'height="{size}" fill="{colour}" stroke="#333"/>{over}</svg>')  # fmt: skip


def render_map(rows: list[dict], *, lang: str, href=lambda code: f"pages/{code}.html") -> str:
    """One ``<path class="state">`` per state, coloured by its summary, labelled, linked to its page."""
    geo = geometry()
    by_inegi = {r["inegi"]: r for r in rows}
    esc = html.escape
    shapes, labels = [], []
    for inegi, state in sorted(geo["states"].items()):
        row = by_inegi.get(inegi)
        if row is None:
            continue
        colour, pattern = STYLE[row["summary"]]
        tip = f"{row['name']}: {LABELS[lang][row['summary']]}"
        over = f'<path d="{state["path"]}" fill="url(#{pattern})" pointer-events="none"/>' if pattern else ""
        shapes.append(
            f'<a href="{esc(href(row["state"]))}" aria-label="{esc(tip)}"><g class="state" data-state="{row["state"]}">'
            f"<title>{esc(tip)}</title>"
            f'<path d="{state["path"]}" fill="{colour}" stroke="#fff" stroke-width="1"/>{over}</g></a>'
        )
        x, y = state["label"]
        labels.append(f'<text x="{x}" y="{y}">{esc(row["state"].removeprefix("MX-"))}</text>')
    _, _, width, height = geo["viewbox"]
    title = "Mapa de los 32 estados" if lang == "es" else "Map of the 32 states"
    return (
        f'<svg class="map" role="group" aria-label="{title}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><defs>{PATTERNS}</defs>{"".join(shapes)}'
        f'<g class="labels" aria-hidden="true">{"".join(labels)}</g></svg>'
    )


def render_map_index(rows: list[dict], *, href=lambda code: f"pages/{code}.html") -> str:
    """The states by name, each with its map key and a link to its page.

    At phone width the map's labels are too small to read (the SVG scales to ~1/3), so the stylesheet hides
    them there and shows this list instead: every state's name stays visible and reachable with a tap.
    """
    esc = html.escape
    items = "".join(
        f'<li><a href="{esc(href(row["state"]))}">{swatch(row["summary"], 12)}'
        f'<span class="code">{esc(row["state"].removeprefix("MX-"))}</span> {esc(row["name"])}</a></li>'
        for row in sorted(rows, key=lambda r: r["name"])
    )
    return f'<ul class="map-index">{items}</ul>'
