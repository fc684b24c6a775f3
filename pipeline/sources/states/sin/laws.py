"""Sinaloa — Congreso del Estado, Instituto de Investigaciones Parlamentarias, "Leyes estatales" page.

Structure (shared/state-sources.md § Sinaloa) [code LGX-S, data LGX-C]: one static page of plain
``<a href="….pdf">title</a>`` links; relative hrefs resolve against the page; some hrefs end
``.pdf.pdf`` (fixed); titles carry HTML entities (``C&oacute;digo``); no dates. Files sit on two hosts:
``iip.congresosinaloa.gob.mx/docs/le/<NNN>.pdf`` and ``gaceta.congresosinaloa.gob.mx:3001/pdfs/leyes/
Ley_<n>.pdf`` (a non-standard port). Two trafficking laws: the Ley Estatal (077.pdf) and the victims law
(Ley_118.pdf), whose catalogue title has the typo "den Materia" (an alias in the instrument catalogue).
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.link_page import LinkListPage

CATALOGUE_URL = "https://iip.congresosinaloa.gob.mx/estatales.html"

INFO = SourceInfo(
    name="mx-sin-congreso-leyes",
    title="Congreso del Estado de Sinaloa — leyes estatales",
    jurisdiction="MX-SIN",
    homepage=CATALOGUE_URL,
    allowed_hosts=("iip.congresosinaloa.gob.mx", "gaceta.congresosinaloa.gob.mx"),
    encoding="utf-8",  # not documented; titles use HTML entities for accents [data LGX-C]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title and PDF of each law (no dates)",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="No dates in the catalogue. Part of the PDFs are served from gaceta.congresosinaloa.gob.mx on "
                "port 3001, a host whose TLS certificate third parties report as invalid [code LMX]: we keep "
                "verification on, so those downloads may fail as a TLS error rather than be read unverified.",
)


class LawLinks(LinkListPage):
    """The static list of law links; the link text is the title."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Sinaloa; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/sin/estatales.html"
    example_source = CATALOGUE_URL
    link_selector = "a[href$='.pdf']"
    min_rows = 50  # 165 laws [data LGX-C]
    collapse_double_pdf = True
    last_reform_meaning = "none"


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, LawLinks, [CATALOGUE_URL])
