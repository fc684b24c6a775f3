"""Is a title or provision about trafficking in persons (*trata de personas*)?

Rules, tested in ``tests/unit/test_relevance.py``:

* relevant: "trata de personas" in any case, with or without accents, across line breaks or a
  hyphenated line end; "trata de seres humanos"; "delitos en materia de trata";
  "víctimas de (la) trata"; "trata ... con fines de explotación"; the historical "trata de blancas";
* not relevant: "tratamiento", "tratado", "de que se trata", "se trata de" (even when followed by
  "personas": "cuando se trata de personas morales" is about something else).
"""

from __future__ import annotations

import re

from pipeline.parse.dates import fold

_RELEVANT = re.compile(
    r"(?<!\bse )(?<!\bque )\btrata (?:de )?(?:personas|seres humanos|blancas)\b"
    r"|\bmateria de trata\b"
    r"|\bvictimas? de (?:la )?trata\b"
    r"|\btrata (?:de personas )?con fines? de\b"
    r"|\bdelitos? de trata\b"
)


def normalise_for_matching(text: str) -> str:
    """Join hyphenated line ends, then fold case, accents and whitespace."""
    joined = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return fold(joined)


def is_trafficking(text: str) -> bool:
    """True when ``text`` speaks of trafficking in persons by one of the tested rules."""
    return bool(_RELEVANT.search(normalise_for_matching(text)))


# -- bills: relevance as a decision with its reasons (pipeline.parse.rules) --------------------------------

from pipeline.parse.rules import Categorizer, Decision, Rule  # noqa: E402

RELEVANCE_RULES = (
    Rule("trata_de_personas", _RELEVANT.pattern, "trafficking", 2.0,
         why="names trafficking in persons (the tested is_trafficking rule)"),
    Rule("ley_de_trata", r"\bley\b(?: \w+){0,10} (?:la )?(?<!se )(?<!que )trata\b", "trafficking", 1.0,
         why="a law on trata (title abbreviated)"),
    Rule("codigo_penal_trata", r"\bcodigo penal\b.{0,200}(?<!se )(?<!que )\btrata\b", "trafficking", 1.0,
         why="penal-code articles on trafficking"),
    Rule("codigo_penal_explotacion", r"\bcodigo penal\b.{0,200}\b(?:lenocinio|explotacion sexual|corrupcion de "
         r"menores)\b", "trafficking", 0.5, why="penal-code exploitation offences: related, not trafficking by name"),
    Rule("victimas_trata", r"\bvictimas? (?:de (?:los )?)?(?:delitos? )?(?:en materia )?de trata\b", "trafficking",
         1.0),
    # weak: close to trafficking, but the text does not say it (tourism laws on child sexual exploitation)
    Rule("explotacion_sexual_infantil", r"\bexplotacion sexual (?:comercial )?(?:infantil|de (?:niñas|menores))\b|"
         r"\bturismo sexual\b|\btrafico sexual\b", "trafficking", 0.5,
         why="child sexual exploitation or sex tourism: related, not trafficking by name"),
    Rule("personas_morales", r"\b(?:se|que) trata de personas (?:morales|fisicas|juridicas)\b", "trafficking",
         exclude=True, why="'se trata de personas morales' is about legal persons"),
)

RELEVANCE = Categorizer("bill-relevance", "1", RELEVANCE_RULES)


def bill_relevance(*texts: str | None) -> Decision:
    """Is a bill (its title, summary, subject) about trafficking in persons? A decision with its reasons.

    Score >= 1: relevant. Score in (0, 1): possibly relevant — the bill is kept as not relevant and goes to the
    review queue. ``tratamiento``, ``tratados`` and "de que se trata" never count.
    """
    return RELEVANCE.decide(normalise_for_matching(" ".join(t for t in texts if t)))
