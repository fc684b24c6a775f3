"""The parsed law's data model."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from pipeline.parse.law.patterns import DEROGATED

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
    profile: str = "generic"  # the layout profile it was parsed with (see profiles.py)

    @property
    def parser_version(self) -> str:
        """Shared parser version + the profile's own version: the parse-cache key of this text."""
        from pipeline.parse.law.profiles import PROFILES

        return PROFILES[self.profile].cache_key

    def to_json(self) -> dict:
        return {
            "parser_version": self.parser_version,
            "profile": self.profile,
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
