"""Federal page objects on ../shared/real-samples (LeyesBiblio index.htm, legacy DOF WS answers)."""

from __future__ import annotations

import pytest

from pipeline.core.records import Evidence
from pipeline.sources.federal import dof, leyesbiblio

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def index_rows():
    from tests.conftest import REAL_SAMPLES

    path = REAL_SAMPLES / "leyesbiblio" / "index.htm"
    if not path.is_file():
        pytest.skip("../shared/real-samples not present")
    return leyesbiblio.inspect_index(path)


def test_index_every_law_row(index_rows):
    # 319 rows: numbers 001–317 plus two lettered rows ("060 A", "314 A") for superseded budget laws that
    # link abro/ pages; the 317 rows with a ref/ page are the catalogue's numbered laws (one, "120 A", is lettered).
    assert len(index_rows) == 319
    assert len({int(r["number"].split()[0]) for r in index_rows}) == 317
    assert sum(1 for r in index_rows if "/LeyesBiblio/ref/" in r["ref_url"]) == 317
    assert all(r["published"] for r in index_rows)


def test_index_lgpsedmtp_row(index_rows):
    (row,) = [r for r in index_rows if r["abbr"] == "lgpsedmtp"]
    assert row["title"] == ("LEY General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de "
                            "Personas y para la Protección y Asistencia a las Víctimas de estos Delitos")
    assert (row["number"], row["published"], row["last_reform"]) == ("240", "2012-06-14", "2025-11-14")
    assert row["pdf_url"] == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LGPSEDMTP.pdf"
    assert row["ref_url"] == "https://www.diputados.gob.mx/LeyesBiblio/ref/lgpsedmtp.htm"
    assert row["flags"] == ["Nueva reforma"] and row["abrogated"] is False


def test_index_abrogated_rows(index_rows):
    abrogated = {r["number"]: (r["abbr"], r["abrogation_date"], r["abrogation_deadline"])
                 for r in index_rows if r["abrogated"]}
    assert abrogated == {
        "005": ("cfpc", None, "2027-04-01"),
        "060 A": ("lif_2025", "2026-01-01", None),
        "120 A": ("linm", None, None),
        "309": ("levct", "2026-06-17", None),
        "314 A": ("pef_2025", "2026-01-01", None),
    }
    invalidated = {r["abbr"]: r["invalidation_date"] for r in index_rows if r["invalidated"]}
    assert invalidated == {"lsint": "2019-05-30", "lgmime": "2023-11-24", "ltpcpimcp": "2023-12-22"}


def test_ws_two_days(real_samples):
    notes = dof.inspect_ws_day(real_samples / "dof" / "WS_getDiarioFull_2days.ndjson")
    by_day = {}
    for note in notes:
        by_day.setdefault(note["date"], []).append(note)
    assert sorted(by_day) == ["2013-07-31", "2014-01-24"]
    assert all(n["edition"] == "MAT" for n in notes)
    (note,) = [n for n in notes if n["cod_nota"] == 5330703]
    assert (note["date"], note["section"], note["organism"], note["issuer"]) == (
        "2014-01-24", "PRIMERA", "PODER EJECUTIVO", "SECRETARIA DE GOBERNACION")
    assert note["url"] == "https://www.dof.gob.mx/nota_detalle.php?codigo=5330703&fecha=24/01/2014"
    assert note["trafficking"] is True
    # "Tratado de Libre Comercio", "trato arancelario", "estratégica" and the rest are not trafficking
    assert [n["cod_nota"] for n in notes if n["trafficking"]] == [5330703]
    tratado = [n for n in notes if "Tratado" in n["title"] or "trato" in n["title"]]
    assert len(tratado) >= 2 and not any(n["trafficking"] for n in tratado)


def test_ws_tied_note_becomes_an_event(real_samples):
    notes = dof.inspect_ws_day(real_samples / "dof" / "WS_getDiarioFull_2days.ndjson")
    (note,) = [n for n in notes if n["cod_nota"] == 5330703]
    evidence = Evidence(kind="scraped", source="dof", url=note["source_url"], sha256="c" * 64)
    (event,) = dof.note_events(note, evidence)
    assert (event.instrument.slug, event.event_type, event.date.isoformat()) == (
        "reglamento-interno-comision-intersecretarial-2014", "published", "2014-01-24")
