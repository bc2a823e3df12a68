"""The area a batch of articles is about, for names several towns share.

A local paper's articles are filed from a few towns ("MODENA.", "CARPI.", "VIGNOLA."), and
its short town names mean the nearby town: "Castelfranco" is Castelfranco Emilia in a Modena
paper, Castelfranco Veneto in a Treviso one.  :func:`settle_area` counts the dateline places
of the batch and of the stored articles, keeps the towns the gazetteer knows under one
clear reading that file a fair share of them, and gives every article that tuple as its
``area``.  The places stage reads a shared name as the town nearest the article's own other
places and, when the article names none, nearest its area (``places._nearest_homonyms``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from cronaca.extract.gazetteer import load_gazetteer
from cronaca.extract.places import clear_reading
from cronaca.records import Article

# a town is in the area when at least this many datelines name it, and this share of them
MIN_DATELINES = 2
MIN_SHARE = 0.05
MAX_TOWNS = 12


def settle_area(articles: Sequence[Article], *, known_places: Iterable[str] = (),
                area: Sequence[str] | None = None) -> list[Article]:
    """The articles, each with the batch's area: ``area`` when given, else the towns the
    datelines of the batch and ``known_places`` (those of the stored articles) name often."""
    towns = tuple(area) if area is not None else batch_area(
        [a.dateline.place for a in articles if a.dateline is not None and a.dateline.place], known_places)
    if not towns:
        return list(articles)
    return [a if a.area == towns else replace(a, area=towns) for a in articles]


def batch_area(dateline_places: Iterable[str], known_places: Iterable[str] = ()) -> tuple[str, ...]:
    """The towns named by at least :data:`MIN_DATELINES` datelines and :data:`MIN_SHARE` of
    all, most frequent first; a name the gazetteer does not know as a town, or knows as
    several towns of like size, says nothing of the area."""
    gaz = load_gazetteer()
    counts: Counter[str] = Counter()
    total = 0
    for name in (*dateline_places, *known_places):
        total += 1
        info = gaz.get(name)
        if info is None or info.lat is None or info.feature not in ("city", "capital"):
            continue
        if not clear_reading(name):
            continue  # "CASTELFRANCO": Emilia or Veneto, it says nothing of the area
        counts[info.name] += 1
    floor = max(MIN_DATELINES, MIN_SHARE * total)
    return tuple(name for name, n in counts.most_common(MAX_TOWNS) if n >= floor)
