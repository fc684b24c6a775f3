"""LeyesBiblio (Cámara de Diputados): the federal law catalogue, reform histories and law PDFs.

``../shared/sources.md`` §2. Bytes are cp1252 even where the page declares utf-8 [raw: index.htm].

* ``index.htm`` [raw]: one table, header ``No. | LEY / Página de Reformas | Última Reforma | TEXTO
  VIGENTE``; a law row holds the number, the title linked to ``ref/<abbr>.htm``, ``DOF dd/mm/yyyy``
  (original publication), optional flags ("Nueva reforma", "Ley Abrogada", "Ley abrogada a partir del
  …", "( Declaratoria de Invalidez de la Ley DOF … )", "(Antes "…")"), the last reform and the PDF /
  DOC / mobile links. Some numbers carry a letter ("060 A"): superseded budget laws kept next to their
  successor, linking ``abro/`` pages instead of ``ref/``.
* ``ref/<abbr>.htm`` [code: LegalIA leyesmx/diputados.py + tests — no raw copy exists]: "Publicación
  Original" then "Decretos de Reforma", a table whose rows are number | title + a link paragraph
  ``| <a href="lgpsedmtp/LGPSEDMTP_ref01_19mar14.pdf">DOF 19-03-2014</a> | …``. The table mixes reforms
  with errata (``_fe``), SCJN rulings (``_sent``/``_voto``), peso-amount updates (``_cant``) and
  others, each numbered from 1. Dates come as ``DOF dd-mm-yyyy`` or bare and sometimes with typos
  (``DOF 04-06-214``): the file-name date (``04jun14``) recovers them. Known data error: LGPSEDMTP's
  reform 4 links reform 3's PDF — the number column wins over the file name.

The source yields LGPSEDMTP's publication and reforms (each linked to its DOF ``codNota``: first by
matching the decree title in the SIDOF day list, then from the shipped list in
``data/lgpsedmtp_codnotas.json``), the VersionRecord of its consolidated PDF, and the 2007 law it
abrogated, whose facts come from the LGPSEDMTP text's second transitorio ("Se abroga la Ley para
Prevenir y Sancionar la Trata de Personas, publicada en el Diario Oficial de la Federación el día 27 de
noviembre de 2007") and from the DOF day lists of both dates.
"""


from pipeline.sources.federal.leyesbiblio.info import BASE, CODNOTAS_FILE, GAZETTE, INDEX_URL, INFO, TRACKED
from pipeline.sources.federal.leyesbiblio.pages import (
    CatalogueRow,
    IndexPage,
    RefEntry,
    RefHistory,
    RefPage,
    read_flags,
)
from pipeline.sources.federal.leyesbiblio.source import (
    INSPECT_KINDS,
    SOURCE,
    LeyesBiblioSource,
    abrogated_laws,
    inspect_index,
    inspect_ref,
    match_note,
    pdf_text,
    shipped_codnotas,
    version_record,
)  # fmt: skip

__all__ = [
    "BASE", "CODNOTAS_FILE", "GAZETTE", "INDEX_URL", "INFO", "INSPECT_KINDS", "SOURCE", "TRACKED", "CatalogueRow",
    "IndexPage", "LeyesBiblioSource", "RefEntry", "RefHistory", "RefPage", "abrogated_laws", "inspect_index",
    "inspect_ref", "match_note", "pdf_text", "read_flags", "shipped_codnotas", "version_record",
]  # fmt: skip
