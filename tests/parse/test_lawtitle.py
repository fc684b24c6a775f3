"""The trafficking-law title detector: rules on repaired, folded titles, with reasons."""

from __future__ import annotations

import pytest

from pipeline.parse.lawtitle import classify_title, is_trafficking_law, repair

LAWS = [
    "LEY PARA PREVENIR Y ERRADICAR LA TRATA DE PERSONAS EN EL ESTADO DE AGUASCALIENTES",  # all caps
    "LEY PARA PREVENIR, ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS Y PARA LA PROTECCI&#211;N",
    "Ley para la Protección, Atención y Asistencia a las Víctimas de los Delitos den Materia de Trata de Personas",
    "Trata de Personas en el Estado de Tamaulipas, Ley para Prevenir, Combatir y Sancionar la",  # inverted
    "prevencion y erradicacion de la trata de personas en el estado de nayarit ley para la",  # inverted file name
    "Ley para Prevenir, Atender, Combatir y Erradicar la Trata de Personas en el Estado de Zacatecas..pdf",
    "Prevenir Erradicar Trata 07julio2018",  # Colima: a file name as the title
    "Ley_para_Prevenir_y_Erradicar_la_Trata_de_Personas_T6_28102021.pdf",
    "Ley Número 761 para Prevenir, Combatir y Sancionar la Trata de Personas en el Estado de Guerrero",
    "y para Prevenir, Atender y Erradicar la trata de Personas y para la Protección de las Víctimas",  # cut
    "Ley para Prevenir la Trata de Personas del Estado de TamaulipÃ¡s",  # UTF-8 read as Latin-1
    "LEY PARA PREVENIR LA TRATA DE PERSONAS (TEXTO \x93VIGENTE\x94)",  # cp1252 quotes read as C1 controls
    "Ley Estatal contra la Trata de Seres Humanos",
    "20260313_LEYTRATAPERSONAS.PDF",  # Baja California file name (YYYYMMDD prefix)
    "LEYTRATAPERSONASVICTIMAS.pdf",  # Morelos file name
]
NOT_TRAFFICKING = [
    "LEY DE PREVENCIÓN Y TRATAMIENTO INTEGRAL DE LA VIOLENCIA FAMILIAR",
    "Ley sobre la Celebración de Tratados",
    "Ley de Protección y Trato Digno a los Animales",
    "Ley de Igualdad de Trato y Oportunidades entre Mujeres y Hombres",
    "Acuerdo que establece de qué se trata el programa de adquisiciones",
    "Decreto que autoriza licencia a la regidora Candy Yescas Blancas",  # a surname, not "trata de blancas"
    "Ley de Víctimas del Estado de Durango",
]
NOT_LAWS = {
    "Reglamento de la Ley para Prevenir y Erradicar la Trata de Personas": "reglamento",
    "REGLAMENTO INTERIOR DE LA COMISIÓN PARA PREVENIR Y ERRADICAR LA TRATA DE PERSONAS": "reglamento",
    "DECRETO DE CREACIÓN DE LA COMISIÓN PARA PREVENIR Y ERRADICAR LA TRATA DE PERSONAS": "decree",
    "Decreto 518 (Ley de Trata de Personas y Reformas y Adiciones al Codigo Penal)": "decree",
    "DECRETO 228. POR MEDIO DEL CUAL SE EXPIDE LA LEY PARA PREVENIR LA TRATA DE PERSONAS": "decree",
    "Protocolo de actuación en materia de trata de personas": "other",
    "Iniciativa de Ley para Prevenir la Trata de Personas": "other",
    "Punto de acuerdo sobre la Ley contra la Trata de Personas": "other",
}
#: Trafficking titles whose kind cannot be told (a bare file name): never taken as the law.
UNKNOWN_KIND = ["TRATAPERSONAS090513.pdf"]  # Veracruz file name: subject and date only


@pytest.mark.parametrize("title", LAWS)
def test_trafficking_laws_in_every_spelling(title):
    decision = classify_title(title)
    assert decision.is_law and decision.trafficking and decision.kind == "law", decision.reasons
    assert is_trafficking_law(title)


@pytest.mark.parametrize("title", NOT_TRAFFICKING)
def test_lookalikes_are_not_trafficking(title):
    assert not classify_title(title).trafficking


@pytest.mark.parametrize(("title", "kind"), NOT_LAWS.items())
def test_trafficking_instruments_that_are_not_laws(title, kind):
    decision = classify_title(title)
    assert decision.trafficking and decision.kind == kind and not decision.is_law


@pytest.mark.parametrize("title", UNKNOWN_KIND)
def test_trafficking_titles_of_unknown_kind_are_not_laws(title):
    decision = classify_title(title)
    assert decision.trafficking and decision.kind is None and not decision.is_law


def test_the_decision_carries_rules_reasons_and_version():
    decision = classify_title("Prevenir Erradicar Trata 07julio2018")
    assert decision.topic.fired == ("filename_trata",)
    assert decision.kind_decision.fired == ("filename_subject",)
    assert any("file-name title" in reason for reason in decision.reasons)
    assert decision.rules_version == "lawtitle-topic-2+lawtitle-kind-2"
    vetoed = classify_title("de que se trata")
    assert vetoed.topic.vetoed == ("trafficking",) and not vetoed.trafficking


def test_repair_unescapes_and_fixes_mojibake_for_people():
    assert repair("CONSTITUCI&#xD3;N POL&amp;#xCD;TICA") == "CONSTITUCIÓN POLÍTICA"
    assert repair("AdministraciÃ³n PÃºblica") == "Administración Pública"
    assert repair("la \x93trata\x94") == "la \u201ctrata\u201d"
    assert repair("Ley_de_Aguas..pdf") == "Ley de Aguas"


def test_federal_law_is_flagged():
    assert classify_title("Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata").federal
