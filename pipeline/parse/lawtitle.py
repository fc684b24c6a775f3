"""Is a catalogue title a state (or federal) trafficking law? Rules, not substrings.

Titles come from congress catalogues, the Orden Jurídico Nacional and file names, in every spelling:
all caps, HTML entities (``CONSTITUCI&#xD3;N``), UTF-8 read as Latin-1 (``AdministraciÃ³n``), cp1252
quotes read as C1 controls, inverted ("Trata de Personas en el Estado de Tamaulipas, Ley para …"),
file names with underscores and doubled dots. :func:`classify_title` normalises, then decides two
things with the rules engine (:mod:`pipeline.parse.rules`):

* **topic** — trafficking in persons, by whole words on folded text ("trata de personas", "materia de
  trata", "víctimas de (la) trata", "trata de seres humanos / blancas"), excluding lookalikes
  ("tratamiento", "tratado(s)", "de que se trata", "se trata de");
* **kind** — the instrument the title names: a law (``ley``, including a "Ley Número 821 para …"),
  a reglamento, a decree (e.g. "Decreto 518 (Ley de Trata …)": the decree issuing a law is not the law),
  an acuerdo/protocolo/programa/lineamientos, or a commission's internal rules.

``is_law`` is true only for a trafficking *law*. The decision keeps its rules and reasons.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from pipeline.parse.dates import fold
from pipeline.parse.rules import Categorizer, Decision, Rule

RULES_VERSION = "1"

TOPIC = Categorizer("lawtitle-topic", RULES_VERSION, (
    Rule("trata_de_personas", r"(?<!\bse )(?<!\bque )\btrata (?:de )?(?:personas|seres humanos|blancas)\b",
         "trafficking"),
    Rule("materia_de_trata", r"\b(?:materia|delitos?) de trata\b", "trafficking"),
    Rule("victimas_de_trata", r"\bvictimas? de (?:la |los delitos? de )?trata\b", "trafficking"),
    Rule("ley_de_trata", r"\bley (?:\w+ ){0,6}(?:contra|sobre|de) (?:la )?trata\b", "trafficking"),
    Rule("se_trata", r"\b(?:de que|se) trata\b(?! de personas| de seres)", "trafficking", exclude=True,
         why="verb 'tratar' (de que se trata / se trata de), not trafficking"),
))  # fmt: skip

KIND = Categorizer("lawtitle-kind", RULES_VERSION, (
    Rule("starts_ley", r"^(?:la )?ley\b", "law", 2.0),
    Rule("inverted_ley", r", (?:la )?ley\b", "law", 1.5, why="inverted catalogue title ('…, Ley para …')"),
    Rule("starts_reglamento", r"^(?:el )?reglamento\b", "reglamento", 3.0),
    Rule("starts_decreto", r"^(?:el )?decreto\b", "decree", 3.0),
    Rule("starts_acuerdo", r"^(?:el )?(?:acuerdo|protocolo|programa|lineamientos|modelo|convenio|manual)\b",
         "other", 3.0),
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
    def reasons(self) -> tuple[str, ...]:
        return self.topic.reasons + self.kind_decision.reasons

    @property
    def rules_version(self) -> str:
        return f"{self.topic.rules_version}+{self.kind_decision.rules_version}"


_C1_QUOTES = str.maketrans({"\u0093": "\u201c", "\u0094": "\u201d", "\u0091": "\u2018", "\u0092": "\u2019"})


def repair(title: str) -> str:
    """Unescape entities, repair UTF-8 read as Latin-1 and cp1252 quotes read as C1 controls."""
    text = html.unescape(title).translate(_C1_QUOTES)
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
