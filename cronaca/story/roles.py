"""Role contradictions: two articles of one story give the same person incompatible roles.

A person is matched across articles by the keys of story.actors (knowledge-base id,
surname).  Two roles conflict when their role keys differ, the rules do not list them as
compatible (offices held together, a general and a specific title), the knowledge base
does not confirm both for their article dates, no article gives the person both, and the
articles are close enough in time that no change of office can explain it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cronaca.records import Contradiction, ContradictionValue, DocAnalysis, Role, Side
from cronaca.story.actors import participant
from cronaca.story.mentions import article_date
from cronaca.story.rules import StoryRules
from cronaca.story.timespan import iso_ordinal


@dataclass(frozen=True)
class RoleMention:
    doc_id: str
    date: str | None
    day: int | None
    lang: str
    person: str  # canonical name
    keys: frozenset[str]
    role: Role


def role_mentions(analyses: Sequence[DocAnalysis]) -> list[RoleMention]:
    """The roles given to people in the articles, each role key once per person and article."""
    out = []
    for a in analyses:
        date = article_date(a)
        for e in a.entities:
            if e.type != "PER":
                continue
            seen: set[str] = set()
            for r in e.roles:
                if r.role_key and r.role_key not in seen:
                    seen.add(r.role_key)
                    out.append(RoleMention(a.doc_id, date, iso_ordinal(date), a.article.language or "it",
                                           e.name, participant(e).keys, r))
    return out


def _people(mentions: list[RoleMention]) -> list[list[RoleMention]]:
    groups: list[tuple[set[str], list[RoleMention]]] = []
    for m in mentions:
        for keys, members in groups:
            if keys & m.keys:
                keys |= m.keys
                members.append(m)
                break
        else:
            groups.append((set(m.keys), [m]))
    return [members for _, members in groups]


def _conflict(a: RoleMention, b: RoleMention, held_together: set[frozenset[str]], rules: StoryRules) -> bool:
    ka, kb = a.role.role_key, b.role.role_key
    if a.doc_id == b.doc_id or ka == kb or ka is None or kb is None:
        return False
    pair = frozenset((ka, kb))
    if pair in rules.roles.compatible or pair in held_together:
        return False
    if a.role.valid is True and b.role.valid is True:
        return False  # the knowledge base confirms each for its date
    if a.day is None or b.day is None:
        return False
    return abs(a.day - b.day) <= rules.roles.max_gap_days


def find_role_contradictions(mentions: Sequence[RoleMention], events: Sequence[tuple[str, set[str]]],
                             rules: StoryRules) -> tuple[Contradiction, ...]:
    """``mentions``: the story's role mentions (:func:`role_mentions`, articles in date order);
    ``events``: the story events as (id, participant keys), most reported first; a role
    conflict is attached to the first one the person takes part in (none: not reported)."""
    out = []
    for people in _people(list(mentions)):
        held: set[frozenset[str]] = set()
        by_doc: dict[str, set[str]] = {}
        for m in people:
            by_doc.setdefault(m.doc_id, set()).add(m.role.role_key or "")
        for keys in by_doc.values():
            held |= {frozenset((x, y)) for x in keys for y in keys if x != y}
        pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1:] if _conflict(a, b, held, rules)]
        if not pairs:
            continue
        keys = set().union(*(m.keys for m in people))
        event = next((eid for eid, ks in events if ks & keys), None)
        if event is None:
            continue
        values, seen = [], set()
        for a, b in pairs:
            for m in (a, b):
                if (m.doc_id, m.role.role_key) not in seen:
                    seen.add((m.doc_id, m.role.role_key))
                    values.append(ContradictionValue(m.doc_id, m.role.title, (), (m.role.start, m.role.end)))
        a, b = min(pairs, key=lambda ab: (ab[0].day or 0, ab[1].day or 0))
        if (a.day or 0) > (b.day or 0):
            a, b = b, a
        sides = tuple(Side(m.doc_id, m.date, (), m.role.title, m.lang, canonical=m.role.role_key) for m in (a, b))
        out.append(Contradiction(event=event, slot="role", values=tuple(values), sides=(sides[0], sides[1]),
                                 person=a.person))
    return tuple(out)
