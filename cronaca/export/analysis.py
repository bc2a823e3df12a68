"""The analysis format (spec/OUTPUT.md, version 1): records → plain JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cronaca import __version__
from cronaca.export.wording import explanation, story_title
from cronaca.records import (
    INFERRED_DATE_SOURCES,
    Claim,
    DocAnalysis,
    Event,
    Source,
    StatusEntry,
    StoryAnalysis,
    to_plain,
)


def source_to_json(src: Source) -> dict[str, Any]:
    return {"entity": src.entity, "text": src.text, "start": src.start, "end": src.end}


def claim_to_json(claim: Claim) -> dict[str, Any]:
    return {
        "status": claim.status,
        "time": None if claim.time is None else to_plain(claim.time),
        "place": None if claim.place is None else to_plain(claim.place),
        "attribution": [source_to_json(s) for s in claim.attribution],
        "evidence": {"start": claim.evidence[0], "end": claim.evidence[1]},
        "hearsay": claim.hearsay,
        "cue": claim.cue,
    }


def event_to_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "actors": list(event.actors),
        "recipients": list(event.recipients),
        "trigger": to_plain(event.trigger),
        "claims": [claim_to_json(c) for c in event.claims],
    }


def document_to_json(analysis: DocAnalysis) -> dict[str, Any]:
    art = analysis.article
    dl = art.dateline
    return {
        "doc_id": art.doc_id,
        "language": art.language,
        "title": art.title,
        "date": art.date,
        "url": art.url,
        "outlet": art.outlet,
        "content_hash": art.content_hash,
        "date_source": art.date_source,
        "dateline": {"place": dl.place if dl else None, "date": dl.date if dl else None,
                     "start": dl.start if dl else None, "end": dl.end if dl else None,
                     "year_inferred": art.date_source in INFERRED_DATE_SOURCES if dl and dl.month_day else None},
        "entities": [to_plain(e) for e in analysis.entities],
        "times": [to_plain(t) for t in analysis.times],
        "places": [to_plain(p) for p in analysis.places],
        "quotes": [to_plain(q) for q in analysis.quotes],
        "events": [event_to_json(e) for e in analysis.events],
        "warnings": [to_plain(w) for w in analysis.warnings],
        "stages": list(analysis.stages),
        "errors": list(analysis.errors),
    }


def analysis_to_json(analyses: Sequence[DocAnalysis], stories: StoryAnalysis | None,
                     lang: str = "en") -> dict[str, Any]:
    """The whole ``cronaca analyze --format json`` object: documents plus story (worded in ``lang``)."""
    return {
        "cronaca_version": __version__,
        "documents": [document_to_json(a) for a in analyses],
        "story": story_to_json(stories, lang) if stories is not None else {"events": [], "contradictions": []},
    }


Names = Mapping[tuple[str, str], str]


def _sources(doc_id: str, attribution: Sequence[Source], names: Names) -> list[dict[str, Any]]:
    return [{"entity": s.entity, "name": names.get((doc_id, s.entity), s.text) if s.entity else s.text,
             "text": s.text} for s in attribution]


def _entry(h: StatusEntry, names: Names) -> dict[str, Any]:
    return {"doc_id": h.doc_id, "date": h.date, "status": h.status,
            "attribution": _sources(h.doc_id, h.attribution, names),
            "evidence": {"start": h.evidence[0], "end": h.evidence[1]}, "event_id": h.event_id}


def story_to_json(analysis: StoryAnalysis, lang: str = "en") -> dict[str, Any]:
    """The ``story`` object of spec/OUTPUT.md: all stories' events and contradictions, plus stories,
    titles and explanations worded in ``lang``.  Each attribution item carries the ``name`` of
    its entity beside the ``entity`` id."""
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
                "explanation": explanation(c, lang),
            })
        stories.append({"id": story.id, "title": story_title(story, lang), "documents": list(story.documents),
                        "events": [e.id for e in story.events]})
    return {"events": events, "contradictions": contradictions, "stories": stories}

