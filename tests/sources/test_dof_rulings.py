"""SCJN rulings in the DOF with a declaration of invalidity → a provisions_invalidated event for the state's ruling.

The resolutive text below is a fixture (structure of a resolutive point, fictional content), not a ruling's text."""

from __future__ import annotations

import datetime as dt
import json

from pipeline.sources.federal import dof
from pipeline.sources.federal.dof.rulings import case_number, ruling_events, state_of

from .conftest import FakeFetcher

RESOLUTIVOS = ("<p>R E S U E L V E:</p><p>PRIMERO. Es procedente y parcialmente fundada la presente acción.</p>"
               "<p>SEGUNDO. Se declara la invalidez del artículo 3, fracción IV, de la Ley para Prevenir, Atender, "
               "Combatir y Erradicar la Trata de Personas en el Estado de Nuevo León.</p>"
               "<p>TERCERO. Publíquese esta resolución en el Diario Oficial de la Federación.</p>")  # fmt: skip


def test_state_and_case_number_are_read_from_the_law_name_and_the_title():
    assert state_of("ley para prevenir la trata de personas en el estado de nuevo leon") == "MX-NLE"
    assert state_of("ley numero 821 para prevenir … del estado de veracruz de ignacio de la llave") == "MX-VER"
    assert state_of("ley de trata de personas de la ciudad de mexico") == "MX-CMX"
    assert state_of("ley general para prevenir sancionar y erradicar los delitos") is None
    assert case_number("SENTENCIA dictada … en la Acción de Inconstitucionalidad 169/2022.") == (
        "AI 169/2022", "scjn-ai-169-2022")


def test_a_ruling_note_whose_text_declares_a_state_provision_invalid_becomes_an_event(fixture_bytes):
    day = dt.date(2024, 4, 23)
    nota = json.loads(fixture_bytes("sidof/nota_5724254.json"))
    nota["Nota"]["cadenaContenido"] = nota["Nota"]["cadenaContenido"].replace("</BODY>", RESOLUTIVOS + "</BODY>")
    fetcher = FakeFetcher({dof.sidof_day_url(day): fixture_bytes("sidof/notas_23-04-2024.json"),
                           dof.sidof_note_url(5724254): json.dumps(nota).encode()})  # fmt: skip
    [event] = list(dof.DofSource(start=day, end=day, today=dt.date(2026, 1, 20)).scrape(fetcher))
    assert (event.instrument.instrument_id, event.instrument.instrument_type, event.event_type, event.date,
            event.decree, event.issue) == ("MX-NLE/scjn-ai-169-2022", "sentencia_scjn", "provisions_invalidated",
                                           day, "AI 169/2022", "codNota 5724254")  # fmt: skip
    assert "Se declara la invalidez del artículo 3, fracción IV, de la Ley para Prevenir" in event.note
    assert event.evidence.kind == "scraped" and event.official_url.startswith("https://")
    from pipeline.parse.law.invalidity import parse_invalidations

    assert [i.provision_eid for i in parse_invalidations(event.note)] == ["art_3.frac_IV"]


def test_a_ruling_that_declares_nothing_invalid_or_names_no_state_yields_nothing():
    note = {"category": "scjn_ruling", "trafficking": True, "title": "SENTENCIA … Acción de Inconstitucionalidad 1/2020",
            "date": "2020-01-02", "cod_nota": 1}  # fmt: skip
    evidence = None  # never reached
    assert ruling_events(note, "SEGUNDO. Se reconoce la validez del artículo 3 de la Ley de Trata del Estado de "
                               "Jalisco.", evidence) == []  # fmt: skip
    assert ruling_events(note, "SEGUNDO. Se declara la invalidez del artículo 3 de la Ley General de Víctimas.",
                         evidence) == []  # fmt: skip
    assert ruling_events(dict(note, trafficking=False), RESOLUTIVOS, evidence) == []
