"""Layout profiles: one per family of law texts, each with its own version in the parse-cache key.

The parsing code is shared; a profile says which family-specific markers apply (how reform decrees
are introduced after the law's transitorios) and carries a version, so improving one family's parse
re-parses only that family's cached texts. :func:`choose_profile` picks the profile from the text's
first page, running headers and the document's URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.parse.dates import fold

#: Version of the shared parsing code. Bump when a change can alter any parse output.
PARSER_VERSION = "law-2025.2"


@dataclass(frozen=True)
class LayoutProfile:
    """A family of law texts with the same publishing conventions."""

    name: str
    version: str
    description: str
    #: Reform decrees introduced by "DECRETO por el que …" + "Publicado en el Diario Oficial …".
    federal_decree_titles: bool = True
    #: Reform decrees introduced by a state gazette line ("DECRETO 94, … PERIÓDICO OFICIAL No. 38 …").
    state_publication_lines: bool = True

    @property
    def cache_key(self) -> str:
        return f"{PARSER_VERSION}+{self.name}.{self.version}"


FEDERAL = LayoutProfile(
    "federal-leyesbiblio", "1",
    "Cámara de Diputados consolidated texts: 'Última Reforma DOF …' running header, 'ARTÍCULOS TRANSITORIOS "
    "DE DECRETOS DE REFORMA' with one 'DECRETO por el que …' / 'Publicado en el DOF …' block per reform.",
    state_publication_lines=False,
)  # fmt: skip
STATE_PO = LayoutProfile(
    "state-periodico-oficial", "2",
    "State congress texts (Durango and alike): 'PUBLICADO EN EL PERIÓDICO OFICIAL No. … DE FECHA …' or "
    "'DECRETO …, … LEGISLATURA, PERIODICO OFICIAL No. …' title lines, 'FECHA DE ULTIMA REFORMA: DEC. … P.O. …' / "
    "'DATOS DE PUBLICACION:' running headers, 'ÚLTIMA REFORMA PUBLICADA …', 'TEXTO ORIGINAL', inline "
    "'REFORMADO POR DEC. …' notes, the closing decree list; typo months (Setiembre, Febero, Dicembre); article "
    "suffixes bis … decies in any spelling (v2: quáter/cuater, quintus, sexties, septíes, novies).",
    federal_decree_titles=False,
)  # fmt: skip
OJN_WORD = LayoutProfile(
    "ojn-word", "1",
    "Orden Jurídico Nacional Word files (o4<id>.doc, often OOXML): a state text re-typed by the OJN, "
    "with the state's own headers when present; both decree conventions are accepted.",
)  # fmt: skip
GENERIC = LayoutProfile("generic", "1", "Any other text: every known marker is accepted.")

PROFILES = {p.name: p for p in (FEDERAL, STATE_PO, OJN_WORD, GENERIC)}


def choose_profile(first_page: list[str] | tuple[str, ...], furniture: list[str] | tuple[str, ...] = (),
                   url: str | None = None) -> LayoutProfile:  # fmt: skip
    """The profile whose conventions the text shows (federal header, state gazette lines, OJN origin)."""
    if url and "ordenjuridico.gob.mx" in url:
        return OJN_WORD
    head = fold(" ".join([*first_page[:40], *furniture[:10]]))
    if "diario oficial de la federacion" in head or "camara de diputados" in head:
        return FEDERAL
    if "periodico oficial" in head or "p. o." in head or "p.o." in head:
        return STATE_PO
    return GENERIC
