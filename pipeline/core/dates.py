"""Dates with their precision: a day, a month, a year, or an interval with open or closed ends.

A source that says "2008" tells us a year, not 1 January 2008; "approved on 2010-07-01 and in force by
2011-03-15" bounds a publication between two days. :class:`DateSpan` keeps exactly what was said: the
earliest and latest day it can be, and how it was given. Its text form is a subset of the Library of
Congress EDTF (level 0 and the interval part of level 1):

    2012-06-14            day
    2012-06               month          (earliest 2012-06-01, latest 2012-06-30)
    2012                  year
    2010-07-01/2011-03-15 interval       (each end may itself be a day, month or year)
    ../2014-08-01         on or before   ("known by", the earliest end open)
    2013-11-13/..         on or after

Why a type of our own rather than the ``edtf`` package: we need only this subset, plain
``datetime.date`` bounds for SQL (``edtf`` yields ``struct_time``), and strict errors naming the
bad value; the subset stays valid EDTF, so ``edtf`` can read our data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

#: How a date was given (``date_precision`` columns). Closed vocabulary; see pipeline.core.vocab.
PRECISIONS = {
    "day": "A single day.",
    "month": "A month: some day in it.",
    "year": "A year: some day in it.",
    "interval": "Some day between two bounds (each a day, month or year).",
    "before": "On or before a day, month or year (the earliest end unknown): 'known by'.",
    "after": "On or after a day, month or year (the latest end unknown).",
}

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateSpanError(ValueError):
    """Not a date in the project's EDTF subset."""


def _bounds(part: str) -> tuple[dt.date, dt.date, str]:
    match = _PART.match(part)
    if not match:
        raise DateSpanError(f"{part!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d, "day"
        if month:
            m = int(month)
            return dt.date(year, m, 1), dt.date(year, m, calendar.monthrange(year, m)[1]), "month"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError as exc:
        raise DateSpanError(f"{part!r} is not a real date: {exc}") from None


@dataclass(frozen=True, order=True)
class DateSpan:
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    text: str

    @classmethod
    def parse(cls, text: str) -> DateSpan:
        text = text.strip()
        if "/" not in text:
            earliest, latest, precision = _bounds(text)
            return cls(earliest, latest, precision, text)
        start, _, end = text.partition("/")
        if start in ("", "..") and end in ("", ".."):
            raise DateSpanError(f"{text!r}: an interval needs at least one end")
        earliest = None if start in ("", "..") else _bounds(start)[0]
        latest = None if end in ("", "..") else _bounds(end)[1]
        if earliest and latest and earliest > latest:
            raise DateSpanError(f"{text!r}: the interval ends before it starts")
        precision = "interval" if earliest and latest else ("before" if latest else "after")
        return cls(earliest, latest, precision, f"{start or '..'}/{end or '..'}")

    @classmethod
    def of_day(cls, day: dt.date) -> DateSpan:
        return cls(day, day, "day", day.isoformat())

    @classmethod
    def between(cls, earliest: dt.date | None, latest: dt.date | None) -> DateSpan:
        if earliest and latest and earliest == latest:
            return cls.of_day(earliest)
        text = f"{earliest.isoformat() if earliest else '..'}/{latest.isoformat() if latest else '..'}"
        return cls.parse(text)

    @property
    def day(self) -> dt.date | None:
        """The day, when the span is exactly one day."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    def width(self) -> int | None:
        """Days between the bounds (0 for a day); None when an end is open."""
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days

    def overlaps(self, other: DateSpan) -> bool:
        """Can both be true of one event? (They share at least one possible day.)"""
        lo = max(self.earliest or dt.date.min, other.earliest or dt.date.min)
        hi = min(self.latest or dt.date.max, other.latest or dt.date.max)
        return lo <= hi

    def narrower_than(self, other: DateSpan) -> bool:
        """More precise: a smaller width (an open end is the widest)."""
        mine, theirs = self.width(), other.width()
        if mine is None:
            return False
        return theirs is None or mine < theirs

    def __str__(self) -> str:
        return self.text
