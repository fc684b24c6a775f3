"""The conformance suite: every discovered source and page class meets the house contract.

A new source gets these tests by existing: metadata declared, a fixture per page, at least one
record from that fixture, ``LayoutChanged`` on a mutated copy, and empty answers, challenge pages and
wrong codecs classified (a ``ScrapeError`` subclass, never a bare exception or data). No network.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from pipeline.core import jurisdictions
from pipeline.core.errors import LayoutChanged, ScrapeError
from pipeline.core.fetching import STRUCTURE_EVIDENCE, Fetcher, Response
from pipeline.fetch.challenge import detect_block
from pipeline.sources.discovery import all_sources, page_classes
from pipeline.sources.kit import JsonPage, PdfPage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHALLENGE = (FIXTURES / "runtime" / "cloudflare.html").read_bytes()
SOURCES = all_sources()
PAGES = page_classes()
ROLES = {"laws", "bills", "gazette", "dating", "texts"}
LEVELS = {"federal", "national", "state"}


def _id(obj) -> str:
    return getattr(obj, "__qualname__", None) or getattr(getattr(obj, "info", None), "name", str(obj))


def _response(page_cls, content: bytes) -> Response:
    return Response(url=page_cls.example_source, content=content, sha256=hashlib.sha256(content).hexdigest())


def _records(page_cls, content: bytes) -> list:
    page = page_cls(_response(page_cls, content))
    result = page.parse()
    return list(result) if not isinstance(result, dict) else [result]


def test_the_federal_sources_are_discovered():
    assert {"dof", "leyesbiblio", "sil"} <= set(SOURCES)
    assert len(PAGES) >= 9


@pytest.mark.parametrize("source", SOURCES.values(), ids=list(SOURCES))
def test_source_declares_metadata(source):
    info = source.info
    codes = {j.code for j in jurisdictions.load()}
    assert info.name and info.title and info.allowed_hosts
    assert info.homepage.startswith(("https://", "http://"))
    assert set(info.jurisdictions) <= codes, info.jurisdictions
    assert info.role in ROLES and info.level in LEVELS
    assert callable(getattr(source, "run", None)) and callable(getattr(source, "scrape", None))


@pytest.mark.parametrize("page_cls", PAGES, ids=_id)
def test_page_declares_how_its_structure_is_known(page_cls):
    assert page_cls.structure in STRUCTURE_EVIDENCE
    assert page_cls.structure_source, "say where the structure is documented"
    assert page_cls.example_source and page_cls.example_fixture
    assert (FIXTURES / page_cls.example_fixture).is_file(), page_cls.example_fixture


@pytest.mark.parametrize("page_cls", PAGES, ids=_id)
def test_page_yields_records_from_its_fixture(page_cls):
    assert len(_records(page_cls, (FIXTURES / page_cls.example_fixture).read_bytes())) >= 1


def _rename_keys(node):
    if isinstance(node, dict):
        return {f"renamed_{k}": _rename_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_rename_keys(v) for v in node]
    return node


_STRUCTURAL = re.compile(rb"<(/?)(table|tbody|thead|tr|td|th|ul|ol|li|a|div|span|p|b|strong|font|h\d)\b", re.I)


def mutate(page_cls, content: bytes) -> bytes:
    """A copy whose structure changed: JSON keys renamed; HTML tags, classes and ids renamed."""
    if issubclass(page_cls, JsonPage):
        return json.dumps(_rename_keys(json.loads(content.decode(page_cls.encoding or page_cls.source.encoding))),
                          ensure_ascii=False).encode(page_cls.encoding or page_cls.source.encoding)  # fmt: skip
    content = _STRUCTURAL.sub(lambda m: b"<" + m.group(1) + b"x" + m.group(2), content)
    return re.sub(rb"\b(class|id)\s*=\s*([\"'])", rb"data-old-\1=\2", content)


@pytest.mark.parametrize("page_cls", [p for p in PAGES if not issubclass(p, PdfPage)], ids=_id)
def test_mutated_fixture_raises_layout_changed(page_cls):
    with pytest.raises(LayoutChanged):
        _records(page_cls, mutate(page_cls, (FIXTURES / page_cls.example_fixture).read_bytes()))


@pytest.mark.parametrize("page_cls", PAGES, ids=_id)
def test_empty_answer_is_classified(page_cls):
    with pytest.raises(ScrapeError):
        _records(page_cls, b"  \n")


@pytest.mark.parametrize("page_cls", PAGES, ids=_id)
def test_challenge_page_is_classified_never_data(page_cls):
    assert detect_block(CHALLENGE, "text/html", 200)  # the fetch layer stops it first ...
    with pytest.raises(ScrapeError):  # ... and a page object handed one anyway yields nothing
        _records(page_cls, CHALLENGE)


def _undecodable(codec: str) -> bytes | None:
    """Bytes that do not decode in ``codec`` (None for codecs that decode every byte, e.g. latin-1)."""
    for candidate in (b"\xff\xfe\xfa", b"\x81\x8d\x8f\x90\x9d", b"\xc3\x28"):
        try:
            candidate.decode(codec)
        except UnicodeDecodeError:
            return candidate
    return None


@pytest.mark.parametrize("page_cls", [p for p in PAGES if not issubclass(p, PdfPage)], ids=_id)
def test_wrong_codec_is_classified(page_cls):
    codec = page_cls.encoding or page_cls.source.encoding
    bad = _undecodable(codec)
    if bad is None:
        pytest.skip(f"{codec} decodes every byte: a wrong codec cannot be detected from the bytes")
    content = (FIXTURES / page_cls.example_fixture).read_bytes()
    with pytest.raises(ScrapeError):
        _records(page_cls, content[: len(content) // 2] + bad + content[len(content) // 2 :])


def test_both_runtime_fetchers_implement_the_protocol(tmp_path):
    from pipeline.fetch.http import HttpFetcher
    from pipeline.fetch.replay import ReplayFetcher
    from pipeline.fetch.store import RawStore

    store = RawStore(tmp_path)
    assert isinstance(ReplayFetcher(store), Fetcher) and isinstance(HttpFetcher(store), Fetcher)
    assert ReplayFetcher(store).offline is True and HttpFetcher(store).offline is False
