"""Static SVG charts for the HTML: the adoption band (certain / possible) and reforms per year.

Integer axes only (counts of states, whole years); every chart carries a caption that says what is
missing from it. Inputs are rows of the ``adoption(first, last)`` macro and ``reforms_per_year`` view.
"""

from __future__ import annotations

import html

W, H = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 28, 34


def _axes(years: list[int], y_max: int, y_label: str) -> list[str]:
    parts = []
    step = max(1, (y_max + 3) // 4)
    for value in range(0, y_max + 1, step):
        y = _y(value, y_max)
        parts.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y}" y2="{y}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{value}</text>')  # fmt: skip
    every = max(1, len(years) // 8)
    for i, year in enumerate(years):
        if i % every == 0 or year == years[-1]:
            parts.append(f'<text x="{_x(i, len(years))}" y="{H - BOTTOM + 16}" text-anchor="middle">{year}</text>')
    parts.append(f'<text x="4" y="12" text-anchor="start" class="axis">{html.escape(y_label)}</text>')
    return parts


def _x(i: int, n: int) -> float:
    return round(LEFT + (W - LEFT - RIGHT) * (i + 0.5) / max(n, 1), 1)


def _y(value: float, y_max: int) -> float:
    return round(TOP + (H - TOP - BOTTOM) * (1 - value / max(y_max, 1)), 1)


def adoption_chart(rows: list[dict], *, lang: str) -> str:
    """States certainly with a law (solid line) and the band up to certainly-or-possibly (shaded)."""
    years = [r["year"] for r in rows]
    certain = [r["states_with_law"] for r in rows]
    upper = [r["states_with_law"] + r["states_possibly_with_law"] for r in rows]
    n = len(years)
    band = " ".join(f"{_x(i, n)},{_y(v, 32)}" for i, v in enumerate(upper))
    band += " " + " ".join(f"{_x(i, n)},{_y(v, 32)}" for i, v in reversed(list(enumerate(certain))))
    line = " ".join(f"{_x(i, n)},{_y(v, 32)}" for i, v in enumerate(certain))
    label = "estados" if lang == "es" else "states"
    title = ("Estados con ley específica, por año (cierto y posible)" if lang == "es"
             else "States with a specific law, by year (certain and possible)")  # fmt: skip
    return (
        f'<svg class="chart" role="img" aria-label="{html.escape(title)}" viewBox="0 0 {W} {H}">'
        + "".join(_axes(years, 32, label))
        + f'<polygon points="{band}" fill="#56B4E9" fill-opacity=".45" stroke="none"/>'
        + f'<polyline points="{line}" fill="none" stroke="#0072B2" stroke-width="2.5"/>'
        + "</svg>"
    )


def reforms_chart(rows: list[dict], *, lang: str) -> str:
    """Reforms of the specific laws per year, as bars (years without a reform show as gaps at 0)."""
    if not rows:
        return ""
    first, last = rows[0]["year"], rows[-1]["year"]
    by_year = {r["year"]: r["reforms"] for r in rows}
    years = list(range(first, last + 1))
    y_max = max(by_year.values())
    n = len(years)
    width = (W - LEFT - RIGHT) / n * 0.7
    bars = []
    for i, year in enumerate(years):
        value = by_year.get(year, 0)
        if value:
            x, y = _x(i, n) - width / 2, _y(value, y_max)
            bars.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{_y(0, y_max) - y:.1f}" fill="#E69F00">'
                        f"<title>{year}: {value}</title></rect>")  # fmt: skip
    label = "reformas" if lang == "es" else "reforms"
    title = "Reformas por año" if lang == "es" else "Reforms per year"
    return (
        f'<svg class="chart" role="img" aria-label="{title}" viewBox="0 0 {W} {H}">'
        + "".join(_axes(years, y_max, label)) + "".join(bars) + "</svg>"
    )
