"""TIMEX3 values as day intervals, to tell compatible times ("by February 2026" and
"14 November") from incompatible ones.

A value that cannot be placed on the calendar (PAST_REF, a duration, a set) is unknown,
and unknown is compatible with everything: the story layer never raises a conflict it
cannot show.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

NEG_INF = -(10**9)
POS_INF = 10**9

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")

BEFORE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE", "LESS_THAN", "EQUAL_OR_LESS"})
AFTER_MODS = frozenset({"AFTER", "ON_OR_AFTER", "MORE_THAN", "EQUAL_OR_MORE", "FROM"})


@dataclass(frozen=True)
class DaySpan:
    """Closed interval of proleptic ordinal days (date.toordinal)."""

    first: int
    last: int

    def overlaps(self, other: DaySpan) -> bool:
        return self.first <= other.last and other.first <= self.last


def _month_span(year: int, month: int, months: int = 1) -> tuple[int, int]:
    first = date(year, month, 1)
    end_month = month + months - 1
    last = date(year, end_month, calendar.monthrange(year, end_month)[1])
    return first.toordinal(), last.toordinal()


def day_span(value: str | None, mod: str | None = None) -> DaySpan | None:
    """The days a TIMEX3 value covers, widened by its modifier; None when unknown."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            first, last = d, d
        elif m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            first, last = monday.toordinal(), (monday + timedelta(days=6)).toordinal()
        elif m := _MONTH.match(value):
            first, last = _month_span(int(m[1]), int(m[2]))
        elif m := _QUARTER.match(value):
            first, last = _month_span(int(m[1]), 3 * int(m[2]) - 2, 3)
        elif m := _HALF.match(value):
            first, last = _month_span(int(m[1]), 6 * int(m[2]) - 5, 6)
        elif m := _YEAR.match(value):
            first, last = date(int(m[1]), 1, 1).toordinal(), date(int(m[1]), 12, 31).toordinal()
        else:
            return None
    except ValueError:  # impossible calendar values (month 13, week 54): unknown
        return None
    if mod in BEFORE_MODS:
        first = NEG_INF
    elif mod in AFTER_MODS:
        last = POS_INF
    return DaySpan(first, last)


def compatible(a: DaySpan | None, b: DaySpan | None) -> bool:
    return a is None or b is None or a.overlaps(b)


def iso_ordinal(iso: str | None) -> int | None:
    """Ordinal day of an ISO date (YYYY-MM-DD...), None when missing or malformed."""
    if not iso:
        return None
    m = _DAY.match(iso)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).toordinal()
    except ValueError:
        return None
