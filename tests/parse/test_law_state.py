"""The Durango-style state layout on a generated PDF, and the OJN OOXML-named-.doc layout."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.parse.law import parse_law

from .builders import OJN_PARAGRAPHS, docx_bytes, state_pdf


@pytest.fixture(scope="module")
def doc():
    return parse_law(state_pdf())


def test_state_publication_from_the_title_page(doc):
    assert doc.title == "LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS DE TRATA DEL ESTADO MODELO"
    pub = doc.published
    assert (pub.date, pub.issue, pub.decree, pub.legislatura) == (dt.date(2015, 1, 15), "7", "101", "LXVI")
    assert pub.gazette == "Periódico Oficial"


def test_last_reform_from_the_running_header(doc):
    assert doc.last_reform == dt.date(2022, 3, 3)
    assert doc.last_reform_source == "running_header"


def test_articles_with_mixed_case_suffix_and_derogated(doc):
    assert [a.eid for a in doc.articles] == ["art_1", "art_2", "art_12-bis", "art_13"]
    assert doc.articles[-1].derogated
    assert "FECHA DE ULTIMA REFORMA" not in " ".join(a.text for a in doc.articles)


def test_state_notes_become_effects_with_decree_and_issue(doc):
    effects = {(e.provision, e.effect, e.date, e.decree, e.gazette) for e in doc.effects if e.source == "note"}
    assert ("art_1", "reforma", dt.date(2022, 3, 3), "45", "P.O. 12") in effects
    assert ("art_2.frac_II", "reforma", dt.date(2019, 11, 2), "30", "P.O. 88") in effects
    assert ("art_12-bis", "adicion", dt.date(2019, 11, 2), "30", "P.O. 88") in effects


def test_decree_blocks_wrapped_date_and_inferred_last_block(doc):
    decrees = doc.reform_decrees
    assert [(d.publication.decree, d.publication.issue, d.publication.date, d.inferred) for d in decrees] == [
        ("30", "88", dt.date(2019, 11, 2), False),
        ("45", "12", dt.date(2022, 3, 3), True),
    ]
    assert decrees[0].publication.legislatura == "LXVII"
    assert [t.eid for t in decrees[0].transitorios] == ["decree_2019-11-02.trans_1", "decree_2019-11-02.trans_2"]
    assert [t.eid for t in decrees[1].transitorios] == ["decree_2022-03-03.trans_1"]


def test_state_decree_text_effects(doc):
    effects = [(e.provision, e.effect) for e in doc.effects if e.source == "decree"]
    assert effects == [("art_2.frac_II", "reforma"), ("art_12-bis", "adicion"), ("art_1", "reforma")]


def test_law_transitorios_end_at_the_signature(doc):
    assert [t.eid for t in doc.transitorios] == ["trans_1", "trans_2"]
    assert "Gobernador" not in doc.transitorios[-1].text


def test_ooxml_named_doc_yields_articles_and_transitorios():
    doc = parse_law(docx_bytes(OJN_PARAGRAPHS), url="http://example.org/o4123.doc")
    assert doc.format == "docx"
    assert doc.title == "LEY DE INGRESOS PARA EL MUNICIPIO DE MODELO PARA EL EJERCICIO FISCAL 2020"
    assert [a.eid for a in doc.articles] == ["art_1", "art_2", "art_3"]
    assert [t.eid for t in doc.transitorios] == ["trans_1", "trans_2"]
    assert "MANDO" not in doc.transitorios[-1].text
    assert (doc.published.decree, doc.published.legislatura) == ("77", "LXV")
    assert [h.eid for h in doc.headings] == ["capitulo_1", "capitulo_1.seccion_unico"]
    assert doc.text_status == "original"
    assert doc.trafficking is False
