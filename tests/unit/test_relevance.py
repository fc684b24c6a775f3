"""Trafficking relevance rules: the variants that count and the look-alikes that must not."""

from __future__ import annotations

import pytest

from pipeline.parse.relevance import is_trafficking


@pytest.mark.parametrize(
    "text",
    [
        "Ley para Prevenir y Combatir la Trata de Personas en el Estado de Chiapas",
        "LEY GENERAL PARA PREVENIR, SANCIONAR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS",
        "la trata de personas es un delito",
        "Ley Estatal para Combatir, Prevenir y Sancionar la Trata de\nPersonas",
        "Comisión contra la trata de per-\nsonas",
        "delitos en materia de trata",
        "Protocolo para prevenir la trata de seres humanos",
        "Atención a víctimas de trata",
        "Atencion a las victimas de la trata",
        "LA TRATA DE PERSONAS",
        "trata   de    personas",
        "Ley para la Protección de las Víctimas de los Delitos den Materia de Trata",
    ],
)
def test_trafficking_texts_are_relevant(text):
    assert is_trafficking(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ley de Tratamiento de Aguas Residuales",
        "Tratado de Libre Comercio",
        "Ley de Ingresos del Municipio de Comonfort",
        "el asunto de que se trata",
        "cuando se trata de personas morales, la multa se duplica",
        "no se trata de personas físicas",
        "Reglamento de tratamiento de personas internas",
        "se trata de un procedimiento",
        "",
    ],
)
def test_look_alikes_are_not_relevant(text):
    assert not is_trafficking(text)
