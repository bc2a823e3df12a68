"""The analysis format (spec/OUTPUT.md, version 1): records → plain JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cronaca import __version__
from cronaca.records import INFERRED_DATE_SOURCES, Claim, DocAnalysis, Event, Source, StoryAnalysis, to_plain


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


def analysis_to_json(analyses: Sequence[DocAnalysis], stories: StoryAnalysis | None) -> dict[str, Any]:
    """The whole ``cronaca analyze --format json`` object: documents plus story."""
    from cronaca.story import story_to_json

    return {
        "cronaca_version": __version__,
        "documents": [document_to_json(a) for a in analyses],
        "story": story_to_json(stories) if stories is not None else {"events": [], "contradictions": []},
    }
