"""An offline build from a raw store of recorded state responses (our fixtures) plus their law PDFs.

Four technologies: an HTML table (Aguascalientes), WordPress REST (Nayarit), a JSON API (Sonora) and an
Apache file listing (Durango). The build replays them through the real RawStore and ReplayFetcher; the
states' rows then rest on ``scraped`` evidence (URL + sha256) that outranks the curated registry rows.
"""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest

from pipeline.build import build
from pipeline.core.paths import REPO_DIR, DataPaths
from pipeline.fetch.store import RawStore
from pipeline.sources.states.agu import laws as agu
from pipeline.sources.states.dur import laws as dur
from pipeline.sources.states.nay import laws as nay
from pipeline.sources.states.son import laws as son
from tests.parse.builders import state_pdf
from tests.sources.conftest import FIXTURES
from tests.sources.states import test_dur, test_nay, test_son

RETRIEVED = "2026-11-30T12:00:00Z"


def _put(store: RawStore, source: str, url: str, content: bytes, content_type: str) -> None:
    store.put(content, source=source, url=url, final_url=url, retrieved_at=RETRIEVED, http_status=200,
              content_type=content_type, outcome="ok")  # fmt: skip


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    root = tmp_path_factory.mktemp("states") / "data"
    shutil.copytree(REPO_DIR / "data" / "registry", root / "registry")
    paths = DataPaths(root)
    store = RawStore(paths.raw)
    pdf = state_pdf()
    recorded = [
        (agu.INFO.name, agu.CATALOGUE_URL, (FIXTURES / "states" / "agu" / "leyes.html").read_bytes(), "text/html"),
        (agu.INFO.name, "https://congresoags.gob.mx/agenda_legislativa/leyes/descargarPdf/419", pdf, "application/pdf"),
        (nay.INFO.name, nay.page_url(1), test_nay.FIXTURE.read_bytes(), "application/json"),
        (nay.INFO.name, test_nay.PDF_URL, pdf, "application/pdf"),
        (son.INFO.name, son.page_url(1), test_son.PAGE1, "application/json"),
        (son.INFO.name, test_son.PDF, pdf, "application/pdf"),
        (dur.INFO.name, dur.CATALOGUE_URL, test_dur.LISTING, "text/html"),
        (dur.INFO.name, test_dur.TRATA + ".pdf", pdf, "application/pdf"),
    ]
    for source, url, content, ctype in recorded:
        _put(store, source, url, content, ctype)
    result = build(paths, validate=False)
    assert result.scraped_records > 0
    connection = duckdb.connect(str(result.database), read_only=True)  # --no-validate: data/unvalidated
    yield connection
    connection.close()


STATES = ("MX-AGU", "MX-NAY", "MX-SON", "MX-DUR")


def _status(con, day=dt.date(2026, 11, 30)) -> dict[str, dict]:
    cursor = con.execute("SELECT * FROM status_table(CAST(? AS DATE))", [day])
    cols = [c[0] for c in cursor.description]
    return {r[0]: dict(zip(cols, r, strict=True)) for r in cursor.fetchall()}


def test_each_state_row_rests_on_scraped_evidence_with_url_and_sha256(con):
    rows = _status(con)
    for state in STATES:
        scraped = [e for e in rows[state]["evidence"] if e["kind"] == "scraped"]
        assert scraped, state
        assert all(e["url"].startswith("https://") and len(e["sha256"]) == 64 for e in scraped), state
        assert rows[state]["law_evidence"] == "official", state  # scraped official evidence lifts the row


def test_the_text_gives_each_law_its_publication_and_the_scraped_fact_outranks_curated_ones(con):
    published = dict(con.execute(
        "SELECT instrument_id, event_date FROM active_events WHERE event_type = 'published' AND best_kind = 'scraped' "
        "AND jurisdiction IN ('MX-AGU', 'MX-NAY', 'MX-SON', 'MX-DUR')").fetchall())  # fmt: skip
    # the fixture PDF prints "PUBLICADO EN EL PERIÓDICO OFICIAL No. 7, DE FECHA 15/01/2015"
    assert set(published.values()) == {dt.date(2015, 1, 15)} and len(published) == 4
    # Durango's curated publication (2012-07-15, secondary) disagrees: scraped wins, curated is superseded
    conflict = con.execute("SELECT kept_value, other_value, resolution FROM conflicts "
                           "WHERE instrument_id = 'MX-DUR/ley-trata-2012' AND event_type = 'published'").fetchall()
    assert conflict == [("2015-01-15", "2012-07-15", "scraped_over_curated")]
    assert _status(con)["MX-DUR"]["law_published"] == dt.date(2015, 1, 15)


def test_every_scraped_evidence_row_points_at_stored_bytes(con):
    orphans = con.execute("SELECT count(*) FROM evidence WHERE kind = 'scraped' AND sha256 NOT IN "
                          "(SELECT sha256 FROM snapshots WHERE sha256 IS NOT NULL)").fetchone()[0]  # fmt: skip
    assert orphans == 0
    versions = {r[0] for r in con.execute("SELECT instrument_id FROM instrument_versions").fetchall()}
    assert {"MX-AGU/ley-trata", "MX-NAY/ley-trata", "MX-SON/ley-trata-2011", "MX-DUR/ley-trata-2012"} <= versions
