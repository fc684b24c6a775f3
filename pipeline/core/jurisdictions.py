"""The federation and the 32 federal entities, and alias resolution to ISO 3166-2:MX codes.

Sources name states in many ways: "Distrito Federal", "Edomex", "NUEVO LEON", "bajacalifornia",
"Coahuila de Zaragoza", "Q. Roo". :func:`resolve` turns any of them into one code.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.paths import REPO_DIR

REFERENCE_CSV = REPO_DIR / "data" / "reference" / "jurisdictions.csv"
FEDERAL = "MX"


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    inegi: str
    official_name: str
    name: str
    aliases: tuple[str, ...]
    gazette: str
    congress_url: str

    @property
    def is_state(self) -> bool:
        return self.code != FEDERAL


class UnknownJurisdiction(ValueError):
    """Raised when a name cannot be resolved to exactly one jurisdiction."""


def normalise(name: str) -> str:
    """Lower-case, strip accents, drop everything but letters and digits ("Edo. Méx." → "edomex")."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", ascii_only.lower())


# Prefixes that sources put before a state's name; stripped when no exact alias matches.
_PREFIXES = ("estadolibreysoberanode", "estadode", "estado", "gobiernodelestadode", "congresodelestadode")


@lru_cache(maxsize=1)
def load(path: Path = REFERENCE_CSV) -> tuple[Jurisdiction, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        Jurisdiction(
            code=r["code"],
            inegi=r["inegi"],
            official_name=r["official_name"],
            name=r["name"],
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            gazette=r["gazette"],
            congress_url=r["congress_url"],
        )
        for r in rows
    )


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for j in load():
        keys = {j.code, j.code.removeprefix("MX-"), j.inegi, j.official_name, j.name, *j.aliases}
        if j.is_state:
            keys.add(str(int(j.inegi)))  # "7" as well as "07" (OJN edo=7)
        for key in keys:
            norm = normalise(key)
            if norm in index and index[norm] != j.code:
                raise ValueError(f"alias {key!r} is ambiguous: {index[norm]} and {j.code}")
            index[norm] = j.code
    return index


def resolve(name: str) -> str:
    """Return the ISO code for any name, alias, INEGI clave or code; raise UnknownJurisdiction otherwise."""
    norm = normalise(name)
    index = _index()
    if norm in index:
        return index[norm]
    for prefix in _PREFIXES:
        if norm.startswith(prefix) and norm[len(prefix) :] in index:
            return index[norm[len(prefix) :]]
    raise UnknownJurisdiction(f"no jurisdiction matches {name!r}")


def by_code(code: str) -> Jurisdiction:
    for j in load():
        if j.code == code:
            return j
    raise UnknownJurisdiction(f"no jurisdiction has code {code!r}")


def states() -> tuple[Jurisdiction, ...]:
    """The 32 federal entities, in INEGI order."""
    return tuple(j for j in load() if j.is_state)
