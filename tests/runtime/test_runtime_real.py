"""The runtime on ../shared/real-samples: real bytes sniffed, decoded and served (skips when absent)."""

from __future__ import annotations

import pytest
from runtime_helpers import make_source, new_entries, respond

from pipeline.fetch.challenge import detect_block
from pipeline.fetch.content import declared_charset, decode_strict, is_empty_data, sniff_ext

pytestmark = pytest.mark.real


def test_ojn_doc_that_is_ooxml_is_sniffed_as_docx(real_samples):
    content = (real_samples / "ojn" / "ojn_gto_o478890_ley_ingresos_comonfort_2018.doc").read_bytes()
    assert sniff_ext(content) == "docx"


def test_leyesbiblio_index_declares_utf8_but_is_cp1252(real_samples):
    content = (real_samples / "leyesbiblio" / "index.htm").read_bytes()
    assert sniff_ext(content) == "html"
    assert declared_charset(None, content) == "utf-8"
    with pytest.raises(UnicodeDecodeError):
        decode_strict(content, "utf-8")
    text, codec = decode_strict(content, "cp1252")
    assert codec == "cp1252" and "Protección" in text and "Víctimas" in text
    assert detect_block(content, "text/html", 200) is None


def test_real_pdf_and_dof_json_are_typed_and_not_challenges(real_samples):
    pdf = (real_samples / "leyesbiblio" / "LGPSEDMTP.pdf").read_bytes()
    assert sniff_ext(pdf) == "pdf" and detect_block(pdf, "application/pdf", 200) is None
    ws = (real_samples / "dof" / "WS_getDiarioPDF_2013-04-02_MAT.json").read_bytes()
    assert sniff_ext(ws) == "json" and not is_empty_data(ws, "json")


def test_real_leyesbiblio_index_served_and_stored_byte_for_byte(real_samples, server, store, earlier, make_fetcher):
    content = (real_samples / "leyesbiblio" / "index.htm").read_bytes()
    server.routes["/LeyesBiblio/index.htm"] = respond(200, content, {"Content-Type": "text/html; charset=utf-8"})
    resp = make_fetcher().get(server.url("/LeyesBiblio/index.htm"), source=make_source(encoding="cp1252"))
    (entry,) = new_entries(store)
    assert (entry.outcome, entry.ext, entry.encoding, entry.declared_charset) == ("ok", "html", "cp1252", "utf-8")
    assert store.read(entry.sha256) == content == resp.content
    assert "Trata de Personas" in resp.content.decode(resp.encoding)
    earlier.assert_intact()
