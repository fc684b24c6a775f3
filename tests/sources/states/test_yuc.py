"""Yucatán: the upload date in the PDF name is not the reform; abrogated rows skipped; 0000-00-00 = none."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.yuc import laws
from tests.parse.builders import state_pdf
from tests.sources.conftest import FakeFetcher
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

STORAGE = "https://www.congresoyucatan.gob.mx/storage/legislacion/leyes/"
PDF_URL = f"{STORAGE}614bbf6ac72ca674f26849d18cc2570d_2023-07-31.pdf"
DOCX_URL = (f"{STORAGE}3207d6_LEY%20PARA%20PREVENIR%20Y%20COMBATIR%20LA%20TRATA%20DE%20PERSONAS%20EN%20EL%20ESTADO"
            "%20DE%20%20YUCAT%C3%81N%20(%C3%9Altima%20ref.%2028-06-2023).docx")  # fmt: skip


def test_the_reform_comes_from_td3_not_from_the_upload_date_in_the_file_name():
    rows = parse_rows(laws.LawCatalogue, "yuc/leyes.html")
    assert len(rows) == 20
    trata = [r for r in rows if "TRATA DE PERSONAS" in r.title]
    assert [(r.urls, r.last_reform) for r in trata] == [((PDF_URL, DOCX_URL), dt.date(2023, 6, 28))]


def test_abrogated_rows_are_skipped_and_zero_dates_mean_none():
    page = laws.LawCatalogue(FakeFetcher({})._response(laws.CATALOGUE_URL, fixture("yuc/leyes.html")))
    rows = page.parse()
    assert page.skipped == ["status 'Abrogada'"]
    unreformed = next(r for r in rows if "SIN REFORMAS" in r.title)
    assert (unreformed.last_reform_raw, unreformed.last_reform) == ("0000-00-00", None)


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("yuc/leyes.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2023, 6, 28), "MX-YUC/ley-trata-2017") in found
    assert ("reformed", dt.date(2023, 6, 28), "MX-YUC/ley-trata-2017") in found
    assert not any(d == dt.date(2023, 7, 31) for _, d, _ in found)
    assert ("published", dt.date(2015, 1, 15), "MX-YUC/ley-trata-2017") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 20


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert [i for i, _ in sample_laws("yucatan")] == [132]
