"""What the HTTP API serves: JSON bodies of the records a :class:`cronaca.app.Snapshot` holds.

The application (:mod:`cronaca.app`) adds articles and keeps the stories; this module only
shapes what it reads into the bodies the endpoints answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from cronaca.app import Snapshot
from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.export.analysis import claim_to_json, document_to_json, story_to_json
from cronaca.export.wording import LANGUAGES, story_title
from cronaca.folding import strip_accents
from cronaca.records import Article, Claim, DocAnalysis, Entity, Story, StoryAnalysis


class LanguageError(ValueError):
    """A ``lang`` the explanations are not written in."""


def resolve_language(asked: str | None, accept_language: str | None, default: str) -> str:
    """The language to word stories in: ``?lang=`` when given (it must be one of
    :data:`LANGUAGES`), else the reader's best ``Accept-Language`` that we have, else ``default``."""
    if asked is not None:
        if asked not in LANGUAGES:
            choices = ", ".join(LANGUAGES[:-1]) + " or " + LANGUAGES[-1]
            raise LanguageError(f"lang '{asked}' is not available: use {choices}, "
                                "or leave lang out to follow Accept-Language.")
        return asked
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0].lower()
        if q > 0 and primary in LANGUAGES:
            ranked.append((-q, n, primary))
    return min(ranked)[2] if ranked else default


def actor_key(entity: Entity) -> str:
    """A stable id for an actor across articles: its KB id, else a slug of its canonical name."""
    if entity.kb_id:
        return entity.kb_id
    base = strip_accents(entity.name).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in base).split())


# --- views: records → JSON bodies -------------------------------------------------------

def story_summary(story: Story, snap: Snapshot, lang: str) -> dict[str, Any]:
    dates = sorted(d for d in (_article_date(snap.article(doc)) for doc in story.documents) if d)
    return {"id": story.id, "title": story_title(story, lang), "articles": len(story.documents),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
            "events": len(story.events), "contradictions": len(story.contradictions)}


def _article_date(art: Article | None) -> str | None:
    if art is None:
        return None
    return art.date or (art.dateline.date if art.dateline else None)


def article_summary(art: Article) -> dict[str, Any]:
    return {"id": art.doc_id, "title": art.title, **title_fields(art), "date": _article_date(art),
            "outlet": art.outlet, "url": art.url, "language": art.language,
            "dateline": art.dateline.place if art.dateline else None}


# --- a title to show for articles that have none -------------------------------------------

TITLE_MAX = 90  # characters of a derived title, before the ellipsis
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)\]]*(?=\s+[\"«“‘(\[]*[A-ZÀ-ÖØ-Þ0-9])")
_DASHES = " \t–—-:,"


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations of ``data/<lang>/abbreviations.yaml`` whose full stop ends no sentence."""
    try:
        raw = load_yaml(lang, "abbreviations.yaml")
    except DataFileError:
        return frozenset()
    return frozenset(str(a).lower() for a in (raw or {}).get("abbreviations") or ())


def _first_sentence(line: str, lang: str) -> str:
    abbreviations = _abbreviations(lang)
    for m in _SENTENCE_END.finditer(line):
        word = line[:m.start() + 1].split()[-1] if line[:m.start()].strip() else ""
        if m.group().startswith(".") and (word.lower() in abbreviations or (len(word) == 2 and word[0].isupper())):
            continue  # "sen. Rossi", "J. D. Vance"
        return line[:m.end()]
    return line


def derive_title(article: Article) -> str | None:
    """The headline line, else the first sentence, of an article's text (its dateline left out),
    cut at a word boundary to :data:`TITLE_MAX` characters; None when the text has no words."""
    text = article.text
    dl = article.dateline
    lines = [ln.strip() for ln in text.splitlines()]
    first = next((i for i, ln in enumerate(lines) if ln), None)
    if first is None:
        return None
    line = lines[first]
    line_start = text.find(line)
    if dl is not None and dl.end > dl.start and line_start <= dl.start < line_start + len(line):
        line = (line[:dl.start - line_start] + " " + line[dl.end - line_start:]).strip(_DASHES)
        if not line:  # the dateline stands alone on its line
            line = next((ln for ln in lines[first + 1:] if ln), "")
    line = " ".join(line.split())
    if not line:
        return None
    sentence = _first_sentence(line, article.language or "it")
    if len(sentence) <= TITLE_MAX:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    cut = sentence[:TITLE_MAX + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:TITLE_MAX]
    return cut.rstrip(_DASHES + ";.") + "…"


def title_fields(article: Article) -> dict[str, Any]:
    """``display_title``: the article's title, else one derived from its text (``title_derived``
    true), else its id.  The stored ``title`` stays as it is."""
    if article.title and article.title.strip():
        return {"display_title": article.title, "title_derived": False}
    derived = derive_title(article)
    return {"display_title": derived or article.doc_id, "title_derived": derived is not None}


def story_detail(story: Story, snap: Snapshot, lang: str) -> dict[str, Any]:
    body = story_to_json(StoryAnalysis(stories=(story,)), lang)
    body.pop("stories", None)
    # the summary's counts must not replace the event and contradiction lists
    body.update({k: v for k, v in story_summary(story, snap, lang).items() if k not in body})
    body["articles"] = [article_summary(a) for doc in story.documents if (a := snap.article(doc))]
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
                "doc_id": a.doc_id, "event_id": ev.id, "date": _article_date(a.article), "type": ev.type,
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
                          "valid": r.valid, "role_key": r.role_key, "article_date": _article_date(a.article)})
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
    body.update(title_fields(analysis.article))
    body["text"] = analysis.article.text
    return body
