"""Furniture removal, de-hyphenation and the parse cache."""

from __future__ import annotations

import hashlib
import json

import pytest

from pipeline.parse.cache import cache_path, cached_parse
from pipeline.parse.text import clean_pages, dehyphenate


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


def test_cache_parses_once_per_sha_and_version(tmp_path):
    calls = []

    def parse(content: bytes) -> dict:
        calls.append(content)
        return {"length": len(content)}

    content = b"%PDF-1.4 fake"
    sha = hashlib.sha256(content).hexdigest()
    first = cached_parse(content, sha, tmp_path, parse)
    second = cached_parse(content, sha, tmp_path, parse)
    assert first == second == {"length": 13}
    assert len(calls) == 1
    cached_parse(content, sha, tmp_path, parse, parser_version="other")
    assert len(calls) == 2
    cached_parse(b"other bytes", None, tmp_path, parse)
    assert len(calls) == 3
    assert json.loads(cache_path(tmp_path, sha).read_text()) == {"length": 13}


def test_cache_does_not_store_failures(tmp_path):
    def failing(content: bytes):
        raise ValueError("boom")

    sha = hashlib.sha256(b"x").hexdigest()
    with pytest.raises(ValueError):
        cached_parse(b"x", sha, tmp_path, failing)
    assert not cache_path(tmp_path, sha).exists()


def test_cache_rejects_bad_digest(tmp_path):
    with pytest.raises(ValueError):
        cache_path(tmp_path, "../../etc/passwd")
