"""Hypothesis fuzzing of the date parser and the law parser, a bounded number of examples each:
every failure is classified (DateParseError, a ScrapeError subclass), never a bare exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.errors import ScrapeError
from pipeline.parse.dates import DateParseError, find_dates, parse_date
from pipeline.parse.law import parse_law

MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
          "octubre", "noviembre", "diciembre", "dic", "feb", "ENE"]  # fmt: skip
DIGITS = st.text(alphabet="0123456789²³¹٣", min_size=1, max_size=4)
SEP = st.sampled_from(["/", "-", ".", " de ", " ", "_", " del "])
DATEISH = st.builds(lambda d, s1, m, s2, y, tail: f"{d}{s1}{m}{s2}{y}{tail}", DIGITS, SEP,
                    st.one_of(DIGITS, st.sampled_from(MONTHS)), SEP, DIGITS, st.text(max_size=8))  # fmt: skip
TEXT = st.one_of(DATEISH, st.text(max_size=40), st.builds(lambda p, d: f"{p} {d}", st.sampled_from(
    ["DOF", "P.O.", "publicado el", "lunes", "Fecha:"]), DATEISH))  # fmt: skip

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)


@FUZZ
@given(TEXT)
def test_parse_date_returns_a_date_or_raises_date_parse_error(text):
    try:
        assert isinstance(parse_date(text), dt.date)
    except DateParseError:
        pass


@FUZZ
@given(TEXT)
def test_find_dates_never_raises(text):
    assert all(isinstance(day, dt.date) for day in find_dates(text))


HEADINGS = st.sampled_from(["CAPÍTULO ", "TÍTULO ", "Artículo ", "ARTÍCULO ", "SECCIÓN ", "TRANSITORIOS", "Transitorio ",
                            "PRIMERO.", "Fracción ", "I.", "II.-", "a)", "Se abroga la ", "DECRETO por el que "])
LINE = st.builds(lambda h, n, rest: f"{h}{n} {rest}", HEADINGS,
                 st.one_of(DIGITS, st.sampled_from(["I", "XIV", "Bis", "primero", "Único", "²", "1o.", ""])),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30))  # fmt: skip
LAW_TEXT = st.lists(st.one_of(LINE, st.text(max_size=30)), min_size=0, max_size=40).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(LAW_TEXT)
def test_the_law_parser_classifies_every_failure(text):
    try:
        parse_law(text.encode("utf-8"))
    except ScrapeError:
        pass  # classified (DocumentError: empty, unsupported…)
