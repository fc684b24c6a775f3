"""Offline federal refresh: the LeyesBiblio source over a fixture raw store served by a fake fetcher.

The store holds the written fixtures (index, ref/lgpsedmtp.htm, SIDOF day lists) plus a consolidated-law
PDF generated here with reportlab. The 14-11-2025 SIDOF day is deliberately absent, so that reform's
codNota must come from the shipped list (pipeline/sources/data/lgpsedmtp_codnotas.json).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline.core.errors import ScrapeError
from pipeline.core.fetching import Response
from pipeline.core.records import EventRecord
from pipeline.sources.federal import dof, leyesbiblio
from tests.parse.builders import pdf_from_pages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

LAW_LINES = [
    "LEY GENERAL PARA PREVENIR, SANCIONAR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA DE PERSONAS",
    "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN Última Reforma DOF 14-11-2025",
    "Nueva Ley publicada en el Diario Oficial de la Federación el 14 de junio de 2012",
    "TEXTO VIGENTE",
    "Última reforma publicada DOF 14-11-2025",
    "Artículo 1. La presente Ley es de orden público e interés social.",
    "Artículo 2. Esta Ley tiene por objeto establecer competencias.",
    "TRANSITORIOS",
    "Primero. La presente Ley entrará en vigor el día siguiente al de su publicación en el Diario Oficial de",
    "la Federación.",
    "Segundo. Se abroga la Ley para Prevenir y Sancionar la Trata de Personas, publicada en el Diario",
    "Oficial de la Federación el día 27 de noviembre de 2007.",
]


def law_pdf() -> bytes:
    """A one-page consolidated-law PDF (reportlab) with the lines above."""
    return pdf_from_pages([LAW_LINES])


class StoreFetcher:
    """A replay fetcher over a dict store: URL → bytes, sha256 computed; unknown URLs fail like a miss."""

    def __init__(self, store: dict[str, bytes]):
        self.store = store
        self.calls: list[str] = []

    def get(self, url: str, *, source) -> Response:
        self.calls.append(url)
        if url not in self.store:
            raise ScrapeError("not in raw store", url)
        content = self.store[url]
        return Response(url=url, content=content, sha256=hashlib.sha256(content).hexdigest(),
                        retrieved_at=dt.datetime(2026, 1, 20, tzinfo=dt.UTC))

    offline = False

    def stored(self, url: str) -> Response | None:
        return None  # nothing is settled: every page is read through ``get`` (and counted)

    def stored_urls(self, prefix: str) -> list[str]:
        return []


@pytest.fixture(scope="module")
def records():
    store = {
        leyesbiblio.INDEX_URL: (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes(),
        leyesbiblio.BASE + "ref/lgpsedmtp.htm": (FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes(),
        leyesbiblio.BASE + "pdf/LGPSEDMTP.pdf": law_pdf(),
    }
    for day in ("14-06-2012", "19-03-2014", "19-01-2018", "20-05-2021", "05-04-2023", "07-06-2024", "27-11-2007"):
        url = dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())
        store[url] = (FIXTURES / "sidof" / f"notas_{day}.json").read_bytes()
    return list(leyesbiblio.SOURCE.scrape(StoreFetcher(store)))


def events(records, slug, event_type):
    return [r for r in records if isinstance(r, EventRecord) and r.instrument.slug == slug and r.event_type == event_type]


def test_lgpsedmtp_published(records):
    (published,) = events(records, "lgpsedmtp", "published")
    assert published.date == dt.date(2012, 6, 14)
    assert published.issue == "codNota 5253273"
    assert published.official_url == "https://www.dof.gob.mx/nota_detalle.php?codigo=5253273&fecha=14/06/2012"
    assert published.instrument.instrument_type == "ley_general"
    assert published.instrument.official_url == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf"


def test_lgpsedmtp_six_reforms_each_with_its_codnota(records):
    reforms = events(records, "lgpsedmtp", "reformed")
    assert [(r.date.isoformat(), r.issue) for r in reforms] == [
        ("2014-03-19", "codNota 5337503"), ("2018-01-19", "codNota 5510956"), ("2021-05-20", "codNota 5618885"),
        ("2023-04-05", "codNota 5684925"), ("2024-06-07", "codNota 5729925"), ("2025-11-14", "codNota 5773097")]
    assert reforms[1].official_url == "https://www.dof.gob.mx/nota_detalle.php?codigo=5510956&fecha=19/01/2018"
    assert reforms[0].title.startswith("DECRETO por el que se adiciona un segundo párrafo")
    assert "reform 4 links the file of reform 3" in reforms[3].note


def test_reform_evidence_is_the_ref_page(records):
    reform = events(records, "lgpsedmtp", "reformed")[0]
    expected = hashlib.sha256((FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes()).hexdigest()
    assert (reform.evidence.kind, reform.evidence.source, reform.evidence.sha256) == ("scraped", "leyesbiblio", expected)
    assert reform.evidence.url == "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp.htm"
    assert (reform.evidence.gazette, reform.evidence.date) == ("Diario Oficial de la Federación", dt.date(2014, 3, 19))
    assert reform.evidence.issue == "codNota 5337503"


def test_2007_law_published_and_abrogated(records):
    (published,) = events(records, "lpstp-2007", "published")
    (abrogated,) = events(records, "lpstp-2007", "abrogated")
    assert published.instrument.title == "Ley para Prevenir y Sancionar la Trata de Personas"
    assert published.instrument.instrument_type == "ley_federal"
    assert published.date == dt.date(2007, 11, 27)
    assert abrogated.date == dt.date(2012, 6, 14)
    assert abrogated.issue == "codNota 5253273"
    assert published.evidence.url == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf"


def test_no_other_events(records):
    kinds = sorted({(r.instrument.slug, r.event_type) for r in records if isinstance(r, EventRecord)})
    assert kinds == [("lgpsedmtp", "published"), ("lgpsedmtp", "reformed"),
                     ("lpstp-2007", "abrogated"), ("lpstp-2007", "published")]


def test_same_run_through_the_real_raw_store_and_replay_fetcher(tmp_path):
    """The runtime's RawStore + ReplayFetcher give the same events as the dict store."""
    store_mod = pytest.importorskip("pipeline.fetch.store")
    replay_mod = pytest.importorskip("pipeline.fetch.replay")
    raw = store_mod.RawStore(tmp_path / "raw")
    pages = {
        leyesbiblio.INDEX_URL: (FIXTURES / "leyesbiblio" / "index_small.htm").read_bytes(),
        leyesbiblio.BASE + "ref/lgpsedmtp.htm": (FIXTURES / "leyesbiblio" / "ref_lgpsedmtp.htm").read_bytes(),
        leyesbiblio.BASE + "pdf/LGPSEDMTP.pdf": law_pdf(),
    }
    for day in ("14-06-2012", "19-03-2014", "19-01-2018", "20-05-2021", "05-04-2023", "07-06-2024", "27-11-2007"):
        pages[dof.sidof_day_url(dt.datetime.strptime(day, "%d-%m-%Y").date())] = (
            FIXTURES / "sidof" / f"notas_{day}.json").read_bytes()
    for url, content in pages.items():
        raw.put(content, url=url, final_url=url, source="fixture", http_status=200)
    found = list(leyesbiblio.SOURCE.scrape(replay_mod.ReplayFetcher(raw)))
    reforms = events(found, "lgpsedmtp", "reformed")
    assert [r.issue for r in reforms] == ["codNota 5337503", "codNota 5510956", "codNota 5618885",
                                         "codNota 5684925", "codNota 5729925", "codNota 5773097"]
    assert [e.date for e in events(found, "lpstp-2007", "published")] == [dt.date(2007, 11, 27)]
    assert reforms[0].evidence.sha256 == raw.latest(leyesbiblio.BASE + "ref/lgpsedmtp.htm").sha256


def test_consolidated_pdf_handed_to_the_law_parser(records):
    pytest.importorskip("pipeline.parse.law")
    from pipeline.core.records import VersionRecord

    (version,) = [r for r in records if isinstance(r, VersionRecord)]
    assert (version.instrument.slug, version.version_date) == ("lgpsedmtp", dt.date(2025, 11, 14))
    assert version.evidence.url == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf"
