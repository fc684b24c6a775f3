"""Faults in stored items: impossible dates, undecodable bytes, odd headings, corrupt, encrypted or
empty documents, zip bombs, damaged blobs and cache files, stored block pages. Each is one
classified per-item failure; the rest builds."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.core import problems
from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Response
from pipeline.core.records import Evidence, Instrument
from pipeline.fetch.errors import StoreDamaged
from pipeline.fetch.replay import ReplayFetcher
from pipeline.parse.law import parse_law
from pipeline.parse.versions import cache_file, law_version, parse_session
from pipeline.sources.federal import leyesbiblio
from pipeline.sources.federal.leyesbiblio.pages import IndexPage
from tests.e2e.test_federal_offline import FIXTURES
from tests.faults.harness import AKAMAI
from tests.parse.builders import FEDERAL_BODY, FEDERAL_HEADER, docx_bytes, paginate, pdf_from_pages

LAW = Instrument("MX", "lgpsedmtp", "Ley General", "ley_general")
HTML = "text/html"


def _evidence(content: bytes) -> Evidence:
    import hashlib

    return Evidence(kind="scraped", source="leyesbiblio", url="https://example.org/ley.pdf",
                    sha256=hashlib.sha256(content).hexdigest())  # fmt: skip


def test_an_impossible_date_in_an_unrelated_catalogue_row_skips_that_row_only(case):
    page = (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes().replace(b"DOF 19/12/2024", b"DOF 31/02/1917")
    with problems.collecting() as found:
        rows = IndexPage(Response(url=leyesbiblio.INDEX_URL, content=page, sha256="")).catalogue()
    whole = IndexPage(Response(url=leyesbiblio.INDEX_URL, content=page.replace(b"31/02/1917", b"19/12/2024"),
                               sha256="")).catalogue()  # fmt: skip
    assert len(rows) == len(whole) - 1 and "lgpsedmtp" in {r.abbr for r in rows}
    assert [(p.outcome, p.error_class) for p in found] == [("parse_error", "DateParseError")]
    assert "31/02/1917" in found[0].message
    case.handled("parse_error")


def test_a_byte_the_codec_cannot_decode_is_a_decode_error(case):
    page = (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes().replace(b"DOF 19/12/2024", b"DOF \x81 19/12/2024")
    with pytest.raises(ScrapeError) as raised:
        IndexPage(Response(url=leyesbiblio.INDEX_URL, content=page, sha256="")).catalogue()
    assert raised.value.outcome == "decode_error"
    case.handled(raised.value.outcome)


def test_a_superscript_chapter_number_does_not_crash_the_parser(case):
    body = ["CAPÍTULO ²", "De las disposiciones", "Artículo 1.- Esta ley es de orden público.",
            "Artículo 2.- Se aplica en todo el territorio."]  # fmt: skip
    doc = parse_law(pdf_from_pages(paginate(FEDERAL_BODY[:3] + body, FEDERAL_HEADER)))
    assert [a.number for a in doc.articles][-2:] == ["1", "2"]
    case.handled("parsed")


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:t>" + b"A" * (1 << 20) + b"</w:t>"
            for _ in range(80):  # 80 MB of text in well under 1 MB of zip
                member.write(chunk)
    return buffer.getvalue()


DOCUMENTS = {
    "zero_byte": (lambda: b"", "empty"),
    "corrupt_pdf": (lambda: b"%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\n%%truncated", "corrupt"),
    "encrypted_pdf": (lambda: pdf_from_pages(paginate(FEDERAL_BODY, FEDERAL_HEADER), encrypt="secret"), "encrypted"),
    "docx_zip_bomb": (_bomb, "too_large"),
    "zip_not_word": (lambda: docx_bytes(["x"]).replace(b"word/document.xml", b"word/documenX.xml"), "unsupported"),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_an_unreadable_document_is_recorded_as_unparsed(name, case, tmp_path):
    make, kind = DOCUMENTS[name]
    content = make()
    with parse_session(tmp_path / "cache") as session:
        assert law_version(content, LAW, _evidence(content)) is None
    assert len(session.unparsed) == 1 and f": {kind}:" in session.unparsed[0], session.unparsed
    case.handled(kind)


def test_a_truncated_cache_file_is_a_miss_not_a_crash(case, tmp_path):
    content = pdf_from_pages(paginate(FEDERAL_BODY, FEDERAL_HEADER))
    evidence = _evidence(content)
    with parse_session(tmp_path / "cache"):
        first = law_version(content, LAW, evidence)
    path = cache_file(tmp_path / "cache", evidence.sha256)
    path.write_bytes(path.read_bytes()[:40])  # cut by a crash or a full disk
    with problems.collecting() as found, parse_session(tmp_path / "cache") as session:
        again = law_version(content, LAW, evidence)
    assert again == first and session.parsed == 1 and [p.source for p in found] == ["parse cache"]
    with parse_session(tmp_path / "cache") as session:
        law_version(content, LAW, evidence)
    assert session.cached == 1  # rewritten whole
    case.handled("parse_error")


def _two_copies(store, url):
    old = store.put(b"<html><body>" + b"primera version de la pagina " * 10 + b"</body></html>", source="s", url=url,
                    http_status=200, content_type=HTML)  # fmt: skip
    new = store.put(b"<html><body>" + b"segunda version de la pagina " * 10 + b"</body></html>", source="s", url=url,
                    http_status=200, content_type=HTML)  # fmt: skip
    return old, new


def _source():
    from runtime_helpers import make_source

    return make_source("s")


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_a_damaged_blob_falls_back_to_the_previous_good_copy(damage, case, store):
    url = "https://example.org/page"
    old, new = _two_copies(store, url)
    path = store.path_for(new.sha256)
    path.chmod(0o644)
    path.unlink() if damage == "missing" else path.write_bytes(b"<html>garbage</html>")
    with problems.collecting() as found:
        response = ReplayFetcher(store).get(url, source=_source())
    assert response.sha256 == old.sha256 and [p.outcome for p in found] == ["store_error"]
    store.path_for(old.sha256).chmod(0o644)
    store.path_for(old.sha256).unlink()
    with pytest.raises(StoreDamaged) as raised:  # no usable copy left: classified, not a KeyError
        ReplayFetcher(store).get(url, source=_source())
    case.handled(raised.value.outcome)


def test_a_block_page_stored_as_ok_never_replaces_the_last_good_snapshot(case, store):
    url = "https://example.org/page"
    old, _ = _two_copies(store, url)
    store.put(AKAMAI, source="s", url=url, http_status=200, content_type=HTML)  # stored by an older detector
    with problems.collecting() as found:
        response = ReplayFetcher(store).get(url, source=_source())
    assert b"segunda version" in response.content
    assert [(p.outcome, p.error_class) for p in found] == [("blocked", "BlockPageStored")]
    case.handled("blocked")
    del old
