"""Orden Jurídico Nacional — what the source is, and the OJN ``edo`` number of each state.

``shared/sources.md`` §4 and ``shared/state-sources.md`` §E: ``http://compilacion.ordenjuridico.gob.mx/``
(HTTP only), lists per state and branch of power ``listPoder2.php?edo={N}&idPoder={1..4}``, a ficha
per ordenamiento ``fichaOrdenamiento2.php?idArchivo={id}&ambito=ESTATAL`` and the document
``obtenerdoc.php?path=/Documentos/ESTADO/{STATE}/o{tipo}{id}.doc&nombreclave=…`` (often OOXML in
spite of the name) or ``obtenerpdf.php?path=…``. Pages are cp1252 (11 Nayarit titles decoded as
Latin-1 by a third party carry U+0093/U+0094). Lists are stale and links often dead: OJN is for
discovery and ids, never the sole truth about what is in force.
"""

from __future__ import annotations

import dataclasses

from pipeline.core.fetching import SourceInfo

BASE = "http://compilacion.ordenjuridico.gob.mx/"

#: OJN ``edo`` → ISO code, as listed in sources.md §4 (equal to the INEGI numbers: CDMX 9, CHIS 7, CHIH 8).
EDO = {
    1: "MX-AGU", 2: "MX-BCN", 3: "MX-BCS", 4: "MX-CAM", 5: "MX-COA", 6: "MX-COL", 7: "MX-CHP", 8: "MX-CHH",
    9: "MX-CMX", 10: "MX-DUR", 11: "MX-GUA", 12: "MX-GRO", 13: "MX-HID", 14: "MX-JAL", 15: "MX-MEX",
    16: "MX-MIC", 17: "MX-MOR", 18: "MX-NAY", 19: "MX-NLE", 20: "MX-OAX", 21: "MX-PUE", 22: "MX-QUE",
    23: "MX-ROO", 24: "MX-SLP", 25: "MX-SIN", 26: "MX-SON", 27: "MX-TAB", 28: "MX-TAM", 29: "MX-TLA",
    30: "MX-VER", 31: "MX-YUC", 32: "MX-ZAC",
}  # fmt: skip
EDO_OF = {code: edo for edo, code in EDO.items()}

#: idPoder values: every branch, because some trafficking laws are filed outside the legislative list
#: (Estado de México 55532, Yucatán 80040 appear only in non-legislative lists, state-sources.md §E).
POWERS = {1: "Ejecutivo", 2: "Legislativo", 3: "Judicial", 4: "Órganos Autónomos"}

INFO = SourceInfo(
    name="mx-ojn-compilacion",
    title="Orden Jurídico Nacional (SEGOB) — compilación estatal",
    jurisdiction="MX",
    jurisdictions=tuple(EDO.values()),
    homepage=BASE,
    allowed_hosts=("compilacion.ordenjuridico.gob.mx",),
    encoding="cp1252",  # state-sources.md §E: names are cp1252 (C1 quotes when read as Latin-1)
    min_interval_s=1.0,  # sources.md §4: "polite rate ≈1 req/s"
    formats=("html", "doc", "docx", "pdf"),
    covers="Ordenamientos of the 32 states by branch of power: title, ficha (publication date, status), document",
    role="laws",
    level="national",
    text_profile="ojn-word",
    limitations="HTTP only (no TLS offered). Lists are stale and many links dead (Michoacán 504 of 667, "
    "Estado de México 141, San Luis Potosí 47 in the 2026 crawl); almost empty for Baja California, Durango, "
    "Quintana Roo, Hidalgo, CDMX. Used for discovery and ids, never as the sole truth for vigencia.",
)


def list_url(edo: int, power: int) -> str:
    return f"{BASE}listPoder2.php?edo={edo}&idPoder={power}"


def ficha_url(id_archivo: str | int) -> str:
    return f"{BASE}fichaOrdenamiento2.php?idArchivo={id_archivo}&ambito=ESTATAL"


def state_info(code: str) -> SourceInfo:
    """The source as seen from one state: records resolve instruments and gazettes in that jurisdiction."""
    return dataclasses.replace(INFO, jurisdiction=code, jurisdictions=(code,))
