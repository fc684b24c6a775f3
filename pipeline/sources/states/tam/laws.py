"""Tamaulipas — H. Congreso del Estado, "Legislación vigente" (Vigente.asp?idtipoArchivo=1), classic ASP.

Structure (shared/state-sources.md § Tamaulipas) [code LGX-S, data LGX-C]: all ~130 laws on one page; each
entry starts with ``<td><span><b>NNN</b>``, the next ``<b>`` is the title **written inverted** ("Trata de
Personas en el Estado de Tamaulipas, Ley para Prevenir, Combatir y Sancionar la"), the text gives
"Última Reforma: <D> de <Mes> de <YYYY>" (or "Publicación: …" for a law never reformed) and the document
link is ``VerLey.asp?IdLey=<n>``. The page is UTF-8: LegismEx decoded it as Latin-1 and stored mojibake
("AdministraciÃ³n"), so the codec is declared here and a wrong decode fails loudly instead. The inverted
spelling is an alias of the instrument (data/reference/instruments.csv), not rewritten here. What
``VerLey.asp`` returns (PDF, Word or HTML) is unverified: the text reader sniffs the bytes.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.classic_asp import NumberedEntryList
from pipeline.sources.states._platforms.html_table import TableLawSource

CATALOGUE_URL = "https://www.congresotamaulipas.gob.mx/LegislacionEstatal/LegislacionVigente/Vigente.asp?idtipoArchivo=1"

INFO = SourceInfo(
    name="mx-tam-congreso-leyes",
    title="H. Congreso del Estado de Tamaulipas — Legislación vigente",
    jurisdiction="MX-TAM",
    homepage=CATALOGUE_URL,
    allowed_hosts=("www.congresotamaulipas.gob.mx", "congresotamaulipas.gob.mx"),
    encoding="utf-8",  # UTF-8, although an earlier scraper read it as Latin-1 (84 of 131 titles mojibake)
    min_interval_s=2.0,
    formats=("html", "pdf", "doc"),
    covers="State law catalogue: number, title, last-reform (or publication) date and document link of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The document behind VerLey.asp?IdLey=N is extension-less and of unverified format "
    "(PDF, Word or HTML): it is sniffed, and an unparsed text is recorded, not guessed.",
)


class LawCatalogue(NumberedEntryList):
    """Numbered entries; an "Última Reforma:" value is read as the gazette date of that reform."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Tamaulipas; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/tam/vigente.html"
    example_source = CATALOGUE_URL
    number_selector = "td > span > b"
    min_entries = 20
    link_selector = "a[href*='VerLey.asp']"
    last_reform_meaning = "reform_publication"


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
