"""SCJN rulings the DOF publishes: a declaration of invalidity → a ``provisions_invalidated`` event.

The DOF source already reads the head of every SCJN ruling note (:func:`crawl.ruling_body`) to decide whether
it is about trafficking (:func:`notes.classify_note`). For such a ruling, this module reads the body for
declarations of invalidity (:func:`pipeline.parse.law.invalidity.declarations`) and, when one names a state
law, yields one event for the ruling: instrument ``sentencia_scjn`` in that state, dated with the note's DOF
publication day, its note holding the declarations (the build ties them to provisions:
``pipeline/harmonise/invalidations.py``). A ruling whose body declares nothing invalid, or whose state cannot
be read from the law's name, yields nothing: its category stays visible in ``proteja inspect``.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.core.jurisdictions import UnknownJurisdiction, resolve
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.parse.dates import fold
from pipeline.parse.law.invalidity import parse_invalidations, raw_declarations
from pipeline.sources.federal.dof.info import GAZETTE, nota_detalle_url

_CASE = re.compile(r"\b(accion|controversia)(?:es)? de inconstitucionalidad (\d+)/(\d{4})|\bcontroversia constitucional "
                   r"(\d+)/(\d{4})")  # fmt: skip
_STATE = re.compile(r"\b(?:estado libre y soberano de|estado de|entidad de)\s+(.+)$")
NOTE_MAX = 2000


def state_of(law_name: str) -> str | None:
    """The jurisdiction code a law's folded name ends with ("… del estado de queretaro" → "MX-QUE"), or None."""
    if re.search(r"\b(?:ciudad de mexico|distrito federal)\b", law_name):
        return "MX-CMX"
    match = _STATE.search(law_name)
    if not match:
        return None
    words = re.sub(r"[^a-z ]", " ", match.group(1)).split()
    for n in range(len(words), 0, -1):
        try:
            return resolve(" ".join(words[:n]))
        except UnknownJurisdiction:
            continue
    return None


def case_number(title: str) -> tuple[str, str] | None:
    """("AI 10/2013", "scjn-ai-10-2013") from a ruling's title, or None."""
    match = _CASE.search(fold(title))
    if not match:
        return None
    if match.group(2):
        return f"AI {match.group(2)}/{match.group(3)}", f"scjn-ai-{match.group(2)}-{match.group(3)}"
    return f"CC {match.group(4)}/{match.group(5)}", f"scjn-cc-{match.group(4)}-{match.group(5)}"


def ruling_events(note: dict, body: str | None, evidence: Evidence) -> list[EventRecord]:
    """The provisions_invalidated event of a trafficking ruling note whose body declares state provisions invalid."""
    if not body or note.get("category") != "scjn_ruling" or not note.get("trafficking"):
        return []
    found = parse_invalidations(body)
    states = {s for i in found if i.law_name and (s := state_of(i.law_name))}
    case = case_number(note["title"])
    if len(states) != 1 or case is None:
        return []  # no provision struck, no state law named, or several states: nothing is guessed
    (jurisdiction,) = states
    decree, slug = case
    day = dt.date.fromisoformat(note["date"]) if note.get("date") else None
    text = ". ".join(raw_declarations(body))[:NOTE_MAX]
    instrument = Instrument(jurisdiction, slug, note["title"][:300], "sentencia_scjn")
    return [EventRecord(instrument, "provisions_invalidated", day, evidence, gazette=GAZETTE,
                        issue=f"codNota {note['cod_nota']}", decree=decree, title=note["title"],
                        official_url=nota_detalle_url(note["cod_nota"], day),
                        note=f"DOF ruling, its declarations of invalidity: {text}.")]  # fmt: skip
