"""The law's body: where it starts and ends, and the article/fraction/inciso tree."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.parse.dates import fold
from pipeline.parse.law import effects as fx
from pipeline.parse.law.citations import (
    ArticleHeading,
    StructureMatch,
    is_state_publication,
    is_transitorios_heading,
    match_article,
    match_structure,
)
from pipeline.parse.law.model import Article, Heading, Provision
from pipeline.parse.law.numerals import roman_to_int
from pipeline.parse.law.patterns import (
    _STRUCTURE_ORDER,
    CLOSING,
    DECREES_HEADING,
    FEDERAL_DECREE_TITLE,
    FRACTION,
    INCISO,
    PUBLISHED_IN,
    SEPARATOR,
    canonical_suffix,
)
from pipeline.parse.law.profiles import GENERIC, LayoutProfile

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


def find_decrees_start(lines: list[str], start: int, profile: LayoutProfile = GENERIC) -> int:
    for i in range(start, len(lines)):
        if is_decree_start(lines, i, profile):
            return i
    return len(lines)


def is_decree_start(lines: list[str], i: int, profile: LayoutProfile) -> bool:
    """Does a reform decree (or the heading over them) start at line ``i``, under ``profile``'s conventions?"""
    line = lines[i]
    if DECREES_HEADING.match(line):
        return True
    if profile.state_publication_lines and is_state_publication(line):
        return True
    return profile.federal_decree_titles and _is_federal_decree_title(lines, i)


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
        number = m.group("num") + (f"-{canonical_suffix(m.group('suffix'))}" if m.group("suffix") else "")
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
        m = fx.FRACTIONS.search(fold(note))
        if not m:
            return []
        names = fx.roman_list(m.group(1))
        existing = {f.number: f.eid for f in self.article.fracciones}
        return [existing[n] for n in names if n in existing] if len(names) > 1 else []


def _next_letter(previous: str | None, letter: str) -> bool:
    alphabet = "abcdefghijklmnñopqrstuvwxyz"
    low = letter.lower()
    if previous is None:
        return low == "a"
    index = alphabet.find(previous.lower())
    return index >= 0 and index + 1 < len(alphabet) and alphabet[index + 1] == low or (previous == "n" and low == "o")
