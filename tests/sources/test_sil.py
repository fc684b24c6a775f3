"""SIL page objects, the glued status string and the status → bill event mapping."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core import vocab
from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Response
from pipeline.sources.federal import sil

from .conftest import FakeFetcher


@pytest.mark.parametrize(("text", "stage", "situation", "date"), [
    ("Pendiente en comisión(es) de origenPendiente09/04/2025", "Pendiente en comisión(es) de origen", "Pendiente",
     dt.date(2025, 4, 9)),
    ("Desechado en pleno origenDesechado11/03/2026", "Desechado en pleno origen", "Desechado", dt.date(2026, 3, 11)),
    ("Pendiente en comisión(es) de revisoraPendiente03-DIC-2025", "Pendiente en comisión(es) de revisora", "Pendiente",
     dt.date(2025, 12, 3)),
    ("Publicado en DOF el 14/10/2024", "Publicado en DOF", None, dt.date(2024, 10, 14)),
    ("Turnado al Ejecutivo", "Turnado al Ejecutivo", None, None),
])
def test_split_status(text, stage, situation, date):
    assert sil.split_status(text) == sil.Status(stage, situation, date)


@pytest.mark.parametrize(("text", "event"), [
    ("Pendiente en comisión(es) de origenPendiente09/04/2025", "referred"),
    ("Pendiente en comisión(es) de revisoraPendiente03-DIC-2025", "sent_to_other_chamber"),
    ("Aprobado en comisión(es) de origenAprobado02/02/2025", "committee_report"),
    ("Aprobado en pleno de origenAprobado02/02/2025", "approved"),
    ("Publicado en DOF el 14/10/2024", "published"),
    ("Turnado al Ejecutivo", "sent_to_executive"),
    ("Desechado en pleno origenDesechado11/03/2026", "rejected"),
    ("Retirada el 19/03/2025", "withdrawn"),
    ("Precluido en comisión(es) de origenPrecluido01/09/2024", "expired"),
])
def test_status_maps_onto_the_closed_vocabulary(text, event):
    mapped = sil.status_event(sil.split_status(text))
    assert mapped == event and mapped in vocab.BILL_EVENT_TYPES


def test_search_results(fixture_bytes):
    results = sil.SearchPage(Response(url=sil.search_url("trata de personas"), content=fixture_bytes("sil/search_trata.htm"),
                                      sha256="")).parse()
    assert [(r["asunto"], r["kind"], r["trafficking"]) for r in results] == [
        ("4729480", "Iniciativa", True), ("4729500", "Proposición con punto de acuerdo", True),
        ("4729600", "Iniciativa", False), ("4729700", "Iniciativa", True)]
    assert results[0]["url"].endswith("pp_ReporteSeguimiento.php?SID=&Seguimiento=4740725&Asunto=4729480")


def test_detail_page_is_latin1_and_yields_a_bill(fixture_bytes):
    url = sil.DETAIL_URL.format(seg=4740725, asunto=4729480)
    detail = sil.DetailPage(Response(url=url, content=fixture_bytes("sil/detail_4740725_4729480.htm"), sha256="b" * 64))
    bill = detail.bill()
    assert (bill.bill_id, bill.chamber, bill.legislature, bill.presenter) == (
        "sil-4729480", "Cámara de Diputados", "LXVI", "Dip. Nombre Apellido (MORENA)")
    assert [(e.event_type, e.date) for e in bill.events] == [("presented", dt.date(2025, 3, 20)),
                                                            ("referred", dt.date(2025, 4, 9))]
    assert bill.status_text == "Pendiente en comisión(es) de origenPendiente09/04/2025"
    assert (bill.evidence.sha256, bill.evidence.url, bill.trafficking) == ("b" * 64, url, True)


def test_detail_without_status_raises_layout_changed():
    page = sil.DetailPage(Response(url="u", content=b"<table><tr><td>Legislatura</td><td>LXVI</td></tr></table>", sha256=""))
    with pytest.raises(LayoutChanged):
        page.parse()


def test_scrape_follows_only_trafficking_bills(fixture_bytes):
    fetcher = FakeFetcher({
        sil.search_url("trata de personas"): fixture_bytes("sil/search_trata.htm"),
        sil.DETAIL_URL.format(seg=4740725, asunto=4729480): fixture_bytes("sil/detail_4740725_4729480.htm"),
        sil.DETAIL_URL.format(seg=4741000, asunto=4729700): fixture_bytes("sil/detail_4741000_4729700.htm"),
    })
    bills = list(sil.SilSource().scrape(fetcher))
    assert [(b.bill_id, b.events[-1].event_type) for b in bills] == [("sil-4729480", "referred"),
                                                                       ("sil-4729700", "published")]
    assert len(fetcher.calls) == 3  # the punto de acuerdo and the "tratamiento" initiative were not fetched
