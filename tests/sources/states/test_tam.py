"""Tamaulipas: numbered entries, inverted titles (an alias), UTF-8 not Latin-1, "Publicación:" is no reform."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core.errors import WrongEncoding
from pipeline.sources.states.tam import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FakeFetcher
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

LAW_URL = "https://www.congresotamaulipas.gob.mx/LegislacionEstatal/LegislacionVigente/VerLey.asp?IdLey=201"
INVERTED = "Trata de Personas en el Estado de Tamaulipas, Ley para Prevenir, Combatir y Sancionar la"


def test_entries_are_read_from_number_to_number():
    rows = parse_rows(laws.LawCatalogue, "tam/vigente.html")
    assert len(rows) == 21
    trata = [r for r in rows if "Trata de Personas" in r.title]
    assert [(r.ref, r.title, r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [
        ("126", INVERTED, (LAW_URL,), "Última Reforma: 6 de junio de 2023", dt.date(2023, 6, 6))]


def test_utf8_titles_are_not_mojibake_and_a_publication_line_is_no_reform():
    rows = {r.ref: r for r in parse_rows(laws.LawCatalogue, "tam/vigente.html")}
    assert rows["001"].title.startswith("Administración de Bienes")  # LegismEx stored "AdministraciÃ³n"
    assert (rows["127"].last_reform_raw, rows["127"].last_reform) == ("Publicación: 2 de febrero de 2024", None)


def test_a_latin1_page_does_not_pass_silently():
    latin1 = fixture("tam/vigente.html").decode("utf-8").encode("latin-1", errors="replace")
    with pytest.raises(WrongEncoding):  # a classified failure, never mojibake titles
        laws.LawCatalogue(FakeFetcher({})._response(laws.CATALOGUE_URL, latin1)).parse()


def test_scrape_resolves_the_inverted_title_and_reads_the_text():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("tam/vigente.html"), LAW_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2023, 6, 6), "MX-TAM/ley-trata-2010") in found
    assert ("reformed", dt.date(2023, 6, 6), "MX-TAM/ley-trata-2010") in found
    assert ("published", dt.date(2015, 1, 15), "MX-TAM/ley-trata-2010") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21 and not report.skips


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert sample_laws("tamaulipas") == [(126, INVERTED)]
