"""Guanajuato — Congreso del Estado, "Leyes" catalogue (congresogto.gob.mx/leyes), paginated ``?page=<N>``.

Structure (shared/state-sources.md § Guanajuato) [code LGX-S, data LGX-C]: rows ``<tbody><tr>``: td0 title,
td1 type, td2 PDF link, td3 Word link, td4 last reform. Pages follow as ``?page=<N>`` until a page has no
link to page N+1. Files live on S3, ``https://congreso-gto.s3.amazonaws.com/uploads/reforma/pdf/<id>/<file>.pdf``
(and ``…/word/<id>/<file>.doc``), file names often ``<ABBR>_REF_<DDMesYYYY>.pdf``; the date is read from
td4. The printed format of td4 is not documented (LegismEx stored ISO): the usual forms are accepted.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlparse

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "https://www.congresogto.gob.mx/leyes"

INFO = SourceInfo(
    name="mx-gua-congreso-leyes",
    title="Congreso del Estado de Guanajuato — Leyes",
    jurisdiction="MX-GUA",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresogto.gob.mx", "congresogto.gob.mx", "congreso-gto.s3.amazonaws.com"),
    encoding="utf-8",  # not documented; the stored titles are clean UTF-8 text [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: title, type, last-reform date, PDF and Word of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    notes="The law texts are served from the congress's Amazon S3 bucket (congreso-gto.s3.amazonaws.com).",
)


class LawCatalogue(HtmlLawTable):
    """One page of the law table; td4 is the last reform, read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Guanajuato; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/gua/leyes.html"
    example_source = CATALOGUE_URL
    row_selector = "table tbody tr"
    min_rows = 5  # the page size is not documented; a page with fewer than 5 laws means the layout changed
    min_cells = 5
    title_cell = 0
    ref_cell = None  # td0 is the title: the table numbers nothing
    date_cell = 4
    link_cells = (2, 3)
    last_reform_meaning = "reform_publication"  # the atlas documents td4 as the last reform [code LGX-S]

    def page_number(self) -> int:
        values = parse_qs(urlparse(self.url).query).get("page") or ["1"]
        return int(values[0]) if values[0].isdigit() else 1

    def next_page_url(self) -> str | None:
        """The link to page N+1, or None on the last page (the documented stop condition)."""
        wanted = re.compile(rf"[?&]page={self.page_number() + 1}(?!\d)")
        for anchor in self.soup.select("a[href*='page=']"):
            if wanted.search(anchor["href"]):
                return urljoin(self.url, anchor["href"])
        return None


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
