"""Each element: a positive and a negative fixture provision (written here, structure only), incl. lookalikes."""

from __future__ import annotations

import pytest

from pipeline.harmonise.elements import RULES, load_catalogue
from pipeline.harmonise.matcher import Provision, fold_with_map, score_provisions
from pipeline.parse.dates import fold

POSITIVE = {
    "programa_estatal": "El Ejecutivo aprobará el Programa Estatal para Prevenir y Erradicar la Trata de Personas.",
    "organo_coordinacion": "Se crea la Comisión Interinstitucional contra la Trata de Personas del Estado.",
    "fiscalia_especializada": "La Fiscalía contará con una Fiscalía Especializada en delitos de trata de personas.",
    "atencion_victimas": "Las dependencias brindarán atención integral a las víctimas de trata.",
    "proteccion_testigos": "Se garantizará la protección de las víctimas, ofendidos y testigos durante el proceso.",
    "albergues": "El Estado apoyará la creación de albergues y casas de medio camino para las víctimas.",
    "reparacion_dano": "El juez condenará al pago de la reparación del daño a favor de la víctima.",
    "fondo_victimas": "Se constituye el Fondo Estatal de Protección y Asistencia a las Víctimas de trata.",
    "prevencion": "La Secretaría diseñará campañas de prevención dirigidas a la población.",
    "capacitacion": "Se impartirá capacitación permanente a los servidores públicos que atienden a víctimas.",
    "registro_estadistico": "La Comisión llevará un registro de datos estadísticos sobre los casos atendidos.",
    "participacion_sociedad_civil": "La Comisión invitará a organizaciones de la sociedad civil a sus sesiones.",
    "consentimiento_irrelevante": "El consentimiento otorgado por la víctima no constituirá causa excluyente de responsabilidad.",
    "no_criminalizacion_victimas": "Las víctimas de trata no serán penalmente responsables por los delitos cometidos bajo control.",
    "tipifica_delito": "Al que cometa el delito de trata de personas se le impondrá de diez a veinte años de prisión.",
    "palermo_acto": "Comete trata quien capte, transporte, traslade o reciba a una persona con fines de explotación.",
    "palermo_medio": "La trata se agrava cuando medie engaño, amenazas o abuso de poder sobre la víctima.",
    "palermo_fin": "Se entiende por explotación la esclavitud, la servidumbre o los trabajos forzados.",
}

NEGATIVE = {
    "programa_estatal": "El Ejecutivo publicará su plan de gobierno en el Periódico Oficial.",
    "organo_coordinacion": "La Comisión Estatal de Derechos Humanos recibirá las quejas.",
    "fiscalia_especializada": "La autoridad competente conocerá de los hechos.",
    "atencion_victimas": "La presente ley es de orden público e interés social.",
    "proteccion_testigos": "Las audiencias serán públicas salvo disposición en contrario.",
    "albergues": "Las oficinas se ubicarán en la capital del Estado.",
    "reparacion_dano": "El daño al inmueble será valuado por peritos.",
    "fondo_victimas": "Procederá el decomiso de los fondos y bienes ilícitos producto del delito.",
    "prevencion": "Los servidores públicos rendirán un informe anual.",
    "capacitacion": "La Secretaría expedirá su reglamento interior.",
    "registro_estadistico": "Las sesiones se celebrarán cada tres meses.",
    "participacion_sociedad_civil": "Las dependencias estatales se coordinarán entre sí.",
    "consentimiento_irrelevante": "El tratamiento médico requerirá el debido consentimiento del paciente.",
    "no_criminalizacion_victimas": "Las víctimas tendrán derecho a ser informadas del proceso.",
    # lookalike: a law that cites the offences of the Ley General does not define them
    "tipifica_delito": "Las autoridades atenderán a las víctimas de los delitos previstos en la Ley General en materia de trata.",
    # lookalike: "tratamiento" is not "trata" (no trafficking context for the definition elements)
    "palermo_acto": "El tratamiento de datos permitirá captar, transferir y recibir información de los usuarios.",
    "palermo_medio": "Se trata de evitar el engaño, las amenazas y el fraude en los trámites.",
    "palermo_fin": "El tratamiento de las aguas residuales corresponde al municipio.",
}


def _score(text: str, code: str):
    provisions = [Provision("X@1~art_1", "art_1", "articulo", text)]
    elements = [e for e in load_catalogue() if e.code == code]
    return score_provisions("X@1", provisions, elements, n_articles=50)[0]


def test_the_catalogue_lists_every_issue_code_and_its_rules_match_the_code():
    codes = [e.code for e in load_catalogue()]
    assert codes == list(RULES)
    assert len(codes) == 18 and set(codes) == set(POSITIVE) == set(NEGATIVE)
    assert {e.code for e in load_catalogue() if e.expectation == "competence_conflict"} == {"tipifica_delito"}


@pytest.mark.parametrize("code", sorted(POSITIVE))
def test_positive_fixture_is_present_with_provision_and_verbatim_excerpt(code):
    finding = _score(POSITIVE[code], code)
    assert finding.finding == "present", (code, finding)
    assert finding.provision_ids == ("X@1~art_1",)
    assert finding.excerpt and finding.excerpt in POSITIVE[code] and len(finding.excerpt) <= 200
    assert finding.rules_fired and finding.rules_version == "harmonise-1" and not finding.needs_review


@pytest.mark.parametrize("code", sorted(NEGATIVE))
def test_negative_fixture_and_lookalikes_are_absent(code):
    finding = _score(NEGATIVE[code], code)
    assert finding.finding == "absent", (code, finding)
    assert finding.provision_ids == () and finding.excerpt is None


def test_penalties_by_reference_to_the_ley_general_are_vetoed():
    text = "Quien cometa estas conductas será sancionado conforme a la Ley General con las penas de prisión previstas."
    assert _score(text, "tipifica_delito").finding == "absent"


def test_a_weak_rule_alone_is_partial_and_goes_to_review():
    finding = _score("Cada año se evaluará el Fondo y sus resultados se publicarán.", "fondo_victimas")
    assert (finding.finding, finding.confidence, finding.needs_review) == ("partial", 0.5, True)


def test_no_text_is_not_assessed_and_a_short_text_absent_is_reviewed():
    code = [e for e in load_catalogue() if e.code == "albergues"]
    assert score_provisions("X@1", [], code)[0].finding == "not_assessed"
    short = score_provisions("X@1", [Provision("X@1~art_1", "art_1", "articulo", "Texto.")], code)[0]
    assert (short.finding, short.needs_review) == ("absent", True)


def test_fracciones_are_cited_rather_than_their_article():
    provisions = [Provision("X@1~art_5", "art_5", "articulo", "Corresponde: I. Publicar. II. Crear albergues."),
                  Provision("X@1~art_5.frac_II", "art_5.frac_II", "fraccion", "Crear albergues.")]
    finding = score_provisions("X@1", provisions, [e for e in load_catalogue() if e.code == "albergues"])[0]
    assert finding.provision_ids == ("X@1~art_5.frac_II",)


@pytest.mark.parametrize("text", ["Reparación  del\nDAÑO, según el Artículo 3º", "PROTECCIÓN Ñandú  ", "  a\tb  "])
def test_fold_with_map_agrees_with_fold(text):
    folded, where = fold_with_map(text)
    assert folded == fold(text) and len(where) == len(folded)
