"""What the HTTP API serves, as plain library functions over the store.

The store is opened once per process.  Analyses and stories are read from it once and
cached in memory; a write (a new article) goes through one lock, refreshes the stories,
and replaces the cache.  Readers never wait on the analysis of a new article.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cronaca.export.analysis import claim_to_json, document_to_json
from cronaca.records import Article, Claim, DocAnalysis, Entity, Story, StoryAnalysis


@dataclass(frozen=True)
class ApiSettings:
    """Settings of ``cronaca serve`` (each has a CLI option of the same name)."""

    max_bytes: int = 5_000_000
    token: str | None = None
    model: str = "auto"
    explain_language: str = "en"


@dataclass(frozen=True)
class Snapshot:
    analyses: tuple[DocAnalysis, ...]
    stories: StoryAnalysis

    def analysis(self, doc_id: str) -> DocAnalysis | None:
        return next((a for a in self.analyses if a.doc_id == doc_id), None)

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.stories.stories if s.id == story_id), None)


def actor_key(entity: Entity) -> str:
    """A stable id for an actor across articles: its KB id, else a slug of its canonical name."""
    if entity.kb_id:
        return entity.kb_id
    base = unicodedata.normalize("NFKD", entity.name)
    base = "".join(c for c in base if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in base).split())


class Service:
    def __init__(self, store: Any, settings: ApiSettings) -> None:
        self.store = store
        self.settings = settings
        self._write_lock = threading.Lock()
        self._analyzer: Any = None
        self._snapshot = self._load()

    def _load(self) -> Snapshot:
        from cronaca.story import build_stories

        analyses = tuple(self.store.load_analyses())
        return Snapshot(analyses, build_stories(analyses, language=self.settings.explain_language))

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def add_article(self, article: Article) -> tuple[DocAnalysis, bool]:
        """Analyse and store one article; ``False`` when the same text was stored already."""
        from cronaca.pipeline import Analyzer
        from cronaca.story import build_stories

        with self._write_lock:
            known = next((a for a in self._snapshot.analyses
                          if a.article.content_hash == article.content_hash), None)
            if known is not None:
                return known, False
            if self._analyzer is None:
                self._analyzer = Analyzer(model=self.settings.model)
            analysis = self._analyzer.analyze(article)
            created = self.store.add(analysis)
            analyses = tuple(self.store.load_analyses())
            stories = build_stories(analyses, language=self.settings.explain_language)
            self.store.add_stories(stories)
            self._snapshot = Snapshot(analyses, stories)
            stored = next((a for a in analyses if a.article.content_hash == article.content_hash), analysis)
            return stored, created


# --- views: records → JSON bodies -------------------------------------------------------

def story_summary(story: Story, snap: Snapshot) -> dict[str, Any]:
    dates = sorted(d for d in (_article_date(snap.analysis(doc)) for doc in story.documents) if d)
    return {"id": story.id, "title": story.title, "articles": len(story.documents),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "events": len(story.events), "contradictions": len(story.contradictions)}


def _article_date(analysis: DocAnalysis | None) -> str | None:
    if analysis is None:
        return None
    art = analysis.article
    return art.date or (art.dateline.date if art.dateline else None)


def article_summary(analysis: DocAnalysis) -> dict[str, Any]:
    art = analysis.article
    return {"id": art.doc_id, "title": art.title, "date": _article_date(analysis), "outlet": art.outlet,
            "url": art.url, "language": art.language,
            "dateline": art.dateline.place if art.dateline else None}


def story_detail(story: Story, snap: Snapshot) -> dict[str, Any]:
    from cronaca.story import story_to_json

    body = story_to_json(StoryAnalysis(stories=(story,)))
    body.pop("stories", None)
    # the summary's counts must not replace the event and contradiction lists
    body.update({k: v for k, v in story_summary(story, snap).items() if k not in body})
    body["articles"] = [article_summary(a) for doc in story.documents if (a := snap.analysis(doc))]
    return body


def event_rows(snap: Snapshot) -> Iterable[dict[str, Any]]:
    story_of: dict[tuple[str, str], str] = {}
    for story in snap.stories.stories:
        for se in story.events:
            for doc_id, event_id in se.mentions:
                story_of[(doc_id, event_id)] = se.id
    for a in snap.analyses:
        for ev in a.events:
            actors = [a.entity(x) for x in ev.actors]
            recips = [a.entity(x) for x in ev.recipients]
            yield {
                "doc_id": a.doc_id, "event_id": ev.id, "date": _article_date(a), "type": ev.type,
                "mode": ev.mode, "cameo": ev.cameo, "story_event": story_of.get((a.doc_id, ev.id)),
                "actors": [{"id": actor_key(e), "name": e.name} for e in actors if e],
                "recipients": [{"id": actor_key(e), "name": e.name} for e in recips if e],
                "trigger": {"start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text},
                "claims": [_claim_with_place_text(c, a.article.text) for c in ev.claims],
            }


def _claim_with_place_text(claim: Claim, text: str) -> dict[str, Any]:
    """The claim as JSON, its place also with the words the article uses for it ("Ginevra")."""
    body = claim_to_json(claim)
    place = claim.place
    if body["place"] is not None and place is not None:
        body["place"]["text"] = text[place.start:place.end] if place.start is not None and place.end else None
    return body


def filter_events(rows: Iterable[dict[str, Any]], *, actor: str | None, type_: str | None,
                  status: str | None, since: str | None, until: str | None,
                  place: str | None) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        if actor and not any(actor.lower() in (p["id"], p["name"].lower())
                             for p in r["actors"] + r["recipients"]):
            continue
        if type_ and r["type"] != type_.upper():
            continue
        if status and not any(c["status"] == status for c in r["claims"]):
            continue
        if since and (r["date"] or "") < since:
            continue
        if until and (r["date"] or "9999") > until:
            continue
        if place and not any(c["place"] and place.lower() in ((c["place"]["name"] or "").lower(),
                                                                (c["place"]["country"] or "").lower(),
                                                                (c["place"].get("text") or "").lower())
                             for c in r["claims"]):
            continue
        out.append(r)
    return out


def actor_detail(actor_id: str, snap: Snapshot) -> dict[str, Any] | None:
    found: list[tuple[DocAnalysis, Entity]] = [(a, e) for a in snap.analyses for e in a.entities
                                               if actor_key(e) == actor_id]
    if not found:
        return None
    first = found[0][1]
    roles = []
    for a, e in found:
        for r in e.roles:
            roles.append({"doc_id": a.doc_id, "title": r.title, "start": r.start, "end": r.end,
                          "valid": r.valid, "role_key": r.role_key, "article_date": _article_date(a)})
    events = [r for r in event_rows(snap) if any(p["id"] == actor_id for p in r["actors"] + r["recipients"])]
    return {"id": actor_id, "name": first.name, "type": first.type, "code": first.code, "kb_id": first.kb_id,
            "articles": sorted({a.doc_id for a, _ in found}),
            "mentions": sum(len(e.mentions) for _, e in found), "roles": roles, "events": events}


def actor_rows(snap: Snapshot) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for a in snap.analyses:
        for e in a.entities:
            row = seen.setdefault(actor_key(e), {"id": actor_key(e), "name": e.name, "type": e.type,
                                                 "code": e.code, "articles": 0, "mentions": 0})
            row["articles"] += 1
            row["mentions"] += len(e.mentions)
    return sorted(seen.values(), key=lambda r: (-r["mentions"], r["name"]))


def article_detail(analysis: DocAnalysis) -> dict[str, Any]:
    body = document_to_json(analysis)
    body["text"] = analysis.article.text
    return body
