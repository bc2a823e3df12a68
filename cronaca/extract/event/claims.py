"""What a mention claims beyond its status: the time and the place it gives the event, and the
evidence span.  Each time or place expression is given to one trigger of its sentence: the
nearest trigger before it in the same clause ("il vertice, previsto per il 14 novembre a
Ginevra"), else the next one after it ("domenica partirà")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pycountry

from cronaca.extract.event.text import TextView
from cronaca.extract.event.triggers import Hit
from cronaca.extract.spans import SpanIndex
from cronaca.records import Place, Span, Time

_SPECIFIC = {"city": 3, "region": 2, "country": 1}


@dataclass(frozen=True)
class Anchors:
    """Times and places given to each trigger (by the trigger's index in the hit list)."""

    times: dict[int, tuple[Time, ...]]
    places: dict[int, tuple[Place, ...]]


class _Around:
    """Where the triggers, times and mentions of an article are, for the questions of
    :func:`_owner` and :func:`_topic` about each time and place (looked up, not scanned)."""

    def __init__(self, view: TextView, hits: Sequence[Hit], times: Sequence[Time]) -> None:
        self.by_sentence: dict[int, list[int]] = {}  # sentence -> its triggers, in hit order
        for n, h in enumerate(hits):
            self.by_sentence.setdefault(view.words[h.first].sent, []).append(n)
        self.near_trigger = SpanIndex((h.first, h.last + 3) for h in hits)  # a trigger's words and the 2 after
        self.times = SpanIndex((t.start, t.end) for t in times)
        self.mentions = SpanIndex((m.first, m.last + 1) for m in view.mentions)


def _owner(view: TextView, hits: Sequence[Hit], first: int, last: int, loose: bool, around: _Around) -> int | None:
    same = around.by_sentence.get(view.words[first].sent, [])
    before = [n for n in same if hits[n].last < first]
    after = [n for n in same if hits[n].first > last]
    if before:
        n = before[-1]
        if not any(view.is_break(k) and view.lows[k] not in ("(", ")")
                   for k in range(hits[n].last + 1, first)):
            return n
    _, hi = view.clause(first)
    if after and (hits[after[0]].first <= hi or loose):
        return after[0]
    if before and loose and first - hits[before[-1]].last <= 6:
        return before[-1]
    return None


def anchor(view: TextView, hits: Sequence[Hit], times: Sequence[Time], places: Sequence[Place],
           skip_before: int) -> Anchors:
    """Give each time and place expression (after the dateline, i.e. from ``skip_before``) to a trigger."""
    t_out: dict[int, list[Time]] = {}
    p_out: dict[int, list[Place]] = {}
    around = _Around(view, hits, times)
    for t in times:
        if t.start < skip_before or t.type in ("DURATION", "SET"):
            continue
        first, last = view.word_range(t.start, t.end)
        if first > last:
            continue
        n = _owner(view, hits, first, last, loose=False, around=around)
        if n is not None:
            t_out.setdefault(n, []).append(t)
    for p in places:
        if p.start < skip_before:
            continue
        first, last = view.word_range(p.start, p.end)
        if first > last or first == 0:
            continue
        prev = view.lows[first - 1]
        head = any(w in view.grammar.place_head_nouns for w in view.lows[max(0, first - 4):first])
        if prev not in view.grammar.venue_preps and not head:
            continue
        if prev in view.grammar.venue_preps and _topic(view, first - 2, around):
            continue
        n = _owner(view, hits, first, last, loose=True, around=around)
        if n is not None:
            p_out.setdefault(n, []).append(p)
    return Anchors({k: tuple(v) for k, v in t_out.items()}, {k: tuple(v) for k, v in p_out.items()})


def _topic(view: TextView, j: int, around: _Around) -> bool:
    """True when the word ``j`` before a place's preposition is a noun or adjective of the topic
    ("la gestione dei flussi migratori nel Mediterraneo", "la crisi in Libia"), not the event: a
    venue follows the trigger, a verb, a time, a name, an adverb or a comma ("incontro a Roma",
    "previsto per il 5 marzo a Roma", "hanno firmato oggi a Sharm el-Sheikh")."""
    if j < 0:
        return False
    w = view.words[j]
    low = w.low
    if around.near_trigger.contains(j) or around.times.overlaps(w.start, w.end):
        return False
    if around.mentions.contains(j) or not low.isalpha() or low in view.lex.venue_verbs:
        return False
    verb_or_name = low.endswith(view.grammar.verb_endings) or low in view.lex.place_anaphora or \
        view.text[w.start:w.start + 1].isupper()
    return not verb_or_name


def place_mentions(view: TextView, places: Sequence[Place]) -> list[Place]:
    """Every mention of every place (``Place.mentions``; the first mention alone for a record
    without them), plus anaphoric ones: "nella località egiziana", "la capitale ucraina" name the
    latest place of that country mentioned before, more specific than the country itself."""
    out: list[Place] = []
    for p in places:
        spans = p.mentions or (Span(p.start, p.end, p.text),)
        out.extend(replace(p, start=s.start, end=s.end, text=s.text) for s in spans)
    out.sort(key=lambda p: p.start)
    lows = view.lows
    for j in range(1, len(lows) - 1):
        if lows[j] not in view.lex.place_anaphora or lows[j - 1] not in view.grammar.venue_preps:
            continue
        alpha3 = view.lex.nationalities.get(lows[j + 1])
        country = pycountry.countries.get(alpha_3=alpha3) if alpha3 else None
        if country is None:
            continue
        start, end = view.words[j].start, view.words[j + 1].end
        if any(p.start < end and start < p.end for p in out):
            continue
        prior = [p for p in out if p.end <= start and p.country == country.alpha_2 and p.feature != "country"]
        if prior:
            out.append(replace(prior[-1], start=start, end=end, text=view.text[start:end]))
    return sorted(out, key=lambda p: p.start)


def time_rank(value: str) -> int:
    """How specific a TIMEX3 value is (a clock time beats a part of day beats a day ...)."""
    if not value or not value[:1].isdigit():
        return 0
    if "T" in value:
        return 6 if value.split("T", 1)[1][:1].isdigit() else 5
    return {10: 4, 8: 3, 7: 2}.get(len(value), 1)


def best_time(times: Sequence[Time]) -> Time | None:
    ranked = sorted(times, key=lambda t: time_rank(t.value), reverse=True)
    return ranked[0] if ranked and ranked[0].value else None


def best_place(places: Sequence[Place]) -> Place | None:
    if not places:
        return None
    return max(places, key=lambda p: (_SPECIFIC.get(p.feature or "", 2), -p.start))
