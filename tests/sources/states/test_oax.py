"""Oaxaca: trailing reform notes stripped from titles, abrogated rows skipped, docs66 links resolved."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.oax import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FakeFetcher
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDF_URL = ("https://www.congresooaxaca.gob.mx/docs66.congresooaxaca.gob.mx/legislacion_estatal/"
           "Ley_Prevenir_sancionar_erradicar_delitos_en_mat_Trata_Pers_Protecc_Asist_Victimas_de_estos_delitos_"
           "(dto_ref_708_LXV_Legis_28_sep_2022_PO_45_7a_secc_5_nov_2022).pdf")  # fmt: skip
TITLE = ("Ley para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas y para la Protección y "
         "Asistencia a las Víctimas de estos Delitos del Estado de Oaxaca.")  # fmt: skip


def _page():
    page = laws.LawCatalogue(FakeFetcher({})._response(laws.CATALOGUE_URL, fixture("oax/legislacion_estatal.html")))
    return page, page.parse()


def test_titles_lose_their_reform_note_and_links_land_on_the_served_path():
    rows = parse_rows(laws.LawCatalogue, "oax/legislacion_estatal.html")
    assert len(rows) == 20
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.title, r.urls, r.last_reform) for r in trata] == [(TITLE, (PDF_URL,), dt.date(2022, 11, 5))]
    assert any(r.title == "Ley de Prevención, Tratamiento y Control de Prueba para el Estado de Oaxaca."
               and r.last_reform is None for r in rows)  # fmt: skip


def test_abrogated_rows_are_skipped_with_their_reason():
    page, rows = _page()
    assert not any("Abrogada" in r.title for r in rows)
    assert page.skipped == ["abrogated: Abrogado mediante decreto número 999"]


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    pages = {laws.CATALOGUE_URL: fixture("oax/legislacion_estatal.html"), PDF_URL: state_pdf()}
    records, report = scrape(laws.SOURCE, pages)
    found = events(records)
    assert ("observed_in_force", dt.date(2022, 11, 5), "MX-OAX/ley-trata") in found
    assert ("reformed", dt.date(2022, 11, 5), "MX-OAX/ley-trata") in found
    assert ("published", dt.date(2015, 1, 15), "MX-OAX/ley-trata") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 20


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert [i for i, _ in sample_laws("oaxaca")] == [174]
