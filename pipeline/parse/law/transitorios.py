"""Transitorios: the law's own and each decree's."""

from __future__ import annotations

import re

from pipeline.parse.law import effects as fx
from pipeline.parse.law.body import _NoteLink
from pipeline.parse.law.citations import is_transitorios_heading
from pipeline.parse.law.model import Transitorio
from pipeline.parse.law.numerals import ordinal_value
from pipeline.parse.law.patterns import _ARTICLE_WORD, CLOSING, ELIDED, SEPARATOR, TRANSITORIO_ITEM

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
