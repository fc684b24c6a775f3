"""Declarations of invalidity in SCJN rulings → the provisions they strike (pipeline/parse/law/invalidity.py).

Fixture sentences reproduce the structure of resolutive points (procedente / validez / invalidez / publíquese),
not any ruling's text."""

from __future__ import annotations

from pipeline.parse.law.invalidity import parse_invalidations

RESOLUTIVOS = (
    "PRIMERO. Es procedente y parcialmente fundada la presente acción de inconstitucionalidad. "
    "SEGUNDO. Se reconoce la validez del artículo 3 de la Ley Modelo contra la Trata del Estado de Ejemplo. "
    "TERCERO. Se declara la invalidez de los artículos 5, 6, fracción II, y 10 Bis de la Ley Modelo contra la "
    "Trata del Estado de Ejemplo, publicada en el Periódico Oficial de dicha entidad. "
    "CUARTO. Publíquese esta resolución en el Diario Oficial de la Federación."
)


def _eids(text: str) -> list[str]:
    return [i.provision_eid for i in parse_invalidations(text)]


def test_the_articles_of_a_resolutive_point_become_provision_eids():
    found = parse_invalidations(RESOLUTIVOS)
    assert [i.provision_eid for i in found] == ["art_5", "art_6.frac_II", "art_10-bis"]
    assert {i.law_kind for i in found} == {"ley"}
    assert found[0].law_name == "ley modelo contra la trata del estado de ejemplo"
    assert not any(i.portion_only for i in found)


def test_a_declaration_of_validity_strikes_nothing():
    assert _eids("SEGUNDO. Se reconoce la validez de los artículos 5 y 6 de la Ley Modelo. TERCERO. Publíquese.") == []
    assert _eids("La ley trata de la invalidez de los contratos.") == []


def test_fracciones_of_one_article_and_a_fraccion_named_before_its_article():
    text = ("TERCERO. Se declara la invalidez del artículo 27, fracciones I, II y III, y de la fracción II del "
            "artículo 37 de la Ley Modelo. CUARTO. Publíquese.")
    assert _eids(text) == ["art_27.frac_I", "art_27.frac_II", "art_27.frac_III", "art_37.frac_II"]


def test_a_porcion_normativa_is_marked_and_a_list_after_the_law_name_is_read():
    text = ("Se declara la invalidez del artículo 10 del Código Penal para el Estado de Ejemplo, en la porción "
            "normativa “trata de personas, previsto en el artículo 161;”, así como del artículo 161.")
    found = parse_invalidations(text)
    assert [(i.provision_eid, i.portion_only, i.law_kind) for i in found] == [
        ("art_10", True, "codigo_penal"), ("art_161", False, "codigo_penal")]
    assert found[0].law_name == "codigo penal para el estado de ejemplo"


def test_a_note_in_the_past_tense_with_ordinal_and_suffixed_numbers():
    text = "El Pleno declaró la invalidez de los artículos 2 Ter y 3o. de la Ley para Prevenir la Trata de Ejemplo."
    assert _eids(text) == ["art_2-ter", "art_3"]


def test_a_fraccion_after_two_articles_is_of_the_last_one():
    assert _eids("Se declara la invalidez de los artículos 5 y 6, fracción II, de la Ley Modelo.") == [
        "art_5", "art_6.frac_II"]
