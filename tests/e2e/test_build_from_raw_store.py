"""proteja build over a raw store: scraped evidence joins the registry, texts are cached, bad PDFs are unparsed.

The raw store is written through the real RawStore (manifest + blobs) from the fixtures the federal
source tests use, plus a consolidated-law PDF generated with reportlab.
"""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb

from pipeline.build import build
from pipeline.core.paths import DataPaths
from pipeline.fetch.store import RawStore
from pipeline.sources.federal import dof, leyesbiblio
from tests.e2e.test_federal_offline import FIXTURES, law_pdf
from tests.store.conftest import fact, write_registry

RETRIEVED = "2026-01-20T10:00:00Z"


def _put(store: RawStore, url: str, content: bytes, source: str) -> None:
    store.put(content, source=source, url=url, final_url=url, retrieved_at=RETRIEVED, http_status=200,
              content_type="application/octet-stream", outcome="ok")  # fmt: skip


def fill_store(paths: DataPaths, pdf: bytes) -> None:
    store = RawStore(paths.raw)
    _put(store, leyesbiblio.INDEX_URL, (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes(), "leyesbiblio")
    ref = (FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes()
    _put(store, leyesbiblio.BASE + "ref/lgpsedmtp.htm", ref, "leyesbiblio")
    _put(store, leyesbiblio.BASE + "pdf/LGPSEDMTP.pdf", pdf, "leyesbiblio")
    for day in ("14-06-2012", "19-03-2014", "19-01-2018", "20-05-2021", "05-04-2023", "07-06-2024", "27-11-2007"):
        url = dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())
        _put(store, url, (FIXTURES / "sidof" / f"notas_{day}.json").read_bytes(), "leyesbiblio")


CURATED = [
    fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published", "2012-06-14"),
    # a secondary source with a wrong date: the scraped official evidence must win
    fact("MX", "lgpsedmtp", "Ley General de Trata", "ley_general", "published", "2014-06-14", confidence="official",
         source_url="https://www.gob.mx/typo"),
]  # fmt: skip


def _db(paths):
    return duckdb.connect(str(paths.unvalidated / "proteja.duckdb"), read_only=True)  # --no-validate output


def test_scraped_evidence_joins_and_outranks_the_registry(tmp_path):
    paths = write_registry(tmp_path / "data", CURATED)
    fill_store(paths, law_pdf())
    result = build(paths, validate=False)
    assert result.scraped_records > 0 and result.unparsed == []
    con = _db(paths)
    try:
        published = con.execute(
            "SELECT event_date, superseded, best_kind, issue FROM events "
            "WHERE instrument_id = 'MX/lgpsedmtp' AND event_type = 'published' ORDER BY event_date"
        ).fetchall()
        assert published == [(dt.date(2012, 6, 14), False, "scraped", "codNota 5253273"),
                             (dt.date(2014, 6, 14), True, "curated", None)]  # fmt: skip
        conflict = con.execute("SELECT kept_value, other_value, resolution FROM conflicts").fetchall()
        assert conflict == [("2012-06-14", "2014-06-14", "scraped_over_curated")]
        kinds = con.execute(
            "SELECT DISTINCT ev.kind FROM evidence ev JOIN events e ON ev.fact_id = e.event_id "
            "WHERE e.instrument_id = 'MX/lgpsedmtp' AND e.event_type = 'published' AND NOT e.superseded ORDER BY 1"
        ).fetchall()
        assert kinds == [("curated",), ("scraped",)]
        # every scraped evidence row points at bytes in the manifest
        orphans = con.execute(
            "SELECT count(*) FROM evidence WHERE kind = 'scraped' AND sha256 NOT IN (SELECT sha256 FROM snapshots "
            "WHERE sha256 IS NOT NULL)"
        ).fetchall()
        assert orphans == [(0,)]
        versions = con.execute("SELECT version_date, n_articles FROM instrument_versions").fetchall()
        assert versions == [(dt.date(2025, 11, 14), 2)]
        arts = con.execute("SELECT eid FROM provisions WHERE level = 'articulo' ORDER BY ordinal").fetchall()
        assert arts == [("art_1",), ("art_2",)]
    finally:
        con.close()


def test_rebuild_with_nothing_changed_parses_nothing(tmp_path, caplog):
    paths = write_registry(tmp_path / "data", CURATED)
    fill_store(paths, law_pdf())
    build(paths, validate=False)
    cached = list((paths.cache / "law").rglob("*.json"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    caplog.set_level("INFO", logger="pipeline.build")
    build(paths, validate=False)
    assert "law texts: 0 parsed, 1 from cache" in caplog.text
    assert cached[0].stat().st_mtime_ns == stamp


def test_corrupt_pdf_is_recorded_as_unparsed_and_the_build_goes_on(tmp_path):
    paths = write_registry(tmp_path / "data", CURATED)
    fill_store(paths, b"%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\n%%truncated")
    result = build(paths, validate=False)
    assert len(result.unparsed) == 1 and "MX/lgpsedmtp" in result.unparsed[0]
    con = _db(paths)
    try:
        assert con.execute("SELECT count(*) FROM instrument_versions").fetchall() == [(0,)]
        reforms = con.execute(
            "SELECT count(*) FROM events WHERE instrument_id = 'MX/lgpsedmtp' AND best_kind = 'scraped' "
            "AND event_type IN ('reformed', 'provisions_added')"
        ).fetchall()
        assert reforms == [(6,)]
    finally:
        con.close()
    shutil.rmtree(paths.cache, ignore_errors=True)
