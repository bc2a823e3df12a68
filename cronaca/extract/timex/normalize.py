"""TIMEX3 values for matched Italian temporal expressions.

Each rule kind has a normalizer: it reads the named groups of the match, looks the words
up in the grammar's tables and computes ``(type, value, mod)`` against the reference date
(the article date).  Without a reference date, values keep the unknown parts as ``X``
(``XXXX-XX-XX``, ``XXXX-11-14``, ``XXXX-WXX-4``), as TIMEX3 does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from cronaca.extract.timex.grammar import TimexGrammar

Direction = str | None  # "future" | "past" | None


@dataclass(frozen=True)
class TimexContext:
    """What a normalizer knows besides the match: the reference date and the tense cues."""

    ref: date | None
    direction: Direction  # from the words around the expression


@dataclass(frozen=True)
class Value:
    type: str
    value: str
    mod: str | None = None
    anchor: bool = False  # a clock time whose day comes from the context
    parts: tuple[Value, ...] = ()  # a range: its first and last point (spans: groups "from", "to")


Normalizer = Callable[[TimexGrammar, re.Match[str], dict[str, object], TimexContext], Value | None]


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def number(g: TimexGrammar, text: str) -> float | None:
    text = text.strip()
    if text.isdigit():
        return float(int(text))
    return g.numbers.get(text)


def group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def word_direction(g: TimexGrammar, m: re.Match[str]) -> Direction:
    d = group(m, "dir")
    if d is None:
        return None
    kind = g.directions.get(d)
    return kind if kind in ("future", "past") else None


def _day_number(text: str) -> int:
    return 1 if text == "primo" else int(text.rstrip("°º"))


def choose_year(ref: date, month: int, day: int | None, direction: Direction) -> int | None:
    """The year of a day or month given without one: the next or last occurrence when the
    context says so, else the nearest one (future distances weigh 1.5×, news looks back)."""
    best: tuple[float, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(year, month, day or 15)
        except ValueError:
            continue
        if day is None:  # month granularity: compare months
            delta = (year * 12 + month) - (ref.year * 12 + ref.month)
        else:
            delta = (d - ref).days
        if direction == "future" and delta < 0 or direction == "past" and delta > 0:
            continue
        cost = abs(delta) * (1.5 if delta > 0 and direction is None else 1.0)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else None


def relative_year(g: TimexGrammar, m: re.Match[str], ctx: TimexContext) -> int | None:
    """The year named by "di quest'anno", "dell'anno scorso"… in the match (None: not named, or
    no reference date)."""
    ry = group(m, "relyear")
    return ctx.ref.year + g.relative_years[ry] if ry is not None and ctx.ref else None


def norm_date(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    day = _day_number(group(m, "day") or "")
    rm = group(m, "relmonth")
    if rm is not None:  # "il 5 dello scorso mese"
        if ctx.ref is None:
            return Value("DATE", f"XXXX-XX-{day:02d}")
        ry, rmo = add_months(ctx.ref.year, ctx.ref.month, g.relative_months[rm])
        try:
            return Value("DATE", date(ry, rmo, day).isoformat())
        except ValueError:
            return None
    month = g.months[group(m, "month") or group(m, "month_abbr") or ""]
    y = group(m, "year")
    year = int(y) if y else relative_year(g, m, ctx)
    if year is None and group(m, "relyear") is None:  # "il 5 marzo scorso": the word after says which way
        year = choose_year(ctx.ref, month, day, word_direction(g, m) or ctx.direction) if ctx.ref else None
    wd = group(m, "weekday")
    # "lunedì 14 ottobre": the nearest year where the 14th is a Monday
    if wd and not y and group(m, "relyear") is None and ctx.ref:
        ref = ctx.ref
        fits = [yy for yy in range(ref.year - 6, ref.year + 2) if _weekday_is(yy, month, day, g.weekdays[wd])]
        year = min(fits, key=lambda yy: abs(yy - ref.year) + (yy > ref.year) * 0.5) if fits else year
    part = f"T{g.parts[m['part']]}" if group(m, "part") else ""
    typ = "TIME" if part else "DATE"
    if year is None:
        return Value(typ, f"XXXX-{month:02d}-{day:02d}{part}")
    try:
        return Value(typ, date(year, month, day).isoformat() + part)
    except ValueError:
        return None


def _weekday_is(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


def norm_numeric_date(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    try:
        d = date(int(m["nyear"]), int(m["nmonth"]), int(m["nday"]))
    except ValueError:
        return None
    return Value("DATE", d.isoformat())


def norm_month(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    month = g.months[group(m, "month") or ""]
    pos = group(m, "posmod")
    mod = g.position_mods[pos] if pos else None
    y = group(m, "year")
    direction = word_direction(g, m) or ctx.direction
    year = int(y) if y else relative_year(g, m, ctx)
    if year is None and group(m, "relyear") is None:
        year = choose_year(ctx.ref, month, None, direction) if ctx.ref else None
    return Value("DATE", f"{year}-{month:02d}" if year else f"XXXX-{month:02d}", mod)


def norm_year(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    return Value("DATE", m["year"])


def _offset(g: TimexGrammar, m: re.Match[str], params: dict[str, object]) -> int:
    if "offset" in params:
        return int(params["offset"])  # type: ignore[call-overload]
    return {"future": 1, "past": -1}.get(word_direction(g, m) or "", 0)


def norm_this_unit(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    unit = group(m, "unit_rel") or str(params.get("unit"))
    n = _offset(g, m, params)
    pos = group(m, "posmod")
    mod = g.position_mods[pos] if pos else None
    ref = ctx.ref
    if unit == "settimana":
        return Value("DATE", iso_week(ref + timedelta(weeks=n)) if ref else "XXXX-WXX", mod)
    if unit == "mese":
        if not ref:
            return Value("DATE", "XXXX-XX", mod)
        y, mo = add_months(ref.year, ref.month, n)
        return Value("DATE", f"{y}-{mo:02d}", mod)
    return Value("DATE", str(ref.year + n) if ref else "XXXX", mod)


def _with_part(d: date | None, part: str | None, typ: str = "DATE") -> Value:
    day = d.isoformat() if d else "XXXX-XX-XX"
    return Value("TIME", f"{day}T{part}") if part else Value(typ, day)


def norm_relday(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    spec = g.relative_days[m["relday"]]
    part = g.parts[m["part"]] if group(m, "part") else spec.get("part")
    # offset null: a recent day the text does not fix ("l'altra notte", "l'altro giorno")
    d = ctx.ref + timedelta(days=int(spec["offset"])) if ctx.ref and spec.get("offset") is not None else None
    return _with_part(d, part)


def resolve_weekday(ref: date, weekday: int, direction: Direction) -> date:
    diff = weekday - ref.isoweekday()
    if direction == "future":
        return ref + timedelta(days=diff if diff > 0 else diff + 7)
    return ref + timedelta(days=diff if diff < 0 else diff - 7)


def norm_weekday(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    wd = g.weekdays[m["weekday"]]
    part = g.parts[m["part"]] if group(m, "part") else None
    if ctx.ref is None:
        return Value("TIME", f"XXXX-WXX-{wd}T{part}") if part else Value("DATE", f"XXXX-WXX-{wd}")
    rw = group(m, "relweek")
    if rw is not None:  # "lunedì della prossima settimana": that weekday in that ISO week
        week_day = ctx.ref + timedelta(weeks=g.relative_weeks[rw])
        return _with_part(week_day + timedelta(days=wd - week_day.isoweekday()), part)
    explicit = word_direction(g, m)
    if explicit is None and wd == ctx.ref.isoweekday():
        # "crollato ... alla chiusura delle contrattazioni, giovedì" in a report dated on a Thursday:
        # the day of the report, not the week before
        return _with_part(ctx.ref, part)
    direction = explicit or ctx.direction or "past"
    return _with_part(resolve_weekday(ctx.ref, wd, direction), part)


def norm_part_of_day(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    return _with_part(ctx.ref, g.parts[m["part"]])


_CLOCK_MODS = {"dopo": "AFTER", "prima": "BEFORE", "verso": "APPROX", "intorno": "APPROX",
               "circa": "APPROX", "entro": "ON_OR_BEFORE", "fino": "ON_OR_BEFORE"}


def norm_clock(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    hour = int(group(m, "hour") or params.get("hour", 0))  # type: ignore[call-overload]
    minute = int(group(m, "minute") or 0)
    cp = group(m, "clockpart")
    if cp and hour < 12:
        hour += g.clock_parts[cp]
    if hour > 24:
        return None
    words = m.group(0).split()
    mod = next((_CLOCK_MODS[w] for w in words if w in _CLOCK_MODS), None)
    day = ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX"
    return Value("TIME", f"{day}T{hour:02d}:{minute:02d}", mod, anchor=True)


def norm_weekend(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    text = m.group(0)
    n = 1 if "prossimo" in text else -1 if "scorso" in text else 0
    return Value("DATE", f"{iso_week(ctx.ref + timedelta(weeks=n))}-WE" if ctx.ref else "XXXX-WXX-WE")


def norm_season(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    spec = g.seasons[m["season"]]
    code, start = str(spec["code"]), int(spec["month"])
    if group(m, "year"):
        return Value("DATE", f"{m['year']}-{code}")
    if ctx.ref is None:
        return Value("DATE", f"XXXX-{code}")
    direction = word_direction(g, m) or ctx.direction
    text = m.group(0)
    y = ctx.ref.year
    if text.startswith("quest"):  # this year's season (last winter when in January/February)
        year = y - 1 if start == 12 and ctx.ref.month < 3 else y
    elif direction == "future":
        year = y if start > ctx.ref.month else y + 1
    else:
        year = y if start <= ctx.ref.month else y - 1
    return Value("DATE", f"{year}-{code}")


def _shift(ref: date, unit: dict[str, object], n: float) -> str | None:
    gran = unit["granularity"]
    k = round(n * int(unit.get("factor", 1)))  # type: ignore[call-overload]
    if gran == "day":
        return (ref + timedelta(days=k)).isoformat()
    if gran == "week":
        return iso_week(ref + timedelta(weeks=k))
    if gran == "month":
        y, mo = add_months(ref.year, ref.month, k)
        return f"{y}-{mo:02d}"
    if gran in ("year", "decade", "century"):
        return str(ref.year + k)
    return None  # hours, minutes: too fine for a date without a clock


def _ago_or_in(sign: int, g: TimexGrammar, m: re.Match[str], ctx: TimexContext) -> Value | None:
    n = number(g, m["num"])
    if n is None:
        return None
    unit = g.units[m["unit"]]
    if group(m, "half"):
        n += 0.5
        if unit["granularity"] == "year":  # "un anno e mezzo fa": count in months
            unit, n = g.units["mesi"], n * 12
    vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
    dmod = group(m, "dmod")
    mod = g.ago_mods.get(g.duration_mods[dmod]) if dmod else None
    if ctx.ref is None:
        return Value("DATE", vague)
    shifted = _shift(ctx.ref, unit, sign * n)
    return Value("DATE", shifted, mod) if shifted else Value("DATE", vague)


def norm_ago(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    return _ago_or_in(-1, g, m, ctx)


def norm_in_future(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    return _ago_or_in(1, g, m, ctx)


def duration_value(unit: dict[str, object], n: float) -> str:
    n = n * float(unit.get("factor", 1))  # type: ignore[arg-type]
    return f"P{'T' if unit.get('time') else ''}{fmt_number(n)}{unit['code']}"


def norm_duration(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    dmod = group(m, "dmod")
    mod = g.duration_mods[dmod] if dmod else None
    if group(m, "num") is None:  # mezz'ora, un'ora
        text = m.group(0)
        return Value("DURATION", str(params["value_unora"] if "un'ora" in text else params["value"]), mod)
    n = number(g, m["num"])
    if n is None or n == 0:
        return None
    if group(m, "years"):  # "2 anni e 10 mesi": P34M
        years = number(g, m["from_num"])
        return Value("DURATION", f"P{int(years * 12 + n)}M", mod) if years is not None else None
    if group(m, "half"):
        n += 0.5
    return Value("DURATION", duration_value(g.units[m["unit"]], n), mod)


def norm_vague_duration(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    """ "pochi minuti", "per mesi", "alcune settimane": a duration of unknown length (PTXM, PXM, PXW)."""
    unit = g.units[m["unit"]]
    if float(unit.get("factor", 1)) != 1:
        return None
    return Value("DURATION", f"P{'T' if unit.get('time') else ''}X{unit['code']}", None)


def norm_set(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    if group(m, "weekday"):
        return Value("SET", f"XXXX-WXX-{g.weekdays[m['weekday']]}")
    unit_word = group(m, "unit") or group(m, "unit_set") or ""
    n = number(g, m["num"]) if group(m, "num") else 1.0
    if n is None:
        return None
    return Value("SET", duration_value(g.units[unit_word], n))


def norm_vague(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    return Value("DATE", str(params["value"]))


_ROMAN = {"i": 1, "v": 5, "x": 10}


def roman_number(text: str) -> int | None:
    """The value of a small Roman numeral (I…XXX), None when it is not a well-formed one."""
    vals = [_ROMAN[ch] for ch in text.lower() if ch in _ROMAN]
    if len(vals) != len(text) or not vals:
        return None
    n = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    canonical = "x" * (n // 10) + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][n % 10]
    return n if canonical == text.lower() else None


def _period_mod(g: TimexGrammar, m: re.Match[str]) -> str | None:
    pm = group(m, "pmod")
    return g.period_mods[pm] if pm else None


def decade_start(g: TimexGrammar, m: re.Match[str], prefix: str = "") -> int | None:
    """The first year of the decade the match names ("'90", "1990", "Novanta"), None if it names none;
    ``prefix`` "from_" reads the first point of a range."""
    if group(m, prefix + "dec2"):
        return g.decade_base + int(m[prefix + "dec2"])
    if group(m, prefix + "dec4"):
        return int(m[prefix + "dec4"])
    word = group(m, prefix + "decade")
    return g.decades[word] if word else None


def norm_decade(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    """A decade: "gli anni Novanta", "anni '90", "anni 1990" -> 199X; "lo scorso decennio"."""
    named = decade_start(g, m)
    if named is not None:
        first = named
    elif ctx.ref is None:
        return Value("DATE", "XXXX")
    else:
        first = ctx.ref.year // 10 * 10 + 10 * _offset(g, m, params)
    return Value("DATE", f"{first // 10:03d}X", _period_mod(g, m))


def norm_century(g: TimexGrammar, m: re.Match[str], params: dict[str, object], ctx: TimexContext) -> Value | None:
    """A century: "il XX secolo", "il Novecento", "il ventesimo secolo" -> 19XX; "il secolo scorso"."""
    roman = group(m, "roman") or group(m, "roman2")
    if roman:
        n = roman_number(roman)
    elif group(m, "century"):
        n = g.century_names[m["century"]]
    elif group(m, "cordinal"):
        n = g.century_ordinals[m["cordinal"]]
    elif ctx.ref is None:
        return Value("DATE", "XXXX")
    else:
        n = ctx.ref.year // 100 + 1 + _offset(g, m, params)
    if n is None or not 1 <= n <= 30:
        return None
    return Value("DATE", f"{n - 1:02d}XX", _period_mod(g, m))


NORMALIZERS: dict[str, Normalizer] = {
    "date": norm_date, "numeric_date": norm_numeric_date, "month": norm_month, "year": norm_year,
    "this_unit": norm_this_unit, "relday": norm_relday, "weekday": norm_weekday,
    "part_of_day": norm_part_of_day, "clock": norm_clock, "weekend": norm_weekend,
    "season": norm_season, "ago": norm_ago, "in_future": norm_in_future,
    "duration": norm_duration, "vague_duration": norm_vague_duration, "set": norm_set, "vague": norm_vague,
    "decade": norm_decade, "century": norm_century,
}
