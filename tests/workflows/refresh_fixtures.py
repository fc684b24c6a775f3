"""A small raw store for the refresh-job tests, written with the runtime's own RawStore.

It holds what a live LeyesBiblio run stores for the LGPSEDMTP: the catalogue (index.htm), the
law's reform list (ref/lgpsedmtp.htm), the SIDOF day lists of its decrees (the fixtures written
for the source tests) and a consolidated-law PDF generated here with invented text that keeps
the publisher's layout (title page, articles, inline "… reformada DOF dd-mm-yyyy" notes,
transitorios). Kept out of conftest.py so that the module name is unique across test folders.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pipeline.fetch.store import RawStore
from pipeline.sources.federal import dof, leyesbiblio
from tests.parse.builders import pdf_from_pages

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
RETRIEVED_AT = "2026-01-20T12:00:00Z"

#: Decree days the fixture reform list names (the 14-11-2025 day list is absent on purpose: the
#: source then falls back to its shipped codNota list, as in tests/e2e).
SIDOF_DAYS = ("14-06-2012", "19-03-2014", "19-01-2018", "20-05-2021", "05-04-2023", "07-06-2024", "27-11-2007")

LAW_LINES = [
    "LEY GENERAL PARA PREVENIR, SANCIONAR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS",
    "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Última Reforma DOF 14-11-2025",
    "Nueva Ley publicada en el Diario Oficial de la Federación el 14 de junio de 2012",
    "TEXTO VIGENTE",
    "Última reforma publicada DOF 14-11-2025",
    "Artículo 1. La presente Ley es de orden público e interés social.",
    "Artículo 2. Esta Ley tiene por objeto establecer competencias.",
    "Artículo reformado DOF 19-01-2018",
    "Artículo 3. La interpretación de esta Ley se hará conforme a sus principios.",
    "Párrafo adicionado DOF 20-05-2021",
    "Artículo 4. Las autoridades coordinarán sus acciones.",
    "Fracción reformada DOF 19-01-2018, 07-06-2024",
    "TRANSITORIOS",
    "Primero. La presente Ley entrará en vigor el día siguiente al de su publicación en el Diario Oficial de",
    "la Federación.",
    "Segundo. Se abroga la Ley para Prevenir y Sancionar la Trata de Personas, publicada en el Diario",
    "Oficial de la Federación el día 27 de noviembre de 2007.",
]


def law_pdf() -> bytes:
    """A one-page consolidated-law PDF (reportlab) with the lines above."""
    return pdf_from_pages([LAW_LINES])


def _put(store: RawStore, source: str, url: str, content: bytes, content_type: str, encoding: str | None) -> None:
    store.put(content, source=source, url=url, final_url=url, http_status=200, content_type=content_type,
              encoding=encoding, retrieved_at=RETRIEVED_AT)  # fmt: skip


def write_leyesbiblio_store(raw_dir: Path) -> RawStore:
    """Store the LeyesBiblio pages of the LGPSEDMTP (and its SIDOF day lists) under ``raw_dir``."""
    store = RawStore(raw_dir)
    html = "text/html; charset=windows-1252"
    _put(store, "leyesbiblio", leyesbiblio.INDEX_URL,
         (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes(), html, "cp1252")  # fmt: skip
    _put(store, "leyesbiblio", leyesbiblio.BASE + "ref/lgpsedmtp.htm",
         (FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes(), html, "cp1252")  # fmt: skip
    _put(store, "leyesbiblio", leyesbiblio.BASE + "pdf/LGPSEDMTP.pdf", law_pdf(), "application/pdf", None)
    for day in SIDOF_DAYS:
        url = dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())
        content = (FIXTURES / "sidof" / f"notas_{day}.json").read_bytes()
        _put(store, "dof", url, content, "application/json", "utf-8")
    return store


def record_failed_fetch(raw_dir: Path, source: str, url: str) -> None:
    """A manifest line for a fetch that failed (no blob): an offline replay of ``url`` then fails too."""
    RawStore(raw_dir).record(source=source, url=url, outcome="http_error", http_status=503,
                             error="HTTP 503 Service Unavailable", retrieved_at=RETRIEVED_AT)  # fmt: skip


def copy_committed_data(target: Path, *, with_publication: bool) -> Path:
    """A data folder under ``target``: the committed registry and reference (and publication, if asked)."""
    data = target / "data"
    for folder in ("registry", "reference"):
        shutil.copytree(REPO / "data" / folder, data / folder)
    (data / "raw").mkdir(parents=True)
    if with_publication:
        shutil.copytree(REPO / "data" / "processed", data / "processed",
                        ignore=shutil.ignore_patterns("proteja.duckdb*", ".candidate", "validation"))  # fmt: skip
    return data
