"""Michoacán: PTB blocks → rows; the reform date comes from the file name in its three spellings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.mic import laws
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "mic" / "leyes.html"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_michoacan_catalogo.json"


def _rows():
    return list(laws.LawBlocks(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse())


def test_rows_and_file_name_dates_in_every_documented_spelling():
    rows = _rows()
    assert len(rows) == 21
    by_title = {r.title: r for r in rows}
    aguas = by_title["Ley de Aguas y Gestión de Cuencas para el Estado de Michoacán de Ocampo"]
    assert aguas.last_reform == dt.date(2022, 8, 31)  # "_31-DE-AGOSTO-DE-2022"
    assert by_title["Ley de Prueba Tres del Estado de Michoacán de Ocampo"].last_reform == dt.date(2020, 12, 4)  # P.O.-04-DIC
    assert by_title["Ley de Prueba Cuatro sin Fecha"].last_reform is None  # no date is never guessed
    assert by_title["Ley de Prueba Cuatro sin Fecha"].urls == ("http://congresomich.gob.mx/file/LEY-DE-PRUEBA-CUATRO.pdf",)


def test_unencoded_accents_in_urls_are_kept_as_printed():
    first = _rows()[0]
    assert first.urls == ("http://congresomich.gob.mx/file/LEY-PARA-LA-PREVENCIÓN-ATENCIÓN-Y-TRATAMIENTO-REF-4-DE-DIC-2020.pdf",)
    assert first.last_reform == dt.date(2020, 12, 4)


def test_no_trafficking_law_listed_and_tratamiento_is_not_one():
    report = RunReport("mic")
    fetcher = FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes()})
    assert list(laws.SOURCE.scrape(fetcher, report)) == []
    assert report.pages["catalogue_rows"] == 21 and fetcher.calls == [laws.CATALOGUE_URL]


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Michoacán catalogue) is absent")
def test_legismex_catalogue_has_no_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert len(entries) == 97
    assert [e["nombre"] for e in entries if classify_title(e["nombre"]).is_law] == []
