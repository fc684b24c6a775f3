"""Is a catalogue title a state (or federal) trafficking law? Rules, not substrings.

Titles come from congress catalogues, the Orden Jurídico Nacional and file names, in every spelling:
all caps, HTML entities (``CONSTITUCI&#xD3;N``), UTF-8 read as Latin-1 (``AdministraciÃ³n``), cp1252
quotes read as C1 controls, inverted ("Trata de Personas en el Estado de Tamaulipas, Ley para …"),
file names with underscores and doubled dots ("Prevenir Erradicar Trata 07julio2018"), titles cut
before "Ley" ("y para Prevenir … la trata de Personas …"). :func:`classify_title` normalises, then
decides two things with the rules engine (:mod:`pipeline.parse.rules`):

* **topic** — trafficking in persons, by whole words on folded text ("trata de personas", "materia de
  trata", "víctimas de (la) trata", "trata de seres humanos / blancas"), excluding lookalikes
  ("tratamiento", "tratado(s)", "de que se trata", "se trata de");
* **kind** — the instrument the title names: a law (``ley``, including a "Ley Número 821 para …"),
  a reglamento, a decree (e.g. "Decreto 518 (Ley de Trata …)": the decree issuing a law is not the law),
  an acuerdo/protocolo/programa/lineamientos, or a commission's internal rules.

``is_law`` is true only for a trafficking *law* (``federal`` tells the Ley General apart from a
state's law, for catalogues that mix both). The decision keeps its rules and reasons. Tested on every
LegismEx catalogue and Orden Jurídico Nacional sample (``tests/real/test_lawtitle_real.py``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from pipeline.parse.dates import fold
from pipeline.parse.rules import Categorizer, Decision, Rule

RULES_VERSION = "2"

_VICTIMS = r"(?:personas|seres humanos|blancas|mujeres|menores|ninas|ninos)"

TOPIC = Categorizer("lawtitle-topic", RULES_VERSION, (
    Rule("trata_de_personas", rf"(?<!\bse )(?<!\bque )\btrata (?:de )?{_VICTIMS}\b", "trafficking"),
    Rule("materia_de_trata", r"\b(?:materia|delitos?) de trata\b", "trafficking"),
    Rule("victimas_de_trata", r"\bvictimas? de (?:la |los delitos? de )?trata\b", "trafficking"),
    Rule("ley_de_trata", r"\bley (?:\w+ ){0,6}(?:contra|sobre|de) (?:la )?trata\b", "trafficking"),
    Rule("filename_trata", r"\b(?:prevenir|prevencion|combatir|erradicar|sancionar)(?: \w+){0,3} trata(?= \d|$)",
         "trafficking", why="file-name title: the law's subject ending in 'Trata' (+ a version date)"),
    Rule("glued_trata", r"(?:\b|ley)tratapersonas", "trafficking",
         why="file name with glued words ('LEYTRATAPERSONAS', 'TRATAPERSONAS090513')"),
    Rule("se_trata", r"\b(?:de que|se) trata\b(?! de personas| de seres)", "trafficking", exclude=True,
         why="verb 'tratar' (de que se trata / se trata de), not trafficking"),
))  # fmt: skip

KIND = Categorizer("lawtitle-kind", RULES_VERSION, (
    Rule("starts_ley", r"^(?:la )?ley\b", "law", 2.0),
    Rule("inverted_ley", r", (?:la )?ley\b", "law", 1.5, why="inverted catalogue title ('…, Ley para …')"),
    Rule("inverted_ley_tail", r"\bley(?: (?:para|de|sobre|contra))?(?: (?:la|el|los|las))?$", "law", 1.5,
         why="inverted file-name title ending in 'ley para la'"),
    Rule("cut_before_ley", r"^(?:y |e )?para (?:la |el )?(?:prevenir|prevencion|combatir|erradicar|atender|sancionar)\b",
         "law", 1.0, why="title cut before 'Ley' (starts mid-sentence at 'para …')"),
    Rule("glued_ley", r"^(?:\d{6,8} )?leytrata", "law", 1.0, why="glued file name starting 'LEYTRATA…'"),
    Rule("filename_subject", r"^(?:prevenir|prevencion|combatir|erradicar)\b", "law", 0.5,
         why="file-name title naming only the law's subject ('Prevenir Erradicar Trata …')"),
    Rule("starts_reglamento", r"^(?:el )?reglamento\b", "reglamento", 3.0),
    Rule("starts_decreto", r"^(?:el )?decreto\b", "decree", 3.0),
    Rule("starts_acuerdo", r"^(?:el )?(?:acuerdo|protocolo|programa|lineamientos|modelo|convenio|manual)\b",
         "other", 3.0),
    Rule("starts_other_act", r"^(?:la |el )?(?:punto de acuerdo|iniciativa|dictamen|fe de erratas|minuta|exhorto)\b",
         "other", 3.0, why="a parliamentary act or bill naming a law, not the law"),
    Rule("starts_codigo", r"^(?:el )?codigo\b", "code", 3.0),
    Rule("starts_constitucion", r"^(?:la )?constitucion\b", "constitution", 3.0),
    Rule("commission_rules", r"^(?:reglamento interno|reglamento interior|estatuto)\b", "reglamento", 4.0),
))  # fmt: skip


@dataclass(frozen=True)
class TitleDecision:
    title: str  # the title as normalised for people (entities unescaped, mojibake repaired)
    trafficking: bool
    kind: str | None  # law, reglamento, decree, code, constitution, other; None when unrecognised
    topic: Decision
    kind_decision: Decision

    @property
    def is_law(self) -> bool:
        return self.trafficking and self.kind == "law"

    @property
    def federal(self) -> bool:
        """The title names a federal law (Ley General / Ley Federal), as some state lists also carry."""
        return bool(_FEDERAL.search(fold(self.title)))

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.topic.reasons + self.kind_decision.reasons

    @property
    def rules_version(self) -> str:
        return f"{self.topic.rules_version}+{self.kind_decision.rules_version}"


_FEDERAL = re.compile(r"^(?:la )?ley (?:general|federal)\b")

_C1_QUOTES = str.maketrans({"\u0093": "\u201c", "\u0094": "\u201d", "\u0091": "\u2018", "\u0092": "\u2019"})


def repair(title: str) -> str:
    """Unescape entities, repair UTF-8 read as Latin-1 and cp1252 quotes read as C1 controls."""
    text = html.unescape(html.unescape(title)).translate(_C1_QUOTES)  # twice: "&amp;#xD3;" is seen too
    if re.search("[ÃÂ][\u0080-\u00bf]", text):
        try:
            text = text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    text = re.sub(r"(?i)\.+(pdf|docx?)$", "", text.strip())  # file names used as titles ("…Zacatecas..pdf")
    return " ".join(text.replace("_", " ").split()).rstrip(".")


def classify_title(title: str) -> TitleDecision:
    repaired = repair(title)
    folded = fold(repaired)
    folded_words = " ".join(re.sub(r"[^a-z0-9ñ,]+", " ", folded).split())
    topic = TOPIC.decide(folded_words)
    kind = KIND.decide(folded_words)
    return TitleDecision(repaired, topic.label == "trafficking", kind.label, topic, kind)


def is_trafficking_law(title: str) -> bool:
    return classify_title(title).is_law
