"""Spanish legal dates, as printed by Mexican gazettes, congresses and their file names.

Supported (see ``../shared/sources.md`` §7 and issue 4 §5):

* long prose dates: "14 de junio de 2012", "1o. de abril de 1970", "viernes 24 de enero 2014",
  "25 DE JUNIO DEL 2020", misspelled months ("DICEMBRE", "SETIEMBRE");
* numeric dates: "DOF 14-06-2012", "DOF 14/06/2012", "14.06.2012";
* abbreviated months: "16/dic/1917", "03-DIC-2025", "28 sep 2022";
* ISO dates, also with trailing prose: "2023-01-16 16 de Enero 2023";
* file-name dates: "19mar14", "DDMMYY", "DDMMYYYY", "YYYYMMDD".

An impossible or malformed date (31 de febrero, the typo year "04-06-214") raises
:class:`DateParseError`; a date is never shifted or guessed, so callers can fall back to a better
source (e.g. the date in the file name).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata

from pipeline.core.dates import DateSpan

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}

MONTH_ABBREVIATIONS = {
    "ene": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "sep": 9,
    "sept": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
}

WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")

#: Two-digit years in file names: yy <= pivot → 20yy, otherwise 19yy (the POSIX %y rule).
TWO_DIGIT_YEAR_PIVOT = 68


class DateParseError(ValueError):
    """The text is not a date in a supported form, or names a day that does not exist."""


_ACCENTS = str.maketrans("áéíóúüÁÉÍÓÚÜàèìòùÀÈÌÒÙºª", "aeiouuAEIOUUaeiouAEIOUoa")
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free text with single spaces: the form every matcher here works on.

    "ñ" is kept (it is a letter of its own in Spanish, and of incisos). Cached: the law parser
    folds each line several times.
    """
    stripped = text.translate(_ACCENTS)
    if not stripped.isascii():
        decomposed = unicodedata.normalize("NFKD", stripped.replace("ñ", "\0").replace("Ñ", "\1"))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        stripped = stripped.replace("\0", "ñ").replace("\1", "Ñ")
    return _WHITESPACE.sub(" ", stripped).strip().lower()


def month_number(word: str) -> int | None:
    """The month a Spanish month word names, tolerating abbreviations and small typos."""
    word = fold(word).rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if word in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[word]
    if len(word) < 4:
        return None
    # Typos seen in real documents ("dicembre", "setiembre", "novimbre"): a close match that
    # also shares the first three letters, so that unrelated words never become months.
    close = difflib.get_close_matches(word, MONTHS, n=1, cutoff=0.8)
    if close and close[0][:3] == word[:3]:
        return MONTHS[close[0]]
    return None


def make_date(year: int, month: int, day: int, source: str) -> dt.date:
    """Build a date or raise DateParseError (never roll 31 February into March)."""
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateParseError(f"impossible date {source!r}: {exc}") from None


# --- patterns, on folded text -------------------------------------------------------------------

_DAY = r"(?P<day>\d{1,2})(?:\s*(?:o|er|ro|º|°)\.?)?"
_MONTH_WORD = r"(?P<month>[a-z]{3,11}\.?)"
_YEAR4 = r"(?P<year>\d{4})"

#: "14 de junio de 2012", "1o. de abril de 1970", "24 de enero 2014", "25 de junio del 2020",
#: "primero de mayo de 2019".
LONG_DATE = re.compile(
    rf"(?<![\d])(?:{_DAY}|(?P<first>primero))\s+de\s+{_MONTH_WORD}\s*,?\s+(?:de(?:l)?\s+)?{_YEAR4}(?!\d)"
)
#: "14-06-2012", "14/06/2012", "14.06.2012".
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})([-/.])(?P<month>\d{1,2})\2(?P<year>\d{4})(?![\d])")
#: "16/dic/1917", "03-DIC-2025", "28 sep 2022", "28_sep_2022".
ABBREVIATED_DATE = re.compile(
    r"(?<![\d])(?P<day>\d{1,2})([-/ _.])(?P<month>[a-z]{3,10})\.?\2(?P<year>\d{4})(?![\d])"
)
#: "2023-01-16" (ISO), "2023/01/16".
ISO_DATE = re.compile(r"(?<![\d])(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?![\d])")

#: Labels that may precede a date and carry no date information.
_PREFIX = re.compile(
    r"^(?:(?:d\.?\s?o\.?\s?f\.?|p\.?\s?o\.?|fecha:?|de fecha|el|del|publicad[oa] el|"
    + "|".join(WEEKDAYS)
    + r")[\s,:]*)+"
)


def _date_from_match(match: re.Match) -> dt.date:
    groups = match.groupdict()
    day = 1 if groups.get("first") else int(groups["day"])
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    if month is None:
        raise DateParseError(f"unknown month {month_text!r} in {match.group(0)!r}")
    return make_date(int(groups["year"]), month, day, match.group(0))


def parse_date(text: str) -> dt.date:
    """Parse one date written at the start of ``text`` (after labels such as "DOF" or a weekday).

    Trailing prose after a complete date is ignored ("2023-01-16 16 de Enero 2023"). Anything else
    raises :class:`DateParseError`.
    """
    folded = _PREFIX.sub("", fold(text))
    for pattern in (ISO_DATE, NUMERIC_DATE, ABBREVIATED_DATE, LONG_DATE):
        match = pattern.match(folded)
        if match and _ends_cleanly(folded, match.end()):
            return _date_from_match(match)
    raise DateParseError(f"not a supported date: {text!r}")


def _ends_cleanly(text: str, end: int) -> bool:
    """A date must end the text or be followed by a separator, not by more digits or letters."""
    return end == len(text) or not text[end].isalnum()


def find_dates(text: str) -> list[dt.date]:
    """Every date written in ``text``, in reading order. Impossible dates are skipped, not shifted."""
    folded = fold(text)
    found: list[tuple[int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (LONG_DATE, ISO_DATE, NUMERIC_DATE, ABBREVIATED_DATE):
        for match in pattern.finditer(folded):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            try:
                found.append((match.start(), _date_from_match(match)))
            except DateParseError:
                continue
            taken.append(match.span())
    return [date for _, date in sorted(found, key=lambda pair: pair[0])]


# --- file names ---------------------------------------------------------------------------------

_FILENAME_PATTERNS = {
    "iso": re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    "dd_mmm_yyyy": re.compile(r"(?<!\d)(?P<day>\d{1,2})[_ -](?P<month>[a-z]{3,10})[_ -](?P<year>\d{4})(?!\d)"),
    "ddmmmyy": re.compile(r"(?<!\d)(?P<day>\d{1,2})(?P<month>[a-z]{3,4})(?P<year>\d{2}|\d{4})(?!\d)"),
    "YYYYMMDD": re.compile(r"(?<!\d)(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?!\d)"),
    "DDMMYYYY": re.compile(r"(?<!\d)(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{4})(?!\d)"),
    "DDMMYY": re.compile(r"(?<!\d)(?P<day>\d{2})(?P<month>\d{2})(?P<year>\d{2})(?!\d)"),
}


def _expand_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        return 2000 + year if year <= TWO_DIGIT_YEAR_PIVOT else 1900 + year
    return year


def _filename_candidates(name: str, kind: str) -> list[tuple[int, dt.date]]:
    """(position, date) for every valid date of one pattern kind in a folded file name."""
    found = []
    for match in _FILENAME_PATTERNS[kind].finditer(name):
        groups = match.groupdict()
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else month_number(month_text)
        if month is None or not month_text.isdigit() and month_text not in MONTH_ABBREVIATIONS | MONTHS:
            continue
        year = _expand_year(groups["year"])
        if not 1800 <= year <= 2199:
            continue
        try:
            found.append((match.start(), dt.date(year, month, int(groups["day"]))))
        except ValueError:
            continue
    return found


def parse_filename_date(name: str, pattern: str | None = None) -> dt.date | None:
    """The version date carried by a file name or URL, or None.

    ``pattern`` ("ddmmmyy", "DDMMYY", "DDMMYYYY", "YYYYMMDD", "iso", "dd_mmm_yyyy") restricts the
    search to one convention; without it the forms are tried from least to most ambiguous. When a
    name carries several dates (Oaxaca names give the decree date and then the P.O. date), the last
    one wins: publishers append the version date.
    """
    folded = fold(name)
    kinds = [pattern] if pattern else list(_FILENAME_PATTERNS)
    for kind in kinds:
        if kind not in _FILENAME_PATTERNS:
            raise ValueError(f"unknown file-name date pattern {kind!r}; expected one of {list(_FILENAME_PATTERNS)}")
        candidates = _filename_candidates(folded, kind)
        if candidates:
            return max(candidates, key=lambda pair: pair[0])[1]
    return None


_MONTH_YEAR = re.compile(r"^(?:(?:en|de|del|a|desde|hasta)\s+)?(?P<month>[a-zñ]+)\.?\s*(?:de\s+|del\s+)?(?P<year>\d{4})$")
_YEAR_ONLY = re.compile(r"^(?:(?:en|de|desde|hasta|el a[nñ]o|del a[nñ]o|a[nñ]o)\s+)?(?P<year>1[89]\d{2}|20\d{2})$")


def parse_span(text: str) -> DateSpan:
    """A Spanish date with the precision it has: "14 de junio de 2012" a day, "junio de 2012" a month,
    "en 2008" a year. Never more precise than the words: "junio de 2012" is not 1 June 2012."""
    try:
        return DateSpan.of_day(parse_date(text))
    except DateParseError:
        pass
    folded = _PREFIX.sub("", fold(text)).strip(" .,;")
    match = _MONTH_YEAR.match(folded)
    if match and (month := month_number(match.group("month"))):
        return DateSpan.parse(f"{match.group('year')}-{month:02d}")
    match = _YEAR_ONLY.match(folded)
    if match:
        return DateSpan.parse(match.group("year"))
    raise DateParseError(f"not a supported date: {text!r}")
