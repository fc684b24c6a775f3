"""The bill sources that answer POST: Sinaloa (JSON API), Colima (plantilla_datos.php), Baja California (GridView
paged by ASP.NET postback). Fixtures reproduce the documented structures; relevance and events come from the rules,
an unseen status phrase is ``unclassified`` (review queue), never mapped."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from urllib.parse import parse_qs

import pytest

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import RequestBody, Response
from pipeline.fetch.errors import ConnectionFailed
from pipeline.sources.states._platforms.aspnet import pager_links, postback_body
from pipeline.sources.states.bcn import bills as bcn
from pipeline.sources.states.col import bills as col
from pipeline.sources.states.sin import bills as sin
from tests.sources.conftest import FIXTURES, NotStored

RETRIEVED = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
EMPTY_SIN = json.dumps({"individual": [], "conjunto": [{"id": 7, "fecha": "2019-02-01", "iniciativa": "Ley de Ingresos",
                        "presentada": "Ejecutivo Estatal", "ratificada": None, "objetivo": "", "leyes": "",
                        "determinacion": "", "pdf": False, "legis": "63", "estatus": "Aprobada", "nb_tipo": "Ley"}],
                        "grupo": []}).encode()  # fmt: skip


class PostFetcher:
    """GET by URL, POST by (URL, body digest); records every request (Fetcher protocol, no network)."""

    offline = True

    def __init__(self, gets: dict[str, bytes] | None = None, posts: dict[tuple[str, str], bytes] | None = None,
                 fail: Exception | None = None):  # fmt: skip
        self.gets, self.posts, self.fail = gets or {}, posts or {}, fail
        self.calls: list[tuple[str, str, bytes]] = []

    def _response(self, url: str, content: bytes) -> Response:
        return Response(url=url, content=content, sha256=hashlib.sha256(content).hexdigest(), retrieved_at=RETRIEVED)

    def get(self, url, *, source, encoding=None):
        self.calls.append(("GET", url, b""))
        if url not in self.gets:
            raise NotStored("not in raw store", url)
        return self._response(url, self.gets[url])

    def post(self, url, *, source, body, encoding=None):
        self.calls.append(("POST", url, body.content))
        if self.fail is not None:
            raise self.fail
        if (url, body.sha256) not in self.posts:
            raise NotStored("not in raw store (POST)", url)
        return self._response(url, self.posts[(url, body.sha256)])

    def stored(self, url, *, method="GET", body=None):
        return None

    def stored_urls(self, prefix):
        return []


def _fixture(name: str) -> bytes:
    return (FIXTURES / "states" / name).read_bytes()


def _events(record) -> list[tuple]:
    return [(e.event_type, str(e.span) if e.span else None, e.description) for e in record.events]


# -- Sinaloa ---------------------------------------------------------------------------------------------------


def _sinaloa_fetcher() -> PostFetcher:
    posts = {(sin.API, sin.body_for(65).sha256): _fixture("sin/iniciativas.json")}
    posts |= {(sin.API, sin.body_for(n).sha256): EMPTY_SIN for n in (63, 64)}
    return PostFetcher(posts=posts)


def test_sinaloa_posts_the_documented_body_once_per_legislature():
    fetcher = _sinaloa_fetcher()
    report = sin.SOURCE.run(fetcher)
    assert report.ok, report.error
    assert [(m, u, b) for m, u, b in fetcher.calls] == [
        ("POST", sin.API, f'{{"nu_legislatura":"{n}"}}'.encode()) for n in (63, 64, 65)]
    assert report.pages["initiatives"] == 3
    assert sorted(r.bill_id for r in report.records) == ["gaceta-lxv-1412", "gaceta-lxv-1490", "gaceta-lxv-1502"]


def test_sinaloa_items_become_bills_with_rules_decided_events():
    records = {r.bill_id: r for r in sin.SOURCE.run(_sinaloa_fetcher()).records}
    law = records["gaceta-lxv-1412"]
    assert (law.identifier, law.legislature, law.trafficking, law.url) == ("1412", "LXV", True, None)
    assert law.summary.startswith("Armonizar las definiciones") and "Ley Estatal para Combatir" in law.summary
    assert _events(law) == [("presented", "2025-03-11", None), ("referred", None, "En comisión")]
    assert [(p.kind, p.party) for p in law.proponents] == [("deputy", "MORENA")]
    penal = records["gaceta-lxv-1490"]  # relevance from the objective: the title names only the penal code
    assert penal.trafficking and penal.relevance_rules == "bill-relevance-1"
    assert _events(penal)[1:] == [("committee_report", None, "Dictaminada"),
                                  ("committee_report_favorable", None, "Dictamen en sentido positivo")]
    victims = records["gaceta-lxv-1502"]
    assert _events(victims)[1] == ("unclassified", None, "Se reserva para la siguiente sesión")  # to the review queue
    assert victims.events[1].rules_version == "bill-events-2" and victims.events[1].fired == ()
    assert all(r.evidence.kind == "scraped" and r.evidence.url == sin.API for r in records.values())


def test_sinaloa_lookalikes_and_other_subjects_are_not_bills():
    titles = " ".join(r.title for r in sin.SOURCE.run(_sinaloa_fetcher()).records)
    assert "tratamiento de aguas" not in titles and "Ingresos" not in titles


def test_sinaloa_tls_failure_fails_the_run_classified_with_no_records():
    error = ConnectionFailed("TLS verification failed: certificate verify failed: self-signed certificate", sin.API)
    report = sin.SOURCE.run(PostFetcher(fail=error))
    assert (report.failure, report.records) == ("connection_error", [])
    assert "TLS verification failed" in report.error


def test_sinaloa_a_changed_answer_is_a_layout_change():
    page = sin.InitiativesAnswer(Response(url=sin.API, content=b'{"data": []}', sha256="0" * 64))
    with pytest.raises(LayoutChanged, match="individual"):
        list(page.parse())
    item = json.loads(_fixture("sin/iniciativas.json"))
    del item["individual"][0]["estatus"]
    changed = json.dumps(item).encode()
    with pytest.raises(LayoutChanged, match="estatus"):
        list(sin.InitiativesAnswer(Response(url=sin.API, content=changed, sha256="0" * 64)).parse())


# -- Colima ----------------------------------------------------------------------------------------------------


def test_colima_url_carries_the_documented_parameters_and_the_body_is_empty():
    url = col.page_url(61)
    assert url.startswith("https://congresocol.gob.mx/web/www/gaceta/plantilla_datos.php?")
    assert parse_qs(url.split("?", 1)[1]) == {"v": ["tiniciativas"], "l": ["61"], "ld": ["LXI Legislatura"],
                                              "lc": ["%"]}  # fmt: skip
    assert col.EMPTY_BODY.content == b""


@pytest.mark.parametrize("cell, expected", [
    ("Autor: Dip. A (MC) Comisión: Comisión de Justicia Pendiente", ("Dip. A (MC)", "Comisión de Justicia", "Pendiente")),
    ("Autor: Dip. B Comisión: Comisión de Salud Aprobado", ("Dip. B", "Comisión de Salud", "Aprobado")),
    ("Autor: Dip. C Comisión: Comisión de Justicia Suspendida", ("Dip. C", None, "Comisión de Justicia Suspendida")),
    ("Turnada al archivo", (None, None, "Turnada al archivo")),
])  # fmt: skip
def test_colima_status_cell_is_split_only_on_documented_words(cell, expected):
    assert col.split_status(cell) == expected


def test_colima_rows_become_bills_presented_by_the_retrieval_day():
    posts = {(col.page_url(n), col.EMPTY_BODY.sha256): _fixture("col/tiniciativas.html") for n in (59, 60, 61)}
    fetcher = PostFetcher(posts=posts)
    report = col.SOURCE.run(fetcher)
    assert report.ok, report.error
    assert [m for m, _, _ in fetcher.calls] == ["POST"] * 3
    records = {r.bill_id: r for r in report.records if r.legislature == "LXI"}
    assert sorted(records) == ["lxi-118", "lxi-140", "lxi-152"]  # 131 (tratamiento de aguas) is not a bill
    law = records["lxi-118"]
    assert _events(law) == [("presented", "../2026-11-30", None), ("referred", None, "Comisión de Derechos Humanos")]
    assert law.url == "https://congresocol.gob.mx/web/Sistema/uploads/LegislacionEstatal/Iniciativas/ini_118.pdf"
    approved = records["lxi-140"].events[-1]
    assert (approved.event_type, approved.score) == ("approved", 0.5)  # a bare 'Aprobado': weak, for review
    assert records["lxi-140"].url.endswith("/web/Sistema/uploads/LegislacionEstatal/Iniciativas/ini_140.pdf")
    unseen = records["lxi-152"]
    assert (unseen.committee, unseen.events[-1].event_type) == (None, "unclassified")
    assert [p.kind for p in unseen.proponents] == ["executive"]


def test_colima_header_rows_only_is_a_layout_change():
    header = (b'<div class="row" style="border-bottom: 1px solid"><div>INICIATIVA</div><div>DESCRIPCI\xc3\x93N</div>'
              b'<div>ESTADO</div><div>PDF</div></div>')  # fmt: skip
    with pytest.raises(LayoutChanged, match="only headers"):
        list(col.InitiativesRows(Response(url=col.page_url(61), content=header, sha256="0" * 64)).parse())


# -- Baja California -------------------------------------------------------------------------------------------

CONTROL = "ctl00$ctl00$ctl00$ContentPlaceHolder1$MainContent$GrdListado"


def test_bc_pager_gives_the_control_and_the_postback_body_carries_the_page_state():
    page = bcn.InitiativesGrid(Response(url=bcn.LISTING_URL, content=_fixture("bcn/iniciativas_p1.html"),
                                        sha256="0" * 64))  # fmt: skip
    assert pager_links(page.soup) == {"Page$2": CONTROL}
    body = page.next_page(1)
    fields = parse_qs(body.content.decode())
    assert fields["__EVENTTARGET"] == [CONTROL] and fields["__EVENTARGUMENT"] == ["Page$2"]
    assert fields["__VIEWSTATE"][0].startswith("/wEPDwUKMTIzNDU2Nzg5MA9k")
    assert fields["__VIEWSTATEGENERATOR"] == ["4A1B2C3D"] and fields["__EVENTVALIDATION"] == ["/wEdAAUexampleValidation1"]
    assert body.content_type == "application/x-www-form-urlencoded"
    assert page.next_page(1).sha256 == body.sha256  # same stored page → same body → replay finds the answer
    assert page.next_page(2) is None


def test_bc_scrape_pages_by_postback_until_the_pager_ends():
    first = bcn.InitiativesGrid(Response(url=bcn.LISTING_URL, content=_fixture("bcn/iniciativas_p1.html"),
                                         sha256="0" * 64))  # fmt: skip
    fetcher = PostFetcher(gets={bcn.LISTING_URL: _fixture("bcn/iniciativas_p1.html")},
                          posts={(bcn.LISTING_URL, first.next_page(1).sha256): _fixture("bcn/iniciativas_p2.html")})
    report = bcn.SOURCE.run(fetcher)
    assert report.ok, report.error
    assert [m for m, _, _ in fetcher.calls] == ["GET", "POST"] and report.pages["initiatives"] == 2
    records = {r.bill_id: r for r in report.records}
    assert sorted(records) == ["doc-2045-2025-03-13", "doc-2101-2025-04-24", "doc-2102-2025-04-24"]
    law = records["doc-2045-2025-03-13"]
    assert _events(law) == [("presented", "2025-03-13", None), ("referred", None, "Comisión de Justicia")]
    assert (law.identifier, law.legislature, law.proponents[0].party) == ("2045", None, "MORENA")
    assert law.url == "https://www.congresobc.gob.mx/Documentos/ProcesoParlamentario/Iniciativas/20250313_INIREFTRATA.PDF"
    penal = records["doc-2101-2025-04-24"]  # DD/MM/YYYY date; a vote phrase the rules do not know
    assert _events(penal)[-1] == ("unclassified", None, "Aprobada por unanimidad en el Pleno")
    tourism = records["doc-2102-2025-04-24"]  # sex tourism: weak relevance, kept out until reviewed
    assert (tourism.trafficking, tourism.relevance_score) == (False, 0.5)


def test_bc_a_page_without_viewstate_cannot_be_paged():
    content = _fixture("bcn/iniciativas_p1.html").replace(b'name="__VIEWSTATE"', b'name="__STATE"')
    page = bcn.InitiativesGrid(Response(url=bcn.LISTING_URL, content=content, sha256="0" * 64))
    with pytest.raises(LayoutChanged, match="__VIEWSTATE"):
        page.next_page(1)
    with pytest.raises(LayoutChanged, match="__VIEWSTATE"):
        postback_body(page.soup, CONTROL, "Page$2", bcn.LISTING_URL)


def test_bc_request_bodies_are_canonical():
    assert RequestBody.form([("b", "1"), ("a", "x y")]).content == b"b=1&a=x+y"  # order kept, as a browser sends
    assert RequestBody.json({"b": 1, "a": "ñ"}).content == '{"a":"ñ","b":1}'.encode()
