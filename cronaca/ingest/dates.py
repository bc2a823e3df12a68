"""Dates for a batch of articles: the year of a dateline that gives none, and a date for
articles that carry none at all.

Agency datelines give day and month only ("(ANSA) - ROMA, 21 OTT -", "Bruxelles, 3 nov.
(Adnkronos) -").  Such a day takes its year from, in this order: ``--year``; ``--date``
(its year, moved back when the day would fall more than a week after it); the dated
articles of the same batch or store (the year that puts the day nearest one of them); or
the latest such day not after the day of analysis.  The last two are inferences, marked in
``Article.date_source`` ("batch", "analysis-day").  An article with no date at all gets
``--date`` when it is given ("option").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from cronaca.records import Article

# an agency day more than this far after the given date belongs to the year before
_AFTER_HINT = timedelta(days=7)


def settle_dates(articles: Sequence[Article], *, default_date: str | None = None, year: int | None = None,
                 known_dates: Iterable[str] = (), today: date | None = None) -> list[Article]:
    """The articles with a date wherever one can be given (see the module docstring).

    ``known_dates`` are ISO dates of articles already stored; the batch's own dated articles
    are added to them.  Articles that already have a date come back unchanged.
    """
    anchors = sorted({date.fromisoformat(d[:10]) for d in known_dates if d}
                     | {date.fromisoformat(a.date[:10]) for a in articles if a.date})
    today = today or date.today()
    hint = date.fromisoformat(default_date[:10]) if default_date else None
    out: list[Article] = []
    for art in articles:
        if art.date:
            out.append(art)
            continue
        day = art.dateline.month_day if art.dateline else None
        found: tuple[date, str] | None = None
        if day:
            month, dom = int(day[2:4]), int(day[5:7])
            if year is not None:
                found = _on(year, month, dom, "year-option")
            elif hint is not None:
                found = _before(hint + _AFTER_HINT, month, dom, "option")
            elif anchors:
                found = _nearest(anchors, month, dom)
            else:
                found = _before(today, month, dom, "analysis-day")
        elif hint is not None:
            found = (hint, "option")
        if found is None:
            out.append(art)
            continue
        iso = found[0].isoformat()
        dateline = dataclasses.replace(art.dateline, date=iso) if day and art.dateline else art.dateline
        out.append(dataclasses.replace(art, date=iso, date_source=found[1], dateline=dateline))
    return out


def _on(year: int, month: int, day: int, source: str) -> tuple[date, str] | None:
    try:
        return date(year, month, day), source
    except ValueError:
        return None


def _before(limit: date, month: int, day: int, source: str) -> tuple[date, str] | None:
    """The latest ``month``-``day`` not after ``limit`` (29 February: within the last 8 years)."""
    for year in range(limit.year, limit.year - 8, -1):
        found = _on(year, month, day, source)
        if found and found[0] <= limit:
            return found
    return None


def _nearest(anchors: Sequence[date], month: int, day: int) -> tuple[date, str] | None:
    """The ``month``-``day`` nearest any anchor date, over the anchors' years and their neighbours."""
    best: tuple[int, date] | None = None
    for year in sorted({y for a in anchors for y in (a.year - 1, a.year, a.year + 1)}):
        found = _on(year, month, day, "batch")
        if found is None:
            continue
        gap = min(abs((found[0] - a).days) for a in anchors)
        if best is None or gap < best[0]:
            best = (gap, found[0])
    return (best[1], "batch") if best else None
