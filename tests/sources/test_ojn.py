"""Orden Jurídico Nacional: every power's list → trafficking laws → ficha → sniffed document → records."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core import jurisdictions
from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import RunReport
from pipeline.fetch.errors import Blocked
from pipeline.sources.national.ojn import info, pages, source
from tests.parse.builders import docx_bytes
from tests.sources.conftest import FIXTURES, FakeFetcher

OJN = FIXTURES / "national" / "ojn"
DOC_50640 = info.BASE + "obtenerdoc.php?path=/Documentos/ESTADO/PUEBLA/o450640.doc&nombreclave=o450640.doc"
DOC_80040 = info.BASE + "obtenerdoc.php?path=/Documentos/ESTADO/YUCATAN/o480040.doc&nombreclave=o480040.doc"
LAW_TEXT = [
    "LEY PARA PREVENIR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS Y PARA LA PROTECCIÓN Y ASISTENCIA A "
    "LAS VÍCTIMAS DE ESTOS DELITOS EN EL ESTADO DE PUEBLA",
    "PUBLICADA EN EL PERIÓDICO OFICIAL No. 15, DE FECHA 31 DE DICIEMBRE DE 2012, DECRETO 12, LVIII LEGISLATURA.",
    "CAPÍTULO PRIMERO",
    "DISPOSICIONES GENERALES",
    "ARTÍCULO 1.- La presente Ley es de orden público.",
    "ARTÍCULO 2.- Para los efectos de esta Ley se entiende por trata de personas lo que define la Ley General.",
    "TRANSITORIOS",
    "PRIMERO.- La presente Ley entrará en vigor al día siguiente de su publicación.",
]  # fixture text (invented issue and decree numbers), served as OOXML under a .doc name


def _pages() -> dict[str, bytes]:
    return {
        info.list_url(21, 2): (OJN / "listPoder2_edo21_poder2.html").read_bytes(),
        info.ficha_url(50640): (OJN / "ficha_50640.html").read_bytes(),
        info.ficha_url(29605): (OJN / "ficha_29605.html").read_bytes(),
        DOC_50640: docx_bytes(LAW_TEXT),
        info.list_url(31, 1): (OJN / "listPoder2_edo31_poder1.html").read_bytes(),
        info.ficha_url(80040): (OJN / "ficha_80040.html").read_bytes(),
        DOC_80040: b"<html><body>No se encontr\xf3 el documento</body></html>",  # a dead link answers HTML
    }


def _run(states=("MX-PUE", "MX-YUC"), pages_=None):
    fetcher = FakeFetcher(pages_ or _pages())
    report = RunReport(info.INFO.name)
    return list(source.OjnSource(states).scrape(fetcher, report)), report, fetcher


def test_info_covers_the_32_states_with_the_documented_edo_numbers():
    assert info.INFO.level == "national" and info.INFO.role == "laws" and info.INFO.encoding == "cp1252"
    assert set(info.INFO.jurisdictions) == {j.code for j in jurisdictions.states()}
    assert all(jurisdictions.resolve(str(edo)) == code for edo, code in info.EDO.items())  # = INEGI numbers
    assert info.EDO[9] == "MX-CMX" and info.EDO[7] == "MX-CHP" and info.EDO[8] == "MX-CHH"


def test_list_rows_with_ids_titles_and_listpoder3_columns():
    response = FakeFetcher({})._response(info.list_url(21, 2), (OJN / "listPoder2_edo21_poder2.html").read_bytes())
    rows = list(pages.OrdenamientosList(response).parse())
    assert [r.id_archivo for r in rows] == ["50640", "29605", "900101", "900102", "900103", "900104", "900105"]
    first = rows[0]
    assert first.ficha_url == "http://compilacion.ordenjuridico.gob.mx/fichaOrdenamiento2.php?idArchivo=50640&ambito=ESTATAL"
    assert (first.tipo, first.date_raw, first.status) == ("Ley", "31-12-2012", "Vigente")
    assert rows[4].title == "Decreto que declara \u201cBenemérito\u201d al Municipio de Modelo"  # cp1252 quotes, not C1


def test_ficha_labels_matched_folded_and_document_link_absolute():
    ficha = pages.FichaPage(FakeFetcher({})._response(info.ficha_url(29605), (OJN / "ficha_29605.html").read_bytes()))
    parsed = ficha.parse()[0]
    assert parsed.published == dt.date(2010, 12, 31) and parsed.published_raw == "31 de Diciembre de 2010"
    assert (parsed.status, parsed.kind, parsed.in_force) == ("Abrogado", "Ley", False)
    assert parsed.fields["ambito"] == "Estatal"
    assert parsed.urls == (info.BASE + "obtenerdoc.php?path=/Documentos/ESTADO/PUEBLA/o429605.doc&nombreclave=o429605.doc",)


def test_ficha_without_publication_row_is_a_layout_change():
    html = (OJN / "ficha_50640.html").read_bytes().replace(b"Fecha de publicaci\xf3n:", b"Fecha:")
    with pytest.raises(LayoutChanged):
        pages.FichaPage(FakeFetcher({})._response(info.ficha_url(50640), html)).parse()


def test_document_format_is_sniffed_not_taken_from_the_name():
    assert pages.document_format(docx_bytes(["x"])) == "docx"
    assert pages.document_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "doc"
    assert pages.document_format(b"%PDF-1.5 ...") == "pdf"
    with pytest.raises(ScrapeError):
        pages.document_format(b"<html>error</html>")


def test_scrape_yields_state_records_with_scraped_evidence():
    records, report, fetcher = _run()
    events = [(r.event_type, r.date, r.instrument.instrument_id) for r in records if hasattr(r, "event_type")]
    assert events == [
        ("observed_in_force", dt.date(2026, 1, 20), "MX-PUE/ley-trata-2012"),  # the retrieval day
        ("published", dt.date(2012, 12, 31), "MX-PUE/ley-trata-2012"),  # printed on the sniffed-OOXML text
        ("observed_in_force", dt.date(2026, 1, 20), "MX-YUC/ley-trata-2017"),  # found in the EXECUTIVE list
    ]
    published = records[2]
    assert (published.issue, published.decree, published.official_url) == ("P.O. 15", "12", DOC_50640)
    assert all(r.evidence.kind == "scraped" and len(r.evidence.sha256) == 64 for r in records)
    assert records[0].evidence.url == info.ficha_url(50640)
    assert sum(type(r).__name__ == "VersionRecord" for r in records) == 1


def test_scrape_reads_every_power_and_reports_what_it_skipped():
    _records, report, fetcher = _run()
    lists = [u for u in fetcher.calls if "listPoder2" in u]
    assert lists == [info.list_url(21, p) for p in (1, 2, 3, 4)] + [info.list_url(31, p) for p in (1, 2, 3, 4)]
    assert report.pages["ojn_list"] == 2 and report.pages["ojn_list_rows"] == 10
    assert len([s for s in report.skips if "list: http_error" in s]) == 6  # lists not in the fake store
    assert any("29605 not in force per OJN (Abrogado)" in n for n in report.notes)
    assert any("not a law (reglamento): 900101" in n for n in report.notes)
    assert any("not a law (decree): 81997" in n for n in report.notes)
    assert any("MX-YUC 80040: not a document" in s for s in report.skips)


def test_no_list_read_fails_the_run_and_a_block_stops_it():
    with pytest.raises(ScrapeError):
        _run(pages_={"http://elsewhere/": b"x"})

    class Blocking(FakeFetcher):
        def get(self, url, *, source):
            raise Blocked("challenge page", url)

    with pytest.raises(Blocked):
        list(source.OjnSource(["MX-PUE"]).scrape(Blocking({}), RunReport("ojn")))


def test_inspect_kinds_for_saved_ojn_pages():
    rows = source.INSPECT_KINDS["ojn-list"](OJN / "listPoder2_edo31_poder1.html")
    assert [(r["id_archivo"], r["trafficking_law"]) for r in rows] == [("80040", True), ("81997", False),
                                                                       ("900201", False)]  # fmt: skip
    (ficha,) = source.INSPECT_KINDS["ojn-ficha"](OJN / "ficha_80040.html")
    assert ficha["published"] == dt.date(2017, 11, 10) and ficha["status"] == "Vigente"
