"""Reform-decree operative texts → affected provisions with their effect types."""

import pytest

from pipeline.parse.law.effects import parse_decree_effects

CASES = [
    (  # the shape of issue #4's example: article list with fracción and párrafos, then other verbs
        "Se REFORMAN los artículos 2o., fracción I; 5o., párrafos tercero y cuarto, y 6o; se ADICIONA un "
        "artículo 5 Bis, y se DEROGA la fracción IV del artículo 10 de la Ley General.",
        [("reforma", "art_2.frac_I"), ("reforma", "art_5"), ("reforma", "art_6"), ("adicion", "art_5-bis"),
         ("derogacion", "art_10.frac_IV")],
    ),
    (  # incisos named before the article they belong to, in upper case
        "ARTÍCULO ÚNICO.- SE REFORMAN LOS INCISOS J) Y K), Y SE ADICIONAN LOS INCISOS L) Y M) A LA FRACCIÓN I "
        "DEL ARTÍCULO 11 TER DE LA LEY.",
        [("reforma", "art_11-ter.frac_I.inc_j"), ("reforma", "art_11-ter.frac_I.inc_k"),
         ("adicion", "art_11-ter.frac_I.inc_l"), ("adicion", "art_11-ter.frac_I.inc_m")],
    ),
    (
        "Se reforman los artículos 10, 12 y 13; y se derogan los artículos 14 y 15.",
        [("reforma", "art_10"), ("reforma", "art_12"), ("reforma", "art_13"), ("derogacion", "art_14"),
         ("derogacion", "art_15")],
    ),
    (  # several forward-bound items in one clause
        "Se reforman la fracción VIII del artículo 90, y los párrafos primero y tercero del artículo 94.",
        [("reforma", "art_90.frac_VIII"), ("reforma", "art_94")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_decree_effects(text, expected):
    assert [(e.effect_type, e.provision_eid) for e in parse_decree_effects(text)] == expected
