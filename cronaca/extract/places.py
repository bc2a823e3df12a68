"""The places stage: find toponyms in an article and geocode them offline.

The gazetteer (:mod:`cronaca.extract.gazetteer`) is applied to candidate spans only, never
to every word (casa, sera and papa are towns somewhere):

1. candidates are capitalized word sequences, which may hold Italian connectors
   ("Striscia di Gaza", "Città del Messico") and foreign particles ("Sharm el-Sheikh");
   leading function words are stripped ("A Bruxelles" → "Bruxelles", "L'Europa" → "Europa"),
   and a sequence not found whole is split at its connectors ("Comune di Roma" → "Roma");
   when the pipeline has a trained NER, its LOC/GPE entities are candidates too, but only
   names the gazetteer knows (trimmed of the spaces the model lets in: "Mosca\n");
2. a candidate found in the gazetteer is kept if it is curated, a country or a capital,
   or a city with enough population for its context (more when no locative preposition,
   dateline or NER label supports it), and if it is not a person: a word after a title
   ("il presidente Kelly"), a word seen elsewhere inside a person's full name ("Marco Rubio"
   → "Rubio"), a PER entity with no locative preposition or dateline before it ("a Ramallah"
   stays a place whatever the NER says), or a name on the stop-list of ``data/it/places.yaml``;
3. a country or city standing for its government ("Mosca ha smentito", "colloqui con
   Mosca") stays a place: every toponym is one (spec/OUTPUT.md); the entities stage gives
   its actor reading.

:func:`place_mentions` returns every location mention; :func:`extract_places` (the stage)
returns one :class:`~cronaca.records.Place` per distinct toponym, at its first mention.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from cronaca.data import load_yaml
from cronaca.extract.actors.lexicon import given_names
from cronaca.extract.gazetteer import Gazetteer, PlaceInfo, load_gazetteer, lookup_place, place_key
from cronaca.extract.spans import SpanIndex
from cronaca.nlp import ParsedDoc
from cronaca.records import Place, Span

__all__ = ["PlaceInfo", "clear_reading", "extract_places", "home_country", "lookup_place", "place_mentions"]

log = logging.getLogger(__name__)

_Get = Callable[[str], PlaceInfo | None]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOWER = "a-zß-öø-ÿ"
_APOS = "'’"
_LOCATION_LABELS = frozenset({"LOC", "GPE"})
_PERSON_LABELS = frozenset({"PER", "PERSON"})
_OPENERS = frozenset("«\"“‘'([—–-:")
_PREV_WORD = re.compile(rf"(\w+)([{_APOS}]?)[ \t]*$")
# "Mosca ha …", "Israele e Hamas hanno …": the next lower-case word after the name


@dataclass(frozen=True)
class _Cues:
    """The word lists of places.yaml as sets, and the candidate pattern built from them."""

    sequence: re.Pattern[str]
    locative: frozenset[str]
    leading: frozenset[str]
    connectors: frozenset[str]
    titles: frozenset[str]
    town_preps: frozenset[str]
    town_followers: frozenset[str]
    determiners: frozenset[str]
    openers: frozenset[str]
    compass: frozenset[str]
    articled: frozenset[str]
    blocked: frozenset[str]
    min_context: int
    min_bare: int
    min_alternate: int
    home: str
    min_context_home: int
    min_bare_home: int
    min_compass: int
    clear_lead: int


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    info: PlaceInfo
    after_preposition: str | None  # a preposition stripped from the sequence ("A Bruxelles")
    alternate: bool = False  # found only through a GeoNames alternate name


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_yaml("it", "places.yaml")
    load_gazetteer()  # validates the file's schema once
    particles = "|".join(sorted((re.escape(p) for p in data["foreign_particles"]), key=len, reverse=True))
    connectors = "|".join(re.escape(c) for c in data["connectors"] if not c.endswith("'"))
    word = rf"(?:(?:{particles})-)?[{_UPPER}]\w*(?:[-{_APOS}]\w+)*"
    glue = rf"(?:[ \t]+(?:(?:{connectors}|{particles})[ \t]+|d[{_APOS}])?|[ \t]*d[{_APOS}])"
    sequence = re.compile(rf"(?<![\w{_APOS}-]){word}(?:{glue}{word})*|(?<=[{_APOS}]){word}(?:{glue}{word})*")
    th = data["thresholds"]
    lower = {k: frozenset(w.lower().replace("’", "'") for w in data[k])
             for k in ("locative_prepositions", "leading_function_words", "connectors",
                       "person_titles", "town_prepositions", "town_followers", "town_determiners",
                       "name_openers", "compass_words", "articled_prepositions")}
    return _Cues(sequence=sequence, locative=lower["locative_prepositions"],
                 leading=lower["leading_function_words"], connectors=lower["connectors"],
                 titles=lower["person_titles"], town_preps=lower["town_prepositions"],
                 town_followers=lower["town_followers"], determiners=lower["town_determiners"],
                 openers=lower["name_openers"], compass=lower["compass_words"],
                 articled=lower["articled_prepositions"],
                 blocked=frozenset(place_key(w) for w in data["not_places"]),
                 min_context=int(th["min_population_context"]), min_bare=int(th["min_population_bare"]),
                 min_alternate=int(th["min_population_alternate"]), home=str(th["home_country"]),
                 min_context_home=int(th["min_population_context_home"]),
                 min_bare_home=int(th["min_population_bare_home"]),
                 min_compass=int(th["min_population_compass"]), clear_lead=int(th["clear_lead"]))


def home_country() -> str:
    """The country (alpha-2) a place of the press's own language is in when nothing says which."""
    return _cues().home


def extract_places(pdoc: ParsedDoc) -> list[Place]:
    """One Place per distinct toponym text used as a location, at its first mention and carrying
    that text's mentions: "VIGNOLA –" of the dateline and "i militari di Vignola" are two, as an
    annotator lists them; "Vignola" said three times is one."""
    from cronaca.extract.venues import venue_places

    venues, mentions = venue_places(pdoc, place_mentions(pdoc), pdoc.article.language or "it")
    groups: dict[tuple[str, str, str | None], list[Place]] = {}
    for place in sorted(mentions + venues, key=lambda p: p.start):
        groups.setdefault((place.text, place.name, place.country), []).append(place)
    return [replace(group[0], mentions=tuple(Span(p.start, p.end, p.text) for p in group))
            for group in groups.values()]


def place_mentions(pdoc: ParsedDoc) -> list[Place]:
    """Every mention of a toponym used as a location, in text order."""
    cues = _cues()
    gaz = load_gazetteer()
    text = pdoc.text
    starts = _sentence_starts(pdoc)
    locs, persons = _ner_spans(pdoc)
    dateline = pdoc.article.dateline
    dl_end = dateline.end if dateline is not None and dateline.end > 0 else 0

    candidates: list[_Candidate] = []
    person_words: set[str] = set()
    def get(name: str) -> PlaceInfo | None:
        return gaz.get(name) or gaz.get_common_word(name)

    for m in cues.sequence.finditer(text):
        candidates.extend(_resolve(m.start(), m.end(), text, cues, get, person_words))
    covered = SpanIndex((c.start, c.end) for c in candidates)
    for s, e in locs:
        if not covered.overlaps(s, e):
            info = gaz.get(text[s:e])
            if info is not None and place_key(text[s:e]) not in cues.blocked:
                candidates.append(_Candidate(s, e, info, None))
    covered = SpanIndex((c.start, c.end) for c in candidates)
    if dateline is not None and dateline.place:
        # "MODENA. Furto ...", "SAN CESARIO –": the dateline's place, whatever its case
        k = text.casefold().find(dateline.place.casefold(), dateline.start, dateline.end)
        info = gaz.get(dateline.place) if k >= 0 else None
        span = (k, k + len(dateline.place))
        if info is not None and not covered.overlaps(*span):
            candidates.append(_Candidate(span[0], span[1], info, None))
            person_words.discard(place_key(text[span[0]:span[1]]))  # "SOLIERA Una": no person's name
    candidates = sorted((replace(c, alternate=gaz.by_alternate(text[c.start:c.end])) for c in candidates),
                        key=lambda c: c.start)

    person_spans, loc_spans = SpanIndex(persons), SpanIndex(locs)
    out: list[Place] = []
    listed_ok = False  # the last place kept was cued: a town listed after it is cued too
    for i, c in enumerate(candidates):
        prev = _previous_word(text, c.start)
        span = (c.start, c.end)
        if prev in cues.titles and c.info.feature != "country":
            continue
        if prev in cues.determiners and c.info.feature == "city" and not c.info.curated and \
                re.search(r"(?<![^\s(«“\"])[a-zà-ù]+['’]?\s*$", text[max(0, c.start - 8):c.start]):
            continue  # "una Panda", "la Golf", "il Novi": a car, a brand, a team ("La Spezia" stays)
        if (c.after_preposition or prev) in cues.articled and c.info.feature == "city" and not c.info.curated \
                and c.info.country != cues.home:
            continue  # "nei parcheggi della Metro": a town takes no article, a foreign one is something else
        cued = c.after_preposition is not None or prev in cues.locative or c.end <= dl_end
        # "tra Bomporto e Sorbara", "a Carpi, Soliera e Novi": a town listed after a cued place
        cued = cued or bool(out and out[-1].end <= c.start
                            and re.fullmatch(r"\s*(?:,|e|ed)\s*", text[out[-1].end:c.start]) and listed_ok)
        if (not cued and person_spans.overlaps(*span) and not c.info.curated
                and c.info.feature != "country"):
            continue  # a PER label blocks a town only where no preposition or dateline says "place"
        # a town found only among the common words ("Modena Est", found through "Modena", is none)
        surface = text[c.start:c.end]
        common_word = gaz.get(surface) is None and gaz.get_common_word(surface) is not None
        if common_word and (c.start in starts or (c.after_preposition or prev) not in cues.town_preps
                            or not _ends_name(text, c.end, cues)):
            continue  # "Cento", "Massa", "Chiari": a town whose name is a common word, only after "a", "di"
        strong = cued or loc_spans.overlaps(*span)
        if not _plausible(c, text, strong, c.start in starts or _after_opener(text, c.start),
                          person_words, cues):
            continue
        info = c.info
        listed_ok = strong
        out.append(Place(start=c.start, end=c.end, text=text[c.start:c.end], name=info.name,
                         country=info.country, lat=info.lat, lon=info.lon,
                         geonames_id=info.geonames_id, feature=info.feature))
    return _nearest_homonyms(out, gaz, _area_positions(pdoc.article.area, gaz),
                             (dateline.start, dateline.end) if dateline is not None else (0, 0))


def _area_positions(area: tuple[str, ...], gaz: Gazetteer) -> frozenset[tuple[float, float]]:
    """Where the towns of the article's batch area are (``Article.area``)."""
    found = (gaz.get(name) for name in area)
    return frozenset((i.lat, i.lon) for i in found if i is not None and i.lat is not None and i.lon is not None)


def _nearest_homonyms(places: list[Place], gaz: Gazetteer, area: frozenset[tuple[float, float]] = frozenset(),
                      dateline: tuple[int, int] = (0, 0)) -> list[Place]:
    """A name several towns share ("Castelfranco", "Savignano") stands for the one nearest the
    article's own town and its other places whose likely reading is clear (:func:`clear_reading`).

    The article's own town is its dateline's, read first as the town nearest its batch's area
    (a local paper files from its own area: "CASTELNUOVO" in a Modena batch is Castelnuovo
    Rangone, whatever other towns the article names).  When these anchors put no homonym within
    :data:`_HOMONYM_KM`, or the article has none, the name is the one nearest the batch's area;
    with no area either, nearest the likely readings of its other places; with none of these,
    the most likely one stays.  A clear reading stays ("Milano" stays Milan, even in a report from
    Modena) unless a homonym lies within :data:`_NEAR_KM` of the article's own town or of its
    other clear places ("Rovereto" in a report from Novi di Modena is its hamlet, not the city in
    Trentino).  Regions and countries anchor nothing (a region's centre is no place of the story).
    The nearest is found once per name."""
    keys = [place_key(p.text) for p in places]
    clear = {key for p, key in zip(places, keys, strict=True) if clear_reading(p.text)}
    home = {key for p, key in zip(places, keys, strict=True)
            if dateline[1] > dateline[0] and dateline[0] <= p.start and p.end <= dateline[1]}
    if area:
        places = [_moved(p, _nearest(gaz.candidates(p.text), set(area)))
                  if key in home and key not in clear else p for p, key in zip(places, keys, strict=True)]
    positions: dict[str, set[tuple[float, float]]] = {}  # towns only: a region's centre is no anchor
    for p, key in zip(places, keys, strict=True):
        if p.lat is not None and p.lon is not None and p.feature in ("city", "capital"):
            positions.setdefault(key, set()).add((p.lat, p.lon))
    nearest: dict[str, tuple[PlaceInfo, float] | None] = {}
    out = []
    for p, key in zip(places, keys, strict=True):
        if key in home and area:
            out.append(p)
            continue
        if key not in nearest:
            others = [(other, found) for other, found in positions.items() if other != key]
            anchors = {pos for other, found in others if other in home or other in clear for pos in found}
            options = gaz.candidates(p.text)
            if key in clear:
                close = _nearest(options, anchors)
                found = close if close is not None and close[1] <= _NEAR_KM else None
                if found is None and area:  # a hamlet of the paper's own area ("Cittanova" in a Modena batch)
                    close = _nearest(tuple(o for o in options if o.feature == "locality"), set(area))
                    found = close if close is not None and close[1] <= _NEAR_KM else None
            else:
                found = _nearest(options, anchors)
                if (found is None or found[1] > _HOMONYM_KM) and area:
                    found = _nearest(options, set(area))
                elif found is None:
                    found = _nearest(options, {pos for _other, found2 in others for pos in found2})
            nearest[key] = found
        out.append(_moved(p, nearest[key]))
    return out


def _moved(p: Place, found: tuple[PlaceInfo, float] | None) -> Place:
    """``p`` read as the homonym ``found`` (with its distance) when that lies near enough."""
    if found is None or found[0].geonames_id == p.geonames_id or found[1] > _HOMONYM_KM:
        return p
    best = found[0]
    return replace(p, name=best.name, country=best.country, lat=best.lat, lon=best.lon,
                   geonames_id=best.geonames_id, feature=best.feature)


def clear_reading(name: str) -> bool:
    """True when a place name's likely reading is the only one or ``clear_lead`` times larger
    than every other ("Modena": 184,732 people, Modena in Utah 528; not "Castelfranco")."""
    options = load_gazetteer().candidates(name)
    if not options:
        return True
    top = max(options, key=lambda o: o.population)
    lead = _cues().clear_lead
    return all(o is top or o.population * lead <= top.population for o in options)


def _nearest(options: tuple[PlaceInfo, ...], anchors: set[tuple[float, float]]) -> tuple[PlaceInfo, float] | None:
    """The first of the ``options`` nearest one of the ``anchors``, with its distance in km."""
    best: tuple[PlaceInfo, float] | None = None
    if not anchors:
        return None
    for o in options:
        if o.lat is None or o.lon is None:
            continue
        km = min(distance_km(o.lat, o.lon, a, b) for a, b in anchors)
        if best is None or km < best[1]:
            best = (o, km)
    return best


_HOMONYM_KM = 150.0
_NEAR_KM = 20.0  # a hamlet this close to the article's own town is meant over a far, larger namesake


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _resolve(start: int, end: int, text: str, cues: _Cues, get: _Get,
             person_words: set[str]) -> list[_Candidate]:
    """The places a capitalized sequence names: whole, without leading function words, or in parts."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(rf"[\w{_APOS}.-]+", text[start:end])]
    caps = [text[a:b].isupper() and b - a > 1 for a, b in words]
    if caps[0] and not all(caps) and len(words) > 1:
        # "MODENA A Bomporto, ...": a dateline in capitals, then the sentence's own words
        cut = caps.index(False)
        return (_resolve(words[0][0], words[cut - 1][1], text, cues, get, person_words)
                + _resolve(words[cut][0], words[-1][1], text, cues, get, person_words))
    prep: str | None = None
    # "A Bruxelles", "Nel Donbass": drop leading function words
    while len(words) > 1 and _norm_word(text, words[0]) in cues.leading:
        w = _norm_word(text, words[0])
        prep = w if w in cues.locative else prep
        words = words[1:]
    s, e = words[0][0], words[-1][1]
    found = _lookup(s, e, text, cues, get)
    if found is None:
        # "L'Europa", "Dall'Ucraina": an elided article or preposition glued to the name
        m = re.match(rf"(\w+[{_APOS}])(?=\w)", text[s:e])
        if m and _norm(m.group(1)) in cues.leading:
            w = _norm(m.group(1))
            prep = w if w in cues.locative else prep
            s += m.end()
            found = _lookup(s, e, text, cues, get)
    if found is not None:
        return [_Candidate(s, e, found, prep)]
    if len(words) == 1:
        return []
    if len(words) == 2 and _norm_word(text, words[1]) in cues.compass:
        town = _lookup(words[0][0], words[0][1], text, cues, get)
        if town is not None and town.feature != "country" and town.population >= cues.min_compass:
            return [_Candidate(s, e, town, prep)]  # "a Modena Est": a part of the town
    lower = [i for i, (a, _) in enumerate(words) if not text[a].isupper()]
    head = _country_head(words, lower, text, cues, get)
    if head is not None and (prep is not None or _previous_word(text, s) in cues.locative):
        # "l'emiro del Qatar Tamim bin Hamad": a country, then the name of its leader
        person_words.update(place_key(text[a:b]) for a, b in words[1:])
        return [_Candidate(words[0][0], words[0][1], head, prep)]
    if not lower:
        person = (len(words) >= 3 and text[words[1][0]:words[1][1]] in given_names()
                  and text[words[0][0]:words[0][1]].lower().replace("’", "'") not in cues.openers)
        first = _lookup(words[0][0], words[0][1], text, cues, get) if person else None
        if first is not None and (prep is not None or _previous_word(text, s) in cues.town_preps):
            # "della polizia locale di Formigine Mario Rossi": a town, then a person's name (opening
            # with a given name: "San Giacomo Roncole" is one place the gazetteer lacks, not "San")
            person_words.update(place_key(text[a:b]) for a, b in words[1:])
            return [_Candidate(words[0][0], words[0][1], first, prep)]
        # "Marco Rubio", "Vladimir Putin": a name not in the gazetteer; its words are no towns.
        # A longer run that opens with no given name is an organisation's name ("Patto Modena
        # Sicura", "Modena Blu Vanilla"): the town in it stays a town elsewhere.
        if len(words) <= 2 or text[words[0][0]:words[0][1]] in given_names():
            person_words.update(place_key(text[a:b]) for a, b in words)
        return []
    if not any(_norm_word(text, words[i]) in cues.connectors for i in lower):
        return []  # "Ursula von der Leyen": foreign particles, a person or an organisation
    # "Comune di Roma", "Vertice di Ginevra": the capitalized parts between the connectors
    out: list[_Candidate] = []
    bounds = [-1, *lower, len(words)]
    for left, right in pairwise(bounds):
        if right - left < 2:
            continue
        a, b = words[left + 1][0], words[right - 1][1]
        info = _lookup(a, b, text, cues, get)
        if info is not None and left < 0 and info.feature == "city" and not info.curated:
            continue  # "Castello di …", "Monte di …": the head noun of a longer name
        if info is not None:
            out.append(_Candidate(a, b, info, _norm_word(text, words[left]) if left >= 0 else prep))
    return out


def _country_head(words: list[tuple[int, int]], lower: list[int], text: str, cues: _Cues,
                  get: _Get) -> PlaceInfo | None:
    """The country, capital or curated place a longer capitalized sequence starts with."""
    if len(words) < 2 or 0 in lower or 1 in lower:
        return None
    info = _lookup(words[0][0], words[0][1], text, cues, get)
    if info is None or (info.feature == "city" and not info.curated):
        return None
    return info


def _lookup(s: int, e: int, text: str, cues: _Cues, get: _Get) -> PlaceInfo | None:
    surface = text[s:e]
    return None if place_key(surface) in cues.blocked else get(surface)


def _plausible(c: _Candidate, text: str, strong: bool, initial: bool, person_words: set[str],
               cues: _Cues) -> bool:
    info = c.info
    if info.curated or info.feature != "city":
        return True
    if place_key(text[c.start:c.end]) in person_words:
        return False
    if not strong and initial:
        return False  # "Solo allora…": a capitalized common word at the start of a sentence
    home = info.country == cues.home
    if c.alternate and info.population < cues.min_alternate and not (home and strong):
        return False
    if home:
        return info.population >= (cues.min_context_home if strong else cues.min_bare_home)
    return info.population >= (cues.min_context if strong else cues.min_bare)


def _ends_name(text: str, end: int, cues: _Cues) -> bool:
    """Nothing of a longer name follows: punctuation, a number, a capital or a function word."""
    nxt = re.match(r"\s*(\w+)", text[end:end + 30])
    return nxt is None or not nxt.group(1)[0].islower() or place_key(nxt.group(1)) in cues.town_followers  # "è": e


def _previous_word(text: str, start: int) -> str | None:
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is None:
        return None
    return (m.group(1) + ("'" if m.group(2) else "")).lower()


def _after_opener(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _OPENERS or text[i] == "\n"


def _sentence_starts(pdoc: ParsedDoc) -> frozenset[int]:
    starts = set()
    for sent in pdoc.doc.sents:
        for tok in sent:
            if tok.is_punct or tok.is_space:
                continue
            starts.add(tok.idx)
            break
    return frozenset(starts)


def _ner_spans(pdoc: ParsedDoc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The trained NER's location and person spans (trimmed, see :meth:`ParsedDoc.ner_spans`)."""
    if not pdoc.has_ner:
        return [], []
    locs = [(s, e) for s, e, _label in pdoc.ner_spans(_LOCATION_LABELS)]
    persons = [(s, e) for s, e, _label in pdoc.ner_spans(_PERSON_LABELS)]
    return locs, persons


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _norm_word(text: str, span: tuple[int, int]) -> str:
    return _norm(text[span[0]:span[1]])
