"""Assembly: pages → LawDocument, with effects tied to their decrees."""

from __future__ import annotations

import datetime as dt

from pipeline.parse.extract import extract_text
from pipeline.parse.law import effects as fx
from pipeline.parse.law.body import (
    BodyParser,
    _NoteLink,
    find_body_start,
    find_decrees_start,
    find_transitorios_start,
)
from pipeline.parse.law.decrees import assign_decree_ids, parse_decrees
from pipeline.parse.law.metadata import find_last_reform, find_original_publication, find_title, text_status
from pipeline.parse.law.model import Effect, LawDocument, Publication, ReformDecree
from pipeline.parse.law.profiles import LayoutProfile, choose_profile
from pipeline.parse.law.transitorios import parse_transitorios, split_law_transitorios
from pipeline.parse.relevance import is_trafficking
from pipeline.parse.text import clean_pages

# --- assembly -----------------------------------------------------------------------------------


def parse_law(content: bytes, *, url: str | None = None) -> LawDocument:
    """Parse one consolidated law (PDF, DOCX, OOXML named .doc, legacy .doc, HTML or text).

    Raises a :class:`pipeline.parse.extract.DocumentError` subclass when the bytes cannot be read.
    """
    extracted = extract_text(content)
    doc = parse_law_pages(list(extracted.pages), url=url)
    doc.format, doc.url = extracted.format, url
    return doc


def parse_law_pages(pages: list[str], *, url: str | None = None, profile: LayoutProfile | None = None) -> LawDocument:
    """The structure of a law from its page texts (the format-independent half of parse_law)."""
    clean = clean_pages(pages)
    lines = list(clean.lines)
    profile = profile or choose_profile(clean.first_page, clean.furniture, url)
    body_start = find_body_start(lines)
    trans_start = find_transitorios_start(lines, body_start)
    body_end = trans_start if trans_start is not None else find_decrees_start(lines, body_start, profile)
    decrees_start = find_decrees_start(lines, body_end + 1 if trans_start is not None else body_end, profile)

    body = BodyParser()
    body.parse(lines[body_start:body_end])
    preamble = lines[:body_start]
    published = find_original_publication(preamble)
    own, origin = split_law_transitorios(lines[body_end + 1 : decrees_start] if trans_start is not None else [])
    transitorios, trans_links = parse_transitorios(own)
    origin_prefix = f"decree_{published.date.isoformat()}." if published.date else "decree_origin."
    origin_transitorios, _ = parse_transitorios(origin, prefix=origin_prefix)
    decrees = parse_decrees(lines[decrees_start:], profile)

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
        profile=profile.name,
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
