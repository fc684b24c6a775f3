"""State profile (state-periodico-oficial v2): header variants, typo months, every article-suffix spelling."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.parse.law import parse_law
from pipeline.parse.law.patterns import canonical_suffix
from pipeline.parse.law.profiles import STATE_PO

from .builders import paginate, pdf_from_pages

D = dt.date
HEADER = ["LEY DE PRUEBA PARA PREVENIR LA TRATA DE PERSONAS DEL ESTADO MODELO"]
BODY = [
    "LEY DE PRUEBA PARA PREVENIR LA TRATA DE PERSONAS DEL ESTADO MODELO",
    "TEXTO ORIGINAL",
    "ÚLTIMA REFORMA PUBLICADA EN EL PERIÓDICO OFICIAL: 27 DE FEBERO DE 2019.",
    "PUBLICADO EN EL PERIÓDICO OFICIAL No. 104 BIS, DE FECHA 29 DE DICEMBRE DE 2016, DECRETO 221, LXVII LEGISLATURA.",
    "CAPÍTULO I",
    "DISPOSICIONES GENERALES",
    "ARTÍCULO 1.- Objeto.",
    "ARTÍCULO 1 BIS.- a.",
    "Artículo 1 Ter.- b.",
    "Artículo 1 Quáter.- c.",
    "ARTÍCULO 1 QUINTUS.- d.",
    "Artículo 1 Sexties.- e.",
    "ARTÍCULO 1 SEPTÍES.- f.",
    "Artículo 1 octies.- g.",
    "ARTÍCULO 1 NOVIES.- h.",
    "Artículo 1 Decies.- i.",
    "ARTÍCULO 2.- Para los efectos:",
    "I. Uno;",
    "I BIS. Uno bis;",
    "I CUATER. Uno cuater;",
    "II. Dos.",
    "FRACCIÓN REFORMADA POR DEC. 30 P.O. 88 DE FECHA 2 DE SETIEMBRE DE 2019.",
    "Artículo 2 quinquies.- j.",
    "ARTÍCULO 3.- Tres.",
    "ARTÍCULO REFORMADO POR DEC. 45 P.O. 12 DEL 3 DE FEBERO DE 2019.",
    "TRANSITORIOS",
    "ARTÍCULO PRIMERO. La presente Ley entrará en vigor.",
    "Dado en el Salón de Sesiones del Honorable Congreso del Estado, a los 10 días de diciembre de 2016.",
    "--------------------------------------------------------------------------------",
    "DECRETO 30, LXVIII LEGISLATURA, PERIODICO OFICIAL No. 88 DE FECHA 2 DE SETIEMBRE DE 2019.",
    "ARTÍCULO ÚNICO.- SE REFORMA LA FRACCIÓN II DEL ARTÍCULO 2 Y SE ADICIONAN LOS ARTÍCULOS 1 QUINTUS Y 1 SEXTIES "
    "DE LA LEY.",
    "ARTÍCULOS TRANSITORIOS",
    "PRIMERO.- El presente decreto entrará en vigor.",
    "Dado en el Salón de Sesiones del Honorable Congreso del Estado, a los 20 días de agosto de 2019.",
    "--------------------------------------------------------------------------------",
    "DEC. 45 P.O. 12 DEL 3 DE FEBERO DE 2019.",
    "ARTÍCULO ÚNICO.- SE REFORMA EL ARTÍCULO 3 DE LA LEY.",
]  # a fixture text written for these tests (invented decrees, issues and dates)


@pytest.fixture(scope="module")
def doc():
    return parse_law(pdf_from_pages(paginate(BODY, [*HEADER, "{page}"], per_page=14)))


def test_profile_is_the_state_one_at_version_2(doc):
    assert doc.profile == STATE_PO.name and STATE_PO.version == "2"


def test_publication_line_with_typo_month_and_bis_issue(doc):
    pub = doc.published
    assert (pub.date, pub.issue, pub.decree, pub.legislatura) == (D(2016, 12, 29), "104 BIS", "221", "LXVII")


def test_ultima_reforma_publicada_and_texto_original(doc):
    assert (doc.last_reform, doc.last_reform_source) == (D(2019, 2, 27), "title_page")  # "FEBERO"
    assert doc.text_status == "original"


def test_article_suffixes_in_every_spelling(doc):
    assert [a.eid for a in doc.articles] == [
        "art_1", "art_1-bis", "art_1-ter", "art_1-quater", "art_1-quinquies", "art_1-sexies", "art_1-septies",
        "art_1-octies", "art_1-nonies", "art_1-decies", "art_2", "art_2-quinquies", "art_3",
    ]  # fmt: skip
    fractions = [f.eid for a in doc.articles for f in a.fracciones]
    assert fractions == ["art_2.frac_I", "art_2.frac_I-bis", "art_2.frac_I-quater", "art_2.frac_II"]


def test_decree_list_and_notes_with_typo_months(doc):
    decrees = [(d.publication.decree, d.publication.issue, d.publication.date, d.publication.legislatura)
               for d in doc.reform_decrees]  # fmt: skip
    assert decrees == [("30", "88", D(2019, 9, 2), "LXVIII"), ("45", "12", D(2019, 2, 3), None)]
    effects = {(e.provision, e.effect, e.date, e.decree, e.source) for e in doc.effects}
    assert ("art_2.frac_II", "reforma", D(2019, 9, 2), "30", "note") in effects  # "SETIEMBRE"
    assert ("art_3", "reforma", D(2019, 2, 3), "45", "note") in effects  # "FEBERO"
    assert ("art_1-quinquies", "adicion", D(2019, 9, 2), "30", "decree") in effects  # "QUINTUS" in decree text
    assert ("art_1-sexies", "adicion", D(2019, 9, 2), "30", "decree") in effects  # "SEXTIES"


@pytest.mark.parametrize(("spelling", "canonical"), [
    ("BIS", "bis"), ("Ter", "ter"), ("quáter", "quater"), ("QUATER", "quater"), ("Cuater", "quater"),
    ("quinquies", "quinquies"), ("QUINQUÍES", "quinquies"), ("Quintus", "quinquies"), ("sexies", "sexies"),
    ("SEXTIES", "sexies"), ("septies", "septies"), ("Septíes", "septies"), ("OCTIES", "octies"),
    ("nonies", "nonies"), ("Novies", "nonies"), ("DECIES", "decies"), ("decíes", "decies"),
])  # fmt: skip
def test_canonical_suffix(spelling, canonical):
    assert canonical_suffix(spelling) == canonical
