"""Baja California Sur: Word-only table rows, "NUEVA LEY" badges trimmed, no trafficking law listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.bcs import laws
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "bcs" / "leyes.html"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_bajacaliforniasur_catalogo.json"


def _page():
    return laws.LawTable(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes()))


def test_rows_are_word_files_without_dates():
    page = _page()
    rows = page.parse()
    assert len(rows) == 21 and page.skipped == ["row without a document link"]  # the header row
    assert all(r.urls[0].startswith("https://www.cbcs.gob.mx/LEYES-BCS/") and r.urls[0].endswith(".doc") for r in rows)
    assert all(len(r.urls) == 1 and r.last_reform is None for r in rows)  # title link and Word icon: one file


def test_nueva_ley_badge_is_trimmed():
    assert _page().parse()[1].title == "LEY de Aguas del Estado de Baja California Sur"


def test_scrape_yields_nothing_and_tratamiento_is_not_trata():
    report = RunReport("bcs")
    assert list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes()}), report)) == []
    assert report.pages["catalogue_rows"] == 21 and not report.notes


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx BCS catalogue) is absent")
def test_legismex_catalogue_has_no_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert len(entries) == 162
    assert [e["nombre"] for e in entries if classify_title(e["nombre"]).trafficking] == []
