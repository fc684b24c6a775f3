"""Guerrero — Congreso del Estado, the PHP category pages of PDF links (legislacion/leyes-ordinarias.php).

Structure (shared/state-sources.md § Guerrero) [code IDX, code LGX-S, data LGX-C]: one PHP page per
category (``leyes-ordinarias.php``, ``leyes-organicas.php``, ``codigos.php``, …); rows are just
``a[href$=".pdf"]``, titled by the link text or, when that is a bare "PDF", by the parent element's text;
link texts can be poor ("Ley reglamentaria"). File names carry the law number and a date
(``…-417-2021-03-10.pdf``): the version's date as posted, read as ``text_date`` (no date column). The
trafficking law is an ordinary law (its file sits under ``ordinarias/``), so the ordinary-laws page is
the one read.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.parse.dates import parse_filename_date
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.link_page import LinkListPage, file_name

CATALOGUE_URL = "https://congresogro.gob.mx/legislacion/leyes-ordinarias.php"

INFO = SourceInfo(
    name="mx-gro-congreso-leyes",
    title="Congreso del Estado de Guerrero — leyes ordinarias",
    jurisdiction="MX-GRO",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresogro.gob.mx", "www.congresogro.gob.mx"),
    encoding="utf-8",  # not documented [unverified]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="Ordinary state laws: title, PDF and the date in each file name",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="LegismEx read these pages through a headless browser, other scrapers with plain HTTP and a "
                "browser user agent [code IDX]: JavaScript is probably not required, unverified. We send our own "
                "user agent; a refusal is recorded, not evaded. File-name dates are text dates.",
)


class OrdinaryLaws(LinkListPage):
    """The ordinary-laws page: each PDF link one law."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Guerrero; two unattributed scrapers (atlas IDX); LegismEx LGX-C"
    example_fixture = "states/gro/leyes-ordinarias.html"
    example_source = CATALOGUE_URL
    link_selector = "a[href$='.pdf']"
    min_rows = 20
    last_reform_meaning = "text_date"  # the date in the file name: when that version was posted

    def date_text(self, anchor, url: str) -> str | None:
        day = parse_filename_date(file_name(url), "iso")
        return day.isoformat() if day else None


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, OrdinaryLaws, [CATALOGUE_URL])
