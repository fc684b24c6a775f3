"""Zacatecas — Periódico Oficial, the gazette API's list of laws (``periodico.zacatecas.gob.mx/obtener/leyes``).

Structure (shared/state-sources.md § Zacatecas) [code LMX ``zacatecas_po``]: ``GET …/obtener/leyes`` →
``{"Documentos": [{objectId, fechaPublicacion ("YYYY/MM/DD"), titulo, descripcion, volumen, tomo,
nombre}]}``; the file is ``…/visualizar/<objectId>`` (extension-less: sniffed by magic bytes). It is the
machine-readable complement of the executive's directory listing (``laws.py``), which has no dates.
What ``fechaPublicacion`` dates — the law's original publication or the issue of the version filed — is
not documented, so it is read as ``text_date`` (the law existed by then), never as a reform. The law's
text is read from the listing's PDF (``laws.py``), not fetched a second time here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records
from pipeline.sources.states._platforms.json_api import JsonLawList

API = "https://periodico.zacatecas.gob.mx"
LAWS_URL = API + "/obtener/leyes"

INFO = SourceInfo(
    name="mx-zac-periodico-leyes",
    title="Periódico Oficial de Zacatecas — leyes (API)",
    jurisdiction="MX-ZAC",
    homepage=API + "/",
    allowed_hosts=("periodico.zacatecas.gob.mx",),
    encoding="utf-8",  # JSON
    min_interval_s=2.0,
    formats=("json", "pdf"),
    covers="Laws filed by the state gazette: title, publication date of the filed document, document link",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The meaning of 'fechaPublicacion' (original publication or the filed version's issue) is not "
                "documented: it is read as a text date, never as a reform.",
)


class GazetteLawList(JsonLawList):
    """The ``Documentos`` list of ``/obtener/leyes``."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Zacatecas; lehcimhdz/legismex src/legismex/zacatecas_po/client.py"
    example_fixture = "states/zac/obtener_leyes.json"
    example_source = LAWS_URL
    items_key = "Documentos"
    min_items = 20  # a state's laws; fewer means the endpoint changed
    title_key = "titulo"
    date_key = "fechaPublicacion"
    last_reform_meaning = "text_date"  # undocumented meaning: dated existence, not a legal act

    def document_urls(self, record: Any) -> list[str]:
        return [f"{API}/visualizar/{self.field(record, 'objectId', str)}"]

    def record_ref(self, record: Any) -> str | None:
        return self.field(record, "objectId", str)


class ZacatecasGazetteLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        response = fetcher.get(LAWS_URL, source=INFO)
        report.saw("catalogue")
        rows = GazetteLawList(response).parse()
        for _instrument, _row, record in catalogue_records(INFO, response, rows, GazetteLawList.last_reform_meaning,
                                                            report):  # fmt: skip
            yield record


SOURCE = ZacatecasGazetteLaws()
