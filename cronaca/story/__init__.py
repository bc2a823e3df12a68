"""The story across articles: event linking, status history, contradictions, stories.

``build_stories(analyses)`` links the events of many articles into story events, orders
what each article claims about them, finds where sources disagree and groups the
articles into stories.  ``story_to_json`` gives the ``story`` part of the analysis format
(spec/OUTPUT.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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
from cronaca.story.cluster import Embedder, cluster_documents, default_embedder
from cronaca.story.contradictions import find_contradictions
from cronaca.story.explain import wording
from cronaca.story.history import status_history
from cronaca.story.link import Cluster, link_mentions
from cronaca.story.mentions import article_date, build_mentions
from cronaca.story.rules import StoryRules, load_rules

__all__ = ["build_stories", "story_to_json"]


def _event_order(c: Cluster) -> tuple[int, int, int]:
    first = min(c.mentions, key=lambda m: (m.order, m.event.trigger.start))
    return (first.order, first.event.trigger.start, -len(c.docs))


def _title(events: Sequence[StoryEvent], dates: list[str]) -> str:
    weight: Counter[str] = Counter()
    for ev in events:
        for p in ev.participants:
            weight[p] += len(ev.mentions)
    names = [n for n, _ in weight.most_common(4)]
    span = ""
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"
    head = ", ".join(names) if names else "Story"
    return f"{head} ({span})" if span else head


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
    for n, c in enumerate(clusters, start=1):
        eid = f"ev{n}"
        modes = Counter(m.event.mode for m in c.mentions if m.event.mode)
        mode = modes.most_common(1)[0][0] if modes else None
        mentions_sorted = sorted(c.mentions, key=lambda m: (m.order, m.event.trigger.start))
        ev = StoryEvent(id=eid, type=c.type, participants=c.actors.canonical_names(),
                        mentions=tuple((m.doc_id, m.event.id) for m in mentions_sorted),
                        status_history=status_history(mentions_sorted), mode=mode)
        label = words.event_label(c.type, mode, c.actors.short_names())
        s = story_of[mentions_sorted[0].doc_id]
        per_story[s].append(ev)
        per_story_c[s].extend(find_contradictions(eid, mentions_sorted, rules, label, words))
    dates_of = {a.doc_id: article_date(a) for a in analyses}
    stories = []
    for i, docs in enumerate(groups):
        dates = sorted(d for d in (dates_of[x] for x in docs) if d)
        multi = [e for e in per_story[i] if len({m[0] for m in e.mentions}) > 1] or per_story[i]
        stories.append(Story(id=f"story{i + 1}", title=_title(multi, dates), documents=tuple(docs),
                             events=tuple(per_story[i]), contradictions=tuple(per_story_c[i])))
    return StoryAnalysis(stories=tuple(stories))


def _sources(attribution: Sequence[Source]) -> list[dict[str, Any]]:
    return [{"entity": s.entity, "text": s.text} for s in attribution]


def _entry(h: StatusEntry) -> dict[str, Any]:
    return {"doc_id": h.doc_id, "date": h.date, "status": h.status, "attribution": _sources(h.attribution),
            "evidence": {"start": h.evidence[0], "end": h.evidence[1]}, "event_id": h.event_id}


def story_to_json(analysis: StoryAnalysis) -> dict[str, Any]:
    """The ``story`` object of spec/OUTPUT.md: all stories' events and contradictions, plus stories."""
    events: list[dict[str, Any]] = []
    contradictions: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    for story in analysis.stories:
        for ev in story.events:
            events.append({
                "id": ev.id, "type": ev.type, "mode": ev.mode, "story": story.id,
                "participants": list(ev.participants),
                "mentions": [{"doc_id": d, "event_id": e} for d, e in ev.mentions],
                "status_history": [_entry(h) for h in ev.status_history],
            })
        for c in story.contradictions:
            contradictions.append({
                "event": c.event, "slot": c.slot, "story": story.id,
                "values": [{"doc_id": v.doc_id, "value": v.value, "attribution": _sources(v.attribution),
                            "evidence": {"start": v.evidence[0], "end": v.evidence[1]}} for v in c.values],
                "explanation": c.explanation,
            })
        stories.append({"id": story.id, "title": story.title, "documents": list(story.documents),
                        "events": [e.id for e in story.events]})
    return {"events": events, "contradictions": contradictions, "stories": stories}
