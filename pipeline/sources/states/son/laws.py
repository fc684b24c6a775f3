"""Sonora — Congreso del Estado, the public JSON API behind congresoson.gob.mx (``/publico/ley``).

Structure (shared/state-sources.md § Sonora) [code LGX-S, data LGX-C]: ``GET …/publico/ley?limite=100&
pagina=<N>&ordenar=nombre&direccion=asc&expand=archivos`` → ``{"resultado": [{nombre, tipoLey, archivos:
{pdf: <uuid>, doc: <uuid>}, modificado, …}]}``; paging stops at the first page with fewer than 100
records; documents are extension-less ``…/publico/descarga?uuid=<uuid>`` (sniffed by magic bytes).
**Trap:** ``modificado`` is the API record's modification time, not a reform date (LegismEx stored it
as "última reforma" for 59 of 240 laws): it is read as ``text_date`` — the latest moment the record
(and so the law's listing) is known to have been touched — never as a legal act.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.core.fetching import Fetcher, RunReport, SourceInfo
from pipeline.sources.kit import run_source
from pipeline.sources.states._platforms.catalogue import catalogue_records, law_text_records
from pipeline.sources.states._platforms.json_api import JsonLawList

API = "https://gestion.api.congresoson.gob.mx/publico"
PAGE_SIZE = 100
MAX_PAGES = 20  # 240 laws [data LGX-C] are 3 pages; 20 bounds a server that never returns a short page
DOWNLOAD_URL = API + "/descarga?uuid={uuid}"


def page_url(page: int) -> str:
    return f"{API}/ley?limite={PAGE_SIZE}&pagina={page}&ordenar=nombre&direccion=asc&expand=archivos"


INFO = SourceInfo(
    name="mx-son-congreso-leyes",
    title="Congreso del Estado de Sonora — leyes (API pública)",
    jurisdiction="MX-SON",
    homepage="https://congresoson.gob.mx",
    allowed_hosts=("gestion.api.congresoson.gob.mx", "congresoson.gob.mx"),
    encoding="utf-8",  # JSON
    min_interval_s=2.0,
    formats=("json", "pdf", "doc"),
    covers="State law catalogue: title, type, record modification time, PDF and DOC of each law",
    role="laws",
    level="state",
    text_profile="state-periodico-oficial",
    limitations="The API's front end sends Origin/Referer of congresoson.gob.mx [code LMX]; the law endpoint "
                "answered without them for LegismEx [code LGX-S]. We send neither spoofed headers nor a browser "
                "UA: a refusal is recorded as such. 'modificado' is a record timestamp, not a reform date.",
)


class LawApiPage(JsonLawList):
    """One page of ``/publico/ley``: each record a law with its PDF/DOC uuids."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Sonora; PhilippeWhaat/LegismEx scripts/scraper_catalogo.py"
    example_fixture = "states/son/ley_pagina1.json"
    example_source = page_url(1)
    items_key = "resultado"
    title_key = "nombre"
    date_key = "modificado"
    last_reform_meaning = "text_date"  # a record timestamp; the meaning of a reform date is NOT documented

    def document_urls(self, record: Any) -> list[str]:
        files = self.field(record, "archivos", (dict, type(None))) or {}
        return [DOWNLOAD_URL.format(uuid=files[kind]) for kind in ("pdf", "doc") if files.get(kind)]

    def record_ref(self, record: Any) -> str | None:
        return record.get("tipoLey") if isinstance(record, dict) else None


class SonoraLaws:
    info = INFO

    def run(self, fetcher: Fetcher) -> RunReport:
        return run_source(self, fetcher)

    def scrape(self, fetcher: Fetcher, report: RunReport | None = None) -> Iterator:
        report = report if report is not None else RunReport(self.info.name)
        for page in range(1, MAX_PAGES + 1):
            response = fetcher.get(page_url(page), source=INFO)
            report.saw("catalogue")
            rows = LawApiPage(response).parse()
            yield from self._records(fetcher, response, rows, report)
            if len(rows) < PAGE_SIZE:
                return
        report.notes.append(f"stopped after {MAX_PAGES} full pages: the API never returned a short page")

    def _records(self, fetcher, response, rows, report) -> Iterator:
        for instrument, row, record in catalogue_records(INFO, response, rows, LawApiPage.last_reform_meaning,
                                                          report):  # fmt: skip
            yield record
            if record.event_type == "observed_in_force" and row.urls:
                yield from law_text_records(fetcher, INFO, instrument, row.urls[0])
                report.saw("law_text")


SOURCE = SonoraLaws()
