"""Text extraction by format (PDF, DOCX, legacy DOC, HTML, plain text), with classified errors.

The format is sniffed from the magic bytes, never from the file name: Orden Jurídico Nacional
serves OOXML (ZIP) files named ``.doc``. Every failure raises a :class:`DocumentError` subclass
whose ``kind`` says what went wrong, so the build can record the document as unparsed instead of
keeping a half-parsed law.

PDF text comes from pypdfium2 (≈60× faster than pdfplumber on law PDFs); layout-sensitive work
(running headers) is done afterwards on the text, which is enough for the one-column layouts of
LeyesBiblio and the state congresses. Legacy binary ``.doc`` needs antiword or catdoc on PATH.
"""

from __future__ import annotations

import collections
import hashlib
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass

from lxml import etree

from pipeline.core.errors import ScrapeError


class DocumentError(ScrapeError):
    """The stored bytes cannot be turned into text. ``kind`` classifies why."""

    outcome = "parse_error"
    kind = "document_error"


class EncryptedDocument(DocumentError):
    kind = "encrypted"


class EmptyDocument(DocumentError):
    kind = "empty"


class CorruptDocument(DocumentError):
    kind = "corrupt"


class UnsupportedFormat(DocumentError):
    kind = "unsupported"


class ConverterMissing(DocumentError):
    kind = "converter_missing"


@dataclass(frozen=True)
class ExtractedText:
    """Text of a document, one string per page (one page for formats without pages)."""

    format: str  # "pdf" | "docx" | "doc" | "html" | "txt"
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word (and other OLE2 files)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<table|<div|<p[\s>])", re.I)


def detect_format(content: bytes) -> str:
    """'pdf', 'docx', 'doc', 'html' or 'txt', from the bytes alone; raise for anything else."""
    if not content or not content.strip():
        raise EmptyDocument("the document is empty (0 bytes or only whitespace)")
    head = content[:1024]
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(PDF_MAGIC) or PDF_MAGIC in head:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat("RTF documents are not supported")
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    if _looks_like_text(head):
        return "txt"
    raise UnsupportedFormat(f"unknown document format (first bytes {content[:8]!r})")


def _looks_like_text(head: bytes) -> bool:
    """Text has no NUL bytes and few control characters."""
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls <= len(head) // 100


#: The last few extractions by sha256: a build asks for one document's text from the law parser and from
#: its source (the abrogation phrases), and each PDF must be extracted once, not once per caller.
_RECENT: collections.OrderedDict[str, ExtractedText] = collections.OrderedDict()
_RECENT_SIZE = 4


def extract_text(content: bytes) -> ExtractedText:
    """Extract the text of a document; raise a DocumentError subclass when that is impossible."""
    key = hashlib.sha256(content).hexdigest()
    if key in _RECENT:
        _RECENT.move_to_end(key)
        return _RECENT[key]
    extracted = _extract(content)
    _RECENT[key] = extracted
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)
    return extracted


def _extract(content: bytes) -> ExtractedText:
    fmt = detect_format(content)
    extractor = {"pdf": _pdf_pages, "docx": _docx_pages, "doc": _doc_pages, "html": _html_pages, "txt": _txt_pages}
    pages = tuple(unicodedata.normalize("NFC", page) for page in extractor[fmt](content))
    if not any(page.strip() for page in pages):
        raise EmptyDocument(f"the {fmt} document has no text (a scan without OCR?)")
    return ExtractedText(format=fmt, pages=pages)


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_pages(content: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise EncryptedDocument(f"the PDF is encrypted: {exc}") from None
        raise CorruptDocument(f"the PDF cannot be opened: {exc}") from None
    try:
        if len(pdf) == 0:
            raise EmptyDocument("the PDF has no pages")
        return [_pdf_page_text(pdf, index) for index in range(len(pdf))]
    finally:
        pdf.close()


def _pdf_page_text(pdf, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


# --- DOCX --------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


#: word/document.xml of the longest law is a few MB; more than this (decompressed) is a zip bomb.
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024


class DocumentTooLarge(DocumentError):
    kind = "too_large"


def _read_capped(archive: zipfile.ZipFile, name: str) -> bytes:
    """Decompress one member, stopping at MAX_DOCX_XML_BYTES whatever its header claims."""
    info = archive.getinfo(name)
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise DocumentTooLarge(f"{name} would decompress to {info.file_size} bytes (max {MAX_DOCX_XML_BYTES})")
    with archive.open(info) as member:
        data = member.read(MAX_DOCX_XML_BYTES + 1)
    if len(data) > MAX_DOCX_XML_BYTES:
        raise DocumentTooLarge(f"{name} decompresses to more than {MAX_DOCX_XML_BYTES} bytes")
    return data


def _docx_pages(content: bytes) -> list[str]:
    """Paragraph text of word/document.xml (headers and footers live elsewhere: they are furniture)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise UnsupportedFormat("a ZIP file that is not a Word document (no word/document.xml)")
            if "EncryptionInfo" in names or "EncryptedPackage" in names:
                raise EncryptedDocument("the Word document is encrypted")
            xml = _read_capped(archive, "word/document.xml")
    except zipfile.BadZipFile as exc:
        raise CorruptDocument(f"the DOCX (ZIP) is corrupt: {exc}") from None
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument(f"word/document.xml is not well-formed: {exc}") from None
    return ["\n".join(_docx_paragraph_text(p) for p in root.iter(f"{_W}p"))]


def _docx_paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


# --- legacy DOC --------------------------------------------------------------------------------

#: Converters tried in order: (program, arguments before the file name).
DOC_CONVERTERS = (("antiword", ["-w", "0", "-m", "UTF-8.txt"]), ("catdoc", ["-w", "-d", "utf-8"]))


def _doc_pages(content: bytes) -> list[str]:
    for program, args in DOC_CONVERTERS:
        path = shutil.which(program)
        if path:
            return [_run_converter(path, args, content)]
    raise ConverterMissing(
        "legacy .doc needs antiword or catdoc on PATH (apt-get install antiword); the document is recorded as unparsed"
    )


def _run_converter(path: str, args: list[str], content: bytes) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run([path, *args, handle.name], capture_output=True, timeout=120, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        if "encrypt" in message.lower() or "password" in message.lower():
            raise EncryptedDocument(f"the .doc is encrypted: {message}")
        raise CorruptDocument(f"{path} failed on the .doc: {message}")
    return result.stdout.decode("utf-8", "replace")


# --- HTML and plain text -----------------------------------------------------------------------

_BLOCK_TAGS = ("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td")


def decode_text(content: bytes) -> str:
    """UTF-8 when valid, else cp1252 (LeyesBiblio and DOF serve cp1252, often mis-declared)."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _html_pages(content: bytes) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(content), "lxml")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in soup.get_text().splitlines())
    return ["\n".join(line for line in lines if line)]


def _txt_pages(content: bytes) -> list[str]:
    return decode_text(content).split("\f")
