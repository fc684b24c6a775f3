"""SCJN rulings: the provisions a declaration of invalidity strikes, as provision eids, and the law it names.

A resolutive point of an acción de inconstitucionalidad reads "Se declara la invalidez de los artículos 5, 6,
fracción II, y 10 de la Ley para Prevenir … del Estado de …" (or "del artículo 27, fracciones I, II y III", or
"de la fracción II del artículo 37"); a DOF note or a curator's note may say "declaró la invalidez de …".
The list grammar is the one of reform decrees, so the list is read by
:func:`pipeline.parse.law.effects.parse_decree_effects`; what this module adds is finding the declarations,
their end, the law they name and whether the invalidity is of a *porción normativa* only (some words of
the provision, which then keeps the rest of its text).

A declaration of validity ("se reconoce la validez de …") strikes nothing and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.dates import fold
from pipeline.parse.law.effects import parse_decree_effects

#: "se declara la invalidez de los/las/la/el …", "declaró la invalidez del …", "DECLARA LA INVALIDEZ DE …",
#: matched on the text as printed (its capitals tell where a sentence ends).
_DECLARATION = re.compile(
    r"(?i:\b(?:se\s+)?declar(?:a|ó|o|aron|an|ar)\s+la\s+invalidez\s+(?:(?:total|parcial)\s+)?"
    r"(?:de\s+(?:los|las|la|el)|del)\b)"
)
_VERB = re.compile(r"^(?:se\s+)?declar\w*\s+la\s+invalidez\s+(?:(?:total|parcial)\s+)?(?:de\s+(los|las|la|el)|(del))\b")
#: Where a declaration ends: a full stop before a capital (not "3o. de", "arts. 5"), or the next resolutive verb.
_END = re.compile(r"\.\s+(?=[A-ZÁÉÍÓÚÑ¿\"“«])|\.\s*$|(?i:;\s*(?:y\s+)?(?:se\s+)?(?:reconoce|declara|desestima|sobresee))")
#: Where the law's name begins after the list, and where it ends.
_LAW_START = re.compile(r"\b(?:de\s+la|del)\s+(ley|codigo|constitucion|reglamento)\b")
_LAW_END = re.compile(r",\s*(?:en\s+(?:la|las|su|sus)\s+porci|publicad|expedid|contenid|reformad|asi\s+como)|\s+\(|,?\s+en\s+(?:la|las)\s+porci")
#: Items joined by "así como de(l) …" or ", y de la fracción …" are separate lists (their own article words).
_JOIN = re.compile(r",?\s+(?:asi\s+como|y|e)\s+(?=(?:de\s+(?:los|las|la|el)|del)\s+(?:articulo|fraccion|parrafo|inciso|numeral|apartado))")
_PORTION = re.compile(r"\bporci(?:on|ones)\s+normativ")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|\'[^\']*\'')
_LAW_KIND = {"ley": "ley", "codigo": "codigo_penal", "constitucion": "constitucion", "reglamento": "reglamento"}
_ARTICLE = {"del": "el", "los": "los", "las": "las", "la": "la", "el": "el"}


@dataclass(frozen=True)
class Invalidation:
    """One provision a declaration of invalidity names."""

    provision_eid: str  # "art_27.frac_I", "art_10", "art_2-ter"
    portion_only: bool  # the invalidity is of some words ("en la porción normativa …"), not the whole provision
    law_kind: str | None  # what the declaration names: "ley", "codigo_penal", "constitucion", "reglamento"
    law_name: str | None  # folded words of the name, as far as the sentence goes ("ley para prevenir … queretaro")
    raw: str  # the folded declaration it was read from


def raw_declarations(text: str) -> list[str]:
    """The declarations of invalidity in a text as printed (spaces collapsed), each from its verb to its end."""
    text = re.sub(r"\s+", " ", text)
    out = []
    for match in _DECLARATION.finditer(text):
        rest = text[match.start():]
        end = _END.search(rest, match.end() - match.start())
        out.append((rest[: end.start()] if end else rest).strip())
    return out


def declarations(text: str) -> list[str]:
    """The declarations of invalidity in a text, quotations blanked, folded."""
    return [fold(_QUOTED.sub('"…"', d)).replace("–", "-") for d in raw_declarations(text)]


def _parts(declaration: str) -> list[str]:
    """The declaration's lists, each rewritten in the reform-decree grammar ("se reforma los artículos …")."""
    out = []
    for index, part in enumerate(_JOIN.split(declaration)):
        part = part.strip(" ,")
        if index == 0:
            verb = _VERB.match(part)
            if verb is None:
                continue
            part = f"{_ARTICLE[verb.group(1) or verb.group(2)]} {part[verb.end():].strip()}"
        else:
            part = re.sub(r"^(?:de\s+(los|las|la|el)|(del))\b", lambda m: _ARTICLE[m.group(1) or m.group(2)], part)
        # "los artículos 5 y 6, fracción II": the fracción is of the last article (the decree grammar wants a comma)
        part = re.sub(r"(\d+(?:o\.?|º)?(?:\s+[a-z]+)?)\s+(y|e)\s+(?=\d)", r"\1, \2 ", part)
        out.append("se reforma " + part)
    return out


def parse_invalidations(text: str) -> list[Invalidation]:
    """Every provision the declarations of invalidity in ``text`` strike, in order, without repeats."""
    out: list[Invalidation] = []
    seen: set[str] = set()
    for declaration in declarations(text):
        law = _LAW_START.search(declaration)
        kind = _LAW_KIND[law.group(1)] if law else None
        name = None
        if law:
            name = declaration[law.start(1):]
            cut = _LAW_END.search(name)
            name = (name[: cut.start()] if cut else name).strip(" ,.")
        for part in _parts(declaration):
            for effect in parse_decree_effects(part):
                if effect.provision_eid in seen:
                    continue
                seen.add(effect.provision_eid)
                portion = bool(_PORTION.search(_item_of(part, effect.provision_eid)))
                out.append(Invalidation(effect.provision_eid, portion, kind, name, declaration))
    return out


def _item_of(part: str, eid: str) -> str:
    """The words of one list about one article (up to the next article number), for the porción test."""
    number = re.match(r"art_(\d+)", eid)
    at = re.search(rf"\b{number.group(1)}\b", part) if number else None
    if not at:
        return part
    following = re.search(r"\b\d+\b", part[at.end():])
    return part[at.start(): at.end() + (following.start() if following else len(part))]
