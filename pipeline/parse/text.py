"""From extracted pages to clean body lines: page furniture out, hyphenation joined, NFC.

Furniture is found by repetition rather than by the wording of one publisher: a line near the
top or bottom of a page whose shape (digits masked) recurs on most pages is a running header or
footer ("CÁMARA DE DIPUTADOS … Última Reforma DOF …", "FECHA DE ULTIMA REFORMA: DEC. 337 …",
"FECHA DE REV.26/10/2017 NO.DE REV.02 …"). Page numbers ("1 de 60", "Página 3", a bare "12") in
those zones go too. The removed lines are kept, because running headers carry metadata.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from pipeline.parse.dates import fold

#: How many lines at the top and bottom of a page may be furniture.
TOP_ZONE = 8
BOTTOM_ZONE = 4
#: A line shape is furniture when it recurs on at least this share of pages (and on ≥ 2 pages).
REPEAT_SHARE = 0.5

PAGE_NUMBER = re.compile(r"^(?:p[aá]gina\s*|p[aá]g\.\s*|-\s*)?\d{1,4}(?:\s*(?:de|/)\s*\d{1,4})?(?:\s*-)?$", re.I)
_SOFT_HYPHENS = "\u00ad\ufffe\x02"


@dataclass(frozen=True)
class CleanText:
    """Body lines in reading order, plus the furniture removed (first page's, then the rest)."""

    lines: tuple[str, ...]
    furniture: tuple[str, ...]
    first_page: tuple[str, ...]  # page 1 as extracted (normalised), furniture included


# Compiled once: normalise_line and shape run on every line of every page.
_JOINED_HYPHEN = re.compile(r"(?<=\w)[\ufffe\x02\u00ad](?=\w)")
_SPACES = re.compile(r" {2,}")
_DIGITS = re.compile(r"\d+")


def normalise_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    # pdfium marks a word hyphenated across lines with U+FFFE and joins the halves itself.
    line = _JOINED_HYPHEN.sub("", line)
    line = line.replace("\xa0", " ").replace("\t", " ")
    return _SPACES.sub(" ", line).strip()


def page_lines(page: str) -> list[str]:
    lines = (normalise_line(line) for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line]


def shape(line: str) -> str:
    """A line with digits masked, folded: "2 de 60" and "3 de 60" have the same shape."""
    return _DIGITS.sub("#", fold(line))


def _zone_keys(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, position key, shape) for the top and bottom zones of one page.

    The key is the distance from the top (0, 1, …) or from the bottom (-1, -2, …): running
    headers sit at the same place on every page, body lines that merely look alike do not.
    """
    keys = []
    for index, line in enumerate(lines):
        if index < TOP_ZONE:
            keys.append((index, index, shape(line)))
        elif index >= len(lines) - BOTTOM_ZONE:
            keys.append((index, index - len(lines), shape(line)))
    return keys


def furniture_keys(pages: list[list[str]]) -> set[tuple[int, str]]:
    """(position, shape) pairs that recur on most pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[int, str]] = Counter()
    for lines in pages:
        counts.update({(position, s) for _, position, s in _zone_keys(lines)})
    needed = max(2, int(len(pages) * REPEAT_SHARE + 0.999))
    return {key for key, n in counts.items() if n >= needed}


def _furniture_indexes(lines: list[str], keys: set[tuple[int, str]]) -> set[int]:
    return {
        index
        for index, position, s in _zone_keys(lines)
        if ((position, s) in keys or PAGE_NUMBER.match(lines[index])) and not _is_rule(lines[index])
    }


def _is_rule(line: str) -> bool:
    """A line of dashes separates decree blocks: it is structure, even where it recurs."""
    return len(line) >= 10 and not any(c.isalnum() for c in line)


def dehyphenate(lines: list[str]) -> list[str]:
    """Join words split across lines ("protec-" + "ción"); keep real dashes ("Artículo 1.-")."""
    out: list[str] = []
    for line in lines:
        if out and _ends_split_word(out[-1]) and line[:1].islower():
            out[-1] = out[-1].rstrip("-" + _SOFT_HYPHENS) + line
        else:
            out.append(line)
    return [line.replace("\u00ad", "") for line in out]


def _ends_split_word(line: str) -> bool:
    if line.endswith(tuple(_SOFT_HYPHENS)):
        return True
    return len(line) >= 3 and line.endswith("-") and line[-2].isalpha() and line[-3].isalpha()


def clean_pages(pages: list[str] | tuple[str, ...]) -> CleanText:
    """Remove furniture from every page, then de-hyphenate across the page breaks too."""
    split = [page_lines(page) for page in pages]
    keys = furniture_keys(split)
    body: list[str] = []
    furniture: list[str] = []
    for lines in split:
        removed = _furniture_indexes(lines, keys) if len(split) > 1 else set()
        for index, line in enumerate(lines):
            if index in removed:
                furniture.append(line)
            else:
                body.append(line)
    first_page = tuple(split[0]) if split else ()
    return CleanText(lines=tuple(dehyphenate(body)), furniture=tuple(furniture), first_page=first_page)
