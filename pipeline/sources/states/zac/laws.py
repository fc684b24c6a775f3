"""Zacatecas — Coordinación General Jurídica, the directory listing of state laws (MJE/LEYES/).

Structure (shared/state-sources.md § Zacatecas) [code LGX-S, data LGX-C]: a directory index whose
``a[href$=".pdf"]`` links are the laws; titles are the file names, many ending "..pdf" (a doubled dot
before the extension); no dates. An early LegismEx run double-encoded these URLs (commit f7e8702): hrefs
are decoded once and encoded once. The server software and the listing's markup around the links are
not documented, so only the links are relied on. The congress list (congresozac.gob.mx/f/legislacion)
is [unverified LGX-F]; the gazette's JSON API also lists laws (``periodico.zacatecas.gob.mx/obtener/
leyes``, [code LMX]) and is left for a dating source.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.file_listing import DirectoryListing

CATALOGUE_URL = "https://cgj.zacatecas.gob.mx/MJE/LEYES/"

INFO = SourceInfo(
    name="mx-zac-cgj-leyes",
    title="Coordinación General Jurídica de Zacatecas — leyes estatales (directory listing)",
    jurisdiction="MX-ZAC",
    homepage=CATALOGUE_URL,
    allowed_hosts=("cgj.zacatecas.gob.mx",),
    encoding="utf-8",  # not documented; LegismEx decoded with the declared charset, default UTF-8 [code LGX-S]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law files of the executive's compilation: title (file name) and PDF of each law; no dates",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The listing gives no date: a law is observed on the day the listing was retrieved; its legal "
                "dates come from the PDF only.",
)


class LawDirectory(DirectoryListing):
    """The MJE/LEYES/ index: every PDF link a law, titled by its file name."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Zacatecas; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/zac/leyes.html"
    example_source = CATALOGUE_URL
    link_selector = "a[href$='.pdf']"
    min_rows = 50  # 120 files [data LGX-C]
    last_reform_meaning = "none"


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, LawDirectory, [CATALOGUE_URL])
