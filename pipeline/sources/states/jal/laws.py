"""Jalisco — H. Congreso del Estado, "Biblioteca Virtual" law list (ColdFusion on IIS, cp1252).

Structure (shared/state-sources.md § Jalisco) [code WWL Jalisco-Legislation, code IDX]:
``…/BibliotecaVirtual/busquedasleyes/Listado%272.cfm`` (``Listado'2.cfm``), rows ``<tr>`` with ≥ 6 ``<td>``:
td0 title, td4 last-modification date ``DD/MM/YYYY``, td5 decree number; the PDF ``href`` is relative,
``../legislacion/<Leyes|Códigos|Constitución>/Documentos_PDF-<tipo>/<Title>-<DDMMYY>.pdf``, percent-encoded
in **Latin-1** (``C%F3digos``): re-encoded as UTF-8 escapes. ``.zip`` links and the "Ingresos" laws are
skipped. The state's trafficking-law PDF URL is in no stored output, so the fixture's URL for it follows
the documented pattern and is not a known real address.
"""

from __future__ import annotations

from pipeline.core.fetching import SourceInfo
from pipeline.sources.states._platforms.html_table import HtmlLawTable, TableLawSource

CATALOGUE_URL = "https://congresoweb.congresojal.gob.mx/BibliotecaVirtual/busquedasleyes/Listado%272.cfm"

INFO = SourceInfo(
    name="mx-jal-congreso-leyes",
    title="H. Congreso del Estado de Jalisco — Biblioteca Virtual, leyes",
    jurisdiction="MX-JAL",
    homepage=CATALOGUE_URL,
    allowed_hosts=("congresoweb.congresojal.gob.mx",),
    encoding="cp1252",  # ColdFusion on IIS serving Latin-1/cp1252 [code WWL]
    min_interval_s=2.0,
    formats=("html", "pdf"),
    covers="State law catalogue: title, last-modification date, decree number and PDF of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="Reachability is disputed (atlas § Jalisco): one team saw congresoweb redirect to a "
    "non-responding raw IP and /infolej/ answer 403, others read the list fine; a refusal is reported, "
    "never evaded. The trafficking law's congress PDF URL has not been observed.",
)


class LawCatalogue(HtmlLawTable):
    """The law table; td4 is the date the text was last modified (not documented as a gazette date)."""

    source = INFO
    structure = "code"
    structure_source = ("shared/state-sources.md § Jalisco; worldwidelaw/legal-sources sources/MX/Jalisco-Legislation; "
                        "an unattributed TypeScript adapter (atlas key IDX)")  # fmt: skip
    example_fixture = "states/jal/listado2.html"
    example_source = CATALOGUE_URL
    row_selector = "table tr"
    min_rows = 20
    min_cells = 6
    title_cell = 0
    ref_cell = None  # td0 is the title: the table numbers nothing
    date_cell = 4
    link_selector = "a[href$='.pdf'], a[href$='.PDF']"  # .zip bundles are not the law's text
    # "Last modification" may be a reform or an editorial update of the compiled text: kept as the text's date.
    last_reform_meaning = "text_date"

    def skip_reason(self, cells) -> str | None:
        title = cells[0].get_text(" ")
        return "a Ley de Ingresos (yearly revenue law)" if "Ingresos" in title else None


SOURCE = TableLawSource(INFO, LawCatalogue, [CATALOGUE_URL])
