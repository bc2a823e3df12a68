"""The story across articles: event linking, status history, contradictions, stories.

``build_stories(analyses)`` links the events of many articles into story events, orders
what each article claims about them, finds where sources disagree and groups the
articles into stories.  ``story_to_json`` gives the ``story`` part of the analysis format
(spec/OUTPUT.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from cronaca.records import (
    DocAnalysis,
    Source,
    StatusEntry,
    StoryAnalysis,
)
from cronaca.story.build import StoryBuild, StoryIndex, StoryUpdate, build, update
from cronaca.story.cluster import Embedder
from cronaca.story.rules import StoryRules

__all__ = ["StoryBuild", "StoryIndex", "StoryUpdate", "build", "build_stories", "story_to_json", "update"]


def build_stories(analyses: Sequence[DocAnalysis], *, language: str = "en",
                  rules: StoryRules | None = None,
                  embedder: Embedder | Literal["auto"] | None = "auto") -> StoryAnalysis:
    """Stories found across the articles; explanations in ``language`` ("en" or "it")."""
    return build(analyses, language=language, rules=rules, embedder=embedder).stories


Names = Mapping[tuple[str, str], str]


def _sources(doc_id: str, attribution: Sequence[Source], names: Names) -> list[dict[str, Any]]:
    return [{"entity": s.entity, "name": names.get((doc_id, s.entity), s.text) if s.entity else s.text,
             "text": s.text} for s in attribution]


def _entry(h: StatusEntry, names: Names) -> dict[str, Any]:
    return {"doc_id": h.doc_id, "date": h.date, "status": h.status,
            "attribution": _sources(h.doc_id, h.attribution, names),
            "evidence": {"start": h.evidence[0], "end": h.evidence[1]}, "event_id": h.event_id}


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
