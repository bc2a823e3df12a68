"""Time ranges: "dalle 18 alle 20", "dal 3 al 5 marzo", "tra il 10 e il 12 novembre", "da lunedì a
mercoledì", "dal 2019 al 2022".

TimeML marks a range as its two points (each a TIMEX3 of its own; the words "dal", "al", "tra"
are signals).  A range rule matches the whole phrase so that the first point, which often says
only a day ("dal 3"), can take its month and year from the second; :func:`norm_range` returns
both points as the ``parts`` of one :class:`Value`, and the extractor writes them as two
expressions that name each other's value (``Time.range_begin`` / ``Time.range_end``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from cronaca.extract.timex.grammar import TimexGrammar
from cronaca.extract.timex.normalize import (
    TimexContext,
    Value,
    choose_year,
    decade_start,
    group,
    resolve_weekday,
    word_direction,
)

_CLOCK = re.compile(r"^(.+)T(\d\d):(\d\d)$")


def _day(text: str | None) -> int | None:
    if text is None:
        return None
    return 1 if text == "primo" else int(text.rstrip("°º"))


def _clock_range(g: TimexGrammar, m: re.Match[str], ctx: TimexContext) -> Value | None:
    h1, m1 = int(m["from_hour"]), int(group(m, "from_minute") or 0)
    h2, m2 = int(m["hour"]), int(group(m, "minute") or 0)
    cp = group(m, "clockpart")  # "dalle 8 alle 10 di sera": the part of the day holds for both
    shift = g.clock_parts[cp] if cp else 0
    if shift and h2 < 12:
        if h1 < 12 and h1 <= h2:
            h1 += shift
        h2 += shift
    if h1 > 24 or h2 > 24:
        return None
    day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"
    return Value("TIME", "", parts=(Value("TIME", f"{day}T{h1:02d}:{m1:02d}", anchor=True),
                                    Value("TIME", f"{day}T{h2:02d}:{m2:02d}", anchor=True)))


def _weekday_range(g: TimexGrammar, m: re.Match[str], ctx: TimexContext) -> Value:
    w1, w2 = g.weekdays[m["from_weekday"]], g.weekdays[m["weekday"]]
    if ctx.ref is None:
        return Value("DATE", "", parts=(Value("DATE", f"XXXX-WXX-{w1}"), Value("DATE", f"XXXX-WXX-{w2}")))
    first = resolve_weekday(ctx.ref, w1, ctx.direction or "past")
    last = first + timedelta(days=(w2 - w1) % 7 or 7)
    return Value("DATE", "", parts=(Value("DATE", first.isoformat()), Value("DATE", last.isoformat())))


def _point(year: int | None, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year}-{month:02d}" if year else f"XXXX-{month:02d}"
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_range(g: TimexGrammar, m: re.Match[str], ctx: TimexContext) -> Value | None:
    month = g.months[m["month"]]
    day = _day(group(m, "day"))
    fday = _day(group(m, "from_day"))
    if group(m, "from_month"):
        fmonth = g.months[m["from_month"]]
    else:  # "dal 30 al 2 marzo": the first day is in the month before
        fmonth = month - 1 or 12 if fday is not None and day is not None and fday > day else month
    wraps = (fmonth, fday or 0) > (month, day or 0)  # "dal 28 dicembre al 3 gennaio"
    y, fy = group(m, "year"), group(m, "from_year")
    if y:
        year: int | None = int(y)
    elif fy:
        year = int(fy) + wraps
    else:  # "dal 3 al 5 marzo scorso": a direction word after the range says which way
        year = choose_year(ctx.ref, month, day, word_direction(g, m) or ctx.direction) if ctx.ref else None
    fyear = int(fy) if fy else (year - wraps if year else None)
    first, last = _point(fyear, fmonth, fday), _point(year, month, day)
    if first is None or last is None:
        return None
    return Value("DATE", "", parts=(Value("DATE", first), Value("DATE", last)))


def norm_range(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    """The two points of a range, the first completed from the second."""
    if group(m, "hour") is not None:
        return _clock_range(g, m, ctx)
    if group(m, "weekday") is not None:
        return _weekday_range(g, m, ctx)
    if group(m, "month") is not None:
        return _date_range(g, m, ctx)
    first, last = decade_start(g, m, "from_"), decade_start(g, m)
    if first is not None and last is not None:  # "anni Ottanta e Novanta"
        return Value("DATE", "", parts=(Value("DATE", f"{first // 10:03d}X"),
                                        Value("DATE", f"{last // 10:03d}X")))
    return Value("DATE", "", parts=(Value("DATE", m["from_year"]), Value("DATE", m["year"])))


def align_clock_days(first: Value, last: Value) -> tuple[Value, Value]:
    """Clock times of one range share their day: the one whose day the text gave ("domani dalle
    18 alle 20") lends it to the other; an end before the start falls on the next day."""
    a, b = _CLOCK.match(first.value), _CLOCK.match(last.value)
    if not (a and b):
        return first, last
    day = b.group(1) if first.anchor and not last.anchor else a.group(1)
    first = Value(first.type, f"{day}T{a.group(2)}:{a.group(3)}", first.mod, first.anchor)
    end_day = day
    if (b.group(2), b.group(3)) < (a.group(2), a.group(3)) and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        end_day = (date.fromisoformat(day) + timedelta(days=1)).isoformat()  # "dalle 22 alle 2"
    return first, Value(last.type, f"{end_day}T{b.group(2)}:{b.group(3)}", last.mod, last.anchor)
