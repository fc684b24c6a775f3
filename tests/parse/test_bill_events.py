"""Bill events read from Spanish action text by rules; relevance of a bill by rules; proponent kinds."""

from __future__ import annotations

import csv
import re

import pytest

from pipeline.core import vocab
from pipeline.core.paths import REPO_DIR
from pipeline.parse.bill_events import CATEGORIZER, classify, event_from_text, proponent_kind
from pipeline.parse.relevance import bill_relevance

SHARED = REPO_DIR.parent / "shared"


@pytest.mark.parametrize(
    "text, label",
    [
        # SIL "Último estatus" / trámite wording (shared/sources.md §5.1)
        ("Pendiente en comisión(es) de origen el 01/06/2026", "referred"),
        ("Pendiente en comisión(es) de revisora el 03-DIC-2025", "sent_to_other_chamber"),
        ("Publicado en DOF el 14/10/2024", "published"),
        ("Desechado en pleno origen el 11/03/2026", "rejected"),
        ("Retirada el 19/03/2025", "withdrawn"),
        ("Turnado al Ejecutivo", "sent_to_executive"),
        ("Presentado en origen 12/08/1998", "presented"),
        ("Aprobado en comisión(es) origen", "committee_report_favorable"),
        ("Minuta recibida en revisora", "sent_to_other_chamber"),
        ("Precluido", "expired"),
        ("Concluido", "expired"),
        # state congress notes (our fixtures)
        ("La iniciativa fue turnada a la Comisión de Justicia para su estudio y dictamen", "referred"),
        ("El Pleno aprobó el dictamen de la Comisión de Justicia por unanimidad", "approved"),
        ("La Comisión de Justicia aprobó el dictamen en sus términos", "committee_report_favorable"),
        ("Dictamen en sentido negativo de la Comisión de Gobernación", "committee_report_against"),
        ("El Ejecutivo devolvió el decreto con observaciones del Ejecutivo", "vetoed"),
        ("Decreto publicado en el Periódico Oficial del Estado el 3 de mayo de 2024", "published"),
        ("Se desecha la iniciativa por improcedente", "rejected"),
        ("A solicitud de su autora, se aprobó el retiro de la iniciativa", "withdrawn"),
        ("Quedó archivada al concluir la legislatura", "expired"),
        ("La diputada presentó una iniciativa ante el Pleno", "presented"),
    ],
)
def test_action_text_is_classified(text, label):
    decision = classify(text)
    assert decision.label == label, decision.reasons
    assert decision.score >= 1.0 and decision.fired and decision.rules_version == "bill-events-2"


def test_a_decision_carries_its_score_fired_rules_and_version():
    decision = classify("Aprobado en comisión(es) origen")
    assert decision.fired == ("comision_aprobo", "turnada")
    assert decision.score == 2.5  # the committee's approval outranks the mere turn (1.5)
    assert CATEGORIZER.rules_version == decision.rules_version == "bill-events-2"


@pytest.mark.parametrize("text", ["para su análisis y dictamen", "turnada a comisiones para su dictamen"])
def test_a_turn_for_a_dictamen_is_not_a_dictamen(text):
    decision = classify("fue turnada " + text)
    assert decision.label == "referred" and "committee_report" in decision.vetoed


@pytest.mark.parametrize("text", ["Pendiente de dictamen", "PENDIENTE DE SU DICTAMEN", "En espera de dictamen"])
def test_a_dictamen_still_awaited_is_not_a_dictamen_and_goes_to_review(text):
    decision = classify(text)
    assert decision.label is None and decision.vetoed == ("committee_report",)  # unclassified: a person decides


@pytest.mark.parametrize("text", ["La iniciativa será turnada a comisiones", "será remitida a comisiones"])
def test_an_announced_turn_is_not_a_turn(text):
    assert classify(text).label is None


@pytest.mark.parametrize("text, label", [("Pendiente", "referred"), ("EN TRÁMITE", "referred"),
                                         ("Estudio", "referred"), ("Aprobado", "approved")])  # fmt: skip
def test_bare_status_cells_are_weak_decisions(text, label):
    decision = classify(text)
    assert decision.label == label and decision.score == 0.5  # below 1: the review queue


@pytest.mark.parametrize("text", ["Resuelto", "desahogados", "SE DEVUELVE A LA MESA", "votos a favor, cero en contra"])
def test_an_unseen_phrase_is_unclassified_never_mapped(text):
    assert classify(text).label is None
    event = event_from_text(text)
    assert event.event_type == "unclassified" and event.score == 0.0 and event.fired == ()
    assert event.rules_version == "bill-events-2" and event.description == " ".join(text.split())
    assert "unclassified" not in vocab.TERMINAL_BILL_EVENTS


def test_registry_event_texts_agree_with_the_curated_events():
    """The research pass labelled 77 event texts by hand: the rules agree or say they do not know."""
    exact, coarser, unknown, wrong = 0, 0, 0, []
    for path in sorted((REPO_DIR / "data" / "registry" / "bills").glob("*.csv")):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if not row["event_text"]:
                continue
            label = classify(row["event_text"]).label
            if label == row["event"]:
                exact += 1
            elif label is None:
                unknown += 1
            elif label == "committee_report" and row["event"].startswith("committee_report"):
                coarser += 1  # "a dictamen" whose sense the sentence does not state
            else:
                wrong.append((row["event"], label, row["event_text"][:30]))
    assert exact >= 66 and coarser <= 3 and unknown <= 7, (exact, coarser, unknown)
    # one curated 'approved' row quotes only the bills' presentation; the rules read what the text says
    assert wrong == [("approved", "presented", "El documento, concerniente a l")]


def test_state_status_vocabularies_of_the_atlas():
    atlas = SHARED / "state-sources.md"
    if not atlas.exists():
        pytest.skip("../shared/state-sources.md is not present")
    section = atlas.read_text(encoding="utf-8").split("### D.")[1].split("### E.")[0]
    quoted = set(re.findall(r'"([^"]{3,40})"', section))
    expected = {"EN TRÁMITE": "referred", "Pendiente": "referred", "Aprobado": "approved", "Estudio": "referred",
                "En comisión": "referred", "turnados": "referred", "turnado a": "referred",
                "fecha turnada": "referred"}  # fmt: skip
    seen = {q: classify(q).label for q in quoted}
    assert {q: seen[q] for q in expected if q in seen} == {q: v for q, v in expected.items() if q in seen}
    assert len(set(expected) & set(seen)) >= 5
    assert {q: classify(q).score for q in ("Aprobado", "Pendiente")} == {"Aprobado": 0.5, "Pendiente": 0.5}
    # the rest ("probables", "desahogados", "votación", ...) are not guessed
    assert all(label is None for q, label in seen.items() if q not in expected), seen


@pytest.mark.parametrize(
    "title, relevant, score",
    [
        ("Iniciativa que reforma la Ley para Prevenir y Erradicar la Trata de Personas", True, 3.0),
        ("Reforma al Código Penal en materia de trata de personas", True, 3.0),
        ("Ley para prevenir y erradicar la trata (reformas)", True, 1.0),
        ("Ley de Atención a Víctimas de Trata", True, 4.0),
        ("Ley de Turismo: explotación sexual infantil en hospedaje", None, 0.5),  # weak: reviewed
        ("Código Penal, artículo 180 (lenocinio)", None, 0.5),
        ("Ley de Aguas: tratamiento de aguas residuales", False, 0.0),
        ("Aprobación de tratados internacionales", False, 0.0),
        ("Régimen fiscal cuando se trata de personas morales", False, 0.0),
        ("la ley de que se trata", False, 0.0),
    ],
)
def test_bill_relevance(title, relevant, score):
    decision = bill_relevance(title)
    assert decision.score == score, decision.reasons
    if relevant is False:
        assert decision.label is None
    else:
        assert decision.label == "trafficking" and (decision.score >= 1.0) is bool(relevant)
    assert decision.rules_version == "bill-relevance-1"


@pytest.mark.parametrize(
    "text, kind",
    [("Dip. Ana López (PAN)", "deputy"), ("Dip. Ana López (Movimiento Ciudadano)", "deputy"),
     ("EJECUTIVO FEDERAL", "executive"), ("Titular del Poder Ejecutivo", "executive"),
     ("Grupo Parlamentario del PRI", "parliamentary_group"), ("Ayuntamiento de Monterrey", "municipality"),
     ("C. María Gómez, ciudadana", "citizens"), ("Comisión de Justicia", "committee"),
     ("Comisión Estatal de Derechos Humanos", "autonomous_body"), ("Sen. Olga Sosa", "senator"),
     ("Juan Pérez", None)],
)  # fmt: skip
def test_proponent_kind(text, kind):
    assert proponent_kind(text) == kind
    assert kind is None or kind in vocab.PROPONENT_KINDS
