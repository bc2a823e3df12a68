"""One article's events as the story layer sees them: mentions and their claims.

A :class:`EventMention` is one event of one article with what linking needs (participants,
date, mode, time spans, places); a :class:`ClaimRef` is one claim with what history and
contradiction finding need (the article date, the source chain with names, the place and
time as written).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.folding import fold
from cronaca.records import Claim, DocAnalysis, Event, Place, Source, SourceRef
from cronaca.story.actors import Participant, event_participants
from cronaca.story.timespan import DaySpan, day_span, iso_ordinal


@dataclass(frozen=True)
class Cues:
    new_instance: frozenset[str]
    time_before: tuple[str, ...]
    time_after: tuple[str, ...]


@cache
def cues(lang: str) -> Cues:
    try:
        raw = load_yaml(lang, "story.yaml")
    except DataFileError:
        raw = load_yaml("en", "story.yaml")
    return Cues(frozenset(fold(c) for c in raw.get("new_instance_cues", [])),
                tuple(sorted((fold(c) for c in raw.get("time_before_cues", [])), key=len, reverse=True)),
                tuple(sorted((fold(c) for c in raw.get("time_after_cues", [])), key=len, reverse=True)))


@dataclass(frozen=True)
class ClaimRef:
    doc_id: str
    date: str | None  # article date, ISO
    day: int | None  # its ordinal
    claim: Claim
    source_key: tuple[str, ...]  # who asserts it: the names of the attribution chain
    source_names: tuple[str, ...]  # the same, innermost first, as written
    span: DaySpan | None  # the claim's time as days
    time_text: str | None
    place_text: str | None  # the place as written in the article
    place_name: str | None  # its canonical name
    place_feature: str | None
    place_geonames: int | None
    event_id: str
    sources: tuple[SourceRef, ...] = ()
    lang: str = "it"  # language of the article


@dataclass(frozen=True)
class EventMention:
    doc_id: str
    event: Event
    date: str | None
    day: int | None
    participants: tuple[Participant, ...]  # actors then recipients
    n_actors: int  # how many of the participants are actors
    claims: tuple[ClaimRef, ...]
    new_instance: bool  # the text calls it a new / another occurrence
    order: int  # position of the article in date order
    position: int = 0  # position of the event among its article's events

    @property
    def actors(self) -> tuple[Participant, ...]:
        return self.participants[:self.n_actors]

    @property
    def recipients(self) -> tuple[Participant, ...]:
        return self.participants[self.n_actors:]

    @property
    def statuses(self) -> frozenset[str]:
        return frozenset(c.claim.status for c in self.claims)


def article_date(analysis: DocAnalysis) -> str | None:
    art = analysis.article
    if art.date:
        return art.date[:10]
    if art.dateline and art.dateline.date:
        return art.dateline.date[:10]
    return None


def source_name(analysis: DocAnalysis, src: Source) -> str:
    ent = analysis.entity(src.entity) if src.entity else None
    return ent.name if ent is not None else src.text


def _find_place(places: Sequence[Place], start: int | None, end: int | None) -> Place | None:
    if start is None or end is None:
        return None
    for p in places:
        if p.start < end and start < p.end:
            return p
    return None


COUNTRY_FEATURES = frozenset({"country", "continent", "region"})
NEAR_CHARS = 40  # "a Budapest, in Ungheria": the city named next to its country


def _most_specific(places: Sequence[Place], p: Place) -> Place:
    """A country named right after one of its cities stands for that city."""
    if p.feature not in COUNTRY_FEATURES or not p.country:
        return p
    near = [q for q in places if q.country == p.country and q.feature and q.feature not in COUNTRY_FEATURES
            and abs(q.start - p.start) <= NEAR_CHARS]
    return min(near, key=lambda q: abs(q.start - p.start), default=p)


def _time_mod(analysis: DocAnalysis, start: int | None, end: int | None, lang: str) -> str | None:
    if start is None or end is None:
        return None
    for t in analysis.times:
        if t.start < end and start < t.end and t.mod:
            return t.mod
    before = fold(analysis.article.text[max(0, start - 25):start])
    inside = fold(analysis.article.text[start:end])
    c = cues(lang)
    for cue in c.time_before:
        if inside.startswith(cue + " ") or before.endswith(" " + cue) or before == cue:
            return "BEFORE"
    for cue in c.time_after:
        if inside.startswith(cue + " ") or before.endswith(" " + cue) or before == cue:
            return "AFTER"
    return None


_WORD = re.compile(r"\w+", re.UNICODE)


def _new_instance(analysis: DocAnalysis, event: Event, lang: str, window: int) -> bool:
    text = analysis.article.text
    start = event.trigger.start
    words = _WORD.findall(fold(text[max(0, start - 12 * window):start]))[-window:]
    trigger_words = _WORD.findall(fold(event.trigger.text))
    return any(w in cues(lang).new_instance for w in words + trigger_words[:1])


@dataclass(frozen=True)
class SourceWords:
    articles: dict[str, str]  # article or articulated preposition -> bare article
    heads: frozenset[str]  # source nouns ("fonti", "sources")


@cache
def source_words(lang: str) -> SourceWords:
    try:
        raw = load_yaml(lang, "story.yaml")
    except DataFileError:
        return SourceWords({}, frozenset())
    return SourceWords({fold(k): str(v) for k, v in (raw.get("articles") or {}).items()},
                   frozenset(fold(h) for h in (raw.get("source_heads") or {})))


_LAST_WORD = re.compile(r"(\w+['’]?)\s*$", re.UNICODE)
_FIRST_WORD = re.compile(r"^(\w+['’]?)\s*", re.UNICODE)


def source_ref(analysis: DocAnalysis, src: Source, lang: str) -> SourceRef:
    """The source as the explanations name it: canonical name, written form, article, head."""
    ent = analysis.entity(src.entity) if src.entity else None
    g = source_words(lang)
    written = " ".join(src.text.split())
    article = None
    first = _FIRST_WORD.match(written)
    if first and fold(first[1]) in g.articles:  # "la Farnesina", "l'agenzia Ansa"
        article = g.articles[fold(first[1])]
        written = written[first.end():]
    elif src.start is not None:  # "riferito dalla CNN": the article is in the preposition
        before = _LAST_WORD.search(analysis.article.text[max(0, src.start - 14):src.start])
        if before and fold(before[1]) in g.articles:
            article = g.articles[fold(before[1])]
    words = fold(written).split(" ")
    head = words[0] if words and words[0] in g.heads and (ent is None or ent.type != "PER") else None
    if head:
        written = written[:1].lower() + written[1:]
    return SourceRef(ent.name if ent is not None else " ".join(src.text.split()), written, article, head,
                     ent.type if ent is not None else None, lang)


def claim_ref(analysis: DocAnalysis, event: Event, claim: Claim, date: str | None, lang: str) -> ClaimRef:
    names = tuple(source_name(analysis, s) for s in claim.attribution)
    key = tuple(fold(n) for n in names) if names else (f"article:{analysis.doc_id}",)
    span = None
    time_text = None
    if claim.time is not None:
        mod = _time_mod(analysis, claim.time.start, claim.time.end, lang)
        span = day_span(claim.time.value, mod)
        time_text = claim.time.text or claim.time.value
    place_text = feature = place_name = None
    geo = None
    if claim.place is not None:
        p = _find_place(analysis.places, claim.place.start, claim.place.end)
        if p is None:  # no offsets: the same place named nearest to the evidence
            same = [q for q in analysis.places if fold(q.name) == fold(claim.place.name)]
            p = min(same, key=lambda q: abs(q.start - claim.evidence[0]), default=None)
        if p is not None:
            p = _most_specific(analysis.places, p)
            place_text, feature, geo, place_name = p.text, p.feature, p.geonames_id, p.name
        elif claim.place.start is not None and claim.place.end is not None:
            place_text = analysis.article.text[claim.place.start:claim.place.end] or claim.place.name
        else:
            place_text = claim.place.name
        place_name = place_name or claim.place.name
    return ClaimRef(analysis.doc_id, date, iso_ordinal(date), claim, key, names, span, time_text,
                    place_text, place_name, feature, geo, event.id,
                    tuple(source_ref(analysis, s, lang) for s in claim.attribution), lang)


def date_key(date: str | None, doc_id: str) -> tuple[int, int, str]:
    """Where an article of this date comes in the date order stories are built in (undated last)."""
    day = iso_ordinal(date)
    return (0 if day is not None else 1, day or 0, doc_id)


def article_mentions(analysis: DocAnalysis, new_instance_window: int = 6, order: int = 0) -> list[EventMention]:
    """The events of one article as mentions, the article numbered ``order`` in date order."""
    date = article_date(analysis)
    lang = analysis.article.language or "it"
    out: list[EventMention] = []
    for position, ev in enumerate(analysis.events):
        actors = event_participants(analysis, ev.actors)
        parts = actors + tuple(p for p in event_participants(analysis, ev.recipients)
                               if p.keys not in {a.keys for a in actors})
        claims = tuple(claim_ref(analysis, ev, c, date, lang) for c in ev.claims)
        out.append(EventMention(analysis.doc_id, ev, date, iso_ordinal(date), parts, len(actors), claims,
                                _new_instance(analysis, ev, lang, new_instance_window), order, position))
    return out


def build_mentions(analyses: Sequence[DocAnalysis], new_instance_window: int = 6) -> list[EventMention]:
    """All events of all articles as mentions, articles in date order (undated last)."""
    ordered = sorted(analyses, key=lambda a: date_key(article_date(a), a.doc_id))
    return [m for order, analysis in enumerate(ordered)
            for m in article_mentions(analysis, new_instance_window, order)]


def in_date_order(mentions: Iterable[EventMention]) -> list[EventMention]:
    """Mentions of some articles (each made by :func:`article_mentions` alone), their articles
    numbered in date order and the mentions in that order: linked as :func:`build_mentions`
    would have given them, since only the order of the numbers counts."""
    listed = list(mentions)
    keys = sorted({date_key(m.date, m.doc_id) for m in listed})
    rank = {doc_id: n for n, (_, _, doc_id) in enumerate(keys)}
    return sorted((replace(m, order=rank[m.doc_id]) for m in listed), key=lambda m: (m.order, m.position))
