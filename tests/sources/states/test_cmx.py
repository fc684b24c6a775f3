"""CDMX: slider titles paired with their bodies; PDF first; the Gaceta date of the last reform is parsed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.cmx import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

FIXTURE = FIXTURES / "states" / "cmx" / "leyes.html"
PDF_URL = "https://data.consejeria.cdmx.gob.mx/images/leyes/leyes/LEY_PARA_LA_ATN_DELITOS_TRATA_DE_PERSONAS_DE_LA_CDMX_4.pdf"
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_cdmx_catalogo.json"


def _rows():
    return laws.LawSliders(FakeFetcher({})._response(laws.CATALOGUE_URL, FIXTURE.read_bytes())).parse()


def test_sliders_become_rows_with_pdf_first_and_prose_reform_dates():
    rows = _rows()
    assert len(rows) == 22
    trata = rows[0]
    assert trata.urls == (PDF_URL, PDF_URL.replace(".pdf", ".docx"))  # the Word link came first on the page
    assert trata.last_reform is None  # no "Última reforma" sentence: nothing is guessed
    assert rows[1].last_reform == dt.date(2025, 12, 24)
    assert rows[1].last_reform_raw.startswith("Última reforma publicada en la Gaceta Oficial")


def test_extension_less_link_gets_pdf_appended():
    row = next(r for r in _rows() if "SIN EXTENSIÓN" in r.title)
    assert row.urls == ("https://data.consejeria.cdmx.gob.mx/images/leyes/leyes/LEY_DE_PRUEBA_SIN_EXTENSION.pdf",)
    assert row.last_reform == dt.date(2021, 3, 3)


def test_scrape_takes_the_current_victims_law_only():
    report = RunReport("cmx")
    records = list(laws.SOURCE.scrape(FakeFetcher({laws.CATALOGUE_URL: FIXTURE.read_bytes(), PDF_URL: state_pdf()}),
                                      report))  # fmt: skip
    events = {(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")}
    assert ("observed_in_force", dt.date(2026, 1, 20), "MX-CMX/ley-victimas-trata-2021") in events
    assert ("published", dt.date(2015, 1, 15), "MX-CMX/ley-victimas-trata-2021") in events
    assert {i for _, _, i in events} == {"MX-CMX/ley-victimas-trata-2021"}  # "TRATAMIENTO DE RESIDUOS" is not one
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 22


def test_slider_titles_and_bodies_must_pair():
    broken = FIXTURE.read_bytes().replace(b'<div class="nn_sliders_content_wrapper">', b"<div>", 1)
    with pytest.raises(Exception, match="slider titles"):
        laws.LawSliders(FakeFetcher({})._response(laws.CATALOGUE_URL, broken)).parse()


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx CDMX catalogue) is absent")
def test_legismex_catalogue_has_only_the_abrogated_df_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = [(i, e["url_pdf"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law]
    # the 11b92d0 run lost the current CDMX law (a parser change, not an abrogation); the DF law remains
    assert found == [(126, "https://data.consejeria.cdmx.gob.mx/images/leyes/historico/"
                            "LEY_PROT_ATN_Y_%20ASIST_A_VICTIMAS_DEL_DELITO_DE_TRATA_DE_PERSONAS_DEL_DF.pdf")]
