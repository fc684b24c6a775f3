"""The trafficking-law detector on EVERY real catalogue and OJN sample in ../shared/real-samples.

Expected entries were read by hand from each file (and match real-samples/MANIFEST.md): per file,
the ids of the trafficking LAWS and, separately, of the trafficking instruments that are NOT laws
(decrees, reglamentos, acuerdos). Every other entry of the file must be neither: no false positive.
LegismEx catalogues are identified by their ``id``, OJN metadata files by ``file_id`` (idArchivo),
over ``laws`` and ``failed_laws`` (dead links are still entries OJN lists).
"""

from __future__ import annotations

import json

import pytest

from pipeline.parse.lawtitle import classify_title
from tests.conftest import REAL_SAMPLES

#: file → (trafficking law ids, trafficking non-law ids as {id: kind}).
LEGISMEX = {
    "aguascalientes": (["aguascalientes_ley_prevenir_erradicar_trata_personas_aguascalientes"], {}),
    "bajacalifornia": (["bajacalifornia_ley_prevenir_erradicar_delitos_materia_trata"], {}),
    "bajacaliforniasur": ([], {}),  # only "Tratamiento" laws
    "campeche": (["campeche_ley_prevenir_combatir_trata_personas_campeche"], {}),
    "cdmx": (["cdmx_ley_proteccion_atencion_asistencia_a_victimas"], {}),
    "chiapas": (["chiapas_ley_prevenir_combatir_trata_personas_chiapas"], {}),
    "chihuahua": (["chihuahua_ley_prevencion_combate_erradicacion_trata_personas"], {}),
    "coahuila": (["coahuila_ley_prevencion_proteccion_atencion_asistencia_a"], {}),  # victims law
    "colima": (["colima_prevenir_erradicar_trata_07julio2018"], {}),  # file-name title
    "durango": (["durango_ley_prevencion_atencion_erradicacion_trata_personas"], {}),
    "edomex": (["edomex_ley_prevenir_atender_combatir_erradicar_trata"],
               {"edomex_reglamento_ley_prevenir_atender_combatir_erradicar": "reglamento"}),
    "guanajuato": (["guanajuato_ley_prevenir_atender_erradicar_trata_personas"], {}),
    "guerrero": (["guerrero_ley_numero_417_prevenir_erradicar_trata"], {}),
    "hidalgo": ([], {}),
    "jalisco": (["jalisco_ley_general_prevenir_sancionar_erradicar_delitos"], {}),  # the FEDERAL Ley General
    "michoacan": ([], {}),
    "morelos": (["morelos_ley_prevencion_proteccion_atencion_asistencia_a"], {}),  # victims law
    "nayarit": (["nayarit_prevencion_erradicacion_trata_personas_nayarit_ley"], {}),  # inverted "… ley para la"
    "nuevoleon": (["nuevoleon_ley_prevenir_atender_combatir_erradicar_trata"], {}),
    "oaxaca": (["oaxaca_ley_prevenir_sancionar_erradicar_delitos_materia"], {}),
    "puebla": (["puebla_ley_prevenir_erradicar_delitos_materia_trata"], {}),
    "queretaro": (["queretaro_ley_prevenir_combatir_sancionar_trata_personas"], {}),
    "quintanaroo": ([], {}),
    "sanluispotosi": (["sanluispotosi_ley_prevenir_sancionar_delitos_trata_personas"], {}),
    "sinaloa": (["sinaloa_ley_estatal_combatir_prevenir_sancionar_trata",
                 "sinaloa_ley_proteccion_atencion_asistencia_a_victimas"], {}),  # "den Materia" verbatim
    "sonora": (["sonora_ley_prevencion_combate_trata_personas_sonora"], {}),
    "tabasco": ([], {}),
    "tamaulipas": (["tamaulipas_trata_personas_tamaulipas_ley_prevenir_combatir"], {}),  # inverted
    "veracruz": (["veracruz_ley_prevenir_sancionar_erradicar_delitos_materia"], {}),
    "yucatan": (["yucatan_ley_prevenir_combatir_trata_personas_yucatan"], {}),
    "zacatecas": (["zacatecas_ley_prevenir_atender_combatir_erradicar_trata"], {}),  # "..pdf" file name
}  # fmt: skip

OJN = {
    "aguascalientes": ([74030], {}),
    "baja_california": ([], {}),
    "baja_california_sur": ([], {103912: "decree", 103913: "reglamento"}),  # commission decree + its rules
    "campeche": ([], {}),
    "chiapas": ([53917], {}),
    "chihuahua": ([80172], {}),
    "ciudad_de_mexico": ([], {}),
    "ciudad_de_mexico_spacename": ([], {}),
    "coahuila": ([], {}),
    "colima": ([97619], {}),
    "durango": ([], {}),
    "estado_de_mexico": ([], {}),  # the law (55532) is only in the non-legislative lists
    "guanajuato": ([57092], {}),
    "guerrero": ([32971, 72988], {50225: "other", 51696: "other"}),  # Ley 761, Ley 417; two acuerdos
    "hidalgo": ([], {}),
    "jalisco": ([81763], {}),
    "michoacan": ([66267], {57790: "decree"}),  # title cut before "Ley"; the decree approving it
    "nayarit": ([30881, 32071], {}),  # duplicate listing of the same law
    "nuevo_leon": ([25428], {}),
    "oaxaca": ([80871], {}),
    "puebla": ([29605, 50640], {}),
    "quintana_roo": ([], {}),
    "san_luis_potosi": ([], {40532: "decree"}),  # "Decreto 518 (Ley de Trata de Personas …)"
    "sinaloa": ([], {}),
    "sonora": ([29878], {}),
    "tabasco": ([23014], {37523: "decree", 37795: "decree", 23155: "decree"}),
    "tamaulipas": ([34919], {}),
    "tlaxcala": ([38488, 74191], {}),
    "yucatan": ([], {}),  # the law (80040) is only in the non-legislative lists
    "zacatecas": ([76101], {}),
}  # fmt: skip


def _samples(sub: str):
    folder = REAL_SAMPLES / sub
    if not folder.is_dir():
        pytest.skip("../shared/real-samples not present (the detector's real-file test needs it)")
    return folder


def _legismex_entries(path):
    return [(entry["id"], entry["nombre"]) for entry in json.loads(path.read_text(encoding="utf-8"))]


def _ojn_entries(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(e["file_id"], e.get("law_name") or "") for e in data.get("laws", []) + data.get("failed_laws", [])]


def _classified(entries):
    laws, others = [], {}
    for ident, title in entries:
        decision = classify_title(title)
        if decision.is_law:
            laws.append(ident)
        elif decision.trafficking:
            others[ident] = decision.kind
    return sorted(laws, key=str), others


def test_every_sample_file_has_an_expectation():
    legismex = {p.name.removeprefix("legismex_").removesuffix("_catalogo.json")
                for p in _samples("state-catalogs").glob("legismex_*_catalogo.json")}  # fmt: skip
    ojn = {p.name.removesuffix("_metadata.json") for p in _samples("ojn").glob("*_metadata.json")}
    assert legismex == set(LEGISMEX) and ojn == set(OJN)


@pytest.mark.parametrize("state", sorted(LEGISMEX))
def test_legismex_catalogue_finds_exactly_the_trafficking_laws(state):
    path = _samples("state-catalogs") / f"legismex_{state}_catalogo.json"
    laws, others = _classified(_legismex_entries(path))
    assert (laws, others) == (sorted(LEGISMEX[state][0]), LEGISMEX[state][1])


@pytest.mark.parametrize("state", sorted(OJN))
def test_ojn_metadata_finds_exactly_the_trafficking_laws(state):
    path = _samples("ojn") / f"{state}_metadata.json"
    laws, others = _classified(_ojn_entries(path))
    assert (laws, others) == (sorted(OJN[state][0], key=str), OJN[state][1])


def test_the_ley_general_in_a_state_list_is_marked_federal():
    entries = dict(_legismex_entries(_samples("state-catalogs") / "legismex_jalisco_catalogo.json"))
    decision = classify_title(entries["jalisco_ley_general_prevenir_sancionar_erradicar_delitos"])
    assert decision.is_law and decision.federal
    assert not classify_title("Ley Estatal para Prevenir, Combatir y Erradicar la Trata de Personas").federal
