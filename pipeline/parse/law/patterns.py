"""Line patterns shared by every layout (articles, transitorios, fractions, headings, closing lines)."""

from __future__ import annotations

import re
import unicodedata

# --- line patterns ------------------------------------------------------------------------------

#: The Latin ordinal suffixes of articles and fractions in every spelling real texts use, any case, with or
#: without accents, and their common misspellings ("quintus", "sexties", "novies", "cuater").
SUFFIX_WORDS = (
    r"(?i:bis|ter|qu[aá]t[eé]r|cu[aá]t[eé]r|quinqu[ií]es|quinques|quintus|sext?[ií]es|s[eé]pt[ií]es|oct[ií]es"
    r"|non[ií]es|nov[ií]es|dec[ií]es)"
)
#: The same on folded (lower-case, accent-free) text.
SUFFIX_FOLDED = r"(?:bis|ter|quater|cuater|quinquies|quinques|quintus|sexies|sexties|septies|octies|nonies|novies|decies)"
_CANONICAL_SUFFIX = {"cuater": "quater", "quinques": "quinquies", "quintus": "quinquies", "sexties": "sexies",
                     "novies": "nonies"}  # fmt: skip


def canonical_suffix(word: str | None) -> str | None:
    """"Quáter" / "QUATER" / "cuater" → "quater"; "Quintus" → "quinquies"; "SEPTÍES" → "septies"."""
    if not word:
        return None
    folded = "".join(c for c in unicodedata.normalize("NFKD", word.strip().lower()) if not unicodedata.combining(c))
    return _CANONICAL_SUFFIX.get(folded, folded)
_ARTICLE_WORD = r"(?:ART[IÍ]CULO|ARTICULO|Art[ií]culo|ART\.|Art\.)"
ARTICLE_NUMBERED = re.compile(
    rf"^{_ARTICLE_WORD}\s+(?P<num>\d+)\s?(?P<ord>o(?![A-Za-z])|º|°)?(?:\s*-?\s*(?P<suffix>(?i:{SUFFIX_WORDS}))\b)?\s*"
    rf"(?P<punct>\.\s?-|\.\s?–|\.|-|–|:)?\s*(?P<rest>.*)$"
)
ARTICLE_ORDINAL = re.compile(
    rf"^{_ARTICLE_WORD}\s+(?P<words>[A-Za-zÁÉÍÓÚáéíóúÜü]+(?:\s+[A-Za-zÁÉÍÓÚáéíóú]+)?)\s*"
    rf"(?P<punct>\.\s?-|\.\s?–|\.|-|–|:)\s*(?P<rest>.*)$"
)
TRANSITORIO_ITEM = re.compile(
    rf"^(?:{_ARTICLE_WORD}\s+)?(?P<words>[A-ZÁÉÍÓÚ][A-Za-zÁÉÍÓÚáéíóú]+(?:\s+[A-Za-zÁÉÍÓÚáéíóú]+)?|\d+(?:o|º)?)"
    r"(?:\s+(?:TRANSITORIO|Transitorio))?\s*(?P<punct>\.\s?-|\.\s?–|\.|-|–|:)\s*(?P<rest>.*)$"
)
TRANSITORIOS_HEADING = re.compile(
    r"^(?:ART[IÍ]CULOS?\s+|DISPOSICIONES\s+)?(?:TRANSITORIOS?|TRANSITORIAS?)\.?:?$"
    r"|^(?:Art[ií]culos?\s+)?Transitorios?\.?:?$"
)
DECREES_HEADING = re.compile(r"^ART[IÍ]CULOS\s+TRANSITORIOS\s+DE\s+DECRETOS?\s+DE\s+REFORMA", re.I)
FEDERAL_DECREE_TITLE = re.compile(r"^DECRETO\s+(?:por|que|mediante|relativo|de\b|No\.|N[uú]m)", re.I)
PUBLISHED_IN = re.compile(
    r"^Publicad[oa]s?\s+en\s+(?:el|la)\s+(?P<gazette>Diario Oficial de la Federaci[oó]n|Peri[oó]dico Oficial|"
    r"Gaceta Oficial|Gaceta del Gobierno)",
    re.I,
)
STRUCTURE_HEADING = re.compile(
    r"^(?P<kind>LIBRO|T[IÍ]TULO|CAP[IÍ]TULO|SECCI[OÓ]N|Libro|T[ií]tulo|Cap[ií]tulo|Secci[oó]n)\s+"
    r"(?P<num>[IVXLC]+|\d+|[A-ZÁÉÍÓÚa-záéíóú]+(?:\s+[A-ZÁÉÍÓÚa-záéíóú]+)?)(?:\s+(?P<suffix>BIS|Bis|TER|Ter))?"
    r"\s*(?:[.\-–:]+\s*(?P<name>.*))?$"
)
FRACTION = re.compile(rf"^(?P<num>[IVXLC]+)(?:\s+(?P<suffix>{SUFFIX_WORDS}))?\s*(?:\.\s?-|\.|-|\))\s*(?P<rest>.*)$")
INCISO = re.compile(r"^(?P<letter>[a-zñ]|[A-ZÑ])\)\s*(?P<rest>.*)$")
SEPARATOR = re.compile(r"^[-_=*–—.]{10,}$")
CLOSING = re.compile(
    r"^(?:Dado en|DADO EN|M[eé]xico,\s*D\.\s?F\.,?\s*a|Ciudad de M[eé]xico,\s*a|El Ciudadano Gobernador|"
    r"EL CIUDADANO GOBERNADOR|En cumplimiento de lo dispuesto por la fracci[oó]n I del Art[ií]culo 89|"
    r"Sal[oó]n de Sesiones|Al margen un sello|Por lo tanto,? mando|POR LO TANTO,? MANDO|Rúbricas?\.?$|"
    r"(?:DIP|Dip|Sen|SEN)\.\s)"
)
DEROGATED = re.compile(r"^\(?\s*(?:se deroga|derogad[oa]|se derogan|derogados|derogadas)\b\.?\)?\.?\s*$", re.I)
ELIDED = re.compile(r"^[\s.…·]*$")

_STRUCTURE_KINDS = {"libro": "libro", "titulo": "titulo", "capitulo": "capitulo", "seccion": "seccion"}
_STRUCTURE_ORDER = ["libro", "titulo", "capitulo", "seccion"]
