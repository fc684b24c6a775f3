"""The law parser on the real samples in ../shared/real-samples (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline.parse.law import parse_law

pytestmark = pytest.mark.real

D = dt.date


REAL_SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "real-samples"


@pytest.fixture(scope="module")
def samples():
    if not REAL_SAMPLES.is_dir():
        pytest.skip("../shared/real-samples not present")
    return REAL_SAMPLES.resolve()


@pytest.fixture(scope="module")
def lgpsedmtp(samples):
    return parse_law((samples / "leyesbiblio" / "LGPSEDMTP.pdf").read_bytes())


def test_lgpsedmtp_publication_and_last_reform(lgpsedmtp):
    assert lgpsedmtp.published.date == D(2012, 6, 14)
    assert lgpsedmtp.published.gazette == "DOF"
    assert lgpsedmtp.last_reform == D(2025, 11, 14)
    assert lgpsedmtp.text_status == "vigente"
    assert lgpsedmtp.title.startswith("LEY GENERAL PARA PREVENIR, SANCIONAR Y ERRADICAR LOS DELITOS EN MATERIA DE TRATA")
    assert lgpsedmtp.trafficking


def test_lgpsedmtp_reform_decrees_exactly(lgpsedmtp):
    assert [d.publication.date for d in lgpsedmtp.reform_decrees] == [
        D(2014, 3, 19), D(2018, 1, 19), D(2021, 5, 20), D(2023, 4, 5), D(2024, 6, 7), D(2025, 11, 14),
    ]  # fmt: skip
    assert all(d.publication.gazette == "DOF" and d.title.startswith("DECRETO") for d in lgpsedmtp.reform_decrees)
    assert all(d.transitorios for d in lgpsedmtp.reform_decrees)


def test_lgpsedmtp_articles_contiguous(lgpsedmtp):
    numbers = [int(a.number) for a in lgpsedmtp.articles if not a.suffix]
    assert numbers == list(range(1, numbers[-1] + 1))
    assert len({a.eid for a in lgpsedmtp.articles}) == len(lgpsedmtp.articles)
    assert numbers[-1] > 100


def test_lgpsedmtp_every_inline_note_is_attached(lgpsedmtp, samples):
    """Every note line in the body is on some provision, and the sample notes sit where printed."""
    from pipeline.parse.extract import extract_text
    from pipeline.parse.law.body import find_body_start, find_transitorios_start
    from pipeline.parse.law.effects import is_note
    from pipeline.parse.text import clean_pages

    lines = list(clean_pages(extract_text((samples / "leyesbiblio" / "LGPSEDMTP.pdf").read_bytes()).pages).lines)
    start = find_body_start(lines)
    body_notes = [line for line in lines[start : find_transitorios_start(lines, start)] if is_note(line)]
    attached = [n for a in lgpsedmtp.articles for n in a.notes]
    attached += [n for a in lgpsedmtp.articles for f in a.fracciones for n in f.notes]
    attached += [n for a in lgpsedmtp.articles for f in a.fracciones for i in f.children for n in i.notes]
    attached += [n for h in lgpsedmtp.headings for n in h.notes]
    assert len(body_notes) > 80
    assert sorted(attached) == sorted(body_notes)
    arts = {a.eid: a for a in lgpsedmtp.articles}
    frac = {f.eid: f for f in arts["art_2"].fracciones}
    assert frac["art_2.frac_I"].notes == ["Fracción reformada DOF 19-01-2018"]
    derogated = {f.eid: f for f in arts["art_85"].fracciones}
    assert derogated["art_85.frac_X"].derogated and derogated["art_85.frac_X"].notes == ["Fracción derogada DOF 20-05-2021"]


def test_lgpsedmtp_effects(lgpsedmtp):
    effects = {(e.provision, e.effect, e.date) for e in lgpsedmtp.effects}
    assert ("art_2.frac_I", "reforma", D(2018, 1, 19)) in effects
    assert ("art_85.frac_X", "derogacion", D(2021, 5, 20)) in effects
    assert {e.date for e in lgpsedmtp.effects} <= {d.publication.date for d in lgpsedmtp.reform_decrees}


def test_lgpsedmtp_transitorios(lgpsedmtp):
    assert [t.eid for t in lgpsedmtp.transitorios] == [f"trans_{n}" for n in range(1, 15)]
    assert lgpsedmtp.reform_decrees[1].transitorios[0].eid == "decree_2018-01-19.trans_unico"


@pytest.fixture(scope="module")
def victimas(samples):
    return parse_law((samples / "state-laws" / "durango_ley_victimas.pdf").read_bytes())


@pytest.fixture(scope="module")
def mujeres(samples):
    return parse_law((samples / "state-laws" / "durango_ley_mujeres_vida_sin_violencia.pdf").read_bytes())


def test_durango_victimas(victimas):
    pub = victimas.published
    assert (pub.date, pub.issue, pub.decree, pub.legislatura) == (D(2017, 12, 28), "104", "338", "LXVII")
    assert victimas.title == "LEY DE VÍCTIMAS DEL ESTADO DE DURANGO"
    assert victimas.last_reform == D(2019, 12, 29)
    assert [(d.publication.decree, d.publication.issue, d.publication.date) for d in victimas.reform_decrees] == [
        ("221", "104 BIS", D(2019, 12, 29))
    ]
    numbers = [int(a.number) for a in victimas.articles if not a.suffix]
    assert numbers == list(range(1, 111))
    effects = {(e.provision, e.effect, e.decree) for e in victimas.effects}
    assert ("art_37.frac_XXXIII", "reforma", "221") in effects


def test_durango_mujeres(mujeres):
    pub = mujeres.published
    assert (pub.date, pub.issue, pub.decree, pub.legislatura) == (D(2007, 12, 30), "53", "68", "LXIV")
    assert mujeres.last_reform == D(2020, 6, 25)
    decrees = [(d.publication.decree, d.publication.date) for d in mujeres.reform_decrees]
    assert decrees[0] == ("94", D(2011, 5, 12))
    assert decrees[-1] == ("337", D(2020, 6, 25)) and mujeres.reform_decrees[-1].inferred
    assert ("51", D(2018, 12, 25)) in decrees and mujeres.reform_decrees[decrees.index(("51", D(2018, 12, 25)))].publication.issue == "42 EXTRAORDINARIO"
    assert len(decrees) == 17
    assert len({d.key for d in mujeres.reform_decrees}) == 17
    assert all(re.fullmatch(r"art_\d+(-[a-z]+)?", a.eid) for a in mujeres.articles)


def test_ojn_ooxml_named_doc(samples):
    doc = parse_law((samples / "ojn" / "ojn_gto_o478890_ley_ingresos_comonfort_2018.doc").read_bytes())
    assert doc.format == "docx"
    assert [int(a.number) for a in doc.articles] == list(range(1, 56))
    assert [t.eid for t in doc.transitorios] == ["trans_1", "trans_2"]
    assert doc.published.decree == "242"
    assert doc.title.startswith("LEY DE INGRESOS PARA EL MUNICIPIO DE COMONFORT")
