"""Spanish legal dates: every documented form, typos, impossible dates, file names, round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.parse.dates import DateParseError, find_dates, month_number, parse_date, parse_filename_date

D = dt.date

SPANISH_MONTHS = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
]  # fmt: skip
ABBREVIATIONS = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 de junio de 2012", D(2012, 6, 14)),
        ("1o. de abril de 1970", D(1970, 4, 1)),
        ("1º de abril de 1970", D(1970, 4, 1)),
        ("primero de mayo de 2019", D(2019, 5, 1)),
        ("DOF 14-06-2012", D(2012, 6, 14)),
        ("DOF 14/06/2012", D(2012, 6, 14)),
        ("14-06-2012", D(2012, 6, 14)),
        ("viernes 24 de enero 2014", D(2014, 1, 24)),
        ("DIARIO OFICIAL Lunes 8 de marzo de 1999".split(" ", 2)[2], D(1999, 3, 8)),
        ("16/dic/1917", D(1917, 12, 16)),
        ("6/dic/2019", D(2019, 12, 6)),
        ("03-DIC-2025", D(2025, 12, 3)),
        ("2023-01-16 16 de Enero 2023", D(2023, 1, 16)),
        ("29 DE DICEMBRE DE 2019", D(2019, 12, 29)),
        ("25 DE JUNIO DEL 2020", D(2020, 6, 25)),
        ("19 DE DICIEMBRE 2025", D(2025, 12, 19)),
        ("30 de setiembre de 2001", D(2001, 9, 30)),
        ("  Miércoles 7 de junio de 2024  ", D(2024, 6, 7)),
        ("el 2 de agosto de 2015", D(2015, 8, 2)),
    ],
)
def test_parse_date_accepts_documented_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "04-06-214",  # typo year on LeyesBiblio ref pages: callers fall back to the file name
        "DOF 04-06-214",
        "31 de febrero de 2020",
        "30/02/2012",
        "2019-13-01",
        "32-01-2020",
        "14 de juniembre de 2012",
        "sin fecha",
        "",
        "14-06-20125",
    ],
)
def test_parse_date_raises_instead_of_guessing(text):
    with pytest.raises(DateParseError):
        parse_date(text)


def test_date_parse_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_date("29 de febrero de 2023")


def test_leap_day_is_a_real_date():
    assert parse_date("29 de febrero de 2024") == D(2024, 2, 29)


def test_month_number_tolerates_typos_but_not_other_words():
    assert month_number("DICEMBRE") == 12
    assert month_number("Setiembre") == 9
    assert month_number("novimbre") == 11
    assert month_number("sept.") == 9
    assert month_number("decreto") is None
    assert month_number("martes") is None
    assert month_number("de") is None


def test_find_dates_in_prose_in_order():
    text = (
        "ARTICULO REFORMADO POR DEC. 230 P.O. 93 DE FECHA 19 DE NOVIEMBRE DE 2017. "
        "Fracción reformada DOF 19-01-2018, 07/06/2024 y el 1o. de abril de 1970; "
        "véase 16/dic/1917 y 2023-01-16."
    )
    assert find_dates(text) == [D(2017, 11, 19), D(2018, 1, 19), D(2024, 6, 7), D(1970, 4, 1), D(1917, 12, 16), D(2023, 1, 16)]


def test_find_dates_skips_impossible_and_typo_dates():
    assert find_dates("DOF 04-06-214 y 31 de febrero de 2020, luego 5 de mayo de 2020") == [D(2020, 5, 5)]


def test_find_dates_across_line_breaks():
    assert find_dates("publicada el 14 de\njunio de 2012") == [D(2012, 6, 14)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("LAN_ref11_11dic25.pdf", D(2025, 12, 11)),
        ("lgpsedmtp/LGPSEDMTP_ref01_19mar14.pdf", D(2014, 3, 19)),
        ("LGPSEDMTP_orig_14jun12_ima.pdf", D(2012, 6, 14)),
        ("TRATAPERSONAS090513.pdf", D(2013, 5, 9)),
        ("Ley_para_Prevenir_Edo_de_Puebla_T6_28102021.pdf", D(2021, 10, 28)),
        ("TOMO_V/20260313_LEYTRATAPERSONAS.PDF", D(2026, 3, 13)),
        ("LEY-PARA-PREVENIR-417-2021-03-10.pdf", D(2021, 3, 10)),
        ("Ley_Trata_(dto_ref_708_LXV_Legis_28_sep_2022_PO_45_7a_secc_5_nov_2022).pdf", D(2022, 11, 5)),
        ("leyes/pdf/LEY TRATA.pdf?2023-01-16", D(2023, 1, 16)),
        ("Ley de Trata-150320.pdf", D(2020, 3, 15)),
        ("LEY_0144.pdf", None),
        ("LEYTRATA.pdf", None),
    ],
)
def test_parse_filename_date(name, expected):
    assert parse_filename_date(name) == expected


def test_parse_filename_date_with_pattern_hint():
    assert parse_filename_date("LEY 20121110.pdf") == D(2012, 11, 10)
    assert parse_filename_date("LEY 20121110.pdf", "DDMMYYYY") is None  # year 1110 is not plausible
    assert parse_filename_date("LEY_110313.pdf", "DDMMYY") == D(2013, 3, 11)
    assert parse_filename_date("LEY_110313.pdf", "ddmmmyy") is None
    assert parse_filename_date("x_19mar14.pdf", "ddmmmyy") == D(2014, 3, 19)
    with pytest.raises(ValueError):
        parse_filename_date("x.pdf", "mmddyy")


def test_filename_two_digit_year_pivot():
    assert parse_filename_date("CPEUM_orig_05feb17.pdf") == D(2017, 2, 5)
    assert parse_filename_date("LEY_010199.pdf") == D(1999, 1, 1)
    assert parse_filename_date("CPEUM_orig_05feb1917.pdf") == D(1917, 2, 5)


def test_filename_impossible_date_is_none():
    assert parse_filename_date("LEY_310213.pdf") is None


# --- property-based round trips -----------------------------------------------------------------

dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))

FORMATTERS = {
    "long": lambda d: f"{d.day} de {SPANISH_MONTHS[d.month - 1]} de {d.year}",
    "long_upper": lambda d: f"{d.day} DE {SPANISH_MONTHS[d.month - 1].upper()} DE {d.year}",
    "long_no_de_year": lambda d: f"{d.day} de {SPANISH_MONTHS[d.month - 1].capitalize()} {d.year}",
    "ordinal": lambda d: f"{d.day}o. de {SPANISH_MONTHS[d.month - 1]} de {d.year}",
    "weekday": lambda d: f"{WEEKDAYS[d.weekday()]} {d.day} de {SPANISH_MONTHS[d.month - 1]} {d.year}",
    "dof_dash": lambda d: f"DOF {d:%d-%m-%Y}",
    "dof_slash": lambda d: f"DOF {d:%d/%m/%Y}",
    "bare_dash": lambda d: f"{d:%d-%m-%Y}",
    "abbr_slash": lambda d: f"{d.day}/{ABBREVIATIONS[d.month - 1]}/{d.year}",
    "abbr_dash_upper": lambda d: f"{d:%d}-{ABBREVIATIONS[d.month - 1].upper()}-{d.year}",
    "iso_prose": lambda d: f"{d.isoformat()} {d.day} de {SPANISH_MONTHS[d.month - 1].capitalize()} {d.year}",
}


@given(date=dates, form=st.sampled_from(sorted(FORMATTERS)))
def test_every_supported_form_round_trips(date, form):
    text = FORMATTERS[form](date)
    assert parse_date(text) == date
    found = find_dates(f"Publicado el {text}.")
    assert found[0] == date and set(found) == {date}  # "iso_prose" repeats the date in words


FILENAME_FORMATTERS = {
    "ddmmmyy": lambda d: f"LEY_ref01_{d.day:02d}{ABBREVIATIONS[d.month - 1]}{d.year % 100:02d}.pdf",
    "DDMMYY": lambda d: f"LEYTRATA{d:%d%m%y}.pdf",
    "DDMMYYYY": lambda d: f"Ley_T6_{d:%d%m%Y}.pdf",
    "YYYYMMDD": lambda d: f"{d:%Y%m%d}_LEY.PDF",
}


@given(date=st.dates(min_value=D(1969, 1, 1), max_value=D(2068, 12, 31)), form=st.sampled_from(sorted(FILENAME_FORMATTERS)))
def test_every_filename_form_round_trips_with_its_hint(date, form):
    assert parse_filename_date(FILENAME_FORMATTERS[form](date), form) == date


@pytest.mark.parametrize(("text", "span"), [
    ("14 de junio de 2012", "2012-06-14"), ("junio de 2012", "2012-06"), ("en 2008", "2008"),
    ("Setiembre de 2017", "2017-09"), ("DOF 14/06/2012", "2012-06-14"), ("del año 2011", "2011"),
])  # fmt: skip
def test_spanish_dates_keep_the_precision_of_their_words(text, span):
    from pipeline.parse.dates import parse_span

    assert parse_span(text).text == span


def test_prose_that_is_not_a_date_is_refused_not_guessed():
    from pipeline.parse.dates import DateParseError, parse_span

    with pytest.raises(DateParseError):
        parse_span("a finales de febrero de 2011")  # "late February": the day is not said, and "late" is no month
