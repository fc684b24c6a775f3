"""The federal (LeyesBiblio) layout on a generated PDF: furniture, structure, notes, decrees."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core.records import Evidence, Instrument
from pipeline.parse.law import PARSER_VERSION, parse_law, to_version_record

from .builders import federal_pdf


@pytest.fixture(scope="module")
def doc():
    return parse_law(federal_pdf(), url="https://example.org/LMTP.pdf")


def articles(doc):
    return {a.eid: a for a in doc.articles}


def test_metadata_from_the_title_page(doc):
    assert doc.format == "pdf"
    assert doc.title == "LEY MODELO PARA PREVENIR Y SANCIONAR LA TRATA DE PERSONAS Y PARA LA ATENCIÓN DE SUS VÍCTIMAS"
    assert doc.trafficking is True
    assert doc.published.date == dt.date(2010, 4, 1)
    assert doc.published.gazette == "DOF"
    assert doc.text_status == "vigente"


def test_title_page_last_reform_beats_stale_running_header(doc):
    assert doc.last_reform == dt.date(2023, 9, 5)
    assert doc.last_reform_source == "title_page"


def test_running_headers_and_page_numbers_are_removed(doc):
    text = "\n".join(a.text for a in doc.articles)
    assert "CÁMARA DE DIPUTADOS" not in text
    assert " de 5" not in text and "Secretaría General" not in text


def test_preamble_articles_are_not_law_articles(doc):
    assert [a.eid for a in doc.articles] == [
        "art_1", "art_2", "art_3", "art_4", "art_5", "art_5-bis", "art_5-ter", "art_5-quater",
        "art_6", "art_7", "art_8",
    ]  # fmt: skip


def test_hyphenation_is_joined_and_prose_article_reference_is_not_a_heading(doc):
    first = articles(doc)["art_1"].text
    assert "protección de las víctimas" in first
    assert "Artículo 89 de la Constitución" in first


def test_suffixes_and_numbers(doc):
    quater = articles(doc)["art_5-quater"]
    assert (quater.number, quater.suffix, quater.heading) == ("5", "quater", "Artículo 5 Quáter.-")


def test_derogated_provisions_are_flagged_not_dropped(doc):
    arts = articles(doc)
    assert arts["art_7"].derogated and arts["art_5-quater"].derogated
    assert not arts["art_6"].derogated
    fractions = {f.eid: f for f in arts["art_2"].fracciones}
    assert fractions["art_2.frac_II"].derogated
    assert not fractions["art_2.frac_I"].derogated


def test_fracciones_incisos_and_notes_attach_to_their_provision(doc):
    art2 = articles(doc)["art_2"]
    fractions = {f.eid: f for f in art2.fracciones}
    assert list(fractions) == ["art_2.frac_I", "art_2.frac_II", "art_2.frac_III"]
    assert fractions["art_2.frac_I"].notes == ["Fracción reformada DOF 05-09-2023"]
    incisos = {i.eid: i for i in fractions["art_2.frac_III"].children}
    assert list(incisos) == ["art_2.frac_III.inc_a", "art_2.frac_III.inc_b"]
    assert incisos["art_2.frac_III.inc_b"].notes == ["Inciso reformado DOF 10-02-2015, 05-09-2023"]
    assert art2.notes == ["Párrafo adicionado DOF 05-09-2023"]
    assert "Las autoridades aplicarán" not in incisos["art_2.frac_III.inc_b"].text


def test_structure_context_and_heading_notes(doc):
    assert [h.eid for h in doc.headings] == [
        "libro_1", "libro_1.titulo_1", "libro_1.titulo_1.capitulo_1", "libro_1.titulo_1.capitulo_2",
    ]  # fmt: skip
    chapter = doc.headings[-1]
    assert chapter.name == "De las Autoridades"
    assert chapter.notes == ["Denominación del Capítulo reformada DOF 10-02-2015"]
    assert articles(doc)["art_4"].context == {"libro": "1", "titulo": "1", "capitulo": "2"}


def test_law_transitorios_and_issuing_decree_transitorio(doc):
    assert [t.eid for t in doc.transitorios] == ["trans_1", "trans_2"]
    assert "publicada el 27 de noviembre de 2007" in doc.transitorios[1].text
    assert [t.eid for t in doc.origin_transitorios] == ["decree_2010-04-01.trans_unico"]


def test_reform_decrees_in_order_with_their_transitorios(doc):
    decrees = [(d.key, d.publication.date, d.publication.gazette) for d in doc.reform_decrees]
    assert decrees == [
        ("decree_2015-02-10", dt.date(2015, 2, 10), "DOF"),
        ("decree_2023-09-05", dt.date(2023, 9, 5), "DOF"),
    ]
    assert doc.reform_decrees[0].title.startswith("DECRETO por el que se reforman y derogan")
    assert [t.eid for t in doc.reform_decrees[1].transitorios] == ["decree_2023-09-05.trans_1", "decree_2023-09-05.trans_2"]
    assert "Rúbricas" not in doc.reform_decrees[1].transitorios[-1].text


def test_note_effects(doc):
    effects = {(e.provision, e.effect, e.date.isoformat()) for e in doc.effects if e.source == "note"}
    assert ("art_2.frac_II", "derogacion", "2015-02-10") in effects
    assert ("art_2.frac_III.inc_b", "reforma", "2015-02-10") in effects
    assert ("art_2.frac_III.inc_b", "reforma", "2023-09-05") in effects
    assert ("art_5-ter", "adicion", "2023-09-05") in effects
    linked = next(e for e in doc.effects if e.provision == "art_5-ter" and e.source == "note")
    assert linked.decree == "decree_2023-09-05" and linked.gazette == "DOF"


def test_decree_text_effects(doc):
    effects = [(e.provision, e.effect, e.date.isoformat()) for e in doc.effects if e.source == "decree"]
    assert effects == [
        ("art_2.frac_III.inc_b", "reforma", "2015-02-10"),
        ("art_3", "reforma", "2015-02-10"),
        ("art_2.frac_II", "derogacion", "2015-02-10"),
        ("art_7", "derogacion", "2015-02-10"),
        ("art_5-ter", "adicion", "2023-09-05"),
        ("art_2.frac_I", "reforma", "2023-09-05"),
        ("art_5-quater", "derogacion", "2023-09-05"),
    ]


def test_json_has_the_issue_keys(doc):
    data = doc.to_json()
    assert {"title", "published", "last_reform", "articles", "transitorios", "reform_decrees", "effects"} <= set(data)
    assert set(data["published"]) >= {"date", "gazette", "issue", "decree"}
    assert set(data["articles"][0]) >= {"id", "number", "suffix", "derogated", "text", "notes"}
    assert set(data["reform_decrees"][0]) >= {"title", "published", "gazette", "issue", "decree", "transitorios"}
    assert data["last_reform"] == "2023-09-05"


def test_version_record(doc):
    instrument = Instrument("MX", "ley-modelo", doc.title, "ley_general")
    evidence = Evidence(kind="scraped", source="leyesbiblio", sha256="a" * 64)
    record = to_version_record(doc, instrument, evidence)
    eids = [p.eid for p in record.provisions]
    assert record.parser_version == f"{PARSER_VERSION}+federal-leyesbiblio.1"
    assert record.metadata["profile"] == "federal-leyesbiblio"
    assert record.version_date == dt.date(2023, 9, 5)
    assert {"art_5-bis", "art_2.frac_III.inc_a", "trans_1", "decree_2015-02-10.trans_unico"} <= set(eids)
    assert len(eids) == len(set(eids))
    assert {p.level for p in record.provisions} >= {"articulo", "fraccion", "inciso", "transitorio", "capitulo"}
    assert any(e.effect_type == "derogacion" and e.provision_eid == "art_7" for e in record.effects)
