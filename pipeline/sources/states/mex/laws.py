"""Estado de México — Consejería Jurídica (executive) legislation portal, "Leyes vigentes" (Drupal).

Structure (shared/state-sources.md § Estado de México) [code LGX-S, data LGX-C]:
``https://legislacion.edomex.gob.mx/leyes_vigentes`` is an accordion list; each ``<li>`` holds the title, PDF
and WORD links and a block "Tipo de ordenamiento: … Fecha de publicación: DD-MM-YYYY Fecha de última
modificación: DD-MM-YYYY | Sin reforma". PDFs ``/files/files/pdf/ley/vig/leyvig<N>.pdf``; Word hrefs are
site-relative ``/sites/legislacion.edomex.gob.mx/files/files/pdf/ley/doc/leyvig<N>.doc`` (resolved here);
some items glue the title to the data block ("… PDF WORD Tipo de ordenamiento: …"). The site is
**geo-IP blocked** outside Mexico (worldwidelaw's note): from abroad the fetch fails and is recorded, never
routed around. No stored copy of the live page exists: the fixture reproduces this documented structure.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.drupal import AccordionLawList

CATALOGUE_URL = "https://legislacion.edomex.gob.mx/leyes_vigentes"

INFO = SourceInfo(
    name="mx-mex-legislacion-leyes",
    title="Gobierno del Estado de México — Legislación: leyes vigentes",
    jurisdiction="MX-MEX",
    homepage="https://legislacion.edomex.gob.mx/",
    allowed_hosts=("legislacion.edomex.gob.mx",),
    encoding="utf-8",  # Drupal serves UTF-8; not stated by the atlas
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="Executive catalogue of laws in force: title, PDF/Word, publication and last-modification dates",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Geo-IP blocked outside Mexico (works only from Mexican networks); not evaded.",
)


class LawAccordion(AccordionLawList):
    """Accordion items of laws in force; "Fecha de última modificación" is kept as the text's date."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Estado de México; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/mex/leyes_vigentes.html"
    example_source = CATALOGUE_URL
    # Unknown whether "última modificación" is the Gaceta date of the reform or the portal's update: text_date.
    last_reform_meaning = "text_date"


class EdomexLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(CATALOGUE_URL, source=INFO)
        report.saw("catalogue")
        rows = list(LawAccordion(response).parse())
        for instrument, row, record in catalogue_records(INFO, response, rows, LawAccordion.last_reform_meaning,
                                                          report):  # fmt: skip
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = EdomexLaws()
