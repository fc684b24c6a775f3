"""Colima — Congreso del Estado, the "Leyes Estatales" list (web/www/leyes/index.php), loaded by a click.

Structure (shared/state-sources.md § Colima) [code LGX-S, data LGX-C]: LegismEx opens the page in a
headless browser, clicks "Leyes Estatales", waits, then collects ``a[href$=".pdf"]``: the list exists
only in the DOM after that click. Files are ``…/web/Sistema/uploads/LegislacionEstatal/LeyesEstatales/
<Name>_<DDmesYYYY>.pdf`` — the version date is in the name (``…_07julio2018.pdf``), some names contain
raw spaces (``Ingresos _Edo_2026.pdf``) — and the catalogue's titles are only these file names. This
page object reads that rendered DOM; the date in the name is the version's date (``text_date``).
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.core.fetching import SourceInfo
from pipeline.parse.dates import month_number
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.link_page import LinkListPage, file_name, file_name_title, squash

CATALOGUE_URL = "https://congresocol.gob.mx/web/www/leyes/index.php"
#: "<Name>_07julio2018.pdf": day, Spanish month word, year, right before the extension.
_NAME_DATE = re.compile(r"_(?P<day>\d{1,2})(?P<month>[a-záéíóú]{3,10})(?P<year>\d{4})(?=\.pdf$)", re.I)

INFO = SourceInfo(
    name="mx-col-congreso-leyes",
    title="Congreso del Estado de Colima — leyes estatales",
    jurisdiction="MX-COL",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresocol.gob.mx", "www.congresocol.gob.mx"),
    encoding="utf-8",  # not documented [unverified]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law files: title (file name), the version date in each file name, PDF",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Needs a JavaScript browser: the list of laws is loaded only after clicking 'Leyes Estatales' "
                "(LegismEx used Playwright). A plain fetch of the page is expected to fail as a layout change; "
                "we do not drive a browser. Titles are file names ('Prevenir_Erradicar_Trata_07julio2018').",
)


def name_date(url: str) -> tuple[str | None, dt.date | None]:
    """The ``_DDmesYYYY`` suffix of a file name as printed, and as a date (None when absent or invalid)."""
    match = _NAME_DATE.search(file_name(url))
    if not match:
        return None, None
    month = month_number(match["month"].lower())
    try:
        day = dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        day = None
    return match.group(0).lstrip("_"), day


class StateLawList(LinkListPage):
    """The rendered list: every PDF link one law, titled by its file name without the date suffix."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Colima; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/col/leyes_estatales.html"
    example_source = CATALOGUE_URL
    link_selector = "a[href$='.pdf']"
    min_rows = 50  # 150 files [data LGX-C]
    title_source = "filename"
    last_reform_meaning = "text_date"  # the version date in the file name

    def title_of(self, anchor, url: str) -> str:
        raw, _ = name_date(url)
        title = file_name_title(url)
        return squash(title[: -len(raw)]) if raw and title.endswith(raw) else title

    def date_text(self, anchor, url: str) -> str | None:
        return name_date(url)[0]

    def row_date(self, raw: str | None):
        return name_date(f"_{raw}.pdf")[1] if raw else None


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, StateLawList, [CATALOGUE_URL])
