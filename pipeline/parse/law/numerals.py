"""Numbers in law texts: Roman numerals and Spanish ordinal words."""

from __future__ import annotations

from pipeline.parse.dates import fold

# --- numbers ------------------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(roman: str) -> int:
    roman = roman.upper().split("-")[0]
    total = 0
    for i, letter in enumerate(roman):
        value = _ROMAN_VALUES[letter]
        nxt = _ROMAN_VALUES[roman[i + 1]] if i + 1 < len(roman) else 0
        total += -value if value < nxt else value
    return total


_UNITS = {"primero": 1, "primer": 1, "segundo": 2, "tercero": 3, "tercer": 3, "cuarto": 4, "quinto": 5,
          "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9, "nono": 9}  # fmt: skip
_TENS = {"decimo": 10, "vigesimo": 20, "trigesimo": 30, "cuadragesimo": 40, "quincuagesimo": 50,
         "sexagesimo": 60, "septuagesimo": 70, "octogesimo": 80, "nonagesimo": 90, "centesimo": 100}  # fmt: skip
_SPECIAL = {"undecimo": 11, "duodecimo": 12}


def _ordinal_word(word: str) -> int | None:
    word = word[:-1] + "o" if word.endswith("a") else word  # feminine: "primera", "única"
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    if word in _SPECIAL:
        return _SPECIAL[word]
    for prefix, tens in _TENS.items():  # fused forms: "decimoprimero", "vigesimotercero"
        if word.startswith(prefix) and word[len(prefix):] in _UNITS:
            return tens + _UNITS[word[len(prefix):]]
    return None


def ordinal_value(text: str) -> int | str | None:
    """'Décimo Primero' → 11, 'PRIMERA' → 1, 'Único' → 'unico'; None when not an ordinal."""
    words = fold(text).replace(".", " ").split()
    if not words:
        return None
    if words in (["unico"], ["unica"]):
        return "unico"
    values = [_ordinal_word(word) for word in words]
    if any(value is None for value in values):
        return None
    return sum(values)  # type: ignore[arg-type]
