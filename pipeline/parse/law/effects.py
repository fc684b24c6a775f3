"""Amendment effects: inline provenance notes and reform-decree texts → affected provisions.

Two sources of the same facts (the Mexican counterpart of legislation.gov.uk's effects table):

* inline notes printed after a provision in consolidated texts: "Fracción reformada DOF
  19-01-2018, 07-06-2024", "Párrafo adicionado DOF 07-06-2024", "ARTICULO REFORMADO POR DEC. 230
  P.O. 93 DE FECHA 19 DE NOVIEMBRE DE 2017.", "(F. DE E., P.O. 15 DE MAYO DE 2017)";
* the operative article of a reform decree: "Se REFORMAN los artículos 2o., fracción I; 5o.,
  párrafos tercero y cuarto …; se ADICIONA …; se DEROGA …", or "se reforman la fracción VII, del
  artículo 4o; el párrafo segundo del artículo 57 …", or the all-caps state style "SE ADICIONAN
  LAS FRACCIONES XV Y XVI AL ARTÍCULO 4".

Effect types are :data:`pipeline.core.vocab.EFFECT_TYPES`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.parse.dates import find_dates, fold
from pipeline.parse.law.patterns import SUFFIX_FOLDED, canonical_suffix

# --- inline notes -------------------------------------------------------------------------------

_PARTICIPLES = {
    "reformad": "reforma",
    "modificad": "reforma",
    "adicionad": "adicion",
    "derogad": "derogacion",
    "abrogad": "abrogacion",
    "fe de erratas": "fe_de_erratas",
    "f. de e.": "fe_de_erratas",
    "f. de e,": "fe_de_erratas",
    "recorrid": None,  # renumbered: no change of text, kept as a note only
}
_PARTICIPLE = r"(?:reformad|modificad|adicionad|derogad|abrogad|recorrid|fe de erratas|f\.\s?de\s?e\.)"
_NOUN = (
    r"(?:art[ií]culos?|fracci[oó]n(?:es)?|p[aá]rrafos?|incisos?|sub-?incisos?|apartados?|numerales?|"
    r"denominaci[oó]n|cap[ií]tulos?|t[ií]tulos?|secci[oó]n(?:es)?|libros?|leyes?|la ley|rubro|"
    r"[uú]ltimo p[aá]rrafo|nombre)"
)
#: A note starts with a provision noun (optionally qualified) or directly with a participle.
NOTE_START = re.compile(
    rf"^\(?\s*(?:(?:el |la |los |las )?{_NOUN}\b[^.;]{{0,80}}?\s)?{_PARTICIPLE}|^\(?\s*{_PARTICIPLE}",
)
_GAZETTE_MARK = re.compile(r"\b(?:d\.?\s?o\.?\s?f\b|p\.\s?o\b|periodico oficial|gaceta|dec\.|decreto)")


def is_note(line: str) -> bool:
    """True for an inline provenance note (the whole line is the note)."""
    folded = fold(line)
    if len(folded) > 260 or not NOTE_START.match(folded):
        return False
    return bool(_GAZETTE_MARK.search(folded)) and bool(find_dates(line))


def note_needs_more(line: str) -> bool:
    """A note whose date wrapped onto the next line (it starts like a note but has no date yet)."""
    folded = fold(line)
    return len(folded) < 200 and bool(NOTE_START.match(folded)) and bool(_GAZETTE_MARK.search(folded)) and not find_dates(line)


@dataclass(frozen=True)
class NoteEffect:
    """One effect read from an inline note (one per date when a note lists several)."""

    effect_type: str
    date: dt.date | None
    target: str  # the noun the note names: "articulo", "fraccion", "parrafo", "inciso", …
    decree: str | None
    gazette: str | None
    raw: str


_TARGETS = (
    ("fraccion", "fraccion"),
    ("inciso", "inciso"),
    ("parrafo", "parrafo"),
    ("apartado", "apartado"),
    ("numeral", "numeral"),
    ("denominacion", "denominacion"),
    ("capitulo", "capitulo"),
    ("titulo", "titulo"),
    ("seccion", "seccion"),
    ("libro", "libro"),
    ("articulo", "articulo"),
)


def note_target(note: str) -> str:
    """Which level a note speaks of; a bare "REFORMADO POR …" speaks of the provision above it."""
    head = re.split(_PARTICIPLE, fold(note), maxsplit=1)[0]
    for word, target in _TARGETS:
        if word in head:
            return target
    return "provision"


def _effect_segments(folded: str) -> list[tuple[str | None, str]]:
    """(effect type, text) segments: "Artículo reformado DOF x, Fe de erratas DOF y" has two."""
    marks = [(m.start(), m.group(0)) for m in re.finditer(_PARTICIPLE, folded)]
    segments = []
    for i, (start, word) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(folded)
        key = next(k for k in _PARTICIPLES if word.replace(" ", "").startswith(k.replace(" ", "")))
        segments.append((_PARTICIPLES[key], folded[start:end]))
    return segments


DECREE_NUMBER = re.compile(r"\bdec(?:reto|\.)\s*(?:no\.?\s*|num(?:ero)?\.?\s*)?(\d+)")
STATE_ISSUE = re.compile(
    r"(?:p\.\s?o\.|periodico oficial|gaceta oficial)\s*(?:no\.?|num(?:ero)?\.?|#)?\s*(\d+(?:\s*(?:bis|ext(?:raordinario)?\.?))?)"
)


def parse_note(note: str) -> list[NoteEffect]:
    """The effects one inline note records (none for a note that only says "recorrido")."""
    folded = fold(note)
    target = note_target(note)
    decree_match = DECREE_NUMBER.search(folded)
    issue_match = STATE_ISSUE.search(folded)
    gazette = "DOF" if re.search(r"\bd\.?\s?o\.?\s?f\b", folded) else None
    if issue_match:
        gazette = f"P.O. {issue_match.group(1).upper()}"
    effects = []
    for effect_type, segment in _effect_segments(folded):
        if effect_type is None:
            continue
        dates = find_dates(segment) or [None]
        for date in dates:
            effects.append(
                NoteEffect(effect_type, date, target, decree_match.group(1) if decree_match else None, gazette, note)
            )
    return effects


# --- reform-decree texts ------------------------------------------------------------------------

_VERB = re.compile(r"\bse\s+(reforma|adiciona|deroga|abroga)n?\b")
_VERB_EFFECT = {"reforma": "reforma", "adiciona": "adicion", "deroga": "derogacion", "abroga": "abrogacion"}
#: Where the list of provisions ends and the name of the amended law begins.
_LIST_END = re.compile(
    r"\b(?:todos?\s+)?(?:de|a)\s+la\s+(?:ley|constitucion)\b|\bdel\s+codigo\b|\bpara quedar\b|\bde este ordenamiento\b"
)
_SUFFIX = rf"(?:\s+{SUFFIX_FOLDED})?"
_ORDINAL_SUFFIX = r"(?:\s*(?:o|º)\b\.?|\.)?"
_ARTICLE_AFTER_WORD = re.compile(rf"\bart(?:iculos?|s?\.)\s+((?:\d+{_ORDINAL_SUFFIX}{_SUFFIX}(?:\s*(?:,|y|e)\s*)?)+)")
_NUMBER = re.compile(rf"(\d+){_ORDINAL_SUFFIX}({_SUFFIX})")
_ROMAN = r"\b[ivxlc]+\b"
FRACTIONS = re.compile(
    rf"\bfracci(?:on|ones)\s+((?:{_ROMAN}{_SUFFIX}(?:\s*(?:,|y|e|a|al)\s*)?)+)(?![a-z])"
)
_INCISOS = re.compile(r"\bincisos?\s+((?:(?:de\s+la\s+)?[a-zñ]\)?\.?(?:\s*(?:,|y|e|a|al)\s*)?)+)")
_BINDS_FORWARD = re.compile(r"\b(?:del|al|de los|a los|en el|en los)\s+art")


@dataclass(frozen=True)
class DecreeEffect:
    """One provision a reform decree names, with the effect the decree has on it."""

    effect_type: str
    provision_eid: str
    raw: str  # the clause the provision was read from


def article_eid(number: str, suffix: str = "") -> str:
    suffix = canonical_suffix(suffix) or ""
    return f"art_{int(number)}" + (f"-{suffix}" if suffix else "")


def roman_list(text: str) -> list[str]:
    """'ii, iii, v y xi' → ['II', 'III', 'V', 'XI']; 'xv a xxi' → the whole range."""
    from pipeline.parse.law import roman_to_int

    items = re.findall(rf"({_ROMAN})({_SUFFIX})|\b(a|al)\b", text)
    out: list[str] = []
    pending_range = False
    for roman, suffix, range_word in items:
        if range_word:
            pending_range = bool(out)
            continue
        value = roman.upper() + (f"-{canonical_suffix(suffix)}" if suffix.strip() else "")
        if pending_range and not suffix.strip() and "-" not in out[-1]:
            start, end = roman_to_int(out[-1]), roman_to_int(roman.upper())
            out.extend(int_to_roman(n) for n in range(start + 1, end + 1))
        else:
            out.append(value)
        pending_range = False
    return out


def int_to_roman(number: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(text: str) -> list[str]:
    letters = re.findall(r"(?<![a-zñ])([a-zñ])\)", text) or re.findall(r"(?<![a-zñ])([a-zñ])(?![a-zñ])", text)
    return [letter for letter in letters if letter not in ("y", "e", "a") or ")" in text]


def _articles_in(segment: str) -> list[str]:
    """Article eids in a segment: after "artículo(s)", or a bare number opening the segment."""
    found = []
    for match in _ARTICLE_AFTER_WORD.finditer(segment):
        found.extend(article_eid(n, s) for n, s in _NUMBER.findall(match.group(1)))
    if not found:
        bare = re.match(rf"\s*((?:\d+{_ORDINAL_SUFFIX}{_SUFFIX}(?:\s*(?:,|y|e)\s*(?=\d))?)+)", segment)
        if bare:
            found.extend(article_eid(n, s) for n, s in _NUMBER.findall(bare.group(1)))
    return found


def _subparts(segment: str) -> list[str]:
    """Relative eids of fracciones and incisos named in a segment ('frac_II', 'frac_VI.inc_a')."""
    fractions = [f"frac_{r}" for m in FRACTIONS.finditer(segment) for r in roman_list(m.group(1))]
    incisos = [f"inc_{letter}" for m in _INCISOS.finditer(segment) for letter in _letters(m.group(1))]
    if incisos and len(fractions) == 1:
        return [f"{fractions[0]}.{inc}" for inc in incisos]
    return fractions + incisos


def _segment_effects(effect_type: str, segment: str, in_article_list: bool) -> list[DecreeEffect]:
    forward = _BINDS_FORWARD.search(segment)
    if forward:  # "la fracción VII, del artículo 4o" / "LAS FRACCIONES XV Y XVI AL ARTÍCULO 4"
        articles = _articles_in(segment[forward.start():])
        parts = _subparts(segment[: forward.start()])
    else:  # "2o., fracción I" / "los artículos 108; 124 y 125"
        articles = _articles_in(segment) if (in_article_list or "art" in segment) else []
        parts = _subparts(segment)
    if not articles:
        return []
    if not parts or len(articles) > 1:
        return [DecreeEffect(effect_type, eid, segment.strip()) for eid in articles]
    return [DecreeEffect(effect_type, f"{articles[0]}.{part}", segment.strip()) for part in parts]


def _split_forward_items(segment: str) -> list[str]:
    """"la fracción VIII del artículo 90, los párrafos primero y tercero del artículo 94" is two
    items; "2o., fracción I" (article first) stays one."""
    if not _BINDS_FORWARD.search(segment):
        return [segment]
    # "… a la fracción I" / "… de la fracción" bind to the item before them: not a new item.
    pieces = re.split(r"(?<!\ba)(?<!\bal)(?<!\bde)(?<!\ben),?\s+(?:y\s+)?"
                      r"(?=(?:el|la|los|las|un|una)\s+(?:fraccion|parrafo|inciso|articulo|apartado))", segment)
    return [piece for piece in pieces if piece.strip()]


def parse_decree_effects(text: str) -> list[DecreeEffect]:
    """Provisions named by a reform decree's operative text, each with its effect type, in order.

    Paragraph-level changes ("párrafos tercero y cuarto") are attributed to their article; a
    denomination change of a Título or Capítulo names no article and yields nothing.
    """
    folded = fold(text).replace("–", "-")
    verbs = list(_VERB.finditer(folded))
    effects: list[DecreeEffect] = []
    pending: list[tuple[str, list[str], str]] = []  # parts whose article comes in a later clause
    for i, verb in enumerate(verbs):
        end = verbs[i + 1].start() if i + 1 < len(verbs) else len(folded)
        clause = folded[verb.end():end]
        list_end = _LIST_END.search(clause)
        clause = clause[: list_end.start()] if list_end else clause
        effect_type = _VERB_EFFECT[verb.group(1)]
        in_list = False
        for segment in re.split(r";", clause):
            in_list = in_list or bool(re.search(r"\bart(?:iculos|s\.)", segment))
            for piece in _split_forward_items(segment):
                for item in _split_numbered_items(piece) if in_list else [piece]:
                    found = _segment_effects(effect_type, item, in_list)
                    if not found and _subparts(item):
                        pending.append((effect_type, _subparts(item), item.strip()))
                        continue
                    if found and pending:
                        effects.extend(_anchor_pending(pending, found[0].provision_eid))
                        pending = []
                    effects.extend(found)
    return _dedupe(effects)


def _split_numbered_items(piece: str) -> list[str]:
    """In an article list, "5o., párrafos tercero y cuarto, y 6o" is two items: a comma (and "y")
    followed by an article number starts a new one. "2o., fracción I" stays one."""
    if _BINDS_FORWARD.search(piece):
        return [piece]
    items = re.split(rf",\s*(?:y\s+|e\s+)?(?=\d+{_ORDINAL_SUFFIX}{_SUFFIX}\s*(?:,|y\b|e\b|$))", piece)
    return [item for item in items if item.strip()]


def _anchor_pending(pending: list[tuple[str, list[str], str]], anchor: str) -> list[DecreeEffect]:
    """Parts named before their article ("SE REFORMAN LOS INCISOS J) Y K), Y SE ADICIONAN … A LA
    FRACCIÓN I DEL ARTÍCULO 11 TER") take the article, and the fracción for incisos, of the next anchor."""
    article = anchor.split(".")[0]
    fraction = next((p for p in anchor.split(".") if p.startswith("frac_")), None)
    out = []
    for effect_type, parts, raw in pending:
        for part in parts:
            base = f"{article}.{fraction}" if part.startswith("inc_") and fraction else article
            out.append(DecreeEffect(effect_type, f"{base}.{part}", raw))
    return out


def _dedupe(effects: list[DecreeEffect]) -> list[DecreeEffect]:
    seen: set[tuple[str, str]] = set()
    out = []
    for effect in effects:
        key = (effect.effect_type, effect.provision_eid)
        if key not in seen:
            seen.add(key)
            out.append(effect)
    return out
