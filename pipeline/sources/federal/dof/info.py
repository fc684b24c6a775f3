"""DOF source metadata, constants and URL builders."""

from __future__ import annotations

import datetime as dt

from pipeline.core.fetching import SourceInfo

INFO = SourceInfo(
    name="dof",
    title="Diario Oficial de la Federación (SIDOF JSON, dof.gob.mx, legacy web service)",
    jurisdiction="MX",
    homepage="https://sidof.segob.gob.mx/",
    allowed_hosts=("sidof.segob.gob.mx", "dof.gob.mx", "www.dof.gob.mx", "diariooficial.gob.mx"),
    encoding="utf-8",
    min_interval_s=1.5,
    formats=("json", "html"),
    covers="Federal gazette of record: daily note lists, note texts, trafficking decrees, reglamentos, "
    "programas and SCJN rulings",
    notes="SIDOF empty day = unknown (cross-checked on dof.gob.mx); dof.gob.mx index is cp1252 undeclared.",
    role="gazette",
    level="federal",
)

#: The same source seen through dof.gob.mx's daily index, whose bytes are cp1252 (the fetcher checks
#: decoding with the SourceInfo it is given, so the index is fetched under this one).
WEB_INFO = SourceInfo(
    name=INFO.name,
    title="Diario Oficial de la Federación (dof.gob.mx HTML)",
    jurisdiction="MX",
    homepage="https://www.dof.gob.mx/",
    allowed_hosts=INFO.allowed_hosts,
    encoding="cp1252",
    min_interval_s=INFO.min_interval_s,
    formats=("html",),
    covers=INFO.covers,
)

GAZETTE = "Diario Oficial de la Federación"
SIDOF_BASE = "https://sidof.segob.gob.mx/dof/sidof"
DOF_WEB_BASE = "https://www.dof.gob.mx"

#: SIDOF day-list keys and the edition code each stands for.
SIDOF_EDITIONS = {"NotasMatutinas": "MAT", "NotasVespertinas": "VES", "NotasExtraordinarias": "EXT"}
#: Legacy WS edition words → SIDOF codes.
WS_EDITIONS = {"matutina": "MAT", "vespertina": "VES", "extraordinaria": "EXT"}
#: dof.gob.mx shows this date for a codigo it does not have (the epoch, one day off).
MISSING_NOTE_DATE = dt.date(1969, 12, 31)
#: Days younger than this are re-fetched on every run; older ones are fetched once.
RECHECK_DAYS = 7


# --- URLs ---------------------------------------------------------------------------------------


def sidof_day_url(day: dt.date) -> str:
    return f"{SIDOF_BASE}/notas/{day:%d-%m-%Y}"


def sidof_note_url(cod_nota: int | str) -> str:
    return f"{SIDOF_BASE}/notas/nota/{cod_nota}"


def dof_index_url(day: dt.date, edition: str = "MAT") -> str:
    return f"{DOF_WEB_BASE}/index.php?year={day:%Y}&month={day:%m}&day={day:%d}&edicion={edition}"


def nota_detalle_url(cod_nota: int | str, day: dt.date | None) -> str:
    """The official public URL of one note (``fecha`` is needed for some 1999–2000 codes)."""
    base = f"{DOF_WEB_BASE}/nota_detalle.php?codigo={cod_nota}"
    return f"{base}&fecha={day:%d/%m/%Y}" if day else base
