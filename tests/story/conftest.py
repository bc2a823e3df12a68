"""Builders of hand-made DocAnalysis records for the story tests (no model, no pipeline)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from types import SimpleNamespace

import pytest

from cronaca.records import (
    Article,
    Claim,
    ClaimPlace,
    ClaimTime,
    Dateline,
    DocAnalysis,
    Entity,
    Event,
    Place,
    Source,
    Span,
)


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def ent(eid: str, name: str, type_: str = "PER", code: str | None = None, text: str = "") -> Entity:
    mentions = ()
    if text and name.split(" ")[-1] in text:
        s, e = span(text, name.split(" ")[-1])
        mentions = (Span(s, e, text[s:e]),)
    return Entity(id=eid, name=name, type=type_, mentions=mentions, code=code)  # type: ignore[arg-type]


def claim(text: str, status: str, evidence: str, *, time: tuple[str, str] | None = None,
          place: tuple[str, str, str] | None = None, sources: Sequence[tuple[str | None, str]] = ()) -> Claim:
    """time=(value, phrase); place=(canonical name, country, phrase); sources innermost first."""
    ct = cp = None
    if time is not None:
        s, e = span(text, time[1])
        ct = ClaimTime(time[0], time[1], s, e)
    if place is not None:
        s, e = span(text, place[2])
        cp = ClaimPlace(place[0], place[1], s, e)
    attribution = tuple(Source(eid, t) for eid, t in sources)
    return Claim(status=status, evidence=span(text, evidence), time=ct, place=cp,  # type: ignore[arg-type]
                 attribution=attribution)


def event(text: str, eid: str, type_: str, trigger: str, participants: Sequence[str], claims: Sequence[Claim],
          mode: str | None = None) -> Event:
    s, e = span(text, trigger)
    return Event(id=eid, type=type_, trigger=Span(s, e, trigger), mode=mode, actors=tuple(participants[:1]),
                 recipients=tuple(participants[1:]), claims=tuple(claims))


def places_for(text: str, items: Sequence[tuple[str, str, str, str]]) -> tuple[Place, ...]:
    """items: (phrase, canonical name, country, feature)."""
    out = []
    for phrase, name, country, feature in items:
        s, e = span(text, phrase)
        out.append(Place(s, e, phrase, name, country, feature=feature))
    return tuple(out)


def doc(doc_id: str, date: str | None, text: str, entities: Sequence[Entity], events: Sequence[Event],
        places: Sequence[Place] = ()) -> DocAnalysis:
    art = Article(doc_id=doc_id, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                  date=date, language="it", dateline=Dateline(place=None, date=date))
    return DocAnalysis(article=art, entities=tuple(entities), events=tuple(events), places=tuple(places))


@pytest.fixture()
def sb() -> SimpleNamespace:
    """The builders above, for the test modules (pytest runs with --import-mode=importlib)."""
    return SimpleNamespace(span=span, ent=ent, claim=claim, event=event, places_for=places_for, doc=doc)
