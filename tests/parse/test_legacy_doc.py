"""Legacy binary Word (.doc) through the optional converter (antiword or catdoc; CI installs antiword).

The fixture is a short fictitious law written for this project and saved as Word 97 with LibreOffice
(OLE compound file, magic D0 CF 11 E0), the format OJN still serves.
"""

from pathlib import Path

import pytest

from pipeline.parse import extract
from pipeline.parse.extract import detect_format, extract_text
from pipeline.parse.law import parse_law

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "parse" / "legacy_law.doc"


@pytest.fixture
def converter():
    if not (extract.shutil.which("antiword") or extract.shutil.which("catdoc")):
        pytest.skip("antiword/catdoc not installed (optional system dependency; CI installs it)")


def test_legacy_doc_is_detected_by_magic_bytes():
    assert FIXTURE.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert detect_format(FIXTURE.read_bytes()) == "doc"


def test_legacy_doc_text(converter):
    text = extract_text(FIXTURE.read_bytes()).text
    assert "LEY DE PRUEBA PARA PREVENIR LA TRATA DE PERSONAS" in text
    assert "Artículo 2." in text and "víctima" in text


def test_legacy_doc_parses_as_a_law(converter):
    doc = parse_law(FIXTURE.read_bytes()).to_json()
    assert [a["number"] for a in doc["articles"]] == ["1", "2", "3"]
    assert [a["derogated"] for a in doc["articles"]] == [False, False, True]
    assert len(doc["transitorios"]) == 2
    assert doc["published"]["date"] == "2015-03-03"
    assert doc["published"]["issue"] == "12" and "45" in (doc["published"]["decree"] or "")
