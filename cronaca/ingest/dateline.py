"""The dateline that opens many Italian news articles: place, and often the date.

Recognised shapes (at the start of one of the first two non-blank lines)::

    Roma, 21 ottobre 2025 – ...          place + date
    ROMA – ...                           place only (upper case is title-cased: "Roma")
    (ANSA) - ROMA, 21 OTT - ...          agency first, abbreviated month, no year
    MILANO, 5 mar. (Adnkronos) - ...     agency after the date
    MODENA. ...                          upper-case place closed by a full stop (local papers)
    Formigine. ...                       a home-country town in title case, the same (checked in the gazetteer)
    di Luca Apicella MIRANDOLA ...       a byline before the place
    SOLIERA Una ...                      the same with the full stop lost
    4 settembre 2008 – ...               date only (no place)
    Kiev, martedì 1° novembre 2025 – ... weekday and ordinal day
    Roma, 21/10/2025 – ...               numeric date

A date without a year takes the year of ``year_hint`` (the metadata date), moved one
year back when that would put the dateline more than a week after the hint; with no
hint the date is ``None``, the place is kept and ``month_day`` holds the day ("--10-21")
for :func:`cronaca.ingest.dates.settle_dates` to give it the year the batch suggests.  Words, agencies and particles are data
(``data/it/dateline.yaml``, ``data/it/calendar.yaml``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from cronaca.data import load_yaml
from cronaca.records import Dateline

_LINE = re.compile(
    r"""(?P<agency1>\([^()\n]{2,24}\)\s*(?:[-–—]\s*)?)?   # (ANSA) -
        (?P<place>[^\W\d_][^,()\n–—]*?)                  # ROMA / Sharm el-Sheikh
        (?:\s*,\s*(?P<date>[^()\n–—]{1,40}?))?          # , 21 ottobre 2025
        \s*(?P<agency2>\([^()\n]{2,24}\))?               # (Adnkronos)
        \s+(?P<dash>[-–—‒―])(?=\s|$)                     # –
    """,
    re.VERBOSE,
)
# Local papers close an upper-case dateline with a full stop: "MODENA. Furto nella notte..."
# A date alone opening the article: "4 settembre 2008 – ...", "Martedì 3 marzo (ANSA) – ...".
_DATE_ONLY = re.compile(
    r"""(?P<date>(?:[^\W\d_]+,?\s+)?\d{1,2}\s*[°º]?\s+[^\W\d_]+\.?(?:\s+\d{4})?   # 4 settembre 2008
                |\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))                          # 04/09/2008
        \s*(?P<agency2>\([^()\n]{2,24}\))?
        \s+(?P<dash>[-–—‒―])(?=\s|$)
    """,
    re.VERBOSE,
)
_CAPS_STOP = re.compile(r"(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\- ]*[A-ZÀ-ÖØ-Þ])(?P<dash>\.)(?=\s)")
# ... or with the full stop lost ("SOLIERA Una battaglia", "MODENA E'proseguito"): one to four
# upper-case words, then a capitalised word in lower case, or a one-letter word ("FIORANO I
# carabinieri", "MODENA A Bomporto", "FORMIGINE È finito": 52 of the first 4,000 DICE articles)
_CAPS_BARE = re.compile(r"(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’\-]+){0,3})"
                        r"(?= [A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ'’]| [A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]))")
# A byline glued to it: "Stefania Piscitello MARANELLO. Erano giorni ..." (39 DICE articles open
# with a name of two or three words and an upper-case dateline)
_BYLINE_WORDS = r"(?:di )?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?: [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+){1,2} "
_BYLINE = re.compile(_BYLINE_WORDS + r"(?=[A-ZÀ-ÖØ-Þ]{2})")
# Some local reports write the town in title case: "Formigine. Ha un nome ...", "Daniele Montanari
# Prignano. Ritrovato ..." (167 and 29 DICE articles): a dateline only when the town is one the
# gazetteer knows in the home country
_TITLE_STOP = re.compile(r"(?P<place>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?: [A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ'’]+){0,3})(?P<dash>\.)"
                         r"(?= [A-ZÀ-ÖØ-Þ«\"“])")
_TITLE_BYLINE = re.compile(_BYLINE_WORDS + r"(?=[A-ZÀ-ÖØ-Þ])")
_WORDY_DATE = re.compile(
    r"^(?:(?P<weekday>[^\W\d_]+)\s+)?(?P<day>\d{1,2})\s*[°º]?\s+(?P<month>[^\W\d_]+)\.?(?:\s+(?P<year>\d{4}))?$"
)
_NUMERIC_DATE = re.compile(r"^(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4}|\d{2})$")
_SCAN_CHARS = 240


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    data = load_yaml("it", "dateline.yaml")
    cal = load_yaml("it", "calendar.yaml")
    months = {k.casefold(): v for k, v in cal["months"].items()}
    months.update({k.casefold(): v for k, v in cal["month_abbreviations"].items()})
    return {
        "agencies": frozenset(a.casefold() for a in data["agencies"]),
        "particles": frozenset(p.casefold() for p in data["place_particles"]),
        "not_places": frozenset(w.casefold() for w in data["not_places"]),
        "max_words": int(data["max_place_words"]),
        "months": months,
        "weekdays": frozenset(k.casefold() for k in cal["weekdays"]),
    }


def find_dateline(text: str, *, year_hint: str | None = None) -> Dateline | None:
    """The dateline at the start of ``text`` (first or second non-blank line), or None.

    ``year_hint`` is an ISO date (the publication date from metadata) used when the
    dateline gives day and month only.  Offsets are those of the dateline itself, from
    its first character to the dash that closes it (inclusive).
    """
    pos = 0
    for _ in range(2):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return None
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        found = _match_line(text, pos, min(line_end, pos + _SCAN_CHARS), year_hint)
        if found is not None:
            return found
        pos = line_end
    return None


def _match_line(text: str, start: int, stop: int, year_hint: str | None) -> Dateline | None:
    vocab = _vocabulary()
    alone = _DATE_ONLY.match(text, start, stop)
    if alone is not None and _known_agency(alone.group("agency2"), vocab):
        raw = alone.group("date").replace(",", " ").strip()
        parsed = parse_dateline_date(raw, year_hint=year_hint)
        if parsed is not False:
            return Dateline(place=None, date=parsed, start=start, end=alone.end("dash"),
                            month_day=None if parsed else month_day(raw))
    m = _LINE.match(text, start, stop)
    if m is None:
        caps = _CAPS_STOP.match(text, start, stop) or _CAPS_BARE.match(text, start, stop)
        byline = _BYLINE.match(text, start, stop) if caps is None else None
        if byline is not None:
            start = byline.end()
            caps = _CAPS_STOP.match(text, start, stop)  # a byline's dateline keeps its full stop ...
            if caps is None and byline.group(0).startswith("di "):
                caps = _CAPS_BARE.match(text, start, stop)  # ... unless "di" says it is one: "di Luca Apicella MIRANDOLA Seconda"
        if caps is None or not caps.group("place").isupper():
            return _title_case(text, start, stop, vocab)
        place = _place_name(caps.group("place"), vocab)
        return Dateline(place=place, date=None, start=start, end=caps.end()) if place else None
    if not (_known_agency(m.group("agency1"), vocab) and _known_agency(m.group("agency2"), vocab)):
        return None
    place = _place_name(m.group("place").strip(), vocab)
    if place is None:
        return None
    iso: str | None = None
    day: str | None = None
    raw_date = m.group("date")
    if raw_date:
        parsed = parse_dateline_date(raw_date.strip(), year_hint=year_hint)
        if parsed is False:
            return None
        iso = parsed or None
        day = None if iso else month_day(raw_date.strip())
    return Dateline(place=place, date=iso, start=start, end=m.end("dash"), month_day=day)


def _title_case(text: str, start: int, stop: int, vocab: dict[str, Any]) -> Dateline | None:
    """ "Formigine. Ha un nome ...", "Daniele Montanari Prignano. Ritrovato ...": a town of the
    home country written in title case, closed by a full stop, after a byline or none."""
    from cronaca.extract.gazetteer import load_gazetteer
    from cronaca.extract.places import home_country

    byline = _TITLE_BYLINE.match(text, start, stop)
    for begin in ((start, byline.end()) if byline is not None else (start,)):
        m = _TITLE_STOP.match(text, begin, stop)
        if m is None or m.group("place").casefold() in vocab["not_places"]:
            continue
        info = load_gazetteer().get(m.group("place"))
        if info is not None and info.country == home_country() and info.feature in ("city", "capital"):
            return Dateline(place=m.group("place"), date=None, start=begin, end=m.end())
    return None



def _known_agency(raw: str | None, vocab: dict[str, Any]) -> bool:
    """True when there is no bracketed agency or it is one the data lists."""
    return not raw or raw.strip(" -–—").strip("()").strip().casefold() in vocab["agencies"]


def _place_name(raw: str, vocab: dict[str, Any]) -> str | None:
    words = raw.split()
    if not words or len(words) > vocab["max_words"]:
        return None
    if not words[0][0].isupper() or words[0].casefold() in vocab["not_places"]:
        return None
    for w in words[1:]:
        if not (w[0].isupper() or w.casefold() in vocab["particles"] or _particle_prefixed(w, vocab["particles"])):
            return None
    if raw.isupper():
        return " ".join([_title_word(words[0], frozenset())]
                        + [_title_word(w, vocab["particles"]) for w in words[1:]])
    return " ".join(words)


def _particle_prefixed(word: str, particles: frozenset[str]) -> bool:
    """el-Sheikh, nell'Emilia, d’Ampezzo: a particle glued to a capitalised name."""
    low = word.casefold().replace("’", "'")
    for sep in ("-", "'"):
        head, found, _tail = low.partition(sep)
        if found and word[len(head) + 1:][:1].isupper() and (head in particles or head + found in particles):
            return True
    return False


def _title_word(word: str, particles: frozenset[str]) -> str:
    """ROMA → Roma, L'AQUILA → L'Aquila; after the first word particles stay lower case:
    DEL → del, EL-SHEIKH → el-Sheikh, NELL'EMILIA → nell'Emilia."""
    low = word.lower()
    if low in particles:
        return low
    titled = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), low)
    for sep in ("-", "'", "’"):
        head, found, tail = low.partition(sep)
        prefix = head + (found if sep != "-" else "")
        if found and tail and (prefix in particles or head in particles):
            return head + found + titled[len(head) + 1:]
    return titled


def parse_dateline_date(raw: str, *, year_hint: str | None = None) -> str | None | Literal[False]:
    """ISO date of a dateline date ("21 ottobre 2025", "21 OTT", "21/10/2025").

    Returns the ISO string; ``None`` when it is a date whose year is unknown (no year and
    no hint); ``False`` when ``raw`` is not a date at all.
    """
    vocab = _vocabulary()
    m = _NUMERIC_DATE.match(raw)
    if m:
        year = int(m.group("year"))
        year = year + 2000 if year < 100 else year
        return _iso(year, int(m.group("month")), int(m.group("day"))) or False
    m = _WORDY_DATE.match(raw)
    if not m:
        return False
    if m.group("weekday") and m.group("weekday").casefold() not in vocab["weekdays"]:
        return False
    month = vocab["months"].get(m.group("month").casefold())
    if month is None:
        return False
    day = int(m.group("day"))
    if m.group("year"):
        return _iso(int(m.group("year")), month, day) or False
    if not year_hint:
        return None if _iso(2000, month, day) else False  # 2000 is a leap year: 29 febbraio is valid
    hint = date.fromisoformat(year_hint[:10])
    iso = _iso(hint.year, month, day)
    if iso and date.fromisoformat(iso) > hint + timedelta(days=7):
        iso = _iso(hint.year - 1, month, day)
    return iso if iso else False


def month_day(raw: str) -> str | None:
    """The day of a dateline date with no year, as ISO 8601 "--MM-DD" ("21 OTT" → "--10-21")."""
    m = _WORDY_DATE.match(raw)
    month = _vocabulary()["months"].get(m.group("month").casefold()) if m and not m.group("year") else None
    if m is None or month is None or _iso(2000, month, int(m.group("day"))) is None:
        return None
    return f"--{month:02d}-{int(m.group('day')):02d}"


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
