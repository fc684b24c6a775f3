"""Furniture removal, de-hyphenation and the parse cache."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from pipeline.core.records import Evidence, Instrument
from pipeline.parse.law import profiles
from pipeline.parse.text import clean_pages, dehyphenate
from pipeline.parse.versions import cache_file, law_version, parse_session


def test_repeated_header_and_page_numbers_are_furniture():
    bodies = [["Artículo 1. Uno", "dos tres.", "Artículo 2. Cuatro."], ["cinco", "seis", "siete."], ["ocho", "nueve."]]
    pages = [
        "\n".join(["TÍTULO DE LA LEY", "Última Reforma DOF 14-11-2025", f"{k} de 3", *body])
        for k, body in enumerate(bodies, start=1)
    ]
    clean = clean_pages(pages)
    assert clean.lines == tuple(line for body in bodies for line in body)
    assert "Última Reforma DOF 14-11-2025" in clean.furniture
    assert clean.first_page[0] == "TÍTULO DE LA LEY"


def test_body_lines_that_merely_repeat_elsewhere_are_kept():
    pages = ["CABECERA\nArtículo 1. Uno.\nARTICULO REFORMADO POR DEC. 1 P.O. 2.", "CABECERA\nx\ny\nz\nARTICULO REFORMADO POR DEC. 3 P.O. 4."]
    assert "ARTICULO REFORMADO POR DEC. 1 P.O. 2." in clean_pages(pages).lines


def test_dehyphenate_joins_words_but_keeps_heading_dashes():
    assert dehyphenate(["la protec-", "ción de", "Artículo 1.-", "Texto"]) == ["la protección de", "Artículo 1.-", "Texto"]
    assert dehyphenate(["Ciudad-", "Estado"]) == ["Ciudad-", "Estado"]


def test_text_is_nfc():
    decomposed = "Articulo\u0301"  # combining accent
    assert clean_pages([decomposed]).lines == ("Articuló",)


LAW_HTML = (
    "<html><body><p>LEY DE PRUEBA DEL ESTADO</p><p>PUBLICADO EN EL PERI\u00d3DICO OFICIAL No. 5, DE FECHA 02/01/2010.</p>"
    "<p>Art\u00edculo 1.- Esta ley es de prueba.</p><p>Art\u00edculo 2.- Segundo art\u00edculo.</p></body></html>"
).encode()


def _version(content: bytes, cache_dir):
    instrument = Instrument("MX-DUR", "ley-prueba", "Ley de prueba", "otro")
    evidence = Evidence(kind="scraped", source="test", sha256=hashlib.sha256(content).hexdigest())
    with parse_session(cache_dir) as session:
        record = law_version(content, instrument, evidence)
    return record, session


def test_cache_parses_once_per_sha_and_profile_version(tmp_path, monkeypatch):
    first, s1 = _version(LAW_HTML, tmp_path)
    second, s2 = _version(LAW_HTML, tmp_path)
    assert (s1.parsed, s1.cached, s2.parsed, s2.cached) == (1, 0, 0, 1)
    assert first == second and first.metadata["profile"] == "state-periodico-oficial"
    assert [p.eid for p in first.provisions][:2] == ["art_1", "art_2"]
    # Bumping that profile's version re-parses it; the shared parser version keys the folder.
    bumped = str(int(profiles.STATE_PO.version) + 1)
    monkeypatch.setitem(profiles.PROFILES, "state-periodico-oficial",
                        dataclasses.replace(profiles.STATE_PO, version=bumped))
    _, s3 = _version(LAW_HTML, tmp_path)
    assert (s3.parsed, s3.cached) == (1, 0)
    cached = json.loads(cache_file(tmp_path, hashlib.sha256(LAW_HTML).hexdigest()).read_text())
    assert cached["parser_version"] == f"{profiles.PARSER_VERSION}+state-periodico-oficial.{bumped}"


def test_cache_does_not_store_failures(tmp_path):
    record, session = _version(b"%PDF-1.4 not really a pdf", tmp_path)
    assert record is None and len(session.unparsed) == 1
    assert not cache_file(tmp_path, hashlib.sha256(b"%PDF-1.4 not really a pdf").hexdigest()).exists()


def test_cache_rejects_bad_digest(tmp_path):
    with pytest.raises(ValueError):
        cache_file(tmp_path, "../../etc/passwd")
