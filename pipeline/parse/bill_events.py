"""What happened to a bill, read from the source's Spanish action text, by rules (:mod:`pipeline.parse.rules`).

The input is a status cell ("Pendiente en comisión(es) de origen", "Aprobado", "EN TRÁMITE"), a SIL
trámite ("Publicado en DOF el 14/10/2024") or a sentence of a congress note ("fue turnada a la Comisión
de Justicia"). Each label is a vocab.BILL_EVENT_TYPES value. Weights rise with the stage of the process,
so a sentence naming several stages ("la Comisión aprobó el dictamen ... el Pleno lo aprobó") gets the
latest one. Weak rules (weight < 1, e.g. a bare "Pendiente") give an uncertain decision that goes to the
review queue; an input no rule recognises gives ``unclassified`` and goes there too — never a guess.

Tested in ``tests/parse/test_bill_events.py`` on the phrases of /work/shared (SIL statuses, the state
status vocabularies) and on the ``event_text`` column of ``data/registry/bills``.
"""

from __future__ import annotations

from pipeline.core.dates import DateSpan
from pipeline.core.records import BillEventRecord, Evidence
from pipeline.parse.dates import fold
from pipeline.parse.rules import Categorizer, Decision, Rule

_COMMITTEE = r"\bcomision(?:es)?\b"
_SAME_SENTENCE = r"(?:[^.;]|\.\.\.)"  # an elision ("...") does not end the sentence

RULES = (
    # -- terminal -------------------------------------------------------------------------------------------
    Rule("publicada", r"\bpublicad[oa]s? (?:en|oficialmente)\b|\bpublicacion en el (?:periodico|diario) oficial"
         r"|\bpublicado en (?:el )?dof\b", "published", 4.0, why="published in a gazette"),
    Rule("desechada", r"\bdesechad[oa]s?\b|\bdesecho\b|\brechazad[oa]s?\b|\brechazo\b|\bimprocedente\b",
         "rejected", 4.0),
    Rule("retirada", r"\bretirad[oa]s?\b|\b(?:solicito|solicitud de|aprobo) el retiro\b|\bretiro de la iniciativa",
         "withdrawn", 4.0),
    Rule("precluida", r"\bprecluid[oa]s?\b|\bpreclusion\b|\bconcluid[oa]s?\b|\barchivad[oa]s?\b|"
         r"\b(?:enviad[oa]|remitid[oa]) al archivo\b|\bbaja definitiva\b", "expired", 4.0),
    # -- executive ------------------------------------------------------------------------------------------
    Rule("observaciones", r"\bobservaciones (?:del|de la|al) (?:titular del )?(?:poder )?ejecutiv|\bvetad[oa]\b"
         r"|\bveto\b|\bdevuelt[oa] con observaciones", "vetoed", 3.5),
    Rule("al_ejecutivo", r"\b(?:turnad|enviad|remitid)[oa]s? al (?:titular del )?(?:poder )?ejecutivo",
         "sent_to_executive", 3.0),
    # -- plenary --------------------------------------------------------------------------------------------
    Rule("pleno_aprobo", r"\bpleno\b" + _SAME_SENTENCE + r"{0,80}?\b(?:aprobo|aprobaron|avalo)\b|\baprobad[oa]s? (?:en|por) (?:el )?"
         r"pleno\b|\baprobad[oa] en (?:camara de )?origen\b", "approved", 3.0),
    Rule("congreso_aprobo", r"(?<!del )(?<!de la )\b(?:congreso|legislatura|asamblea)\b" + _SAME_SENTENCE + r"{0,60}?\b(?:aprobo|"
         r"avalo)\b|\bse aprobo en el (?:pleno|congreso)\b", "approved", 3.0),
    Rule("minuta", r"\bminuta\b|\bcamara revisora\b|\bde revisora\b|\ben revisora\b", "sent_to_other_chamber",
         2.5),
    # -- committee ------------------------------------------------------------------------------------------
    Rule("comision_aprobo", _COMMITTEE + _SAME_SENTENCE + r"{0,160}?\b(?:aprobo|aprobaron)\b|\baprobad[oa] en comision",
         "committee_report_favorable", 2.5),
    Rule("dictamen_favorable", r"\bdictamen (?:\w+ ){0,3}(?:en sentido )?(?:positivo|favorable|aprobatorio)\b",
         "committee_report_favorable", 2.5),
    Rule("dictamen_en_contra", r"\bdictamen (?:\w+ ){0,3}(?:en sentido negativo|negativo|en contra|desechatorio)"
         r"\b", "committee_report_against", 3.0),
    Rule("dictamen", r"\bdictamen\b|\bdictaminad[oa]s?\b", "committee_report", 2.0),
    Rule("para_dictamen", r"\b(?:estudio|analisis)(?:,? \w+)? y (?:su )?dictamen\b|\bpara (?:su )?dictamen\b|"
         r"\bsin dictamen\b|\bnunca la dictamino\b|\bno (?:ha sido|fue) dictaminad|"
         r"\b(?:pendientes? de|en espera de) (?:su )?dictamen\b", "committee_report",
         exclude=True, why="a turn *for* a dictamen, or one still awaited, is not one"),
    # -- turn -----------------------------------------------------------------------------------------------
    Rule("turnada", r"\bturnad[oa]s?\b|\bturno\b|\bturnaron\b|\bremitid[oa]s? a (?:la |las )?comision|"
         r"\bpendiente en comision|\ben comisiones unidas\b|\ben (?:estudio|analisis) (?:y analisis )?(?:en|de)"
         r" (?:la )?comision|\bse encuentra en estudio\b|\ben comision(?:es)?\b", "referred", 1.5),
    Rule("turno_futuro", r"\b(?:sera|seran) (?:turnad|remitid)[oa]s?\b", "referred", exclude=True,
         why="a turn announced, not made"),
    Rule("presentada", r"\bpresentad[oa]s?\b|\bpresento\b|\bpresentaron\b|\bpresenta\b|\bpropuso\b|"
         r"\bpropusieron\b|\bsometo a (?:la )?consideracion\b|\bponemos a (?:la )?consideracion\b|"
         r"\brecibio (?:una|la) iniciativa\b|\bpresentado en (?:camara de )?origen\b|\bse presentara\b|"
         r"\bdio a conocer una (?:iniciativa|reforma)\b|\bplanteo\b", "presented", 1.0),
    # -- weak: the source's word for "not decided yet"; which step it is waits for a person -----------------
    Rule("pendiente", r"^\s*(?:pendiente|en tramite|en estudio|estudio|tramite)\s*$", "referred", 0.5,
         why="a bare 'pending' cell: in committee, most likely, but the source does not say"),
    Rule("aprobado_solo", r"^\s*aprobad[oa]s?\s*$", "approved", 0.5,
         why="a bare 'Aprobado' cell: by the plenary, most likely, but the source does not say"),
)

CATEGORIZER = Categorizer("bill-events", "2", RULES)  # 2: "pendiente de dictamen" is no dictamen


def classify(text: str) -> Decision:
    """The decision for an action text (any case, accents, spacing)."""
    return CATEGORIZER.decide(fold(text or ""))


def event_from_text(text: str, span: DateSpan | None = None, evidence: Evidence | None = None) -> BillEventRecord:
    """A BillEventRecord whose type the rules read from ``text`` (``unclassified`` when none recognised it)."""
    decision = classify(text)
    return BillEventRecord(
        decision.label or "unclassified", None, " ".join(text.split()), span=span, evidence=evidence,
        rules_version=decision.rules_version, score=decision.score, fired=decision.fired,
    )  # fmt: skip


#: (pattern on the folded proponent text, vocab.PROPONENT_KINDS value). First match wins.
_PROPONENT_RULES = (
    (r"\bgrupo parlamentario\b|\bgrupo legislativo\b|\bfraccion parlamentaria\b", "parliamentary_group"),
    (r"\bfiscalia\b|\bcomision (?:estatal |nacional )?de (?:los )?derechos humanos\b|\binstituto\b", "autonomous_body"),
    (r"\bcomision(?:es)?\b|\bjunta de (?:gobierno|coordinacion)\b|\bmesa directiva\b", "committee"),
    (r"\bejecutivo\b|\bgobernador(?:a)?\b|\bjefa? de gobierno\b|\bpresident[ea] de la republica\b", "executive"),
    (r"\bayuntamiento\b|\bmunicipio\b|\bcabildo\b", "municipality"),
    (r"\btribunal\b|\bconsejo de la judicatura\b|\bpoder judicial\b", "judiciary"),
    (r"\bsenador(?:a|es|as)?\b|\bsen\.", "senator"),
    (r"\bdiputad[oa]s?\b|\bdip\.|\blegislador(?:a|es|as)?\b", "deputy"),
    (r"(?<!movimiento )\bciudadan[oa]s?\b|\biniciativa (?:ciudadana|popular)\b|\bparticular(?:es)?\b", "citizens"),
)


def proponent_kind(text: str) -> str | None:
    """The kind of a proponent named in ``text`` ("Dip. Ana López (PAN)" → deputy); None when not recognised."""
    import re

    folded = fold(text or "")
    return next((kind for pattern, kind in _PROPONENT_RULES if re.search(pattern, folded)), None)
