"""Nayarit — Congreso del Estado, initiatives JSON API (utics.congresonayarit.gob.mx), a legislature per call.

Structure (shared/state-sources.md § Nayarit, [code LMX ``nayarit_congreso``]): ``GET
/iniciativas/tabla/<XXXIV|XXXIII|…>`` answers a JSON list of ``{numero, fecha_recepcion, origen, anio,
periodo, descripcion, iniciativa (PDF URL), fecha_pleno, turno_a_comision, dictamen, legislatura}``.
``turno_a_comision`` and ``dictamen`` are free text: the turn is an event when present, the dictamen text is
read by the bill-event rules (unknown wording → review queue). ``origen`` names the proponent. No stored
copy of a live answer exists: the fixture reproduces the documented shape.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, Response, SourceInfo
from pipeline.sources.kit import JsonPage
from pipeline.sources.states._platforms.bills import PerLegislatureBills, bill_record, day, slug

API = "https://utics.congresonayarit.gob.mx/iniciativas/tabla"
LEGISLATURES = ("XXXIV", "XXXIII")  # 2024-2027, 2021-2024


def page_url(legislature: str) -> str:
    return f"{API}/{legislature}"


INFO = SourceInfo(
    name="mx-nay-congreso-iniciativas",
    title="Congreso del Estado de Nayarit — Iniciativas (JSON API)",
    jurisdiction="MX-NAY",
    homepage="https://procesolegislativo.congresonayarit.gob.mx/iniciativas/",
    allowed_hosts=("utics.congresonayarit.gob.mx",),
    encoding="utf-8",
    min_interval_s=2.0,
    formats=("json",),
    covers="State initiatives: number, reception date, proponent, description, PDF, committee turn, dictamen",
    role="bills",
    level="state",
    limitations="turno_a_comision and dictamen are free text; their wording is read by rules, unknown ones reviewed.",
)

_TEXT = (str, type(None))


class InitiativesTable(JsonPage):
    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Nayarit (Bills); LMX scraper 'nayarit_congreso'"
    example_fixture = "states/nay/iniciativas.json"
    example_source = page_url("XXXIV")

    def parse(self) -> Iterator:
        for item in self.items_of(self.data, min_items=1):
            numero = str(self.field(item, "numero", (int, str)))
            legislature = (self.field(item, "legislatura", _TEXT) or "").strip().upper() or None
            turn = (self.field(item, "turno_a_comision", _TEXT) or "").strip()
            dictamen = (self.field(item, "dictamen", _TEXT) or "").strip()
            record = bill_record(
                INFO, self.response, bill_id=f"ini-{slug(legislature or 'x')}-{slug(numero)}",
                title=self.field(item, "descripcion", str), identifier=numero, legislature=legislature,
                presented=day(self.field(item, "fecha_recepcion", _TEXT)), committee=turn or None,
                status_text=dictamen or None, presenter=self.field(item, "origen", _TEXT),
                document_url=self.field(item, "iniciativa", _TEXT) or None,
            )  # fmt: skip
            if record is not None:
                yield record


class NayaritBills(PerLegislatureBills):
    info = INFO
    legislatures = LEGISLATURES
    page = InitiativesTable

    def request(self, fetcher: Fetcher, legislature) -> Response:
        return fetcher.get(page_url(legislature), source=INFO)


SOURCE = NayaritBills()
