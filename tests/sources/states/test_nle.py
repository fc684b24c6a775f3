"""Nuevo León: rows without </tr>, prose last-reform dates, raw spaces and accents in the PDF URLs."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.nle import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

PDFS = "https://www.hcnl.gob.mx/trabajo_legislativo/leyes/pdf/"
TITLE = ("LEY%20PARA%20PREVENIR%2C%20ATENDER%2C%20COMBATIR%20Y%20ERRADICAR%20LA%20TRATA%20DE%20PERSONAS%20EN%20EL"
         "%20ESTADO%20DE%20NUEVO%20LEON")  # fmt: skip
PDF_URL = f"{PDFS}{TITLE}.pdf?2023-01-16"


def test_rows_without_closing_tags_are_split_one_law_each():
    rows = parse_rows(laws.LawCatalogue, "nle/leyes.html")
    assert len(rows) == 21
    trata = [r for r in rows if "TRATA DE PERSONAS" in r.title]
    assert [(r.title, r.urls, r.last_reform_raw, r.last_reform) for r in trata] == [(
        "LEY PARA PREVENIR, ATENDER, COMBATIR Y ERRADICAR LA TRATA DE PERSONAS EN EL ESTADO DE NUEVO LEÓN",
        (PDF_URL, f"{PDFS}{TITLE}.doc"), "16 de Enero 2023", dt.date(2023, 1, 16))]


def test_raw_space_in_the_query_and_accents_are_percent_encoded_not_folded():
    row = next(r for r in parse_rows(laws.LawCatalogue, "nle/leyes.html") if "UNIDADES" in r.title)
    assert row.urls[0] == f"{PDFS}LEY%20DE%20PRUEBA%20DE%20%C3%9ANIDADES.pdf?2023-10-%206"
    assert row.last_reform == dt.date(2023, 10, 6)


def test_scrape_yields_catalogue_and_text_events_with_scraped_evidence():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("nle/leyes.html"), PDF_URL: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2023, 1, 16), "MX-NLE/ley-trata") in found
    assert ("reformed", dt.date(2023, 1, 16), "MX-NLE/ley-trata") in found
    assert ("reformed", dt.date(2019, 11, 2), "MX-NLE/ley-trata") in found  # a decree printed in the fixture text
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert report.pages["catalogue_rows"] == 21 and report.pages["law_text"] == 1


def test_legismex_sample_has_exactly_one_trafficking_law():
    assert [i for i, _ in sample_laws("nuevoleon")] == [100]
