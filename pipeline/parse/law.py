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

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.parse import effects as fx
from pipeline.parse.dates import find_dates, fold
from pipeline.parse.extract import extract_text
from pipeline.parse.relevance import is_trafficking
from pipeline.parse.text import clean_pages

#: Bump whenever a change can alter parse output: it keys the parse cache.
PARSER_VERSION = "law-2025.1"

# --- numbers ------------------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(roman: str) -> int:
    roman = roman.upper().split("-")[0]
    total = 0
    for i, letter in enumerate(roman):
        value = _ROMAN_VALUES[letter]
        nxt = _ROMAN_VALUES[roman[i + 1]] if i + 1 < len(roman) else 0
        total += -value if value < nxt else value
    return total


_UNITS = {"primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4, "quinto": 5,
          "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9, "nono": 9}  # fmt: skip
_TENS = {"decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50,
         "sexagesimo": 60, "septuagesimo": 70, "octogesimo": 80, "nonagesimo": 90, "centesimo": 100}  # fmt: skip
_SPECIAL = {"undecimo": 11, "duodecimo": 12}


def _ordinal_word(word: str) -> int | None:
    word = word[:-1] + "o" if word.endswith("a") else word  # feminine: "primera", "única"
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    if word in _SPECIAL:
        return _SPECIAL[word]
    for prefix, tens in _TENS.items():  # fused forms: "decimoprimero", "vigesimotercero"
        if word.startswith(prefix) and word[len(prefix):] in _UNITS:
            return tens + _UNITS[word[len(prefix):]]
    return None


def ordinal_value(text: str) -> int | str | None:
    """'Décimo Primero' → 11, 'PRIMERA' → 1, 'Único' → 'unico'; None when not an ordinal."""
    words = fold(text).replace(".", " ").split()
    if not words:
        return None
    if words in (["unico"], ["unica"]):
        return "unico"
    values = [_ordinal_word(word) for word in words]
    if any(value is None for value in values):
        return None
    return sum(values)  # type: ignore[arg-type]


# --- line patterns ------------------------------------------------------------------------------

SUFFIX_WORDS = r"(?:bis|ter|qu[aá]ter|quinquies|sexies|septies|octies|nonies|decies)"
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


# --- data model ---------------------------------------------------------------------------------


@dataclass
class Provision:
    """A fracción or inciso (children of an article)."""

    eid: str
    level: str  # "fraccion" | "inciso"
    number: str
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    children: list[Provision] = field(default_factory=list)

    @property
    def text(self) -> str:
        return reflow(self.lines)

    @property
    def derogated(self) -> bool:
        return bool(self.lines) and bool(DEROGATED.match(self.lines[0]))

    def to_json(self) -> dict:
        out = {"id": self.eid, "number": self.number, "derogated": self.derogated, "text": self.text,
               "notes": list(self.notes)}  # fmt: skip
        if self.children:
            out["incisos"] = [child.to_json() for child in self.children]
        return out


@dataclass
class Article:
    eid: str
    number: str  # "5" (or "1" for "ARTÍCULO PRIMERO"), "unico" for "Artículo Único"
    suffix: str | None  # "bis", "ter", …
    heading: str  # as printed: "Artículo 5 Bis.-"
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fracciones: list[Provision] = field(default_factory=list)
    context: dict = field(default_factory=dict)  # enclosing libro/título/capítulo/sección

    @property
    def text(self) -> str:
        return reflow(self.lines)

    @property
    def derogated(self) -> bool:
        first = self.lines[0] if self.lines else ""
        return bool(DEROGATED.match(first)) or bool(re.match(r"^\(?\s*(?:se deroga|derogado)\b", first, re.I))

    def to_json(self) -> dict:
        return {"id": self.eid, "number": self.number, "suffix": self.suffix, "heading": self.heading,
                "derogated": self.derogated, "text": self.text, "notes": list(self.notes),
                "fracciones": [f.to_json() for f in self.fracciones], "context": dict(self.context)}  # fmt: skip


@dataclass
class Heading:
    """A Libro / Título / Capítulo / Sección heading."""

    eid: str
    level: str
    number: str
    name: str = ""
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.eid, "level": self.level, "number": self.number, "name": self.name, "notes": list(self.notes)}


@dataclass
class Transitorio:
    eid: str
    number: int | str  # 1, 2, … or "unico"
    label: str  # as printed: "Décimo Primero.-"
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return reflow(self.lines)

    def to_json(self) -> dict:
        return {"id": self.eid, "number": self.number, "label": self.label, "text": self.text, "notes": list(self.notes)}


@dataclass
class Publication:
    date: dt.date | None = None
    gazette: str | None = None
    issue: str | None = None
    decree: str | None = None
    legislatura: str | None = None
    raw: str | None = None

    def to_json(self) -> dict:
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out


@dataclass
class ReformDecree:
    title: str | None
    publication: Publication
    operative_text: str = ""
    transitorios: list[Transitorio] = field(default_factory=list)
    inferred: bool = False  # publication data taken from the running header, not printed in the block
    id: str | None = None  # set by parse_decrees: unique among the document's decrees

    @property
    def key(self) -> str:
        if self.id:
            return self.id
        if self.publication.date:
            return f"decree_{self.publication.date.isoformat()}"
        return f"decree_n{self.publication.decree}" if self.publication.decree else "decree_unknown"

    def to_json(self) -> dict:
        pub = self.publication
        return {"id": self.key, "title": self.title, "published": pub.date.isoformat() if pub.date else None,
                "gazette": pub.gazette, "issue": pub.issue, "decree": pub.decree, "legislatura": pub.legislatura,
                "inferred": self.inferred, "transitorios": [t.to_json() for t in self.transitorios]}  # fmt: skip


@dataclass
class Effect:
    provision: str
    effect: str  # vocab.EFFECT_TYPES
    date: dt.date | None
    decree: str | None
    gazette: str | None
    source: str  # "note" | "decree"
    raw: str

    def to_json(self) -> dict:
        return {"provision": self.provision, "effect": self.effect, "date": self.date.isoformat() if self.date else None,
                "decree": self.decree, "gazette": self.gazette, "source": self.source, "raw": self.raw}  # fmt: skip


@dataclass
class LawDocument:
    title: str | None
    published: Publication
    last_reform: dt.date | None
    last_reform_source: str | None  # "title_page" | "running_header" | "decrees"
    text_status: str  # "vigente" | "original"
    articles: list[Article]
    transitorios: list[Transitorio]
    reform_decrees: list[ReformDecree]
    effects: list[Effect]
    headings: list[Heading] = field(default_factory=list)
    origin_transitorios: list[Transitorio] = field(default_factory=list)  # issuing decree's own
    format: str | None = None
    pages: int = 0
    url: str | None = None
    trafficking: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "parser_version": PARSER_VERSION,
            "url": self.url,
            "format": self.format,
            "pages": self.pages,
            "title": self.title,
            "trafficking": self.trafficking,
            "published": self.published.to_json(),
            "last_reform": self.last_reform.isoformat() if self.last_reform else None,
            "last_reform_source": self.last_reform_source,
            "text_status": self.text_status,
            "headings": [h.to_json() for h in self.headings],
            "articles": [a.to_json() for a in self.articles],
            "transitorios": [t.to_json() for t in self.transitorios],
            "origin_transitorios": [t.to_json() for t in self.origin_transitorios],
            "reform_decrees": [d.to_json() for d in self.reform_decrees],
            "effects": [e.to_json() for e in self.effects],
            "warnings": list(self.warnings),
        }


def reflow(lines: list[str]) -> str:
    """Join PDF-wrapped lines into paragraphs: a line ending a sentence ends a paragraph."""
    out: list[str] = []
    for line in lines:
        if out and not re.search(r"[.:;]$", out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


# --- line matchers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleHeading:
    number: str
    suffix: str | None
    heading: str
    rest: str
    numeric: bool


def match_article(line: str) -> ArticleHeading | None:
    """An article heading ("Artículo 5 Bis.-", "ARTÍCULO 1.", "Artículo Único.-"), or None.

    A numbered heading needs a sign that it is a heading (ordinal "o.", a dot, a dash, a colon or
    the end of the line), so prose that wraps onto "Artículo 89 de la Constitución" is not one.
    """
    m = ARTICLE_NUMBERED.match(line)
    if m and (m.group("ord") or m.group("punct") or not m.group("rest")):
        suffix = fold(m.group("suffix")) if m.group("suffix") else None
        heading = line[: m.start("rest")].strip() if m.group("rest") else line.strip()
        return ArticleHeading(str(int(m.group("num"))), suffix, heading, m.group("rest"), True)
    m = ARTICLE_ORDINAL.match(line)
    if m:
        value = ordinal_value(m.group("words"))
        if value is not None:
            heading = line[: m.start("rest")].strip() if m.group("rest") else line.strip()
            return ArticleHeading(str(value), None, heading, m.group("rest"), False)
    return None


@dataclass(frozen=True)
class StructureMatch:
    level: str
    number: str
    name: str


def _structure_number(tokens: list[str]) -> tuple[str, int] | None:
    """(normalised number, tokens used) from the words after "CAPÍTULO"."""
    if not tokens:
        return None
    first = tokens[0].rstrip(".:-")
    if re.fullmatch(r"[IVXLC]+", first):
        return str(roman_to_int(first)), 1
    if first.isdecimal():  # not isdigit(): '²' is a digit int() refuses
        return str(int(first)), 1
    for used in (2, 1):
        value = ordinal_value(" ".join(t.rstrip(".:-") for t in tokens[:used]))
        if value is not None and len(tokens) >= used:
            return str(value), used
    return None


def match_structure(line: str) -> StructureMatch | None:
    m = re.match(r"^(LIBRO|T[IÍ]TULO|CAP[IÍ]TULO|SECCI[OÓ]N|Libro|T[ií]tulo|Cap[ií]tulo|Secci[oó]n)\s+(.+)$", line)
    if not m or len(line) > 160:
        return None
    tokens = m.group(2).split()
    parsed = _structure_number(tokens)
    if parsed is None:
        return None
    number, used = parsed
    rest = tokens[used:]
    if rest and fold(rest[0]) in ("bis", "ter"):
        number, rest = f"{number}-{fold(rest[0])}", rest[1:]
    name = " ".join(rest).lstrip(".-–: ").strip()
    if name and not m.group(1).isupper() and not name.isupper():
        return None  # "Título Segundo de esta Ley, …" is prose, not a heading
    if re.search(r"[,;]$", line):
        return None
    return StructureMatch(_STRUCTURE_KINDS[fold(m.group(1))], number, name)


def is_transitorios_heading(line: str) -> bool:
    compact = re.sub(r"(?<=\b[A-ZÁÉÍÓÚ]) (?=[A-ZÁÉÍÓÚ]\b)", "", line.strip())  # "T R A N S I T O R I O S"
    return bool(TRANSITORIOS_HEADING.match(compact))


_STATE_PUBLICATION = re.compile(
    r"^dec(?:reto|\.)?\s*(?:no\.?\s*|num(?:ero)?\.?\s*)?\d+\b.{0,80}?(?:p\.\s?o\b|periodico oficial|gaceta)"
)


def is_state_publication(line: str) -> bool:
    """"DECRETO 94, LXV LEGISLATURA, PERIÓDICO OFICIAL No. 38, DE FECHA …", "DEC. 264, … P.O. …"."""
    return bool(_STATE_PUBLICATION.match(fold(line)))


_LEGISLATURA_ROMAN = re.compile(r"\b([LXVI]{2,})\s+LEGISLATURA", re.I)
_LEGISLATURA_WORDS = re.compile(r"\b([a-z]+(?:\s+[a-z]+)?)\s+legislatura")


def legislatura_of(text: str) -> str | None:
    m = _LEGISLATURA_ROMAN.search(text)
    if m:
        return m.group(1).upper()
    m = _LEGISLATURA_WORDS.search(fold(text))
    if m:
        value = ordinal_value(m.group(1)) or ordinal_value(m.group(1).split()[-1])
        if isinstance(value, int):
            return fx.int_to_roman(value)
    return None


def publication_from(text: str) -> Publication:
    """Gazette, issue, date, decree and legislatura stated in one publication line."""
    folded = fold(text)
    dates = find_dates(text)
    decree = fx._DECREE_NUMBER.search(folded)
    issue = fx._STATE_ISSUE.search(folded)
    if "diario oficial de la federacion" in folded or re.search(r"\bd\.?\s?o\.?\s?f\b", folded):
        gazette = "DOF"
    elif "gaceta" in folded:
        gazette = "Gaceta Oficial"
    elif issue or "periodico oficial" in folded:
        gazette = "Periódico Oficial"
    else:
        gazette = None
    return Publication(
        date=dates[0] if dates else None,
        gazette=gazette,
        issue=issue.group(1).upper() if issue else None,
        decree=decree.group(1) if decree else None,
        legislatura=legislatura_of(text),
        raw=text,
    )


def _with_next(lines: list[str], index: int) -> tuple[str, int]:
    """The line, joined with the next one when its date wrapped; and how many lines were used."""
    line = lines[index]
    if not find_dates(line) and index + 1 < len(lines):
        joined = f"{line} {lines[index + 1]}"
        if find_dates(joined):
            return joined, 2
    return line, 1


# --- sections -----------------------------------------------------------------------------------


def find_body_start(lines: list[str]) -> int:
    """Index of the first line of the law's body: the headings right before "Artículo 1".

    Articles before it belong to an issuing decree's preamble ("Artículo Primero.- Se expide la
    Ley …"). A law numbered only in words starts at its first article heading.
    """
    first = next((i for i, line in enumerate(lines) if _is_first_article(line)), None)
    if first is None:
        first = next((i for i, line in enumerate(lines) if match_article(line)), len(lines))
    start = first
    for k in range(first - 1, max(-1, first - 15), -1):
        if match_article(lines[k]):
            break
        if match_structure(lines[k]):
            start = k
    return start


def _is_first_article(line: str) -> bool:
    heading = match_article(line)
    return bool(heading and heading.numeric and heading.number == "1" and not heading.suffix)


def find_transitorios_start(lines: list[str], start: int) -> int | None:
    seen_article = False
    for i in range(start, len(lines)):
        if match_article(lines[i]):
            seen_article = True
        elif seen_article and is_transitorios_heading(lines[i]):
            return i
    return None


def _is_federal_decree_title(lines: list[str], i: int) -> bool:
    if not FEDERAL_DECREE_TITLE.match(lines[i]) or not lines[i].startswith("DECRETO"):
        return False
    return any(PUBLISHED_IN.match(line) for line in lines[i + 1 : i + 40])


def find_decrees_start(lines: list[str], start: int) -> int:
    for i in range(start, len(lines)):
        line = lines[i]
        if DECREES_HEADING.match(line) or is_state_publication(line) or _is_federal_decree_title(lines, i):
            return i
    return len(lines)


# --- body ---------------------------------------------------------------------------------------


@dataclass
class _NoteLink:
    eid: str
    note: str


class BodyParser:
    """A line-by-line state machine over the law's body (from its first heading to TRANSITORIOS)."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.headings: list[Heading] = []
        self.links: list[_NoteLink] = []
        self.warnings: list[str] = []
        self.context: dict[str, Heading] = {}
        self.article: Article | None = None
        self.fraction: Provision | None = None
        self.inciso: Provision | None = None
        self.naming: Heading | None = None  # a structure heading still collecting its name lines
        self._eids: set[str] = set()

    def parse(self, lines: list[str]) -> None:
        i = 0
        while i < len(lines):
            line, used = lines[i], 1
            if fx.note_needs_more(line) and i + 1 < len(lines):
                line, used = f"{line} {lines[i + 1]}", 2
            if fx.is_note(line):
                self.attach_note(line)
            else:
                used = 1
                self.feed(lines[i])
            i += used

    def _unique(self, eid: str) -> str:
        candidate, n = eid, 2
        while candidate in self._eids:
            candidate, n = f"{eid}_{n}", n + 1
        if candidate != eid:
            self.warnings.append(f"duplicate provision id {eid}; stored as {candidate}")
        self._eids.add(candidate)
        return candidate

    def feed(self, line: str) -> None:
        structure = match_structure(line)
        if structure:
            return self.open_heading(structure)
        heading = match_article(line)
        if heading:
            return self.open_article(heading)
        if self.article is None:
            if self.naming is not None:
                self.naming.name = f"{self.naming.name} {line}".strip()
            return None
        if CLOSING.match(line) or SEPARATOR.match(line):
            return None
        self.article.lines.append(line)
        if self.try_fraction(line) or self.try_inciso(line):
            return None
        self.continue_subpart(line)
        return None

    def open_heading(self, found: StructureMatch) -> None:
        level_index = _STRUCTURE_ORDER.index(found.level)
        for lower in _STRUCTURE_ORDER[level_index:]:
            self.context.pop(lower, None)
        parents = [self.context[k].eid for k in _STRUCTURE_ORDER[:level_index] if k in self.context]
        own = f"{found.level}_{found.number}"
        eid = self._unique(f"{parents[-1]}.{own}" if parents else own)
        heading = Heading(eid=eid, level=found.level, number=found.number, name=found.name)
        self.context[found.level] = heading
        self.headings.append(heading)
        self.article, self.fraction, self.inciso, self.naming = None, None, None, heading

    def open_article(self, found: ArticleHeading) -> None:
        eid = self._unique(f"art_{found.number}" + (f"-{found.suffix}" if found.suffix else ""))
        context = {level: h.number for level, h in self.context.items()}
        self.article = Article(eid=eid, number=found.number, suffix=found.suffix, heading=found.heading, context=context)
        if found.rest:
            self.article.lines.append(found.rest)
        self.articles.append(self.article)
        self.fraction, self.inciso, self.naming = None, None, None

    def try_fraction(self, line: str) -> bool:
        m = FRACTION.match(line)
        if not m or not self._next_fraction(m.group("num"), m.group("suffix")):
            return False
        assert self.article is not None
        number = m.group("num") + (f"-{fold(m.group('suffix'))}" if m.group("suffix") else "")
        eid = self._unique(f"{self.article.eid}.frac_{number}")
        self.fraction = Provision(eid=eid, level="fraccion", number=number, lines=[m.group("rest")] if m.group("rest") else [])
        self.article.fracciones.append(self.fraction)
        self.inciso = None
        return True

    def _next_fraction(self, roman: str, suffix: str | None) -> bool:
        """Fracciones run I, II, III … (a Bis repeats the last number); anything else is prose."""
        value = roman_to_int(roman)
        assert self.article is not None
        if not self.article.fracciones:
            return value == 1 and not suffix
        last = roman_to_int(self.article.fracciones[-1].number)
        return value == 1 and not suffix or value == last + 1 and not suffix or bool(suffix) and value == last

    def try_inciso(self, line: str) -> bool:
        m = INCISO.match(line)
        if not m:
            return False
        parent = self.fraction or self.article
        assert parent is not None
        siblings = parent.children if isinstance(parent, Provision) else []
        letter = m.group("letter")
        if not _next_letter(siblings[-1].number if siblings else None, letter):
            return False
        if not isinstance(parent, Provision):
            return False  # incisos directly under an article stay in the article's text
        eid = self._unique(f"{parent.eid}.inc_{letter.lower()}")
        self.inciso = Provision(eid=eid, level="inciso", number=letter.lower(), lines=[m.group("rest")])
        parent.children.append(self.inciso)
        parent.lines.append(line)
        return True

    def continue_subpart(self, line: str) -> None:
        """A wrapped line continues the open inciso or fracción, unless a new paragraph began."""
        target = self.inciso or self.fraction
        if target is None:
            return
        previous = target.lines[-1] if target.lines else ""
        if previous.endswith(".") and line[:1].isupper():
            self.fraction, self.inciso = None, None  # the article's closing paragraph
            return
        target.lines.append(line)
        if self.inciso and self.fraction:
            self.fraction.lines.append(line)

    def attach_note(self, note: str) -> None:
        target = fx.note_target(note)
        owner = self._note_owner(target)
        if owner is None:
            self.warnings.append(f"note with no provision before it: {note!r}")
            return
        owner.notes.append(note)
        named = self._named_fractions(note)
        for eid in named or [owner.eid]:
            self.links.append(_NoteLink(eid, note))

    def _note_owner(self, target: str):
        if target in ("titulo", "capitulo", "seccion", "libro", "denominacion"):
            level = target if target != "denominacion" else None
            if level and level in self.context:
                return self.context[level]
            if self.naming is not None or self.article is None:
                return self.naming or (self.headings[-1] if self.headings else None)
            return self.article
        if self.article is None:
            return self.naming
        if target == "inciso":
            return self.inciso or self.fraction or self.article
        if target == "fraccion":
            return self.fraction or (self.article.fracciones[-1] if self.article.fracciones else self.article)
        if target == "provision":
            return self.inciso or self.fraction or self.article
        return self.article  # artículo, párrafo, apartado: the article holds them

    def _named_fractions(self, note: str) -> list[str]:
        """"FRACCIONES XV A XXI REFORMADAS POR …" names its fracciones; link each one that exists."""
        if self.article is None:
            return []
        m = fx._FRACTIONS.search(fold(note))
        if not m:
            return []
        names = fx._roman_list(m.group(1))
        existing = {f.number: f.eid for f in self.article.fracciones}
        return [existing[n] for n in names if n in existing] if len(names) > 1 else []


def _next_letter(previous: str | None, letter: str) -> bool:
    alphabet = "abcdefghijklmnñopqrstuvwxyz"
    low = letter.lower()
    if previous is None:
        return low == "a"
    index = alphabet.find(previous.lower())
    return index >= 0 and index + 1 < len(alphabet) and alphabet[index + 1] == low or (previous == "n" and low == "o")


# --- transitorios -------------------------------------------------------------------------------


def parse_transitorios(lines: list[str], prefix: str = "") -> tuple[list[Transitorio], list[_NoteLink]]:
    """Items "Primero.", "ARTÍCULO SEGUNDO.-", "Único." … in order; signatures end the last one."""
    items: list[Transitorio] = []
    links: list[_NoteLink] = []
    current: Transitorio | None = None
    for line in lines:
        if current is not None and fx.is_note(line):
            current.notes.append(line)
            links.append(_NoteLink(current.eid, line))
            continue
        if CLOSING.match(line) or SEPARATOR.match(line):
            current = None
            continue
        item = _transitorio_heading(line, items)
        if item == "elided":
            current = None
            continue
        if item is not None:
            number, label, rest = item
            eid = f"{prefix}trans_{number}"
            current = Transitorio(eid=eid, number=number, label=label, lines=[rest] if rest else [])
            items.append(current)
        elif current is not None:
            current.lines.append(line)
    return items, links


def _transitorio_heading(line: str, items: list[Transitorio]):
    m = TRANSITORIO_ITEM.match(line)
    if not m:
        return None
    words = m.group("words")
    digits = re.sub(r"\D", "", words)
    value: int | str | None = int(digits) if words[0].isdecimal() and digits.isdecimal() else ordinal_value(words)
    if value is None:
        return None
    rest = m.group("rest").strip()
    is_article_form = bool(re.match(_ARTICLE_WORD, line))
    last = items[-1].number if items else None
    in_sequence = value == "unico" and not items or isinstance(value, int) and (
        last is None and value == 1 or isinstance(last, int) and value == last + 1
    )
    if not in_sequence:
        # "Artículo Segundo. ………." after the law's transitorios: the issuing decree's other
        # articles, elided by the publisher. They end the current item and are not transitorios.
        return "elided" if is_article_form else None
    if ELIDED.match(rest) and rest:
        return "elided"
    label = line[: m.start("rest")].strip() if rest else line.strip()
    return value, label, rest


def split_law_transitorios(lines: list[str]) -> tuple[list[str], list[str]]:
    """The law's own transitorios, and (after a second TRANSITORIO heading) the issuing decree's."""
    for i, line in enumerate(lines):
        if i > 0 and is_transitorios_heading(line):
            return lines[:i], lines[i + 1 :]
    return lines, []


# --- reform decrees ------------------------------------------------------------------------------


@dataclass
class _Block:
    title_lines: list[str] = field(default_factory=list)
    publication: Publication | None = None
    content: list[str] = field(default_factory=list)
    signed: bool = False  # its transitorios ended with a signature: a new article starts a new decree

    def is_empty(self) -> bool:
        return not self.title_lines and self.publication is None and not self.content


def split_decree_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = [_Block()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if DECREES_HEADING.match(line):
            i += 1
        elif SEPARATOR.match(line):
            blocks.append(_Block())
            i += 1
        elif _is_federal_decree_title(lines, i):
            block = _Block()
            blocks.append(block)
            i = _read_federal_title(lines, i, block)
        elif is_state_publication(line):
            text, used = _with_next(lines, i)
            if blocks[-1].publication is not None or blocks[-1].content:
                blocks.append(_Block())
            blocks[-1].publication = publication_from(text)
            i += used
        else:
            block = blocks[-1]
            if block.signed and match_article(line):
                block = _Block()
                blocks.append(block)
            if CLOSING.match(line) and any(is_transitorios_heading(c) for c in block.content):
                block.signed = True
            block.content.append(line)
            i += 1
    return [b for b in blocks if not b.is_empty()]


def _read_federal_title(lines: list[str], i: int, block: _Block) -> int:
    """Title lines up to "Publicado en el Diario Oficial de la Federación el …"; returns the next index."""
    while i < len(lines) and not PUBLISHED_IN.match(lines[i]):
        block.title_lines.append(lines[i])
        i += 1
    if i < len(lines):
        text, used = _with_next(lines, i)
        block.publication = publication_from(text)
        i += used
    return i


def build_decree(block: _Block) -> ReformDecree | None:
    split = next((k for k, line in enumerate(block.content) if is_transitorios_heading(line)), None)
    operative = block.content if split is None else block.content[:split]
    operative = _until_closing(operative)
    trans_lines = [] if split is None else block.content[split + 1 :]
    title = " ".join(block.title_lines).strip() or None
    if title is None and operative:
        title = reflow(operative).split("\n")[0][:300]
    decree = ReformDecree(title=title, publication=block.publication or Publication(), operative_text=reflow(operative))
    decree.transitorios, _ = parse_transitorios(trans_lines, prefix=f"{decree.key}.")
    if not operative and not decree.transitorios and not block.title_lines:
        return None  # a bare publication line: the closing of the original decree
    return decree


def _until_closing(lines: list[str]) -> list[str]:
    for k, line in enumerate(lines):
        if CLOSING.match(line):
            return lines[:k]
    return lines


def parse_decrees(lines: list[str]) -> list[ReformDecree]:
    decrees = [build_decree(block) for block in split_decree_blocks(lines)]
    found = [d for d in decrees if d is not None]
    assign_decree_ids(found)
    return found


def assign_decree_ids(decrees: list[ReformDecree]) -> None:
    """``decree_{date}``; two decrees of one day (Durango often publishes several per issue) add
    their number: ``decree_2019-03-31-75``. Transitorio ids follow their decree's id."""
    for decree in decrees:
        decree.id = None
    base = [d.key for d in decrees]
    for decree, key in zip(decrees, base, strict=True):
        clash = base.count(key) > 1
        suffix = decree.publication.decree or str(base[: decrees.index(decree)].count(key) + 1)
        decree.id = f"{key}-{suffix}" if clash else key
        for item in decree.transitorios:
            item.eid = f"{decree.id}.{item.eid.split('.', 1)[-1]}"


# --- metadata -----------------------------------------------------------------------------------

_TITLE_START = re.compile(
    r"^(?:LEY|Ley|C[OÓ]DIGO|C[oó]digo|REGLAMENTO|Reglamento|CONSTITUCI[OÓ]N|Constituci[oó]n|ESTATUTO|Estatuto|"
    r"DECRETO|PROGRAMA|Programa|ACUERDO|LINEAMIENTOS|NORMA|BANDO|PRESUPUESTO|PROTOCOLO|Protocolo)\b"
)
_TITLE_STOP = re.compile(
    r"^(?:C[AÁ]MARA DE DIPUTADOS|Secretar[ií]a|FECHA DE|DATOS DE|PUBLICAD|Publicad|[UÚ]LTIMA|[ÚU]ltima|"
    r"TEXTO|Texto|Nueva|NUEVA|DEC\.|DECRETO\s+N|Al margen|\d)"
)


def find_title(first_page: list[str] | tuple[str, ...]) -> str | None:
    lines = list(first_page[:40])
    for i, line in enumerate(lines):
        if not _TITLE_START.match(line) or re.match(r"^DECRETO\s+(?:N|\d)", line, re.I):
            continue
        parts = [line]
        for nxt in lines[i + 1 : i + 6]:
            if _TITLE_STOP.match(nxt) or not _mostly_upper(nxt) or match_structure(nxt) or match_article(nxt):
                break
            parts.append(nxt)
        title = re.split(r"\s+DECRETO\s+(?:No\.?\s*|N[UÚ]M\w*\s*)?\d", " ".join(parts))[0]
        return title.strip().rstrip(".").strip() or None
    return next((line for line in lines if line.strip()), None)


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_LAST_REFORM = re.compile(r"\bultimas?\s+reformas?\b")


def find_original_publication(preamble: list[str]) -> Publication:
    """"Nueva Ley publicada en el DOF el …" / "PUBLICADO EN EL PERIÓDICO OFICIAL No. 53, …" /
    "DECRETO 338, LXVII LEGISLATURA, PERIODICO OFICIAL No. 104 DE FECHA …" on the title page."""
    decree_only: Publication | None = None
    for i, line in enumerate(preamble):
        folded = fold(line)
        if _LAST_REFORM.search(folded):
            continue
        text, _ = _with_next(preamble, i)
        states_publication = "publicad" in folded and re.search(r"oficial|gaceta|\bdof\b", folded)
        if (states_publication or re.search(r"\bdec(?:reto|\.)\s*(?:no\.?\s*)?\d+.*(?:p\.\s?o\b|periodico oficial)", folded)) and find_dates(text):
            return publication_from(text)
        if decree_only is None and re.match(r"^decreto\s+(?:no\.?|numero|num\.)?\s*\d+\s*$", folded):
            decree_only = Publication(decree=re.search(r"\d+", folded).group(0), raw=line)
    if decree_only is not None:
        window = " ".join(preamble)
        decree_only.legislatura = legislatura_of(window)
        return decree_only
    return Publication()


def find_last_reform(preamble: list[str], furniture: list[str]) -> tuple[dt.date | None, str | None, Publication | None]:
    """(date, where it was read, the publication line of the header) — the title page wins."""
    for i, line in enumerate(preamble):
        if _LAST_REFORM.search(fold(line)):
            dates = find_dates(" ".join(preamble[i : i + 3]))
            if dates:
                return dates[0], "title_page", None
    for line in furniture:
        folded = fold(line)
        if re.search(r"\bdof\b|p\.\s?o\b|\bdec\.|decreto|periodico oficial|gaceta|ultima reforma", folded):
            dates = find_dates(line)
            if dates:
                return dates[0], "running_header", publication_from(line)
    return None, None, None


def text_status(first_page: list[str], has_history: bool) -> str:
    folded = fold(" ".join(first_page))
    if "texto vigente" in folded:
        return "vigente"
    if "texto original" in folded:
        return "original"
    return "vigente" if has_history else "original"


# --- assembly -----------------------------------------------------------------------------------


def parse_law(content: bytes, *, url: str | None = None) -> LawDocument:
    """Parse one consolidated law (PDF, DOCX, OOXML named .doc, legacy .doc, HTML or text).

    Raises a :class:`pipeline.parse.extract.DocumentError` subclass when the bytes cannot be read.
    """
    extracted = extract_text(content)
    doc = parse_law_pages(list(extracted.pages))
    doc.format, doc.url = extracted.format, url
    return doc


def parse_law_pages(pages: list[str]) -> LawDocument:
    """The structure of a law from its page texts (the format-independent half of parse_law)."""
    clean = clean_pages(pages)
    lines = list(clean.lines)
    body_start = find_body_start(lines)
    trans_start = find_transitorios_start(lines, body_start)
    body_end = trans_start if trans_start is not None else find_decrees_start(lines, body_start)
    decrees_start = find_decrees_start(lines, body_end + 1 if trans_start is not None else body_end)

    body = BodyParser()
    body.parse(lines[body_start:body_end])
    preamble = lines[:body_start]
    published = find_original_publication(preamble)
    own, origin = split_law_transitorios(lines[body_end + 1 : decrees_start] if trans_start is not None else [])
    transitorios, trans_links = parse_transitorios(own)
    origin_prefix = f"decree_{published.date.isoformat()}." if published.date else "decree_origin."
    origin_transitorios, _ = parse_transitorios(origin, prefix=origin_prefix)
    decrees = parse_decrees(lines[decrees_start:])

    last_reform, source, header_publication = find_last_reform(preamble, list(clean.furniture))
    _infer_missing_decree(decrees, header_publication)
    if last_reform is None and decrees and any(d.publication.date for d in decrees):
        last_reform, source = max(d.publication.date for d in decrees if d.publication.date), "decrees"

    doc = LawDocument(
        title=find_title(clean.first_page),
        published=published,
        last_reform=last_reform,
        last_reform_source=source,
        text_status=text_status([*clean.first_page, *preamble[:20]], bool(decrees or body.links)),
        articles=body.articles,
        transitorios=transitorios,
        reform_decrees=decrees,
        effects=[],
        headings=body.headings,
        origin_transitorios=origin_transitorios,
        pages=len(pages),
        warnings=body.warnings,
    )
    doc.effects = _note_effects([*body.links, *trans_links], decrees) + _decree_effects(decrees)
    doc.trafficking = bool(doc.title and is_trafficking(doc.title))
    _check_numbering(doc)
    return doc


def _infer_missing_decree(decrees: list[ReformDecree], header: Publication | None) -> None:
    """A consolidated text includes its last reform: a final decree block printed without its
    publication line is that reform, as the running header names it."""
    if header is None or header.date is None or not decrees:
        return
    if any(d.publication.date == header.date and d.publication.decree == header.decree for d in decrees):
        return
    last = decrees[-1]
    if last.publication.date is None and last.publication.decree is None:
        last.publication = header
        last.inferred = True
        assign_decree_ids(decrees)


def _decree_for(date: dt.date | None, decree_number: str | None, decrees: list[ReformDecree]) -> ReformDecree | None:
    for decree in decrees:
        if decree_number and decree.publication.decree == decree_number:
            return decree
    for decree in decrees:
        if date and decree.publication.date == date:
            return decree
    return None


def _note_effects(links: list[_NoteLink], decrees: list[ReformDecree]) -> list[Effect]:
    out = []
    for link in links:
        for found in fx.parse_note(link.note):
            decree = _decree_for(found.date, found.decree, decrees)
            label = found.decree or (decree.publication.decree if decree and decree.publication.decree else None)
            out.append(Effect(link.eid, found.effect_type, found.date, label or (decree.key if decree else None),
                              found.gazette, "note", link.note))  # fmt: skip
    return out


def _decree_effects(decrees: list[ReformDecree]) -> list[Effect]:
    out = []
    for decree in decrees:
        pub = decree.publication
        for found in fx.parse_decree_effects(decree.operative_text):
            gazette = pub.gazette if pub.gazette == "DOF" or not pub.issue else f"P.O. {pub.issue}"
            out.append(Effect(found.provision_eid, found.effect_type, pub.date, pub.decree or decree.key, gazette,
                              "decree", found.raw))  # fmt: skip
    return out


def _check_numbering(doc: LawDocument) -> None:
    """Warn (never fail) when numbered articles skip or repeat a number."""
    numbers = [int(a.number) for a in doc.articles if a.number.isdecimal() and not a.suffix]
    for previous, current in zip(numbers, numbers[1:], strict=False):
        if current != previous + 1:
            doc.warnings.append(f"article numbering jumps from {previous} to {current}")


# --- records ------------------------------------------------------------------------------------


def provisions_of(doc: LawDocument) -> list:
    """Every provision as a ProvisionRecord: headings, articles, fracciones, incisos, transitorios."""
    from pipeline.records import ProvisionRecord

    out = [ProvisionRecord(h.eid, h.level, h.number, h.name, notes=tuple(h.notes)) for h in doc.headings]
    for article in doc.articles:
        out.append(ProvisionRecord(article.eid, "articulo", article.number, article.text, article.derogated,
                                   tuple(article.notes)))  # fmt: skip
        for fraction in article.fracciones:
            out.append(ProvisionRecord(fraction.eid, "fraccion", fraction.number, fraction.text, fraction.derogated,
                                       tuple(fraction.notes)))  # fmt: skip
            out.extend(ProvisionRecord(i.eid, "inciso", i.number, i.text, i.derogated, tuple(i.notes))
                       for i in fraction.children)  # fmt: skip
    transitorios = [*doc.transitorios, *doc.origin_transitorios]
    transitorios += [t for d in doc.reform_decrees for t in d.transitorios]
    out.extend(ProvisionRecord(t.eid, "transitorio", str(t.number), t.text, notes=tuple(t.notes)) for t in transitorios)
    return out


def to_version_record(doc: LawDocument, instrument, evidence):
    """The parsed law as a :class:`pipeline.records.VersionRecord` (an expression of the work)."""
    from pipeline.records import EffectRecord, VersionRecord

    effects = tuple(EffectRecord(e.provision, e.effect, e.date, e.decree, e.gazette, e.raw) for e in doc.effects)
    return VersionRecord(
        instrument=instrument,
        evidence=evidence,
        version_date=doc.last_reform or doc.published.date,
        parser_version=PARSER_VERSION,
        provisions=tuple(provisions_of(doc)),
        effects=effects,
        metadata={
            "title": doc.title,
            "published": doc.published.to_json(),
            "text_status": doc.text_status,
            "reform_decrees": [d.to_json() for d in doc.reform_decrees],
            "warnings": list(doc.warnings),
        },
    )


def inspect_law(path: Path) -> dict:
    """``proteja inspect FILE --kind law --json``: one document as JSON-able data."""
    path = Path(path)
    return parse_law(path.read_bytes(), url=path.as_uri()).to_json()


#: Kinds the CLI's ``inspect`` command can show.
INSPECT_KINDS = {"law": inspect_law}
