"""Named venues, districts and streets as places: "supermercato Coop", "centro commerciale La
Rotonda", "zona Tempio", "via Emilia".

A venue is in a comune: the town named right after it ("il bar Grana di Carpi"), else the
dateline's place, else the last town named before it.  It takes that town's country and
coordinates (the comune's, not the building's) and is named "<venue>, <comune>".  With no town
it stays a place with no coordinates.  The words are data: ``data/it/venues.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from cronaca.data import load_yaml
from cronaca.nlp import ParsedDoc
from cronaca.records import Place

_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:[{_UPPER}][\w'’&-]*|\d+)"


@cache
def _grammar(lang: str = "it") -> tuple[re.Pattern[str], dict[str, str], tuple[str, ...], frozenset[str],
                                        frozenset[str]]:
    data = load_yaml(lang, "venues.yaml")
    heads = {k.casefold(): str(v) for k, v in data["heads"].items()}
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    links = "|".join(re.escape(w).replace("'", "['’]") for w in data["links"])
    pattern = re.compile(
        rf"(?<![\w'’])(?P<head>(?i:{alternatives}))\s+(?:(?:{links})\s*)?[«“\"]?\s*"
        rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:e|la|il|lo|le|gli)\s+)?{_NAME_WORD}){{0,4}})\s*[»”\"]?")
    return (pattern, heads, tuple(data["town_links"]), frozenset(h.casefold() for h in data["capitalised_heads"]),
            frozenset(data["not_names"]))


def venue_places(pdoc: ParsedDoc, places: Sequence[Place], lang: str = "it") -> tuple[list[Place], list[Place]]:
    """(venues, places left): the venue, district and street places of the article, and the
    place mentions that are not the name of one ("piazza Roma", "via Emilia": the street's)."""
    pattern, heads, town_links, capitalised_heads, not_names = _grammar(lang)
    text = pdoc.text
    towns = sorted(((p.start, p.end, p) for p in places if p.feature in ("city", "capital")), key=lambda t: t[0])
    taken = [(p.start, p.end) for p in places]
    dateline_town = next((p for s, _e, p in towns if pdoc.article.dateline is not None
                          and pdoc.article.dateline.start <= s < pdoc.article.dateline.end), None)
    out: list[Place] = []
    named_by: set[tuple[int, int]] = set()
    for m in pattern.finditer(text):
        start, end = m.start(), m.end("name")
        head = re.sub(r"\s+", " ", m.group("head").casefold())
        if (m.group("head")[0].isupper() and head not in capitalised_heads) or m.group("name").split()[0] in not_names:
            continue
        if text[end:end + 1] in "»”\"":
            end += 1
        name_span = (m.start("name"), m.end("name"))
        linked = m.group(0)[len(m.group("head")):m.start("name") - start].strip(" «“\"") != ""
        inside = [(s, e) for s, e in taken if s < name_span[1] and name_span[0] < e]
        if inside and linked:
            continue  # "ospedale di Carpi": the town's own mention stays
        if inside:
            named_by.update(inside)  # "piazza Roma": Roma names the square
        after = re.match(rf"\s+(?:{'|'.join(town_links)})\s+", text[end:end + 6])
        town = next((p for s, _e, p in towns if after and s == end + after.end()), None)
        town = town or dateline_town or next((p for s, _e, p in reversed(towns) if s < start), None)
        feature = heads[head]
        phrase = text[start:end]
        out.append(Place(start=start, end=end, text=phrase,
                         name=f"{phrase}, {town.name}" if town else phrase,
                         country=town.country if town else None,
                         lat=town.lat if town else None, lon=town.lon if town else None,
                         geonames_id=None, feature=feature))
        taken.append((start, end))
    out += _localities(pdoc, towns, taken, lang)
    kept = [p for p in places if (p.start, p.end) not in named_by]
    return out, kept


@cache
def _locality_pattern(lang: str) -> re.Pattern[str]:
    data = load_yaml(lang, "venues.yaml")
    before = "|".join(re.escape(w) for w in data["locality_before"])
    of = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["locality_of"], key=len, reverse=True))
    word = rf"[{_UPPER}][\w'’-]+"
    return re.compile(rf"(?<![\w'’])(?:{before})\s+(?P<name>{word}(?:\s+{word}){{0,2}})\s*(?:{of})\s+(?=[{_UPPER}])")


def _localities(pdoc: ParsedDoc, towns: list[tuple[int, int, Place]], taken: list[tuple[int, int]],
                lang: str) -> list[Place]:
    """ "a Corlo di Formigine": a locality no gazetteer holds, in the comune named after it."""
    out = []
    at = {s: p for s, _e, p in towns}
    for m in _locality_pattern(lang).finditer(pdoc.text):
        town = at.get(m.end())
        start, end = m.span("name")
        if town is None or any(s < end and start < e for s, e in taken):
            continue
        phrase = pdoc.text[start:end]
        out.append(Place(start=start, end=end, text=phrase, name=f"{phrase}, {town.name}", country=town.country,
                         lat=town.lat, lon=town.lon, geonames_id=None, feature="locality"))
        taken.append((start, end))
    return out
