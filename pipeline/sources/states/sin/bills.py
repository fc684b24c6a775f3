"""Sinaloa — H. Congreso del Estado, Gaceta Parlamentaria JSON API (initiatives, a whole legislature per call).

Structure (shared/state-sources.md § Sinaloa, [code LMX ``sinaloa``]): ``POST
https://gaceta.congresosinaloa.gob.mx/api/obtenerIniciativas`` with the JSON body ``{"nu_legislatura":"65"}``
answers ``{individual: […], conjunto: […], grupo: […]}``; each item has the keys ``id, fecha, iniciativa,
presentada, ratificada, objetivo, leyes, determinacion, pdf (bool), legis, estatus, nb_tipo``. Read here:
``id`` (the identifier), ``iniciativa`` (the title), ``objetivo`` and ``leyes`` (the summary: what it proposes
and the laws it touches, also read for relevance), ``presentada`` (who presented it), ``fecha`` (taken as the
presentation date, as for the other listings' single date), ``estatus`` and ``determinacion`` (free text read
by the bill-event rules: their vocabulary was not captured, so an unseen phrase is ``unclassified`` and goes
to the review queue). ``pdf`` is only a flag: the document's URL is not documented, so none is given.
A bill's id is the legislature and ``id`` (whether ids are unique across the three lists is not documented).

The host's TLS certificate is reported invalid by third parties (LMX turns verification off): we keep it on,
so a bad certificate fails the run as ``connection_error`` ("TLS verification failed"), never read unverified.
LMX also sends ``Origin``/``Referer`` of the gaceta; we send our own headers only, and a refusal is recorded.
No stored copy of a live answer exists: the fixture reproduces the documented shape.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Fetcher, RequestBody, Response, SourceInfo
from pipeline.sources.kit import JsonPage
from pipeline.sources.states._platforms.bills import PerLegislatureBills, bill_record, day, roman

API = "https://gaceta.congresosinaloa.gob.mx/api/obtenerIniciativas"
#: LXIII (2018-2021), LXIV (2021-2024), LXV (2024-2027); the API documents LX-LXV (60-65).
LEGISLATURES = (63, 64, 65)
LISTS = ("individual", "conjunto", "grupo")
_OPTIONAL_TEXT = (str, type(None))


def body_for(legislature: int) -> RequestBody:
    """The documented body: the legislature's number as a string."""
    return RequestBody.json({"nu_legislatura": str(legislature)})


INFO = SourceInfo(
    name="mx-sin-gaceta-iniciativas",
    title="H. Congreso del Estado de Sinaloa — Gaceta Parlamentaria, iniciativas (JSON API, POST)",
    jurisdiction="MX-SIN",
    homepage="https://www.congresosinaloa.gob.mx/iniciativas/",
    allowed_hosts=("gaceta.congresosinaloa.gob.mx",),
    encoding="utf-8",
    min_interval_s=3.0,
    formats=("json",),
    covers="State initiatives per legislature: id, date, title, objective, laws touched, presenter, status, "
    "determination",
    role="bills",
    level="state",
    limitations="TLS certificate reported invalid by third parties: verification stays on, a failure is recorded "
    "as connection_error. 'estatus'/'determinacion' vocabularies not captured (unseen phrases go to review); "
    "no document URL is documented.",
)


class InitiativesAnswer(JsonPage):
    """One legislature's answer: three lists of initiatives; the trafficking ones become BillRecords."""

    source = INFO
    structure = "code"
    structure_source = "shared/state-sources.md § Sinaloa (Bills); LMX client 'sinaloa'"
    example_fixture = "states/sin/iniciativas.json"
    example_source = API

    def items(self) -> list[tuple[str, dict]]:
        data = self.data
        if not isinstance(data, dict):
            raise LayoutChanged(f"expected an object with {LISTS}, got {type(data).__name__}", self.url)
        found = [(name, item) for name in LISTS for item in self.items_of(data, name, min_items=0)]
        if not found:
            raise LayoutChanged(f"all of {LISTS} are empty", self.url)
        return found

    def parse(self) -> Iterator:
        for _list, item in self.items():
            record = self.record(item)
            if record is not None:
                yield record

    def record(self, item: dict):
        item_id = str(self.field(item, "id", (int, str))).strip()
        legislature = self.field(item, "legis", (int, str, type(None)))
        number = int(legislature) if str(legislature or "").strip().isdigit() else None
        objective = self.field(item, "objetivo", _OPTIONAL_TEXT)
        laws = self.field(item, "leyes", _OPTIONAL_TEXT)
        self.field(item, "pdf", (bool, int, type(None)))  # documented; its URL is not, so it is not used
        return bill_record(
            INFO, self.response, bill_id=f"gaceta-{roman(number).lower() if number else 'x'}-{item_id}",
            title=self.field(item, "iniciativa", str), identifier=item_id,
            legislature=roman(number) if number else (str(legislature).strip().upper() or None),
            summary="; ".join(t.strip() for t in (objective, laws) if t and t.strip()) or None,
            presented=day(self.field(item, "fecha", _OPTIONAL_TEXT)),
            presenter=self.field(item, "presentada", _OPTIONAL_TEXT),
            status_text=self.field(item, "estatus", _OPTIONAL_TEXT),
            more_status=(self.field(item, "determinacion", _OPTIONAL_TEXT),),
        )  # fmt: skip


class SinaloaBills(PerLegislatureBills):
    info = INFO
    legislatures = LEGISLATURES
    page = InitiativesAnswer

    def request(self, fetcher: Fetcher, legislature) -> Response:
        return fetcher.post(API, source=INFO, body=body_for(legislature))


SOURCE = SinaloaBills()
