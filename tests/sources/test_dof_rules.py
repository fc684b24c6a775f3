"""DOF note categories and relevance on the rules engine: the same categories and outputs as before, each note
carrying its decisions (score, rules fired, rules version); an unrecognised title is ``other``, and a trafficking
note tied to no tracked instrument is said in the run report. Real titles: ../shared/real-samples (DOF WS JSON)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from pipeline.core.fetching import Response, RunReport
from pipeline.sources.federal import dof
from pipeline.sources.federal.dof.crawl import DayResult
from pipeline.sources.federal.dof.notes import NOTE_CATEGORIES, NOTE_RELEVANCE, category_decision, decide_note

from .conftest import FakeFetcher


@pytest.mark.parametrize(("title", "category", "fired"), [
    ("DECRETO por el que se reforma la Ley General de Salud", "decree", ("decreto",)),
    ("REGLAMENTO Interior de la Secretaría de Gobernación", "reglamento", ("reglamento",)),
    ("PROGRAMA Sectorial de Gobernación 2020-2024", "programa", ("programa",)),
    ("FE de erratas al Decreto publicado el 3 de marzo", "errata", ("fe_de_erratas",)),
    ("ACLARACIÓN al Acuerdo publicado el 9 de mayo", "errata", ("aclaracion",)),
    ("ACUERDO por el que se emiten los Lineamientos", "acuerdo", ("acuerdo",)),
    ("SENTENCIA dictada por el Tribunal Pleno de la Suprema Corte de Justicia de la Nación en la Acción de "
     "Inconstitucionalidad 169/2022.", "scjn_ruling", ("sentencia_scjn",)),
    ("VOTO particular que formula la Ministra en la controversia constitucional 12/2020", "scjn_ruling",
     ("sentencia_scjn",)),
])  # fmt: skip
def test_each_category_is_a_decision_with_its_rule(title, category, fired):
    decision = category_decision(title)
    assert (decision.label, decision.fired, decision.rules_version) == (category, fired, "dof-note-categories-1")
    assert decision.score == (2.0 if category == "scjn_ruling" else 1.0) and decision.reasons
    assert dof.note_category(title) == category


@pytest.mark.parametrize("title", [
    "NORMA Oficial Mexicana NOM-001-SEMARNAT-2021, que establece los límites de contaminantes",
    "LINEAMIENTOS para la operación del Programa de Atención a Víctimas de Trata de Personas",
    "CONVOCATORIA pública para ocupar la plaza vacante",
])  # fmt: skip
def test_an_unrecognised_title_is_other_with_its_empty_decision(title):
    decision = category_decision(title)
    assert (decision.label, decision.score, decision.fired) == (None, 0.0, ())
    note = dof.make_note(5999001, "2024-01-10", "MAT", "PRIMERA", "X", "Y", title)
    assert (note["category"], note["category_fired"], note["category_rules"]) == ("other", [], "dof-note-categories-1")


def test_relevance_is_the_tested_trafficking_rule_and_is_recorded():
    note = dof.make_note(5999002, "2024-01-10", "MAT", "PRIMERA", "X", "Y",
                         "LINEAMIENTOS para la operación del Programa de Atención a Víctimas de Trata de Personas")
    assert (note["trafficking"], note["category"]) == (True, "other")
    assert (note["relevance_rules"], note["relevance_fired"]) == ("dof-note-relevance-1", ["trata_de_personas"])
    assert NOTE_RELEVANCE.decide("sentencia en la que se trata de personas morales").label is None
    assert dof.classify_note("DECRETO Promulgatorio del Tratado de Extradición") is None


def test_a_ruling_is_relevant_by_its_head_and_says_so():
    title = "SENTENCIA dictada por el Tribunal Pleno de la Suprema Corte de Justicia de la Nación en la Acción de " \
            "Inconstitucionalidad 169/2022."
    body = "ACTO IMPUGNADO: Artículos 2 y 3 de la Ley para Prevenir y Erradicar la Trata de Personas del Estado."
    assert decide_note(title).read is None
    decision = decide_note(title, body)
    assert (decision.read, decision.category_label, decision.relevance.fired) == ("ruling_head", "scjn_ruling",
                                                                                  ("trata_de_personas",))
    assert decide_note(title, "x" * dof.RULING_HEAD_CHARS + body).read is None


def test_real_dof_titles_keep_their_categories(real_samples):
    notes = dof.inspect_ws_day(real_samples / "dof" / "WS_getDiarioFull_2days.ndjson")
    assert len(notes) == 193
    assert Counter(n["category"] for n in notes) == {"other": 167, "acuerdo": 18, "decree": 6, "reglamento": 2}
    relevant = [n for n in notes if n["trafficking"]]
    assert [(n["cod_nota"], n["category"], n["category_fired"], n["relevance_fired"]) for n in relevant] == [
        (5330703, "reglamento", ["reglamento"], ["trata_de_personas"])]
    # "Acuerdo por el que se da a conocer la Decisión No. 73 … del Tratado de Libre Comercio": an acuerdo, not trata
    tratado = next(n for n in notes if n["cod_nota"] == 5330711)
    assert (tratado["category"], tratado["trafficking"], tratado["relevance_fired"]) == ("acuerdo", False, [])
    assert all(n["category_rules"] == NOTE_CATEGORIES.rules_version for n in notes)


def test_a_trafficking_note_tied_to_nothing_tracked_is_said_in_the_report():
    lineamientos = dof.make_note(5999003, "2024-01-10", "MAT", "PRIMERA", "X", "Y",
                                 "LINEAMIENTOS del Protocolo Nacional de Atención a Víctimas de Trata de Personas")
    reglamento = dof.make_note(5330703, "2014-01-24", "MAT", "PRIMERA", "X", "Y",
                               "Reglamento Interno de la Comisión Intersecretarial para Prevenir, Sancionar y Erradicar "
                               "los Delitos en Materia de Trata de Personas")  # fmt: skip
    response = Response(url="https://sidof.segob.gob.mx/dof/sidof/notas/10-01-2024", content=b"{}", sha256="a" * 64)
    result = DayResult(dt.date(2024, 1, 10), "ok", [lineamientos, reglamento], response)
    report = RunReport("dof")
    events = list(dof.SOURCE._events(FakeFetcher({}), result, report))
    assert [e.instrument.slug for e in events] == ["reglamento-interno-comision-intersecretarial-trata"]
    assert report.notes == ["codNota 5999003: trafficking note of category 'other' (dof-note-categories-1, fired "
                            "none; relevance trata_de_personas) is tied to no tracked instrument"]
