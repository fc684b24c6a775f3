"""Consolidated Mexican law texts → structure, metadata, transitorios, reform decrees and effects.

Generalised from the documented publishing conventions (sources.md §2.3, §6), not from one file:

* **federal (LeyesBiblio)**: running header "CÁMARA DE DIPUTADOS … Última Reforma DOF …"; title
  page "Nueva Ley publicada en el Diario Oficial de la Federación el …", "TEXTO VIGENTE",
  "Última reforma publicada DOF …"; an issuing-decree preamble ("Artículo Primero.- Se expide
  …"); inline notes "Fracción reformada DOF dd-mm-yyyy"; the law's TRANSITORIOS; then
  "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA" with one "DECRETO por el que …" / "Publicado en
  el Diario Oficial de la Federación el …" block per reform;
* **state (Durango-style and alike)**: header "FECHA DE ULTIMA REFORMA: DEC. 337 P. O. 51 DEL 25
  DE JUNIO DE 2020." or "DATOS DE PUBLICACION: DEC. 221 P.O. 104 BIS DEL …" on every page; title
  page "PUBLICADO EN EL PERIÓDICO OFICIAL No. 53, DE FECHA 30/12/2007, DECRETO 68, LXIV
  LEGISLATURA."; notes "ARTICULO REFORMADO POR DEC. 230 P.O. 93 DE FECHA …"; after the law's
  transitorios one block per decree, opened by "DECRETO 94, LXV LEGISLATURA, PERIÓDICO OFICIAL
  No. 38, DE FECHA …" and/or a line of dashes.

Running headers describe the current version; title pages describe the original publication.
Where they disagree on the last reform, the title page wins.
"""

from pipeline.parse.law.assemble import parse_law, parse_law_pages
from pipeline.parse.law.model import LawDocument
from pipeline.parse.law.numerals import ordinal_value, roman_to_int
from pipeline.parse.law.profiles import PARSER_VERSION, PROFILES, LayoutProfile, choose_profile
from pipeline.parse.law.records import INSPECT_KINDS, inspect_law, provisions_of, to_version_record

__all__ = [
    "INSPECT_KINDS", "PARSER_VERSION", "PROFILES", "LawDocument", "LayoutProfile", "choose_profile", "inspect_law",
    "ordinal_value", "parse_law", "parse_law_pages", "provisions_of", "roman_to_int", "to_version_record",
]  # fmt: skip
