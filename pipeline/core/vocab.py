"""Closed vocabularies: the one place where proteja's codes and their meanings live.

Every code stored in the database, emitted by a parser or written in the registry must be a
member of one of these vocabularies. The schema (`schemas/*.sql`) checks them with CHECK
constraints generated from this module, and the tests check that the two agree.

Amendment policy (in the spirit of Open States' ``common.py``): a new value is accepted when it
names a distinction the Mexican sources really make and that no existing value covers. Never
reuse a value with a different meaning; add a new one and document it here.

Legal distinctions that matter and are easy to blur:

* *derogación* (repeal of some provisions) is NOT *abrogación* (repeal of the whole instrument);
* approved by the plenary ≠ published in the gazette ≠ in force ≠ invalidated by the SCJN.
  A law counts from its gazette publication, not from its approval.
"""

from __future__ import annotations

from types import MappingProxyType

from pipeline.core.dates import PRECISIONS as _PRECISIONS


def _vocab(pairs: dict[str, str]) -> MappingProxyType:
    return MappingProxyType(dict(pairs))


#: Kinds of legal instruments tracked.
INSTRUMENT_TYPES = _vocab(
    {
        "constitucion": "A constitution (federal or state).",
        "ley_general": "A federal general law binding all three orders of government (e.g. LGPSEDMTP).",
        "ley_federal": "A federal law (e.g. the 2007 Ley para Prevenir y Sancionar la Trata de Personas).",
        "ley_estatal_trata": "A state law specifically on trafficking in persons or on its victims.",
        "codigo_penal": "A penal code (federal or state); tracked for how it types trafficking.",
        "reglamento": "Regulations issued by the executive to implement a law.",
        "programa": "A national or state programme (programa nacional / estatal).",
        "decreto": "A decree published in a gazette (reform decree, issuing decree, etc.).",
        "sentencia_scjn": "A ruling of the Supreme Court (SCJN), e.g. an acción de inconstitucionalidad.",
        "iniciativa": "A bill (iniciativa) presented to a legislature.",
        "otro": "Any other instrument; its note must say what it is.",
    }
)

#: Instrument types that make a jurisdiction count as having a *specific* anti-trafficking law.
SPECIFIC_LAW_TYPES = frozenset({"ley_estatal_trata", "ley_general", "ley_federal"})

#: Events in the life of an instrument (a law, code, reglamento, programme or ruling).
EVENT_TYPES = _vocab(
    {
        "published": "Published in the official gazette (DOF / Periódico Oficial). A law counts from here.",
        "reformed": "A reform decree amending the instrument was published.",
        "provisions_added": "A decree only added provisions (adición) to the instrument.",
        "provisions_derogated": "Some provisions were repealed (derogación); the instrument stays in force.",
        "abrogated": "The whole instrument was repealed (abrogación); it stops counting from this date.",
        "approved": "Approved by the legislature's plenary. Not yet law: a law counts from its publication.",
        "entered_into_force": "The instrument (or a decree) entered into force, per its transitorios.",
        "invalidated": "The SCJN invalidated the whole instrument; it stops counting from this date.",
        "provisions_invalidated": "The SCJN invalidated some provisions; the instrument stays in force.",
        "errata": "A fe de erratas (correction notice) was published for the instrument.",
        "observed_in_force": "An official consolidated text was seen in force, dated as printed on it. "
        "Not a legal act: evidence that the instrument existed by that date.",
        "searched_not_found": "A research record: what was searched and not found. Not a legal act.",
    }
)

#: Events in the life of a bill (iniciativa). See field-notes Appendix A for the crosswalk.
BILL_EVENT_TYPES = _vocab(
    {
        "presented": "Presented (presentada) to a chamber or state congress.",
        "referred": "Referred (turnada) to one or more committees.",
        "committee_report": "A committee report (dictamen) was issued; its sense is not known.",
        "committee_report_favorable": "A committee report (dictamen) in favour was issued.",
        "committee_report_against": "A committee report (dictamen) against was issued.",
        "approved": "Approved by a plenary (pleno). Not yet law.",
        "sent_to_other_chamber": "Sent as a minuta to the reviewing chamber (federal bicameral process).",
        "sent_to_executive": "Sent to the executive for publication.",
        "vetoed": "The executive returned it with observaciones (veto).",
        "published": "Published in the gazette: the bill became law (terminal).",
        "rejected": "Rejected (desechada) (terminal).",
        "withdrawn": "Withdrawn (retirada) by its presenter (terminal).",
        "expired": "Expired (precluida / concluida) without a decision (terminal).",
        "unclassified": "The source's action text was not recognised by the bill-event rules "
        "(pipeline/parse/bill_events.py); it waits in the review queue (`proteja review list`). Not terminal.",
    }
)

#: Who presented a bill (bill_proponents.proponent_kind; registry column ``proponent_kind``).
PROPONENT_KINDS = _vocab(
    {
        "deputy": "A member of a state congress or of the federal Chamber of Deputies (diputado/a), by name.",
        "senator": "A member of the federal Senate (senador/a), by name.",
        "committee": "A legislative committee (comisión) or the congress's governing body (Junta, Mesa).",
        "parliamentary_group": "A parliamentary group (grupo parlamentario) as a whole.",
        "party": "A political party acting as such (not through its parliamentary group).",
        "executive": "The executive: the President or a state Governor (iniciativa del Ejecutivo).",
        "municipality": "An ayuntamiento (municipal council), where the state constitution lets it propose.",
        "citizens": "Citizens (iniciativa ciudadana / popular).",
        "judiciary": "A court or judicial council (Tribunal Superior de Justicia), where allowed to propose.",
        "autonomous_body": "An autonomous body (human-rights commission, prosecutor's office) allowed to propose.",
    }
)

#: Documents of a bill (bill_documents.document_kind).
BILL_DOCUMENT_KINDS = _vocab(
    {
        "initiative_text": "The text of the initiative as presented (exposición de motivos and proposed decree).",
        "committee_report": "A committee report (dictamen).",
        "decree": "The approved decree (minuta / decreto) as sent for publication.",
        "gazette": "The gazette issue that published it.",
        "law_text": "The text of the law it became, as published or consolidated on an official site.",
        "other": "Any other document of the bill's file (oficio, votación, observaciones).",
    }
)

#: What a review decision is about (reviews.review_kind) and what it says (reviews.decision).
REVIEW_KINDS = _vocab(
    {
        "bill_event": "The event type read from a bill's action text (subject: the folded action text).",
        "bill_relevance": "Whether a bill is about trafficking in persons (subject: the bill id).",
        "element_finding": "A harmonisation finding of one parsed law text for one element (subject: "
        "'{version_id}|{element}'). accepted keeps the rules' finding or sets the reviewer's label (present, "
        "partial, absent); rejected says the rules' finding does not stand: present or partial becomes absent "
        "(the rule matched a lookalike), absent becomes not_assessed (the text read cannot show the absence, "
        "e.g. it is incomplete). To say an element is there, accept with the label.",
    }
)
REVIEW_DECISIONS = _vocab(
    {
        "accepted": "The proposed label is right (for an unrecognised phrase: the label the reviewer gave).",
        "rejected": "The proposed label is wrong: a rejected relevance excludes the bill; a rejected event "
        "label leaves the event unclassified; a rejected element finding becomes absent (or not_assessed).",
    }
)

#: Bill events after which a bill is no longer pending.
TERMINAL_BILL_EVENTS = frozenset({"published", "rejected", "withdrawn", "expired"})

#: The status of a bill, derived from its latest event.
BILL_STATUSES = _vocab(
    {
        "pending": "Presented and not yet decided (no terminal event).",
        "approved": "Approved by a plenary but not yet published.",
        "enacted": "Published in the gazette.",
        "rejected": "Rejected (desechada).",
        "withdrawn": "Withdrawn (retirada).",
        "expired": "Expired (precluida).",
        "ended_no_outcome": "Presented in a legislature that has certainly ended, with no terminal event on file "
        "and no rule of the state's own cited that says what became of it (data/reference/legislature_rules.csv): "
        "not pending, not decided — 'no outcome found'. With a cited lapse_at_end rule it is expired instead.",
    }
)

#: What a state's own rule says happens to initiatives still unresolved when a legislature ends
#: (legislature_rules.effect, data/reference/legislature_rules.csv; each row cites the instrument and article).
LEGISLATURE_RULE_EFFECTS = _vocab(
    {
        "lapse_at_end": "Initiatives not resolved when the legislature ends are concluded (precluidas / "
        "desechadas / archived as concluded): a bill of an ended legislature with no outcome shows as expired, "
        "with the rule as its evidence.",
        "carry_over": "Initiatives not resolved when the legislature ends pass to the next legislature: a bill "
        "of an ended legislature with no outcome stays pending.",
    }
)

#: How a fact is known.
EVIDENCE_KINDS = _vocab(
    {
        "scraped": "Derived by code from raw bytes stored in data/raw (the sha256 names the file).",
        "curated": "Read by a person from a public source (source_url + accessed date), kept in data/registry.",
    }
)

#: What a cited source is (evidence.source_kind). Only the first two can be ``official``.
SOURCE_KINDS = _vocab(
    {
        "official_site": "The official publisher's own site: a congress, gazette portal, the SCJN, the DOF, the OJN.",
        "official_gazette": "The gazette issue itself (a Periódico Oficial or DOF edition).",
        "verbatim_copy": "An exact copy of an official document held elsewhere (GitHub, archive.org, scribd, Justia).",
        "dataset": "A third party's catalogue or scrape of an official site (e.g. LegismEx JSON).",
        "press": "A newspaper or news site.",
        "report": "An NGO, academic, CNDH or other institutional report.",
        "other": "Anything else (blogs, party sites); its note says what it is.",
    }
)

#: How a jurisdiction's bills are tracked (bill_tracking.basis; status bills_tracked).
BILL_TRACKING = _vocab(
    {
        "scraped": "A bills source of that state has stored pages: its listing is re-read on every refresh.",
        "curated": "A person searched for that state's bills (the research log says what and when).",
        "none": "Nobody looked: no pending bill known means nothing, not 'no bills'.",
    }
)

#: How a date was given (events.date_precision, bill_events.date_precision); see pipeline.core.dates.
DATE_PRECISIONS = _vocab(dict(_PRECISIONS))

#: How much a curated source can be trusted.
CONFIDENCE_LEVELS = _vocab(
    {
        "official": "Read on the official publisher's own site or gazette (congress, SCJN, DOF, OJN, a .gob.mx host).",
        "secondary": "Anything else: verbatim copies held elsewhere, third-party catalogues, press, reports.",
    }
)

#: A jurisdiction's law status as of a date (derived, never stored by hand).
LAW_STATUSES = _vocab(
    {
        "specific_law": "A specific anti-trafficking law was certainly in force at the date: it was certainly "
        "published (or seen in force) by then and certainly not abrogated or invalidated by then.",
        "possible_law": "A specific law was possibly in force: the date lies inside its start interval (e.g. "
        "published in 2008, day unknown; approved before and seen in force after), or inside its end interval.",
        "penal_code_only": "No specific law, but the penal code was seen covering trafficking by then.",
        "none_found": "Positive evidence that no specific law was in force then: every law the state had had "
        "certainly ended by that date. Never inferred from the absence of evidence.",
        "unknown": "No evidence about that date: no known law was (possibly) in force, and nothing shows there was "
        "none (the research log says what was searched).",
    }
)

#: The one-word summary of a jurisdiction as of a date.
SUMMARY_STATUSES = _vocab(
    {
        "enacted": "Has a specific law in force; no pending initiative known.",
        "enacted_reform_pending": "Has a specific law in force and at least one pending initiative.",
        "possibly_enacted": "A specific law was possibly in force (its start or end is known only as an interval).",
        "considering": (
            "No specific law known to be in force (law_status unknown, penal_code_only or none_found), and at"
            " least one pending initiative. It does not say the state has no law: read law_status."
        ),
        "none": "Positive evidence of no specific law in force, and no pending initiative.",
        "unknown": "Nothing is known (see law_status unknown).",
    }
)

#: The outcome of one fetch, recorded in the raw manifest and in source_runs.
FETCH_OUTCOMES = _vocab(
    {
        "ok": "New or changed content stored.",
        "unchanged": "304 Not Modified, or the same sha256 as last time.",
        "http_error": "A non-2xx answer.",
        "timeout": "The request timed out.",
        "connection_error": "The connection failed or was reset.",
        "blocked": "A captcha, WAF or challenge page (Incapsula, Cloudflare, DOF 'Verificando su navegador').",
        "too_large": "The body exceeded the maximum size.",
        "refused_host": "A redirect left the source's allowed hosts.",
        "robots_disallowed": "robots.txt disallows the URL; it was not fetched.",
        "truncated": "The body was shorter than its Content-Length.",
        "decode_error": "The body could not be decoded with the source's declared codec.",
        "empty": "A 200 answer with no data (e.g. a SIDOF day with empty lists).",
        "layout_changed": "A page object's counted selector failed: the page structure changed.",
        "parse_error": "The stored bytes could not be parsed (corrupt, encrypted or empty document).",
        "store_error": "A stored blob is missing, or its bytes no longer hash to its name (raw store damage).",
        "source_error": "A source raised an unexpected exception (a bug): all its records of the run were dropped.",
        "stale_review": "A review decision whose subject is not in this build (e.g. the law version it reviewed "
        "is no longer held): kept in the registry, applied to nothing.",
    }
)

#: Kinds of amendment effect on a provision (legislation.gov.uk's effects, Mexican style).
EFFECT_TYPES = _vocab(
    {
        "reforma": "The provision's text was replaced (reformado).",
        "adicion": "The provision was added (adicionado).",
        "derogacion": "The provision was repealed (derogado); the law remains.",
        "abrogacion": "The whole instrument was repealed.",
        "fe_de_erratas": "A correction notice changed the text.",
        "invalidacion": "The SCJN declared the provision invalid (acción de inconstitucionalidad): it has no "
        "effect from the ruling's date, though consolidated texts may still print it. Read from the ruling's "
        "declaration (pipeline/parse/law/invalidity.py); raw starting 'porción normativa:' struck only some words.",
    }
)

#: Provision levels, outermost first.
PROVISION_LEVELS = _vocab(
    {
        "libro": "Book (Libro): the outermost division of long codes.",
        "titulo": "Title (Título): a major division of a law.",
        "capitulo": "Chapter (Capítulo) within a title.",
        "seccion": "Section (Sección) within a chapter.",
        "articulo": "Article (Artículo): the basic citable unit, e.g. 'Artículo 5 Bis'.",
        "parrafo": "Paragraph (párrafo) of an article, counted in order.",
        "fraccion": "Fraction (fracción) of an article, numbered in roman numerals.",
        "inciso": "Item (inciso) of a fracción, lettered a), b), ...",
        "transitorio": "Transitional article (transitorio) of the law or of a reform decree.",
    }
)

#: What a conflict is about: one of the instrument's events, or the instrument itself.
CONFLICT_SUBJECTS = _vocab(
    {
        **EVENT_TYPES,
        "instrument": "The instrument itself: sources disagree on its type (or title), not on one of its events.",
    }
)

ALL_VOCABULARIES = {
    "instrument_type": INSTRUMENT_TYPES,
    "event_type": EVENT_TYPES,
    "bill_event_type": BILL_EVENT_TYPES,
    "bill_status": BILL_STATUSES,
    "proponent_kind": PROPONENT_KINDS,
    "bill_document_kind": BILL_DOCUMENT_KINDS,
    "review_kind": REVIEW_KINDS,
    "review_decision": REVIEW_DECISIONS,
    "evidence_kind": EVIDENCE_KINDS,
    "confidence": CONFIDENCE_LEVELS,
    "source_kind": SOURCE_KINDS,
    "date_precision": DATE_PRECISIONS,
    "bill_tracking": BILL_TRACKING,
    "legislature_rule_effect": LEGISLATURE_RULE_EFFECTS,
    "law_status": LAW_STATUSES,
    "summary": SUMMARY_STATUSES,
    "fetch_outcome": FETCH_OUTCOMES,
    "effect_type": EFFECT_TYPES,
    "provision_level": PROVISION_LEVELS,
    "conflict_subject": CONFLICT_SUBJECTS,
}

#: Spanish and English labels for values shown to people.
LABELS = {
    "es": {
        "enacted": "Ley vigente",
        "enacted_reform_pending": "Ley vigente, reforma en trámite",
        "considering": "Iniciativa en trámite",
        "none": "Sin ley específica",
        "unknown": "Desconocido",
        "specific_law": "Ley específica",
        "penal_code_only": "Sólo código penal",
        "none_found": "Sin ley encontrada",
        "possible_law": "Posible ley",
        "possibly_enacted": "Posiblemente vigente",
    },
    "en": {
        "enacted": "Law in force",
        "enacted_reform_pending": "Law in force, reform pending",
        "considering": "Bill pending",
        "none": "No specific law",
        "unknown": "Unknown",
        "specific_law": "Specific law",
        "penal_code_only": "Penal code only",
        "none_found": "No law found",
        "possible_law": "Possible law",
        "possibly_enacted": "Possibly in force",
    },
}


def check(vocabulary: str, value: str) -> str:
    """Return ``value`` if it belongs to ``vocabulary``; raise ``ValueError`` naming both otherwise."""
    allowed = ALL_VOCABULARIES[vocabulary]
    if value not in allowed:
        raise ValueError(f"{value!r} is not a valid {vocabulary}; expected one of {sorted(allowed)}")
    return value


#: Subsets of vocabularies that carry meaning in the status rules. Named once here and used by SQL
#: (``{{vocab:ending_events}}``), validation and publish, so no stage retypes them.
SUBSETS: dict[str, frozenset[str]] = {
    # A law stops counting on these (abrogación: the whole law; invalidated: by the SCJN, whole).
    "ending_events": frozenset({"abrogated", "invalidated"}),
    # A law (or its existence) is evidenced from these: publication, or an official text seen in force.
    "starting_events": frozenset({"published", "observed_in_force"}),
    # Changes to a law in force: the law stays in force.
    "reform_events": frozenset({"reformed", "provisions_added", "provisions_derogated"}),
    # Records that prove nothing about an instrument's existence (approval precedes a law; research).
    "non_existence_events": frozenset({"approved", "searched_not_found"}),
    # Records that are not legal acts: never a row of the timeline.
    "non_act_events": frozenset({"observed_in_force", "searched_not_found"}),
    # After these a bill is no longer pending.
    "terminal_bill_events": TERMINAL_BILL_EVENTS,
    # Instrument types shown on the timeline of state activity.
    "timeline_instrument_types": frozenset({"ley_estatal_trata", "codigo_penal", "sentencia_scjn", "decreto",
                                            "reglamento", "programa"}),
}


def _values(name: str):
    if name in SUBSETS:
        return SUBSETS[name]
    return ALL_VOCABULARIES[name]


def sql_ordered_list(vocabulary: str) -> str:
    """A vocabulary as a SQL list literal in its written order (vocabularies are written in process order)."""
    if vocabulary in SUBSETS:
        raise ValueError(f"{vocabulary} is an unordered subset; use a vocabulary")
    return "[" + ", ".join(f"'{v}'" for v in ALL_VOCABULARIES[vocabulary]) + "]"


def sql_in_list(vocabulary: str) -> str:
    """A vocabulary or subset as a SQL ``IN (...)`` list, for CHECK constraints and the status rules."""
    return "(" + ", ".join(f"'{v}'" for v in sorted(_values(vocabulary))) + ")"
