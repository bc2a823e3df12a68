"""The story across articles: event linking, status history, contradictions, stories.

``build_stories(analyses)`` links the events of many articles into story events, orders
what each article claims about them, finds where sources disagree and groups the
articles into stories.  ``story_to_json`` gives the ``story`` part of the analysis format
(spec/OUTPUT.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from cronaca.records import (
    Contradiction,
    DocAnalysis,
    Source,
    StatusEntry,
    Story,
    StoryAnalysis,
    StoryEvent,
)
from cronaca.story.actors import norm
from cronaca.story.cluster import Embedder, cluster_documents, default_embedder
from cronaca.story.contradictions import find_contradictions
from cronaca.story.explain import EventName, Wording, wording
from cronaca.story.history import status_history
from cronaca.story.link import Cluster, link_mentions
from cronaca.story.mentions import article_date, build_mentions
from cronaca.story.roles import find_role_contradictions
from cronaca.story.rules import StoryRules, load_rules

__all__ = ["build_stories", "story_to_json"]


def _event_order(c: Cluster) -> tuple[int, int, int]:
    first = min(c.mentions, key=lambda m: (m.order, m.event.trigger.start))
    return (first.order, first.event.trigger.start, -len(c.docs))


MAX_TITLE_EVENTS = 2


def label_names(c: Cluster, only: set[int] | None = None) -> tuple[str, ...]:
    """Who a story event is about, for labels: the people when two or more are named,
    otherwise every actor but the venue ("Trump–Putin meeting", not "…–Budapest")."""
    rows = [(n, t) for i, (n, t) in enumerate(zip(c.actors.short_names(), c.actors.types, strict=True))
            if only is None or i in only]
    people = [n for n, t in rows if t == "PER"]
    if len(people) >= 2:
        return tuple(people[:3])
    venues = c.places() | {norm(p) for m in c.mentions for cl in m.claims for p in (cl.place_text or "",) if p}
    return tuple(n for n, _ in rows if norm(n) not in venues)[:3]


def _shared_actors(c: Cluster) -> set[int]:
    """Actor groups named by every mention that names anyone."""
    named = [set().union(*(p.keys for p in m.participants)) for m in c.mentions if m.participants]
    return {i for i, ks in enumerate(c.actors.keys) if named and all(ks & n for n in named)}


def _event_name(c: Cluster, mode: str | None, words: Wording, only: set[int] | None = None) -> EventName:
    return words.event_name(c.type, mode, label_names(c, only))


def _title(events: Sequence[tuple[StoryEvent, str]], dates: list[str], words: Wording) -> str:
    """The most reported story events (with two or more actors first) and the dates covered."""
    ranked = sorted(events, key=lambda el: (-len({d for d, _ in el[0].mentions}), len(el[0].participants) < 2,
                                            -len(el[0].mentions)))
    labels: list[str] = []
    for _, label in ranked:
        if label and label not in labels:
            labels.append(label)
        if len(labels) == MAX_TITLE_EVENTS:
            break
    return words.title(labels, dates[0] if dates else None, dates[-1] if dates else None) or "Story"


def build_stories(analyses: Sequence[DocAnalysis], *, language: str = "en",
                  rules: StoryRules | None = None,
                  embedder: Embedder | Literal["auto"] | None = "auto") -> StoryAnalysis:
    """Stories found across the articles; explanations in ``language`` ("en" or "it")."""
    rules = rules or load_rules()
    words = wording(language)
    mentions = build_mentions(analyses, rules.linking.new_instance_window)
    clusters = link_mentions(mentions, rules)
    clusters.sort(key=_event_order)
    emb = default_embedder() if embedder == "auto" else embedder
    groups = cluster_documents(analyses, clusters, rules.clustering, embedder=emb if callable(emb) else None)
    story_of = {d: i for i, g in enumerate(groups) for d in g}
    per_story: list[list[StoryEvent]] = [[] for _ in groups]
    per_story_c: list[list[Contradiction]] = [[] for _ in groups]
    labels: dict[str, str] = {}
    keys_of: dict[str, set[str]] = {}
    for n, c in enumerate(clusters, start=1):
        eid = f"ev{n}"
        modes = Counter(m.event.mode for m in c.mentions if m.event.mode)
        mode = modes.most_common(1)[0][0] if modes else None
        mentions_sorted = sorted(c.mentions, key=lambda m: (m.order, m.event.trigger.start))
        ev = StoryEvent(id=eid, type=c.type, participants=c.actors.canonical_names(),
                        mentions=tuple((m.doc_id, m.event.id) for m in mentions_sorted),
                        status_history=status_history(mentions_sorted), mode=mode)
        name = _event_name(c, mode, words)
        labels[eid] = name.label
        keys_of[eid] = c.actors.all_keys()
        s = story_of[mentions_sorted[0].doc_id]
        per_story[s].append(ev)
        per_story_c[s].extend(find_contradictions(eid, mentions_sorted, rules, name, words,
                                                  _event_name(c, mode, words, _shared_actors(c))))
    dates_of = {a.doc_id: article_date(a) for a in analyses}
    by_id = {a.doc_id: a for a in analyses}
    stories = []
    for i, docs in enumerate(groups):
        dates = sorted(d for d in (dates_of[x] for x in docs) if d)
        multi = [e for e in per_story[i] if len({m[0] for m in e.mentions}) > 1] or per_story[i]
        ranked = sorted(per_story[i], key=lambda e: -len({d for d, _ in e.mentions}))
        per_story_c[i].extend(find_role_contradictions([by_id[d] for d in docs],
                                                       [(e.id, keys_of[e.id]) for e in ranked], rules, words))
        stories.append(Story(id=f"story{i + 1}", title=_title([(e, labels[e.id]) for e in multi], dates, words),
                             documents=tuple(docs), events=tuple(per_story[i]),
                             contradictions=tuple(per_story_c[i]),
                             entity_names=_cited_names([by_id[d] for d in docs], per_story[i], per_story_c[i])))
    return StoryAnalysis(stories=tuple(stories))


Names = Mapping[tuple[str, str], str]


def _sources(doc_id: str, attribution: Sequence[Source], names: Names) -> list[dict[str, Any]]:
    return [{"entity": s.entity, "name": names.get((doc_id, s.entity), s.text) if s.entity else s.text,
             "text": s.text} for s in attribution]


def _entry(h: StatusEntry, names: Names) -> dict[str, Any]:
    return {"doc_id": h.doc_id, "date": h.date, "status": h.status,
            "attribution": _sources(h.doc_id, h.attribution, names),
            "evidence": {"start": h.evidence[0], "end": h.evidence[1]}, "event_id": h.event_id}


def _cited_names(docs: Sequence[DocAnalysis], events: Sequence[StoryEvent],
                 contradictions: Sequence[Contradiction]) -> tuple[tuple[str, str, str], ...]:
    by_id = {a.doc_id: a for a in docs}
    cited = {(h.doc_id, s.entity) for e in events for h in e.status_history for s in h.attribution if s.entity}
    cited |= {(v.doc_id, s.entity) for c in contradictions for v in c.values for s in v.attribution if s.entity}
    out = []
    for doc_id, eid in sorted(cited):
        ent = by_id[doc_id].entity(eid) if doc_id in by_id else None
        if ent is not None:
            out.append((doc_id, eid, ent.name))
    return tuple(out)


def story_to_json(analysis: StoryAnalysis) -> dict[str, Any]:
    """The ``story`` object of spec/OUTPUT.md: all stories' events and contradictions, plus stories.
    Each attribution item carries the ``name`` of its entity beside the ``entity`` id."""
    names = {(d, e): n for story in analysis.stories for d, e, n in story.entity_names}
    events: list[dict[str, Any]] = []
    contradictions: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    for story in analysis.stories:
        for ev in story.events:
            events.append({
                "id": ev.id, "type": ev.type, "mode": ev.mode, "story": story.id,
                "participants": list(ev.participants),
                "mentions": [{"doc_id": d, "event_id": e} for d, e in ev.mentions],
                "status_history": [_entry(h, names) for h in ev.status_history],
            })
        for c in story.contradictions:
            contradictions.append({
                "event": c.event, "slot": c.slot, "story": story.id,
                "values": [{"doc_id": v.doc_id, "value": v.value, "attribution": _sources(v.doc_id, v.attribution, names),
                            "evidence": {"start": v.evidence[0], "end": v.evidence[1]}} for v in c.values],
                "explanation": c.explanation,
            })
        stories.append({"id": story.id, "title": story.title, "documents": list(story.documents),
                        "events": [e.id for e in story.events]})
    return {"events": events, "contradictions": contradictions, "stories": stories}
