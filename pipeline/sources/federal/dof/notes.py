"""DOF notes as data: category and trafficking relevance decided by rules, the tracked instruments a note acts
on, note dicts.

The category (decree, reglamento, programa, scjn_ruling, errata, acuerdo) and the relevance are
:class:`~pipeline.parse.rules.Decision` objects of two Categorizers (Open States' Rule / Categorizer pattern, like bill
events and bill relevance): each carries its score, the rules that fired and the rules version, and every note dict
records them (``category_rules``, ``category_fired``, ``relevance_rules``, ``relevance_fired``). A title no category
rule recognises is ``other`` — where unrecognised notes went before the rules — and a trafficking note that ties to
no tracked instrument is noted in the run report with its decision (:mod:`pipeline.sources.federal.dof.source`).

Public: LeyesBiblio uses these to tie its reform history to DOF notes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.core.instruments import catalogue
from pipeline.core.records import EventRecord, Evidence, Instrument
from pipeline.parse.dates import DateParseError, fold, parse_date
from pipeline.parse.relevance import RELEVANCE_RULES, normalise_for_matching
from pipeline.parse.rules import Categorizer, Decision, Rule
from pipeline.sources.federal.dof.info import GAZETTE, nota_detalle_url

# --- category and trafficking relevance of a note, by rules ------------------------------------------------------

#: A title names what the note announces in its first word(s); a ruling is named by its kind and court.
NOTE_CATEGORY_RULES = (
    Rule("sentencia_scjn", r"^(?:sentencia|resolucion|voto|engrose)\b.*\b(?:suprema corte|inconstitucionalidad|"
         r"controversia)", "scjn_ruling", 2.0, why="a ruling, vote or engrose of the SCJN on an action or controversy"),
    Rule("decreto", r"^decreto", "decree", why="the title begins 'DECRETO'"),
    Rule("reglamento", r"^reglamento", "reglamento", why="the title begins 'REGLAMENTO'"),
    Rule("programa", r"^programa", "programa", why="the title begins 'PROGRAMA'"),
    Rule("fe_de_erratas", r"^fe de erratas", "errata", why="a correction notice"),
    Rule("aclaracion", r"^aclaracion", "errata", why="a clarification: a correction notice too"),
    Rule("acuerdo", r"^acuerdo", "acuerdo", why="the title begins 'ACUERDO'"),
)  # fmt: skip
NOTE_CATEGORIES = Categorizer("dof-note-categories", "1", NOTE_CATEGORY_RULES)
#: Relevance of a note is the tested trafficking rule of :mod:`pipeline.parse.relevance` (no weak rules: a DOF note
#: either names trafficking in persons or it is not about it).
NOTE_RELEVANCE = Categorizer("dof-note-relevance", "1", (RELEVANCE_RULES[0],))
#: What a note that no category rule recognises is called (as before the rules).
UNRECOGNISED = "other"
#: How much of a ruling's text is read for the law it reviews: the heading, where the SCJN names
#: the "ACTO IMPUGNADO" (a ruling quoting a trafficking law deep in its reasoning is not about it).
RULING_HEAD_CHARS = 4000


@dataclass(frozen=True)
class NoteDecision:
    """The category decision and the relevance decision of one note (``read`` says which text was relevant)."""

    category: Decision
    relevance: Decision
    read: str | None  # "title", "ruling_head", or None when not about trafficking

    @property
    def category_label(self) -> str:
        return self.category.label or UNRECOGNISED

    @property
    def trafficking(self) -> bool:
        return self.read is not None

    def fields(self) -> dict:
        """What a note dict records of the decisions."""
        return {"category_rules": self.category.rules_version, "category_fired": list(self.category.fired),
                "category_score": self.category.score, "relevance_rules": self.relevance.rules_version,
                "relevance_fired": list(self.relevance.fired)}  # fmt: skip


def plain_text(text: str) -> str:
    """Folded text with punctuation turned into spaces, for phrase matching across commas."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def category_decision(title: str) -> Decision:
    return NOTE_CATEGORIES.decide(fold(title))


def note_category(title: str) -> str:
    """What kind of note a title announces: decree, reglamento, programa, scjn_ruling, errata, acuerdo, other."""
    return category_decision(title).label or UNRECOGNISED


def decide_note(title: str, body: str | None = None) -> NoteDecision:
    """Both decisions for a note. A title that speaks of trata is relevant whatever it announces (decree,
    reglamento, programa). SCJN rulings rarely name the law in their title ("SENTENCIA … Acción de
    Inconstitucionalidad 169/2022"), so for them the head of the text (``body``) is read too."""
    category = category_decision(title)
    relevance = NOTE_RELEVANCE.decide(normalise_for_matching(title))
    if relevance.recognised:
        return NoteDecision(category, relevance, "title")
    if category.label == "scjn_ruling" and body:
        head = NOTE_RELEVANCE.decide(normalise_for_matching(body[:RULING_HEAD_CHARS]))
        if head.recognised:
            return NoteDecision(category, head, "ruling_head")
    return NoteDecision(category, relevance, None)


def classify_note(title: str, body: str | None = None) -> str | None:
    """The note's category when it is about trafficking in persons, else None."""
    decision = decide_note(title, body)
    return decision.category_label if decision.trafficking else None


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
    decision = decide_note(title, body)
    note = {
        "cod_nota": int(cod_nota),
        "date": date_iso,
        "edition": edition,
        "section": section,
        "organism": organism,
        "issuer": issuer,
        "title": title,
        "url": nota_detalle_url(cod_nota, day),
        "trafficking": decision.trafficking,
        "category": decision.category_label,
        **decision.fields(),
    }
    note.update(extra)
    return note
