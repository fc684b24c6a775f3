"""Line matchers and gazette citations: article headings, structure headings, publication lines, legislaturas."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.dates import find_dates, fold
from pipeline.parse.law import effects as fx
from pipeline.parse.law.model import Publication
from pipeline.parse.law.numerals import ordinal_value, roman_to_int
from pipeline.parse.law.patterns import (
    _STRUCTURE_KINDS,
    ARTICLE_NUMBERED,
    ARTICLE_ORDINAL,
    TRANSITORIOS_HEADING,
    canonical_suffix,
)

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
        suffix = canonical_suffix(m.group("suffix"))
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
    decree = fx.DECREE_NUMBER.search(folded)
    issue = fx.STATE_ISSUE.search(folded)
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
