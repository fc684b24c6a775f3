"""The instrument catalogue: every tracked law as a work, with its aliases and former titles.

``data/reference/instruments.csv`` gives each instrument a stable identity (jurisdiction + slug), its
type, and the names it is known by (aliases: abbreviations, all-caps catalogue spellings; former
titles: names before a reform renamed it). A scraper names an instrument by what the page shows —
jurisdiction + title — and :meth:`Catalogue.resolve` finds the slug, so no scraper guesses the slugs
curators chose. Every instrument of the registry must be in the catalogue (a test checks it;
``proteja catalogue --sync`` adds missing ones).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.core.paths import REPO_DIR
from pipeline.core.records import Instrument

CATALOGUE_CSV = REPO_DIR / "data" / "reference" / "instruments.csv"
COLUMNS = ("jurisdiction", "slug", "title", "instrument_type", "aliases", "former_titles", "official_url",
           "source_url", "note")  # fmt: skip


def title_key(title: str) -> str:
    """A title folded for matching: no accents, lower case, punctuation and extra spaces removed."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^a-z0-9ñ]+", " ", text).split())


@dataclass(frozen=True)
class CatalogueEntry:
    jurisdiction: str
    slug: str
    title: str
    instrument_type: str
    aliases: tuple[str, ...] = ()
    former_titles: tuple[str, ...] = ()
    official_url: str | None = None
    source_url: str | None = None
    note: str | None = None

    @property
    def instrument_id(self) -> str:
        return f"{self.jurisdiction}/{self.slug}"

    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases, *self.former_titles)

    def instrument(self) -> Instrument:
        return Instrument(self.jurisdiction, self.slug, self.title, self.instrument_type, self.official_url)


class UnknownInstrument(KeyError):
    """No catalogue entry has that slug or name in that jurisdiction."""


class Catalogue:
    """Entries by instrument id, and an index of every name (folded) per jurisdiction."""

    def __init__(self, entries: list[CatalogueEntry]):
        self.entries = {e.instrument_id: e for e in entries}
        self._names: dict[tuple[str, str], set[str]] = {}
        for e in entries:
            for name in e.names():
                self._names.setdefault((e.jurisdiction, title_key(name)), set()).add(e.slug)

    @classmethod
    def load(cls, path: Path = CATALOGUE_CSV) -> Catalogue:
        with Path(path).open(encoding="utf-8", newline="") as fh:
            return cls([_entry(row) for row in csv.DictReader(fh)])

    def get(self, jurisdiction: str, slug: str) -> CatalogueEntry:
        try:
            return self.entries[f"{jurisdiction}/{slug}"]
        except KeyError:
            raise UnknownInstrument(f"{jurisdiction}/{slug}") from None

    def instrument(self, jurisdiction: str, slug: str) -> Instrument:
        return self.get(jurisdiction, slug).instrument()

    def resolve(self, jurisdiction: str, title: str) -> CatalogueEntry | None:
        """The entry one of whose names is ``title`` (folded); None when unknown or ambiguous."""
        slugs = self._names.get((jurisdiction, title_key(title)), set())
        return self.get(jurisdiction, next(iter(slugs))) if len(slugs) == 1 else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _entry(row: dict) -> CatalogueEntry:
    return CatalogueEntry(
        jurisdiction=row["jurisdiction"], slug=row["slug"], title=row["title"],
        instrument_type=row["instrument_type"], aliases=_split(row.get("aliases")),
        former_titles=_split(row.get("former_titles")), official_url=row.get("official_url") or None,
        source_url=row.get("source_url") or None, note=row.get("note") or None,
    )  # fmt: skip


@cache
def catalogue() -> Catalogue:
    """The committed catalogue (loaded once per process)."""
    return Catalogue.load()


def write_catalogue(entries: list[CatalogueEntry], path: Path = CATALOGUE_CSV) -> None:
    rows = sorted(entries, key=lambda e: (e.jurisdiction, e.slug))
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for e in rows:
            writer.writerow([e.jurisdiction, e.slug, e.title, e.instrument_type, "|".join(e.aliases),
                             "|".join(e.former_titles), e.official_url or "", e.source_url or "", e.note or ""])  # fmt: skip
