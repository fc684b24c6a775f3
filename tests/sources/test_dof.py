"""DOF page objects (SIDOF JSON, dof.gob.mx HTML, legacy WS) and the incremental crawl, on written fixtures."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import Response
from pipeline.core.records import Evidence
from pipeline.sources.federal import dof

from .conftest import FakeFetcher


def page(cls, content: bytes, url: str):
    return cls(Response(url=url, content=content, sha256="0" * 64))


# --- classification -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "category"), [
    ("DECRETO por el que se reforman y adicionan diversas disposiciones de la Ley General para Prevenir, Sancionar "
     "y Erradicar los Delitos en Materia de Trata de Personas", "decree"),
    ("REGLAMENTO de la Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas",
     "reglamento"),
    ("PROGRAMA Nacional para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas 2014-2018",
     "programa"),
])
def test_relevant_titles(title, category):
    assert dof.classify_note(title) == category


@pytest.mark.parametrize("title", [
    "NORMA Oficial Mexicana sobre el tratamiento de aguas residuales.",
    "DECRETO Promulgatorio del Tratado de Extradición entre los Estados Unidos Mexicanos y otro Estado.",
    "Sentencia dictada en la acción de inconstitucionalidad 5/1998 de que se trata",
    "ACUERDO por el que se da a conocer la aplicación del trato arancelario preferencial.",
])
def test_false_positives_are_not_relevant(title):
    assert dof.classify_note(title) is None


def test_scjn_ruling_relevant_only_by_its_text():
    title = "SENTENCIA dictada por el Tribunal Pleno de la Suprema Corte de Justicia de la Nación en la Acción de Inconstitucionalidad 169/2022."
    body = "ACTO IMPUGNADO: Artículos 2 TER y 3 de la Ley para Prevenir, Atender, Combatir y Erradicar la Trata de Personas en el Estado de Nuevo León."
    assert dof.classify_note(title) is None
    assert dof.classify_note(title, body) == "scjn_ruling"
    assert dof.classify_note(title, "x" * dof.RULING_HEAD_CHARS + body) is None  # named only deep in the reasoning


def test_law_actions_read_the_governing_verb():
    title = ("DECRETO por el que se expide la Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de "
             "Trata de Personas y para la Protección y Asistencia a las Víctimas de estos Delitos; y abroga la Ley para "
             "Prevenir y Sancionar la Trata de Personas; y reforma diversas disposiciones del Código Penal Federal.")
    assert [(i.slug, e) for i, e in dof.law_actions(title)] == [("lgpsedmtp", "published"), ("lpstp-2007", "abrogated")]
    assert dof.law_actions("ACUERDO sobre la Ley para Prevenir y Sancionar la Trata de Personas") == []


def test_programa_becomes_its_own_instrument():
    note = dof.make_note(5999999, "2014-04-30", "MAT", "PRIMERA", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION",
                         "PROGRAMA Nacional para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de "
                         "Personas y para la Protección y Asistencia a las Víctimas de estos Delitos 2014-2018")
    evidence = Evidence(kind="scraped", source="dof", url="u", sha256="a" * 64)
    (event,) = dof.note_events(note, evidence)
    assert (event.instrument.slug, event.instrument.instrument_type, event.event_type) == (
        "programa-nacional-trata-2014-2018", "programa", "published")
    assert event.issue == "codNota 5999999"
    assert event.official_url == "https://www.dof.gob.mx/nota_detalle.php?codigo=5999999&fecha=30/04/2014"


# --- SIDOF --------------------------------------------------------------------------------------------------


def test_sidof_day_notes_sorted_by_codnota_headings_dropped(fixture_bytes):
    notes = page(dof.SidofDayPage, fixture_bytes("sidof/notas_14-06-2012.json"), dof.sidof_day_url(dt.date(2012, 6, 14))).parse()
    assert [n["cod_nota"] for n in notes] == [5253201, 5253273]  # `orden` says otherwise; the empty titulo is gone
    decree = notes[1]
    assert (decree["date"], decree["edition"], decree["section"], decree["organism"], decree["issuer"]) == (
        "2012-06-14", "MAT", "PRIMERA", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION")
    assert decree["trafficking"] is True and notes[0]["trafficking"] is False  # "tratamiento"


def test_sidof_vespertina_edition(fixture_bytes):
    (note,) = page(dof.SidofDayPage, fixture_bytes("sidof/notas_07-06-2024.json"), "u").parse()
    assert (note["edition"], note["section"]) == ("VES", "UNICA")


def test_sidof_empty_day_and_error_inside_200(fixture_bytes):
    assert page(dof.SidofDayPage, fixture_bytes("sidof/notas_08-03-1999_empty.json"), "u").is_empty() is True
    with pytest.raises(ScrapeError, match="messageCode 500"):
        page(dof.SidofDayPage, fixture_bytes("sidof/notas_error.json"), "u").parse()
    with pytest.raises(LayoutChanged):
        page(dof.SidofDayPage, json.dumps({"messageCode": 200, "NotasMatutinas": []}).encode(), "u").parse()


def test_sidof_note_and_unknown_note(fixture_bytes):
    (note,) = page(dof.SidofNotePage, fixture_bytes("sidof/nota_5724254.json"), dof.sidof_note_url(5724254)).parse()
    assert (note["cod_nota"], note["date"], note["category"], note["trafficking"]) == (5724254, "2024-04-23", "scjn_ruling", True)
    assert page(dof.SidofNotePage, fixture_bytes("sidof/nota_unknown.json"), "u").parse() == []


# --- dof.gob.mx ------------------------------------------------------------------------------------------------


def index_page(content: bytes, day=dt.date(1999, 3, 8)):
    return page(dof.DofIndexPage, content, dof.dof_index_url(day, "MAT"))


def test_dof_index_headings_in_document_order(fixture_bytes):
    notes = index_page(fixture_bytes("dof/index_08-03-1999_MAT.htm")).parse()
    assert [(n["cod_nota"], n["section"], n["organism"], n["issuer"]) for n in notes] == [
        (4997854, "PRIMERA", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION"),
        (4997855, "PRIMERA", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION"),
        (4997860, "PRIMERA", "PODER JUDICIAL", "SUPREMA CORTE DE JUSTICIA DE LA NACION"),
    ]
    assert notes[0]["title"].startswith("DECRETO por el que se declaran reformados los artículos 16, 19, 22 y 123")
    assert [n["trafficking"] for n in notes] == [False, True, False]


def test_dof_index_serving_another_day_is_an_error(fixture_bytes):
    with pytest.raises(dof.OtherDayServed):
        index_page(fixture_bytes("dof/index_other_day.htm")).parse()


def test_dof_index_no_data(fixture_bytes):
    no_data = index_page(fixture_bytes("dof/index_no_data.htm"))
    assert (no_data.parse(), no_data.has_edition()) == ([], False)


def test_dof_note_page_declared_charsets_and_missing_note(fixture_bytes):
    url = "https://www.dof.gob.mx/nota_detalle.php?codigo=5724254&fecha=23/04/2024"
    for name in ("dof/nota_detalle_5724254.htm", "dof/nota_detalle_5724254_latin1.htm"):
        (note,) = page(dof.DofNotePage, fixture_bytes(name), url).parse()
        assert (note["cod_nota"], note["date"], note["trafficking"]) == (5724254, "2024-04-23", True)
        assert note["title"].endswith("Acción de Inconstitucionalidad 169/2022.")
    assert page(dof.DofNotePage, fixture_bytes("dof/nota_detalle_missing.htm"), url).parse() == []


def test_dof_note_body_excludes_site_disclaimer(fixture_bytes):
    url = "https://www.dof.gob.mx/nota_detalle.php?codigo=5724254"
    body = page(dof.DofNotePage, fixture_bytes("dof/nota_detalle_5724254.htm"), url).body_text()
    assert "ACTO IMPUGNADO" in body and "visualizando" not in body


# --- legacy WS ---------------------------------------------------------------------------------------------------


def test_ws_day_walks_the_tree():
    answer = {"ejemplares": [{"id": "1", "fecha": "viernes 24 de enero 2014", "edicion": "matutina", "secciones": [
        {"secc": "PRIMERA", "contentsection": {"name": "PODER EJECUTIVO", "content": {
            "name": "SECRETARIA DE GOBERNACION", "content": [
                {"id": "7", "date": "24/01/2014", "titulo": "Aviso", "url": "http://x"}]}}}]}]}
    (note,) = page(dof.WsDayPage, json.dumps(answer).encode(), "u").parse()
    assert (note["cod_nota"], note["date"], note["edition"], note["organism"], note["issuer"]) == (
        7, "2014-01-24", "MAT", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION")


def test_ws_note_dated_by_its_ejemplar():
    answer = {"ejemplares": [{"id": "1", "fecha": "miércoles 31 de julio 2013", "edicion": "matutina", "secciones": [
        {"secc": "SEGUNDA", "contentsection": {"name": "CONVOCATORIAS", "content": {
            "name": "X", "content": [{"id": "8", "date": "31/12/2014", "titulo": "Aviso REF:1", "url": "u"}]}}}]}]}
    (note,) = page(dof.WsDayPage, json.dumps(answer).encode(), "u").parse()
    assert (note["date"], note["date_as_listed"]) == ("2013-07-31", "2014-12-31")


# --- the crawl -------------------------------------------------------------------------------------------------------


def test_empty_weekday_is_unknown_and_cross_checked(fixture_bytes):
    day = dt.date(1999, 3, 8)  # a Monday SIDOF lost (sources.md §1.1)
    fetcher = FakeFetcher({dof.sidof_day_url(day): fixture_bytes("sidof/notas_08-03-1999_empty.json"),
                           dof.dof_index_url(day, "MAT"): fixture_bytes("dof/index_08-03-1999_MAT.htm"),
                           dof.dof_index_url(day, "VES"): fixture_bytes("dof/index_no_data.htm")})
    result = dof.read_sidof_day(fetcher, day, today=dt.date(2026, 1, 20))
    assert (result.status, result.source, len(result.notes)) == ("ok", "dof.gob.mx", 3)
    assert fetcher.sources[1:] == ["cp1252", "cp1252", "cp1252"]  # the index is fetched as cp1252


def test_empty_weekday_stays_unknown_when_site_cannot_answer(fixture_bytes):
    day = dt.date(1999, 3, 8)
    fetcher = FakeFetcher({dof.sidof_day_url(day): fixture_bytes("sidof/notas_08-03-1999_empty.json")})
    assert dof.read_sidof_day(fetcher, day, today=dt.date(2026, 1, 20)).status == "unknown"


def test_empty_sunday_is_not_cross_checked(fixture_bytes):
    day = dt.date(1999, 3, 7)
    fetcher = FakeFetcher({dof.sidof_day_url(day): fixture_bytes("sidof/notas_08-03-1999_empty.json")})
    assert dof.read_sidof_day(fetcher, day, today=dt.date(2026, 1, 20)).status == "empty_weekend"
    assert fetcher.calls == [dof.sidof_day_url(day)]


def test_past_day_read_from_store_recent_day_refetched(fixture_bytes):
    old, recent = dt.date(2012, 6, 14), dt.date(2026, 1, 16)
    body = fixture_bytes("sidof/notas_14-06-2012.json")
    urls = [dof.sidof_day_url(old), dof.sidof_day_url(recent)]
    fetcher = FakeFetcher(dict.fromkeys(urls, body), stored=dict.fromkeys(urls, body))
    for day in (old, recent):
        dof.read_sidof_day(fetcher, day, today=dt.date(2026, 1, 20))
    assert fetcher.calls == [dof.sidof_day_url(recent)]


def test_scrape_yields_events_for_tied_notes_and_reads_ruling_text(fixture_bytes):
    ruling_day, decree_day = dt.date(2024, 4, 23), dt.date(2012, 6, 14)
    fetcher = FakeFetcher({dof.sidof_day_url(ruling_day): fixture_bytes("sidof/notas_23-04-2024.json"),
                           dof.sidof_note_url(5724254): fixture_bytes("sidof/nota_5724254.json"),
                           dof.sidof_day_url(decree_day): fixture_bytes("sidof/notas_14-06-2012.json")})
    source = dof.DofSource(start=decree_day, end=decree_day, today=dt.date(2026, 1, 20))
    events = list(source.scrape(fetcher))
    assert [(e.instrument.slug, e.event_type, e.date, e.issue) for e in events] == [
        ("lgpsedmtp", "published", decree_day, "codNota 5253273"),
        ("lpstp-2007", "abrogated", decree_day, "codNota 5253273")]
    assert events[0].evidence.sha256 and events[0].evidence.gazette == "Diario Oficial de la Federación"
    # the ruling is relevant (read from its text) but tied to no tracked federal instrument: no event
    ruling_source = dof.DofSource(start=ruling_day, end=ruling_day, today=dt.date(2026, 1, 20))
    assert list(ruling_source.scrape(fetcher)) == []
    assert dof.sidof_note_url(5724254) in fetcher.calls


def test_inspect_kinds_cover_dof_pages():
    assert set(dof.INSPECT_KINDS) == {"dof-ws-day", "sidof-day", "sidof-note", "dof-index", "dof-note"}
