"""What a body *is*: its file type from magic bytes, its declared charset, and an explicit decode.

Official sites lie about both: the Orden Jurídico Nacional serves OOXML files named ``.doc``,
LeyesBiblio declares ``utf-8`` over cp1252 bytes. So the extension and the declared charset are
recorded, never trusted; the type comes from the bytes and the codec from the source's metadata.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import zipfile
from email.message import Message

#: File extensions the raw store uses. Text kinds are the ones whose decoding is checked.
TEXT_EXTS = frozenset({"html", "json", "txt", "xml"})

#: Pseudo-codec for ad-hoc fetches: the declared charset if it decodes, else utf-8, else cp1252.
AUTO = "auto"

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff_ext(content: bytes) -> str:
    """The file extension for ``content``, decided by its magic bytes (never by its name)."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE2 compound file: legacy Word (.doc)
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    if content.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return _text_kind(content)


def _zip_kind(content: bytes) -> str:
    """OOXML Word files are zips holding ``word/``; other zips stay ``zip``."""
    try:
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    except zipfile.BadZipFile:
        return "docx" if b"word/" in content[:65536] else "zip"
    return "docx" if any(name.startswith("word/") for name in names) else "zip"


def _text_kind(content: bytes) -> str:
    head = content[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if b"\x00" in head:
        return "bin"
    if _HTML_START.match(head) or re.search(rb"<html\b", head, re.I):
        return "html"
    if head.lstrip().startswith(b"<?xml"):
        return "html" if re.search(rb"<html\b", head, re.I) else "xml"
    if head.lstrip()[:1] in (b"{", b"[") and _is_json(content):
        return "json"
    return "txt"


def _is_json(content: bytes) -> bool:
    try:
        json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


def declared_charset(content_type: str | None, content: bytes = b"") -> str | None:
    """The charset the server declared: the Content-Type parameter, else an HTML ``<meta charset>``."""
    if content_type:
        msg = Message()
        msg["content-type"] = content_type
        charset = msg.get_param("charset")
        if isinstance(charset, str) and charset.strip():
            return charset.strip().lower()
    found = _META_CHARSET.search(content[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def decode_strict(content: bytes, codec: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``content`` with ``codec`` (strict); return ``(text, codec_used)``.

    With ``codec == "auto"`` try the declared charset, then utf-8, then cp1252. Raises
    ``UnicodeDecodeError`` or ``LookupError`` when the bytes do not decode.
    """
    if codec != AUTO:
        return content.decode(codec), codecs.lookup(codec).name
    candidates = [c for c in (declared, "utf-8", "cp1252") if c]
    last: Exception | None = None
    for candidate in candidates:
        try:
            return content.decode(candidate), codecs.lookup(candidate).name
        except (UnicodeDecodeError, LookupError) as exc:
            last = exc
    assert last is not None
    raise last


def is_empty_data(content: bytes, ext: str) -> bool:
    """True for a 200 that carries no data: an empty body, or JSON whose every list is empty.

    The JSON rule is SIDOF's lost-day answer (``{"messageCode":200, "NotasMatutinas":[], …}``)
    and its unknown-note answer (``{"Nota": []}``): the object has list fields and all are empty.
    """
    if not content.strip():
        return True
    if ext != "json":
        return False
    try:
        data = json.loads(content)
    except ValueError:
        return False
    if isinstance(data, list):
        return not data
    if not isinstance(data, dict):
        return False
    lists = [value for value in data.values() if isinstance(value, list)]
    return bool(lists) and not any(lists)
