"""LeyesBiblio source metadata and constants."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from pipeline.core.fetching import SourceInfo
from pipeline.sources.federal import dof

log = logging.getLogger(__name__)


INFO = SourceInfo(
    name="leyesbiblio",
    title="Cámara de Diputados — Leyes Federales Vigentes (LeyesBiblio)",
    jurisdiction="MX",
    homepage="https://www.diputados.gob.mx/LeyesBiblio/",
    allowed_hosts=("www.diputados.gob.mx", "diputados.gob.mx"),
    encoding="cp1252",
    min_interval_s=1.5,
    formats=("html", "pdf", "doc"),
    covers="Federal law catalogue (publication, last reform, flags), per-law reform histories, consolidated PDFs",
    notes="cp1252 bytes under a utf-8 declaration; server resets connections now and then.",
    role="laws",
    level="federal",
    text_profile="federal-leyesbiblio",
)

BASE = "https://www.diputados.gob.mx/LeyesBiblio/"
INDEX_URL = urljoin(BASE, "index.htm")
GAZETTE = dof.GAZETTE
DATA_DIR = Path(__file__).resolve().parent / "data"
CODNOTAS_FILE = DATA_DIR / "lgpsedmtp_codnotas.json"

#: Laws whose reform history and text this source follows (abbr → Instrument).
TRACKED = {"lgpsedmtp": dof.LGPSEDMTP}
