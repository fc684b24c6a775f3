"""DOF notes as data: trafficking relevance, the tracked instruments a note acts on, note dicts.

Public: LeyesBiblio uses these to tie its reform history to DOF notes.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.core.instruments import catalogue
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.parse.dates import DateParseError, fold, parse_date
from pipeline.parse.relevance import is_trafficking
from pipeline.sources.federal.dof.info import GAZETTE, nota_detalle_url

# --- trafficking relevance of a note -------------------------------------------------------------

_RULING = re.compile(r"^(?:sentencia|resolucion|voto|engrose)\b.*\b(?:suprema corte|inconstitucionalidad|controversia)")
_CATEGORY_PREFIXES = (
    ("decreto", "decree"),
    ("reglamento", "reglamento"),
    ("programa", "programa"),
    ("fe de erratas", "errata"),
    ("aclaracion", "errata"),
    ("acuerdo", "acuerdo"),
)
#: How much of a ruling's text is read for the law it reviews: the heading, where the SCJN names
#: the "ACTO IMPUGNADO" (a ruling quoting a trafficking law deep in its reasoning is not about it).
RULING_HEAD_CHARS = 4000


def plain_text(text: str) -> str:
    """Folded text with punctuation turned into spaces, for phrase matching across commas."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def note_category(title: str) -> str:
    """What kind of note a title announces: decree, reglamento, programa, scjn_ruling, errata, acuerdo, other."""
    folded = fold(title)
    if _RULING.search(folded):
        return "scjn_ruling"
    for prefix, category in _CATEGORY_PREFIXES:
        if folded.startswith(prefix):
            return category
    return "other"


def classify_note(title: str, body: str | None = None) -> str | None:
    """The note's category when it is about trafficking in persons, else None.

    A title that speaks of trata is relevant whatever it announces (decree, reglamento, programa).
    SCJN rulings rarely name the law in their title ("SENTENCIA … Acción de Inconstitucionalidad
    169/2022"), so for them the head of the text (``body``) is read too.
    """
    category = note_category(title)
    if is_trafficking(title):
        return category
    if category == "scjn_ruling" and body and is_trafficking(body[:RULING_HEAD_CHARS]):
        return category
    return None


# --- tracked instruments a note can be tied to ----------------------------------------------------

#: The federal laws a decree can act on, from the instrument catalogue (data/reference/instruments.csv).
LGPSEDMTP = catalogue().instrument("MX", "lgpsedmtp")
LPSTP_2007 = catalogue().instrument("MX", "lpstp-2007")
LGPSEDMTP_TITLE = LGPSEDMTP.title

#: Laws a decree title can name, matched on :func:`plain` text.
LAW_NAMES = (
    (plain_text("Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas"), LGPSEDMTP),
    (plain_text("Ley para Prevenir y Sancionar la Trata de Personas"), LPSTP_2007),
)
#: Verbs of a decree title and the event they make for the law named after them.
_VERBS = re.compile(r"\b(expide|expiden|abroga|abrogan|reforma|reforman|adiciona|adicionan|deroga|derogan)\b")
_VERB_EVENTS = {"expide": "published", "abroga": "abrogated"}

#: Reglamentos and programas that are instruments in their own right (published once).
STANDALONE = (
    (re.compile(r"^reglamento de la ley general para prevenir sancionar y erradicar los delitos en materia de trata"),
     lambda m, title: Instrument("MX", "reglamento-lgpsedmtp", title, "reglamento")),
    (re.compile(r"^reglamento interno de la comision intersecretarial para prevenir sancionar y erradicar"),
     lambda m, title: Instrument("MX", "reglamento-interno-comision-intersecretarial-trata", title, "reglamento")),
    (re.compile(r"^programa nacional para prevenir sancionar y erradicar los delitos en materia de trata\b.*?"
                r"\b((?:19|20)\d\d) ((?:19|20)\d\d)\b"),
     lambda m, title: Instrument("MX", f"programa-nacional-trata-{m.group(1)}-{m.group(2)}", title, "programa")),
)


def law_actions(title: str) -> list[tuple[Instrument, str]]:
    """(instrument, event_type) for every tracked law a decree title acts on.

    The verb that governs a law is the last one before its name: "se expide la Ley General …; y abroga
    la Ley para Prevenir y Sancionar la Trata de Personas; y reforma …" publishes the first law and
    abrogates the second. Reforms, additions and derogations are all ``reformed`` (LeyesBiblio counts
    them as reforms too).
    """
    plain = plain_text(title)
    if not plain.startswith("decreto"):
        return []
    found = []
    for name, instrument in LAW_NAMES:
        at = plain.find(name)
        if at < 0:
            continue
        verbs = _VERBS.findall(plain[:at])
        if verbs:
            verb = verbs[-1][:-1] if verbs[-1].endswith("n") else verbs[-1]  # "reforman" → "reforma"
            found.append((instrument, _VERB_EVENTS.get(verb, "reformed")))
    return found


def standalone_instrument(title: str) -> Instrument | None:
    """The reglamento or programa a note publishes: the catalogue's entry when it knows the title."""
    known = catalogue().resolve("MX", title)
    if known is not None:
        return known.instrument()
    plain = plain_text(title)
    for pattern, make in STANDALONE:
        match = pattern.search(plain)
        if match:
            return make(match, " ".join(title.split()))
    return None


def note_events(note: dict, evidence: Evidence) -> list[EventRecord]:
    """EventRecords for a trafficking-relevant note that can be tied to a tracked instrument."""
    if not note.get("trafficking"):
        return []
    day = dt.date.fromisoformat(note["date"]) if note.get("date") else None
    common = dict(date=day, evidence=evidence, gazette=GAZETTE, issue=f"codNota {note['cod_nota']}",
                  title=note["title"], official_url=nota_detalle_url(note["cod_nota"], day))
    events = [EventRecord(instrument, event_type, **common) for instrument, event_type in law_actions(note["title"])]
    standalone = standalone_instrument(note["title"])
    if standalone is not None and not events:
        events.append(EventRecord(standalone, "published", **common))
    return events


# --- note dicts -----------------------------------------------------------------------------------


def iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_date(value).isoformat()
    except DateParseError:
        return None


def make_note(cod_nota, date_iso, edition, section, organism, issuer, title, body=None, **extra) -> dict:
    """One note as ``proteja inspect`` prints it (dates ISO)."""
    title = " ".join((title or "").split())
    day = dt.date.fromisoformat(date_iso) if date_iso else None
    category = classify_note(title, body)
    note = {
        "cod_nota": int(cod_nota),
        "date": date_iso,
        "edition": edition,
        "section": section,
        "organism": organism,
        "issuer": issuer,
        "title": title,
        "url": nota_detalle_url(cod_nota, day),
        "trafficking": category is not None,
        "category": category or note_category(title),
    }
    note.update(extra)
    return note
