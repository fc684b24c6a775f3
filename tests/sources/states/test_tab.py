"""Tabasco: upload links → rows; the upload month stays a raw value; the trafficking law is not listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.tab import laws
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "tab" / "leyes.html"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_tabasco_catalogo.json"


def _rows():
    return laws.LawLinks(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse()


def test_rows_titles_from_file_names_and_upload_month_kept_raw():
    rows = _rows()
    assert len(rows) == 22  # the icon link repeats a PDF: one row per document
    first = rows[0]
    assert first.title == "Ley de Aguas del Estado de Tabasco"
    assert first.urls == ("https://congresotabasco.gob.mx/wp-content/uploads/2019/05/Ley-de-Aguas-del-Estado-de-Tabasco.pdf",)
    assert (first.last_reform_raw, first.last_reform) == ("2019-05", None)  # a month is never made a day


def test_scrape_finds_no_trafficking_law_and_takes_no_false_positive():
    fetcher = FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes()})
    report = RunReport("tab")
    assert list(laws.SOURCE.scrape(fetcher, report)) == []  # "Tratamiento de Aguas" is not a trata law
    assert report.pages["catalogue_rows"] == 22 and fetcher.calls == [laws.CATALOGUE_URL]


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Tabasco catalogue) is absent")
def test_legismex_catalogue_has_no_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert len(entries) == 53
    assert [e["nombre"] for e in entries if classify_title(e["nombre"]).is_law] == []
