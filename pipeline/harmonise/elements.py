"""The element catalogue's rules: what each harmonisation element looks like in a provision's text.

Every element of ``data/reference/elements/elements.csv`` has one :class:`~pipeline.parse.rules.Categorizer`
here whose rules all vote for the element's code. A *strong* rule (weight 1.0) alone makes the element
``present``; a *weak* rule (weight 0.5) alone makes it ``partial`` and sends the finding to review. An
exclusion rule vetoes the element in that provision (lookalikes: a provision that only *cites* the offences
of the Ley General does not define them). Some elements need a trafficking *context* in the same provision
(the Palermo elements and ``tipifica_delito``): the word "trata" as a noun — never "tratamiento",
"tratado", "se trata de" — or "explotación".

All patterns run on folded text (:func:`pipeline.parse.dates.fold`: lower case, no accents, single spaces).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.paths import REPO_DIR
from pipeline.parse.rules import Categorizer, Rule

RULES_VERSION = "harmonise-1"
CATALOGUE = REPO_DIR / "data" / "reference" / "elements" / "elements.csv"
EXPECTATIONS = ("expected", "optional", "competence_conflict")

#: Trafficking context: "trata" as a noun (not the verb in "se trata de", not "tratamiento") or exploitation.
CONTEXT = re.compile(r"(?<!\bse )(?<!\bque )\btrata\b(?! de (?!personas|seres|mujeres|menores))|\bexplota(?:cion|r)\b")

_ACT = (r"(?:capt(?:e|a|ar|acion)|enganch(?:e|ar|ar)|transport(?:e|ar)|traslad(?:e|ar|o)|transfer(?:ir|encia|a)"
        r"|reten(?:er|ga|cion)|entreg(?:ue|ar|a)|recib(?:ir|a)|recepcion|acog(?:er|ida|imiento)|aloj(?:ar|e|amiento))")
_MEAN = (r"(?:engaño|violencia fisica|violencia moral|amenazas?|coaccion|fraude|abuso de (?:poder|autoridad)"
         r"|situacion de vulnerabilidad|rapto|uso de la fuerza|fuerza|concesion o recepcion de pagos)")
_END = (r"(?:esclavitud|servidumbre|trabajos? (?:o servicios )?forzados?|explotacion sexual|explotacion laboral"
        r"|prostitucion ajena|extraccion (?:ilicita )?de (?:un )?organos?|mendicidad forzosa|condicion de siervo"
        r"|adopcion ilegal|matrimonio forzoso)")
_OFFICIALS = r"(?:servidores publicos|personal|funcionarios|agentes|policias|ministerios? publicos?|jueces|operadores)"


def _strong(name: str, code: str, pattern: str, why: str = "") -> Rule:
    return Rule(name, pattern, code, 1.0, why=why)


def _weak(name: str, code: str, pattern: str, why: str = "") -> Rule:
    return Rule(name, pattern, code, 0.5, why=why)


def _veto(name: str, code: str, pattern: str, why: str) -> Rule:
    return Rule(name, pattern, code, exclude=True, why=why)


RULES: dict[str, tuple[Rule, ...]] = {
    "programa_estatal": (
        _strong("programa_estatal_nombrado", "programa_estatal",
                r"\bprogramas? (?:estatal(?:es)?|nacional|local(?:es)?|del estado|especial|integral)\b(?! de (?:proteccion|atencion) a"
                r" (?:victimas|testigos))",
                "a named state (or, for the Ley General, national) programme"),
        _weak("programa_generico", "programa_estatal", r"\bprogramas? (?:\w+ ){0,4}(?:contra|prevenir|combatir)\b"),
    ),
    "organo_coordinacion": (
        _strong("comision_interinstitucional", "organo_coordinacion",
                r"\b(?:comision|consejo|comite) (?:intersecretarial|interinstitucional|estatal|local"
                r"|para (?:prevenir|combatir|la prevencion))\b(?! de (?:los )?derechos humanos)"),
        _weak("organo_generico", "organo_coordinacion", r"\b(?:comision|consejo|comite)\b(?: \w+){0,8} trata\b"),
    ),
    "fiscalia_especializada": (
        _strong("fiscalia_especializada", "fiscalia_especializada",
                r"\b(?:fiscalias? (?:especializadas?|especiales?)|unidad(?:es)? (?:\w+ ){0,3}especializadas?"
                r"|ministerios? publicos? especializados?|agencias? (?:\w+ ){0,4}especializadas?)\b"),
        _weak("fiscalia_generica", "fiscalia_especializada",
              r"\b(?:fiscalia|procuraduria) general\b(?: \w+){0,12} (?:investigacion|persecucion)\b"),
    ),
    "atencion_victimas": (
        _strong("atencion_a_victimas", "atencion_victimas",
                r"\b(?:atencion|asistencia) (?:\w+ ){0,3}(?:a|de) (?:las )?victimas\b"),
        _weak("derechos_victimas", "atencion_victimas", r"\bderechos de (?:las )?victimas\b"),
    ),
    "proteccion_testigos": (
        _strong("proteccion_testigos", "proteccion_testigos", r"\bprotec\w* (?:[\w,]+ ){0,5}testigos?\b"),
        _weak("testigos", "proteccion_testigos", r"\btestigos?\b"),
    ),
    "albergues": (
        _strong("albergues_refugios", "albergues",
                r"\b(?:albergues?|refugios?|casas? de (?:medio camino|transito|acogida))\b"),
        _weak("alojamiento", "albergues", r"\balojamiento (?:adecuado|seguro|temporal)\b"),
    ),
    "reparacion_dano": (
        _strong("reparacion_del_dano", "reparacion_dano", r"\breparacion (?:integral |plena )?del daño\b|\breparacion integral\b"),
        _weak("resarcimiento", "reparacion_dano", r"\b(?:resarcimiento|indemnizacion)\b"),
    ),
    "fondo_victimas": (
        _strong("fondo_para_victimas", "fondo_victimas", r"\bfondos? (?:\w+ ){0,8}victimas\b"),
        _weak("fondo_generico", "fondo_victimas", r"\bel fondo\b"),
        _veto("fondos_ilicitos", "fondo_victimas", r"\bdecomiso de (?:los )?fondos\b(?! (?:\w+ ){0,8}victimas)",
              "confiscated funds are not a victims' fund"),
    ),
    "prevencion": (
        _strong("politicas_de_prevencion", "prevencion",
                r"\b(?:politicas?|programas?|acciones|medidas|campañas?|estrategias?) (?:\w+ ){0,4}(?:de )?"
                r"(?:prevencion|prevenir)\b"),
        _weak("prevenir", "prevencion", r"\b(?:prevenir|prevencion)\b"),
    ),
    "capacitacion": (
        _strong("capacitacion_de_servidores", "capacitacion",
                rf"\b(?:capacitacion|capacitar|formacion|profesionalizacion|especializacion)\b(?: [\w,]+){{0,10}} "
                rf"{_OFFICIALS}\b|\b{_OFFICIALS}\b(?: [\w,]+){{0,6}} (?:capacitados|capacitacion)\b"),
        _weak("capacitacion", "capacitacion", r"\bcapacitacion\b"),
    ),
    "registro_estadistico": (
        _strong("registro_de_datos", "registro_estadistico",
                r"\b(?:registros?|bancos?|bases?|sistemas?) (?:\w+ ){0,3}(?:de )?(?:datos|informacion|estadistic\w*)\b"
                r"|\b(?:informacion|datos) estadistic\w*|\bestadisticas\b"),
        _weak("diagnostico", "registro_estadistico", r"\bdiagnosticos?\b"),
    ),
    "participacion_sociedad_civil": (
        _strong("sociedad_civil", "participacion_sociedad_civil",
                r"\bsociedad civil\b|\borganizaciones (?:no gubernamentales|civiles)\b"),
        _weak("organizaciones_privadas", "participacion_sociedad_civil", r"\borganizaciones (?:privadas|sociales)\b"),
    ),
    "consentimiento_irrelevante": (
        _strong("consentimiento_no_excluye", "consentimiento_irrelevante",
                r"\bconsentimiento\b[^.;]{0,200}\b(?:no (?:constituira|constituye|sera|se considerara|excluye)"
                r"|irrelevante|no surtira)\b"),
    ),
    "no_criminalizacion_victimas": (
        _strong("victimas_no_responsables", "no_criminalizacion_victimas",
                r"\bvictimas?\b[^.]{0,120}\bno (?:seran|sera|podran ser|deberan ser) (?:\w+ ){0,3}"
                r"(?:penalmente responsables?|responsables?|sancionad\w*|detenid\w*|criminalizad\w*|procesad\w*)"),
        _strong("no_se_procedera", "no_criminalizacion_victimas",
                r"\bno se procedera (?:penalmente )?(?:en )?contra de (?:la |las )?victimas?\b"),
    ),
    "tipifica_delito": (
        _strong("pena_de_prision", "tipifica_delito",
                r"\b(?:se (?:le )?(?:impondra|impondran|aplicara|sancionara)|sera sancionad\w*|se castigara)\b"
                r"[^.]{0,120}\b(?:anos de prision|de prision|dias multa)\b",
                "the law sets prison terms itself (art. 73 XXI reserves the offences to the Ley General)"),
        _strong("comete_delito", "tipifica_delito", r"\bcomete (?:el )?delito de trata\b"),
        _veto("remite_a_ley_general", "tipifica_delito",
              r"\b(?:conforme|en terminos|de acuerdo) (?:a|de|con) (?:lo (?:dispuesto|previsto|establecido) (?:en|por) )?"
              r"la ley general\b[^.]{0,40}\b(?:sancion|pena)",
              "penalties by reference to the Ley General are not an offence of the state's own"),
    ),
    "palermo_acto": (
        _strong("lista_de_actos", "palermo_acto", rf"\b{_ACT}\b(?:,? (?:o |y |u |e )?{_ACT}\b){{2,}}",
                "three or more of Palermo art. 3(a)'s acts listed together"),
        _weak("dos_actos", "palermo_acto", rf"\b{_ACT}\b,? (?:o |y |u |e )?{_ACT}\b"),
    ),
    "palermo_medio": (
        _strong("lista_de_medios", "palermo_medio", rf"\b{_MEAN}\b(?:[^.]{{0,80}}\b{_MEAN}\b){{2,}}",
                "three or more of Palermo art. 3(a)'s means in one sentence"),
        _weak("un_medio", "palermo_medio", rf"\b{_MEAN}\b[^.]{{0,80}}\b{_MEAN}\b"),
    ),
    "palermo_fin": (
        _strong("fines_de_explotacion", "palermo_fin",
                r"\b(?:fin(?:es)?|proposito|objeto) de (?:su )?explota(?:cion|r)\b|\bcon el fin de explotar\b"),
        _strong("formas_de_explotacion", "palermo_fin", rf"\b{_END}\b(?:[^.]{{0,120}}\b{_END}\b){{1,}}"),
        _weak("una_forma", "palermo_fin", rf"\b{_END}\b"),
    ),
}

CONTEXT_ELEMENTS = frozenset({"palermo_acto", "palermo_medio", "palermo_fin", "tipifica_delito"})


@dataclass(frozen=True)
class Element:
    code: str
    label_es: str
    label_en: str
    legal_basis: str
    expectation: str  # expected | optional | competence_conflict
    rules: tuple[str, ...]
    ordinal: int

    @property
    def categorizer(self) -> Categorizer:
        return CATEGORIZERS[self.code]


CATEGORIZERS = {code: Categorizer(f"element-{code}", RULES_VERSION, rules) for code, rules in RULES.items()}


def load_catalogue(path: Path = CATALOGUE) -> list[Element]:
    """The catalogue in file order; raises ValueError when it and the rules here disagree."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    elements = []
    for ordinal, row in enumerate(rows):
        code = row["code"]
        rules = tuple(r for r in row["rules"].split("|") if r)
        if code not in RULES:
            raise ValueError(f"element {code!r} in {path.name} has no rules in pipeline/harmonise/elements.py")
        declared = tuple(r.name for r in RULES[code])
        if rules != declared:
            raise ValueError(f"element {code!r}: catalogue lists rules {rules}, code has {declared}")
        if row["expectation"] not in EXPECTATIONS:
            raise ValueError(f"element {code!r}: expectation {row['expectation']!r} not in {EXPECTATIONS}")
        elements.append(Element(code, row["label_es"], row["label_en"], row["legal_basis"], row["expectation"],
                                rules, ordinal))  # fmt: skip
    missing = set(RULES) - {e.code for e in elements}
    if missing:
        raise ValueError(f"rules without a catalogue row: {sorted(missing)}")
    return elements
