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
