"""Format sniffing and classified extraction errors."""

from __future__ import annotations

import pytest

from pipeline.core.errors import ScrapeError
from pipeline.parse import extract
from pipeline.parse.extract import (
    ConverterMissing,
    CorruptDocument,
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    UnsupportedFormat,
    detect_format,
    extract_text,
)
from pipeline.parse.law import parse_law

from .builders import docx_bytes, federal_pdf, pdf_from_pages

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.5\n...", "pdf"),
        (b"\xef\xbb\xbf%PDF-1.4", "pdf"),
        (docx_bytes(["Artículo 1. Hola"]), "docx"),
        (OLE_HEADER, "doc"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"  <html><p>x</p></html>", "html"),
        ("Artículo 1. Texto plano".encode("cp1252"), "txt"),
    ],
)
def test_detect_format_by_magic_bytes(content, expected):
    assert detect_format(content) == expected


def test_errors_are_classified_scrape_errors():
    assert issubclass(EncryptedDocument, DocumentError) and issubclass(DocumentError, ScrapeError)
    assert EncryptedDocument("x").outcome == "parse_error"
    assert [c.kind for c in (EncryptedDocument, EmptyDocument, CorruptDocument, UnsupportedFormat, ConverterMissing)] == [
        "encrypted", "empty", "corrupt", "unsupported", "converter_missing",
    ]  # fmt: skip


def test_encrypted_pdf():
    with pytest.raises(EncryptedDocument):
        parse_law(federal_pdf(encrypt="secret"))


@pytest.mark.parametrize("content", [b"", b"   \n"])
def test_empty_file(content):
    with pytest.raises(EmptyDocument):
        parse_law(content)


def test_pdf_without_text_is_empty():
    with pytest.raises(EmptyDocument):
        extract_text(pdf_from_pages([[]]))


def test_truncated_pdf_is_corrupt():
    content = federal_pdf()
    with pytest.raises(CorruptDocument):
        parse_law(content[: len(content) // 3])


def test_corrupt_docx():
    with pytest.raises(CorruptDocument):
        extract_text(b"PK\x03\x04" + b"\x00" * 40)


def test_zip_that_is_not_word():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "x")
    with pytest.raises(UnsupportedFormat):
        extract_text(buffer.getvalue())


def test_binary_garbage_is_unsupported():
    with pytest.raises(UnsupportedFormat):
        detect_format(b"\x00\x01\x02\x03" * 50)


def test_legacy_doc_without_converter(monkeypatch):
    monkeypatch.setattr(extract.shutil, "which", lambda name: None)
    with pytest.raises(ConverterMissing, match="antiword or catdoc"):
        extract_text(OLE_HEADER)


def test_legacy_doc_with_converter(tmp_path):
    if not (extract.shutil.which("antiword") or extract.shutil.which("catdoc")):
        pytest.skip("antiword/catdoc not installed (optional system dependency; CI installs it)")
    with pytest.raises(DocumentError):
        extract_text(OLE_HEADER)  # a header with no Word stream: the converter must fail cleanly


def test_html_and_cp1252_text():
    html = "<html><body><p>Artículo 1. Texto</p><p>TRANSITORIOS</p></body></html>".encode("cp1252")
    assert extract_text(html).pages == ("Artículo 1. Texto\nTRANSITORIOS",)
    assert extract_text("Artículo único".encode("cp1252")).text == "Artículo único"


def test_docx_paragraphs_in_order():
    assert extract_text(docx_bytes(["Uno dos", "Tres"])).pages == ("Uno dos\nTres",)
