"""LeyesBiblio page objects on written fixtures (tests/fixtures/leyesbiblio)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core.errors import LayoutChanged
from pipeline.core.fetching import Response
from pipeline.sources.federal import leyesbiblio as lb


def page(cls, content: bytes, url: str):
    return cls(Response(url=url, content=content, sha256="0" * 64))


@pytest.fixture
def index_rows(fixture_bytes):
    return {r["abbr"]: r for r in page(lb.IndexPage, fixture_bytes("leyesbiblio/index_small.htm"), lb.INDEX_URL).parse()}


def test_index_reads_cp1252_under_utf8_declaration(index_rows):
    row = index_rows["lgpsedmtp"]
    assert row["title"] == ("LEY General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de "
                            "Personas y para la Protección y Asistencia a las Víctimas de estos Delitos")
    assert (row["number"], row["published"], row["last_reform"]) == ("240", "2012-06-14", "2025-11-14")
    assert row["flags"] == ["Nueva reforma"]


def test_index_urls_are_absolute(index_rows):
    row = index_rows["lgpsedmtp"]
    assert row["pdf_url"] == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf"
    assert row["doc_url"] == "https://www.diputados.gob.mx/LeyesBiblio/doc/LGPSEDMTP.doc"
    assert row["ref_url"] == "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp.htm"
    assert row["mobile_url"].endswith("/pdf_mov/Ley_General_Trata.pdf")


def test_index_lettered_rows_and_abro_links(index_rows):
    lif = index_rows["lif_2025"]
    assert lif["number"] == "060 A"
    assert lif["ref_url"] == "https://www.diputados.gob.mx/LeyesBiblio/abro/lif_2025.htm"
    assert lif["pdf_url"].endswith("/abro/lif_2025/LIF_2025_abro.pdf")
    assert (lif["abrogated"], lif["abrogation_date"]) == (True, "2026-01-01")


def test_index_flags_abrogation_and_invalidity(index_rows):
    assert index_rows["linm"]["abrogated"] is True and index_rows["linm"]["abrogation_date"] is None
    assert index_rows["lsint"]["invalidated"] is True
    assert index_rows["lsint"]["invalidation_date"] == "2019-05-30"
    assert index_rows["lsint"]["last_reform_note"] == "Sentencia SCJN"
    assert index_rows["cpeum"]["abrogated"] is False and index_rows["cpeum"]["invalidated"] is False


def test_index_sin_reforma_and_multi_issue_publication(index_rows):
    row = index_rows["ogarm"]
    assert (row["last_reform"], row["last_reform_note"]) == (None, "Sin reforma")
    assert (row["published"], row["published_until"]) == ("1912-01-01", "1912-01-08")


def test_index_without_law_table_raises_layout_changed():
    with pytest.raises(LayoutChanged):
        page(lb.IndexPage, b"<html><table><tr><td>nada</td></tr></table></html>", lb.INDEX_URL).parse()


@pytest.fixture
def lgpsedmtp_history(fixture_bytes):
    url = lb.BASE + "ref/lgpsedmtp.htm"
    return page(lb.RefPage, fixture_bytes("leyesbiblio/ref_lgpsedmtp.htm"), url).history()


def test_ref_original_and_six_reforms(lgpsedmtp_history):
    assert lgpsedmtp_history.original == dt.date(2012, 6, 14)
    assert [(r.number, r.date) for r in lgpsedmtp_history.reforms] == [
        (1, dt.date(2014, 3, 19)), (2, dt.date(2018, 1, 19)), (3, dt.date(2021, 5, 20)),
        (4, dt.date(2023, 4, 5)), (5, dt.date(2024, 6, 7)), (6, dt.date(2025, 11, 14))]


def test_ref_reform_4_linking_reform_3_pdf_keeps_its_number_and_date(lgpsedmtp_history):
    reform = lgpsedmtp_history.reforms[3]
    assert (reform.number, reform.date, reform.file_number) == (4, dt.date(2023, 4, 5), 3)
    assert "reform 4 links the file of reform 3" in reform.warnings


def test_ref_bare_date_without_dof_prefix(lgpsedmtp_history):
    reform = lgpsedmtp_history.reforms[4]
    assert (reform.date, reform.date_source, reform.warnings) == (dt.date(2024, 6, 7), "text", [])


def test_ref_decree_title_and_links(lgpsedmtp_history):
    reform = lgpsedmtp_history.reforms[0]
    assert reform.title.startswith("DECRETO por el que se adiciona un segundo párrafo a la fracción II del artículo 62")
    assert reform.pdf_url == "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp/LGPSEDMTP_ref01_19mar14.pdf"
    assert reform.doc_url.endswith("LGPSEDMTP_ref01_19mar14.doc")


@pytest.fixture
def trap_entries(fixture_bytes):
    return page(lb.RefPage, fixture_bytes("leyesbiblio/ref_traps.htm"), lb.BASE + "ref/lfp.htm").history().entries


def test_ref_tells_reforms_from_errata_rulings_and_quantities(trap_entries):
    assert [(e.kind, e.number) for e in trap_entries] == [
        ("reform", 1), ("reform", 2), ("errata", 1), ("ruling", 1), ("quantities", 1), ("reform", 3)]


def test_ref_typo_year_recovered_from_file_name(trap_entries):
    typo = trap_entries[1]
    assert (typo.date, typo.date_source) == (dt.date(2014, 6, 4), "filename")


def test_ref_empty_number_column_uses_file_number_and_strips_nota(trap_entries):
    last = trap_entries[-1]
    assert (last.number, last.date) == (3, dt.date(2025, 12, 11))
    assert last.title == "DECRETO por el que se adiciona el artículo 3 Bis de la Ley Ficticia de Pruebas."


def test_ref_prefers_text_pdf_over_ima_scan(fixture_bytes):
    html = (b"<html><p><b>Publicaci\xf3n Original:</b></p><p>| DOF 01-12-1992 | <a href='x/X_orig_01dic92_ima.pdf'>I</a></p>"
            b"<p>Decretos de Reforma:</p><table><tr><td>1</td><td><p>DECRETO uno</p><p>| "
            b"<a href='x/X_ref01_02mar10_ima.pdf'>DOF 02-03-2010</a> | <a href='x/X_ref01_02mar10.pdf'>PDF</a></p></td></tr></table></html>")
    entry = page(lb.RefPage, html, lb.BASE + "ref/x.htm").history().entries[0]
    assert entry.pdf_url.endswith("x/X_ref01_02mar10.pdf")


def test_ref_without_reform_table_raises_layout_changed():
    with pytest.raises(LayoutChanged):
        page(lb.RefPage, b"<html><p>Publicaci\xf3n Original</p></html>", lb.BASE + "ref/x.htm").history()


def test_abrogated_laws_from_transitorio_text():
    text = ("Segundo. Se abroga la Ley para Prevenir y Sancionar la Trata de Personas, publicada en el Diario\n"
            "Oficial de la Federación el día 27 de noviembre de 2007.")
    assert lb.abrogated_laws(text) == [("Ley para Prevenir y Sancionar la Trata de Personas", dt.date(2007, 11, 27))]


def test_match_note_by_decree_title_and_by_expide():
    notes = [{"cod_nota": 1, "title": "DECRETO por el que se reforma otra ley."},
             {"cod_nota": 2, "title": "DECRETO por el que se reforman diversas disposiciones de la Ley X, en materia Y."}]
    assert lb.match_note(notes, "DECRETO por el que se reforman diversas disposiciones de la Ley X, en materia Y")["cod_nota"] == 2
    assert lb.match_note(notes, "DECRETO completamente distinto de todo lo anterior") is None
    expide = [{"cod_nota": 3, "title": "DECRETO por el que se expide la Ley Z; y abroga la Ley W."}]
    assert lb.match_note(expide, None, law_name="Ley Z")["cod_nota"] == 3


def test_shipped_codnotas_cite_their_source():
    import json

    data = json.loads(lb.CODNOTAS_FILE.read_text(encoding="utf-8"))
    assert data["codnotas"] == [5253273, 5337503, 5510956, 5618885, 5684925, 5729925, 5773097]
    assert "INGEOTEC/LegalIA" in data["source"] and "5ff5d32a36fcfcd2c50db4d6961fd1cae0217d99" in data["source"]


def test_inspect_kinds_registered(tmp_path, fixture_bytes):
    path = tmp_path / "lgpsedmtp.htm"
    path.write_bytes(fixture_bytes("leyesbiblio/ref_lgpsedmtp.htm"))
    records = lb.INSPECT_KINDS["leyesbiblio-ref"](path)
    assert records[0] == {"kind": "original", "number": None, "date": "2012-06-14", "date_source": "text",
                          "title": "Publicación Original",
                          "pdf_url": "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp/LGPSEDMTP_orig_14jun12.pdf",
                          "doc_url": None}
    assert [r["date"] for r in records if r["kind"] == "reform"][-1] == "2025-11-14"
