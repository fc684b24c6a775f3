"""Aguascalientes — Congreso del Estado, "Agenda Legislativa" JSON API (initiatives).

Structure (shared/state-sources.md § Aguascalientes, [code LMX ``aguascalientes``]): ``GET
/LegislativeAgenda/GetPagedData?legislatureId=<64|65|66>&page=1&pageSize=9999&promotionTypeId=3`` answers
``{"data": [...], "recordsTotal": N}``; promotionTypeId 3 = INICIATIVA. Item keys read here: ``id``,
``agendaNumber``, ``legislatureID``, ``content`` (the full description), ``commissions[{description}]``,
``presentationDate`` / ``turnDate`` (ISO datetimes), ``resolution`` ("EN TRÁMITE"), ``filePath`` (the PDF
is ``/LegislativeAgenda/Download?id=<id>`` when non-empty). No stored copy of a live answer exists: the
fixture reproduces this documented shape and keys are read through ``field`` so a changed API fails loudly.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.fetching import Fetcher, Response, SourceInfo
from pipeline.sources.kit import JsonPage
from pipeline.sources.states._platforms.bills import PerLegislatureBills, bill_record, day, roman

HOST = "https://congresoags.gob.mx"
LEGISLATURES = (64, 65, 66)  # LXIV (2018-2021), LXV (2021-2024), LXVI (2024-2027)


def page_url(legislature: int) -> str:
    return f"{HOST}/LegislativeAgenda/GetPagedData?legislatureId={legislature}&page=1&pageSize=9999&promotionTypeId=3"


INFO = SourceInfo(
    name="mx-agu-congreso-agenda",
    title="Congreso del Estado de Aguascalientes — Agenda Legislativa (iniciativas, JSON API)",
    jurisdiction="MX-AGU",
    homepage=f"{HOST}/agenda_legislativa/iniciativas",
    allowed_hosts=("congresoags.gob.mx", "www.congresoags.gob.mx"),
    encoding="utf-8",
    min_interval_s=2.0,
    formats=("json",),
    covers="State initiatives: description, committees, presentation and turn dates, resolution, PDF",
    role="bills",
    level="state",
    limitations="Only the 'EN TRÁMITE' resolution value is documented; others go to the review queue.",
)


class AgendaPage(JsonPage):
    """One legislature's initiatives; the trafficking ones become BillRecords."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Aguascalientes (Bills); LMX scraper 'aguascalientes'"
    example_fixture = "states/agu/agenda.json"
    example_source = page_url(66)

    def items(self) -> list:
        return self.items_of(self.data, "data", min_items=1)

    def parse(self) -> Iterator:
        for item in self.items():
            record = self.record(item)
            if record is not None:
                yield record

    def record(self, item: dict):
        item_id = self.field(item, "id", (int, str))
        content = self.field(item, "content", str)
        commissions = self.items_of(item, "commissions", min_items=0)
        committee = "; ".join(self.field(c, "description", str).strip() for c in commissions) or None
        legislature = self.field(item, "legislatureID", (int, str))
        has_file = bool(self.field(item, "filePath", (str, type(None))))
        return bill_record(
            INFO, self.response, bill_id=f"agenda-{item_id}", title=content,
            identifier=str(self.field(item, "agendaNumber", (int, str))),
            legislature=roman(int(legislature)), presented=day(self.field(item, "presentationDate", (str, type(None)))),
            referred=day(self.field(item, "turnDate", (str, type(None)))), committee=committee,
            status_text=self.field(item, "resolution", (str, type(None))),
            document_url=f"{HOST}/LegislativeAgenda/Download?id={item_id}" if has_file else None,
        )  # fmt: skip


class AguascalientesBills(PerLegislatureBills):
    info = INFO
    legislatures = LEGISLATURES
    page = AgendaPage
    seen = "agenda"

    def request(self, fetcher: Fetcher, legislature) -> Response:
        return fetcher.get(page_url(legislature), source=INFO)


SOURCE = AguascalientesBills()
