"""Puebla: K2 attachment pages (paged with start=); title and version date from the file name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.core.fetching import RunReport
from pipeline.parse.lawtitle import classify_title
from pipeline.sources.states.pue import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES, FakeFetcher

PAGE1 = FIXTURES / "states" / "pue" / "legislaciondelestado.html"
PAGE2 = FIXTURES / "states" / "pue" / "legislaciondelestado-start20.html"
PAGE2_URL = "https://ojp.puebla.gob.mx/legislaciondelestado?catid=19&start=20"
PDF_URL = ("https://ojp.puebla.gob.mx/media/k2/attachments/Ley_para_Prevenir_y_Erradicar_los_Delitos_en_Materia_de_"
           "Trata_de_Personas_y_para_la_Proteccion_y_Asistencia_a_las_Victimas_de_estos_Delitos_Edo_de_Puebla_T6_28102021.pdf")
SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "real-samples" / "state-catalogs" / \
    "legismex_puebla_catalogo.json"


def _run():
    fetcher = FakeFetcher({laws.CATALOGUE_URL: PAGE1.read_bytes(), PAGE2_URL: PAGE2.read_bytes(), PDF_URL: state_pdf()})
    report = RunReport("pue")
    return list(laws.SOURCE.scrape(fetcher, report)), report, fetcher


def test_attachment_rows_with_file_name_titles_and_dates():
    rows = laws.LawAttachments(FakeFetcher({})._response(laws.CATALOGUE_URL, PAGE1.read_bytes())).parse()
    assert len(rows) == 20
    assert (rows[0].title, rows[0].urls, rows[0].last_reform) == (
        "Ley para Prevenir y Erradicar los Delitos en Materia de Trata de Personas y para la Proteccion y "
        "Asistencia a las Victimas de estos Delitos Edo de Puebla", (PDF_URL,), dt.date(2021, 10, 28))
    # relative hrefs resolved; an unencoded accent kept as printed
    assert rows[1].urls == ("https://ojp.puebla.gob.mx/media/k2/attachments/Ley_de_Educación_del_Estado_de_Puebla_T4_15012020.pdf",)


def test_scrape_pages_through_the_category_and_dates_the_observation_by_the_file_name():
    records, report, fetcher = _run()
    assert fetcher.calls == [laws.CATALOGUE_URL, PDF_URL, PAGE2_URL]
    assert report.pages["catalogue"] == 2 and report.pages["catalogue_rows"] == 23
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert ("observed_in_force", dt.date(2021, 10, 28), "MX-PUE/ley-trata-2012") in events
    assert not any(t == "reformed" and d == dt.date(2021, 10, 28) for t, d, _ in events)  # a text date, not a reform
    assert ("published", dt.date(2015, 1, 15), "MX-PUE/ley-trata-2012") in events
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/real-samples (LegismEx Puebla catalogue) is absent")
def test_legismex_catalogue_trafficking_law():
    entries = json.loads(SAMPLE.read_text(encoding="utf-8"))
    found = [(i, e["url_pdf"]) for i, e in enumerate(entries) if classify_title(e["nombre"]).is_law]
    assert found == [(133, PDF_URL)]
