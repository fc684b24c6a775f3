"""Hidalgo: ``../https://`` hrefs, raw spaces, another host spelling — and no trafficking law listed."""

from __future__ import annotations

import datetime as dt

from pipeline.sources.states.hid import laws
from tests.parse.builders import state_pdf
from tests.sources.states.table_checks import events, fixture, parse_rows, sample_laws, scrape

CINTILLO = "https://www.congreso-hidalgo.gob.mx/biblioteca_legislativa/leyes_cintillo/"


def test_malformed_hrefs_keep_the_embedded_url_and_spaces_are_encoded():
    rows = parse_rows(laws.LawCatalogue, "hid/leyes.html")
    assert len(rows) == 21
    assert rows[0].urls == (f"{CINTILLO}Ley%20de%20Prueba%20con%20Enlace%20Roto.pdf",)
    assert (rows[0].last_reform_raw, rows[0].last_reform) == ("15 de Agosto 2022", dt.date(2022, 8, 15))
    assert (rows[1].last_reform_raw, rows[1].last_reform) == (None, None)


def test_the_documented_catalogue_yields_no_trafficking_record():
    records, report = scrape(laws.SOURCE, {laws.CATALOGUE_URL: fixture("hid/leyes.html")})
    assert records == [] and report.pages["catalogue_rows"] == 21 and not report.skips


def test_the_law_is_picked_the_day_the_catalogue_lists_it():
    """A hypothetical row (not documented on the site) with the catalogue's title of the 2010 law."""
    pdf = f"{CINTILLO}Ley%20para%20Combatir%20y%20Prevenir%20la%20Trata%20de%20Personas.pdf"
    row = (f'<tr><td>99</td><td>Ley para Combatir y Prevenir la Trata de Personas para el Estado de Hidalgo</td>'
           f'<td>1 de Marzo 2010</td><td>4 de Julio 2024</td><td><a href="../{pdf}">PDF</a></td></tr>')  # fmt: skip
    page = fixture("hid/leyes.html").replace(b"</table>", row.encode() + b"</table>")
    records, _ = scrape(laws.SOURCE, {laws.CATALOGUE_URL: page, pdf: state_pdf()})
    found = events(records)
    assert ("observed_in_force", dt.date(2024, 7, 4), "MX-HID/ley-trata-2010") in found
    assert ("reformed", dt.date(2024, 7, 4), "MX-HID/ley-trata-2010") in found
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)


def test_legismex_sample_has_no_trafficking_law():
    assert sample_laws("hidalgo") == []
