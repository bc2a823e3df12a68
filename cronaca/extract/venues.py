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
        if town is None and feature == "district":
            town = _area_town(pdoc)  # "in zona Tempio" in a report naming no town: the paper's own
        phrase = text[start:end]
        out.append(Place(start=start, end=end, text=phrase,
                         name=f"{phrase}, {town.name}" if town else phrase,
                         country=town.country if town else None,
                         lat=town.lat if town else None, lon=town.lon if town else None,
                         geonames_id=None, feature=feature))
        taken.append((start, end))
    out += _localities(pdoc, towns, taken, lang)
    out += _cued_localities(pdoc, out, towns, taken, lang)
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


def _area_town(pdoc: ParsedDoc) -> Place | None:
    """The town the article's batch files from most (``Article.area``), as a place."""
    from cronaca.extract.gazetteer import load_gazetteer

    info = load_gazetteer().get(pdoc.article.area[0]) if pdoc.article.area else None
    if info is None or info.lat is None:
        return None
    return Place(start=0, end=0, text=info.name, name=info.name, country=info.country, lat=info.lat, lon=info.lon,
                 geonames_id=info.geonames_id, feature=info.feature)


@cache
def _cue_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(a cue then a name, a street's number and preposition then a name, names that are none)."""
    data = load_yaml(lang, "venues.yaml")

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    venue_words = [h for h, f in data["heads"].items() if f == "venue"] + data["locality_venue_words"]
    word = rf"[{_UPPER}][\w'’-]+"
    name = rf"(?P<name>{word}(?:\s+{word}){{0,2}})"
    cued = re.compile(
        rf"(?<![\w'’])(?:(?i:{alt(data['locality_residence_words'])})\s+(?:{alt(data['locality_residence_preps'])})"
        rf"|(?i:{alt(venue_words)})\s+(?:{alt(data['locality_venue_preps'])})"
        rf"|\d+(?:{alt(data['age_word_endings'])})\s+(?:{alt(data['locality_age_preps'])}))\s+{name}(?![\w'’])")
    after_street = re.compile(rf"(?:\s*,?\s*(?:n\.\s*)?\d+\w?)?\s*,?\s+(?:{alt(data['locality_street_preps'])})"
                              rf"\s+{name}(?![\w'’])")
    return cued, after_street, frozenset(data["not_names"])


def _cued_localities(pdoc: ParsedDoc, found: list[Place], towns: list[tuple[int, int, Place]],
                     taken: list[tuple[int, int]], lang: str) -> list[Place]:
    """ "residente a Casinalbo", "in via Battezzate a Corlo", "un 75enne di Benedello": a name
    no gazetteer holds after a cue that in the press precedes a town; a locality of the
    article's country, with no coordinates."""
    from cronaca.extract.actors.lexicon import given_names
    from cronaca.extract.gazetteer import load_gazetteer
    from cronaca.extract.places import home_country

    gaz = load_gazetteer()
    cued, after_street, not_names = _cue_patterns(lang)
    text = pdoc.text
    spans = [m.span("name") for m in cued.finditer(text)]
    for street in (p for p in found if p.feature == "street"):
        m = after_street.match(text, street.end)
        if m:
            spans.append(m.span("name"))
    first_names = given_names()
    out = []
    for start, end in sorted(set(spans)):
        phrase = text[start:end]
        first = phrase.split()[0]
        if first in first_names or first in not_names or any(s < end and start < e for s, e in taken):
            continue
        known = gaz.get(phrase) or gaz.get_common_word(phrase)
        if known is not None and known.feature in ("city", "locality"):
            # "residente a Concordia", "la 23enne di Sestola L. B.": a town the places stage
            # left out (a common word, a run read as a name) that the cue makes a place
            out.append(Place(start=start, end=end, text=phrase, name=known.name, country=known.country,
                             lat=known.lat, lon=known.lon, geonames_id=known.geonames_id, feature=known.feature))
        else:
            before = [p for s, _e, p in towns if s < start]
            town = before[-1] if before else (towns[0][2] if towns else None)
            out.append(Place(start=start, end=end, text=phrase, name=phrase,
                             country=town.country if town else home_country(), feature="locality"))
        taken.append((start, end))
    return out
