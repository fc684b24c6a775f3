"""Ciudad de México — Consejería Jurídica y de Servicios Legales, official compilation ("Leyes").

Structure (shared/state-sources.md § Ciudad de México) [code LGX-S, data LGX-C]:
``https://data.consejeria.cdmx.gob.mx/index.php/leyes/leyes`` is a Joomla article of accordion sliders —
``h2.nn_sliders_title`` (the title) and ``div.nn_sliders_content_wrapper`` (links under ``/images/leyes/…``:
``.pdf``, ``.docx``, ``.doc`` and sometimes an extension-less link that works once ``.pdf`` is appended; and
the sentence "Última reforma … <D> de <mes> de <YYYY>"). That sentence is the Gaceta Oficial publication of
the last reform (the PDFs' own header reads "Última reforma publicada en la G.O.C.D.M.X. el …",
shared/sources.md § 6.1), hence ``reform_publication``. Only the laws in force are read: the ``historico``
slider page lists abrogated laws (e.g. the 2014 DF victims law) and must not yield "observed in force".
Trap: LegismEx's later run lost the current trata law after a parser rewrite — a law vanishing from this
page is more likely a parser change than an abrogation. No stored copy of the live page exists: the
fixture reproduces this documented structure.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.catalogue import CatalogueSource
from pipeline.sources.states._platforms.joomla import SliderLawList

CATALOGUE_URL = "https://data.consejeria.cdmx.gob.mx/index.php/leyes/leyes"

INFO = SourceInfo(
    name="mx-cmx-consejeria-leyes",
    title="Consejería Jurídica de la Ciudad de México — Leyes (compilación oficial)",
    jurisdiction="MX-CMX",
    homepage=CATALOGUE_URL,
    allowed_hosts=("data.consejeria.cdmx.gob.mx",),
    encoding="utf-8",  # Joomla default; CDMX sites are UTF-8 (shared/sources.md § 7)
    min_interval_s=2.0,
    formats=("html", "pdf", "docx"),
    covers="Official compilation of CDMX laws in force: title, PDF/DOCX, Gaceta date of the last reform",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Only the laws in force (the 'historico' page of abrogated laws is not read as in force).",
)


class LawSliders(SliderLawList):
    """One slider per law: title, documents (PDF first) and the "Última reforma" sentence."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Ciudad de México; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/cmx/leyes.html"
    example_source = CATALOGUE_URL
    last_reform_meaning = "reform_publication"  # "Última reforma publicada en la Gaceta Oficial … el <date>"


#: Catalogue page → trafficking rows → catalogue records → each law's own text (see _platforms.catalogue).
SOURCE = CatalogueSource(INFO, LawSliders, [CATALOGUE_URL])
