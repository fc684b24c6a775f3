"""Hidalgo — Congreso del Estado, "Acervo legislativo: leyes" (congresohidalgo.gob.mx/acervo_legislativo/leyes/).

Structure (shared/state-sources.md § Hidalgo) [code LGX-S, data LGX-C]: a table, rows ≥ 5 ``<td>``: number,
title, publication, last reform (loose text "<D> de <Mes> <YYYY>"), PDF. Some hrefs are malformed as
``../https://…``: the embedded absolute URL is kept. Files live on another host spelling,
``www.congreso-hidalgo.gob.mx/biblioteca_legislativa/leyes_cintillo/<Title>.pdf``, with raw spaces
(percent-encoded here). The trafficking law is **not** among the 168 titles LegismEx stored: a run that
finds none yields no event (absence is not evidence of abrogation), and the day it appears it is picked.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "https://congresohidalgo.gob.mx/acervo_legislativo/leyes/"

INFO = SourceInfo(
    name="mx-hid-congreso-leyes",
    title="Congreso del Estado de Hidalgo — Acervo legislativo, leyes",
    jurisdiction="MX-HID",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresohidalgo.gob.mx", "www.congresohidalgo.gob.mx", "www.congreso-hidalgo.gob.mx"),
    encoding="utf-8",  # not documented; the stored titles are clean UTF-8 text [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, publication and last-reform dates, PDF of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The state's trafficking law was not in the catalogue when last observed by a third party "
    "(atlas § Hidalgo): this source may yield no trafficking record; its status must come from elsewhere.",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td3 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Hidalgo; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/hid/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 5
    title_cell = 1
    date_cell = 3
    link_cells = (4,)
    last_reform_meaning = "reform_publication"  # the atlas documents td3 as the last reform [code LGX-S]


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
