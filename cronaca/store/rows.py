"""Records to table rows and back: the one place that knows how each record is laid out.

``COLUMNS`` lists, per table, the columns written (in order); the ``*_rows`` functions
give tuples in that order and the ``*_from`` functions rebuild the frozen records from
rows fetched in that order, so ``load(add(x)) == x``.  Nested shapes that are not worth a
table (roles, attribution chains, story mentions and histories) are JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from cronaca.records import (
    Article,
    Claim,
    ClaimPlace,
    ClaimTime,
    Contradiction,
    ContradictionValue,
    Dateline,
    DocAnalysis,
    Entity,
    Event,
    EventRef,
    Place,
    Quote,
    Role,
    Side,
    Source,
    SourceRef,
    Span,
    StatusEntry,
    Story,
    StoryEvent,
    Time,
    Warning,
    to_plain,
)
from cronaca.story import RoleMention, StoryDoc, StoryIndex

Row = tuple[Any, ...]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("doc_id", "content_hash", "input_doc_id", "text", "source", "title", "date", "url",
                 "outlet", "language", "has_dateline", "dateline_place", "dateline_date", "dateline_start",
                 "dateline_end", "date_source", "dateline_month_day", "area", "analysed_at", "stages", "errors"),
    "entities": ("doc_id", "entity_id", "ord", "name", "type", "code", "kb_id", "country", "roles_json"),
    "mentions": ("doc_id", "entity_id", "ord", "start", "end", "text"),
    "times": ("doc_id", "ord", "start", "end", "text", "type", "value", "mod", "range_begin", "range_end"),
    "places": ("doc_id", "ord", "start", "end", "text", "name", "country", "lat", "lon", "geonames_id",
               "feature", "mentions_json"),
    "quotes": ("doc_id", "ord", "start", "end", "text", "speaker", "speaker_text", "cue", "kind"),
    "events": ("doc_id", "event_id", "ord", "type", "mode", "cameo", "trigger_start", "trigger_end",
               "trigger_text", "actors", "recipients"),
    "claims": ("doc_id", "event_id", "ord", "status", "evidence_start", "evidence_end", "time_value",
               "time_text", "time_start", "time_end", "place_name", "place_country", "place_start",
               "place_end", "attribution_json", "hearsay", "cue"),
    "warnings": ("doc_id", "ord", "kind", "entity", "detail"),
    "stories": ("story_id", "ord", "title", "documents", "entity_names_json", "first_date", "last_date"),
    "story_events": ("story_id", "event_id", "ord", "type", "mode", "participants", "mentions_json",
                     "status_history_json", "names"),
    "contradictions": ("story_id", "ord", "event", "slot", "values_json", "explanation", "sides_json",
                       "about_json", "person"),
    "story_event_keys": ("event_id", "type", "actor_key", "first_day", "last_day"),
    "story_docs": ("doc_id", "date", "keys_json", "roles_json"),
}
DOC_TABLES: tuple[str, ...] = ("entities", "mentions", "times", "places", "quotes", "events", "claims",
                               "warnings")
STORY_TABLES: tuple[str, ...] = ("stories", "story_events", "contradictions")
INDEX_TABLES: tuple[str, ...] = ("story_event_keys", "story_docs")


def _json(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False)


def _sources(raw: Any) -> tuple[Source, ...]:
    return tuple(Source(**s) for s in raw)


# ---------------------------------------------------------------- analyses → rows

def article_row(article: Article, doc_id: str, stages: Sequence[str], errors: Sequence[str],
                analysed_at: datetime) -> Row:
    dl = article.dateline
    return (doc_id, article.content_hash, article.doc_id, article.text, article.source, article.title,
            article.date, article.url, article.outlet, article.language, dl is not None,
            dl.place if dl else None, dl.date if dl else None, dl.start if dl else None,
            dl.end if dl else None, article.date_source, dl.month_day if dl else None, list(article.area),
            analysed_at, list(stages), list(errors))


def analysis_rows(analysis: DocAnalysis, doc_id: str) -> dict[str, list[Row]]:
    """Rows of the fact tables (all but ``articles``) for one analysis stored as ``doc_id``."""
    rows: dict[str, list[Row]] = {t: [] for t in DOC_TABLES}
    for i, e in enumerate(analysis.entities):
        rows["entities"].append((doc_id, e.id, i, e.name, e.type, e.code, e.kb_id, e.country, _json(e.roles)))
        rows["mentions"].extend((doc_id, e.id, j, m.start, m.end, m.text) for j, m in enumerate(e.mentions))
    rows["times"] = [(doc_id, i, t.start, t.end, t.text, t.type, t.value, t.mod, t.range_begin, t.range_end)
                     for i, t in enumerate(analysis.times)]
    rows["places"] = [(doc_id, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonames_id,
                       p.feature, _json(p.mentions)) for i, p in enumerate(analysis.places)]
    rows["quotes"] = [(doc_id, i, q.start, q.end, q.text, q.speaker, q.speaker_text, q.cue, q.kind)
                      for i, q in enumerate(analysis.quotes)]
    for i, ev in enumerate(analysis.events):
        rows["events"].append((doc_id, ev.id, i, ev.type, ev.mode, ev.cameo, ev.trigger.start, ev.trigger.end,
                               ev.trigger.text, list(ev.actors), list(ev.recipients)))
        rows["claims"].extend(_claim_row(doc_id, ev.id, j, c) for j, c in enumerate(ev.claims))
    rows["warnings"] = [(doc_id, i, w.kind, w.entity, w.detail) for i, w in enumerate(analysis.warnings)]
    return rows


def _claim_row(doc_id: str, event_id: str, ord_: int, c: Claim) -> Row:
    t, p = c.time, c.place
    return (doc_id, event_id, ord_, c.status, c.evidence[0], c.evidence[1],
            t.value if t else None, t.text if t else None, t.start if t else None, t.end if t else None,
            p.name if p else None, p.country if p else None, p.start if p else None, p.end if p else None,
            _json(c.attribution), c.hearsay, c.cue)


def story_rows(stories: Sequence[tuple[int, Story]],
               stored_events: Mapping[str, set[str]] | None = None) -> dict[str, list[Row]]:
    """Rows of the stories, each given with its position in the list of all stories; the
    story events ``stored_events`` names (per story id) are left out: their rows stay."""
    rows: dict[str, list[Row]] = {t: [] for t in STORY_TABLES}
    for i, s in stories:
        keep = (stored_events or {}).get(s.id, set())
        rows["stories"].append((s.id, i, "", list(s.documents), _json(s.entity_names), s.first_date, s.last_date))
        rows["story_events"].extend(
            (s.id, ev.id, j, ev.type, ev.mode, list(ev.participants), _json(ev.mentions),
             _json(ev.status_history), list(ev.names)) for j, ev in enumerate(s.events) if ev.id not in keep)
        rows["contradictions"].extend(
            (s.id, j, c.event, c.slot, _json(c.values), "", _json(c.sides),
             _json(c.about) if c.about is not None else None, c.person) for j, c in enumerate(s.contradictions))
    return rows


# ---------------------------------------------------------------- rows → analyses

def article_from(row: Row) -> Article:
    (doc_id, content_hash, _input_id, text, source, title, date, url, outlet, language, has_dateline,
     dl_place, dl_date, dl_start, dl_end, date_source, month_day, area, *_rest) = row
    dateline = (Dateline(place=dl_place, date=dl_date, start=dl_start, end=dl_end, month_day=month_day)
                if has_dateline else None)
    return Article(doc_id=doc_id, text=text, content_hash=content_hash, source=source, title=title, date=date,
                   url=url, outlet=outlet, language=language, dateline=dateline, date_source=date_source,
                   area=tuple(area or ()))


def analysis_from(article_row_: Row, facts: dict[str, list[Row]]) -> DocAnalysis:
    """The analysis of one article from its ``articles`` row and its rows of each fact table
    (each list in ``ord`` order; mentions and claims in (parent ord, ord) order)."""
    stages, errors = article_row_[-2], article_row_[-1]
    mentions: dict[str, list[Span]] = {}
    for _doc, entity_id, _o, start, end, text in facts["mentions"]:
        mentions.setdefault(entity_id, []).append(Span(start, end, text))
    claims: dict[str, list[Claim]] = {}
    for row in facts["claims"]:
        claims.setdefault(row[1], []).append(_claim_from(row))
    entities = tuple(
        Entity(id=eid, name=name, type=type_, mentions=tuple(mentions.get(eid, ())), code=code,
               roles=tuple(Role(**r) for r in json.loads(roles)), kb_id=kb_id, country=country)
        for _doc, eid, _o, name, type_, code, kb_id, country, roles in facts["entities"])
    events = tuple(
        Event(id=eid, type=type_, trigger=Span(ts, te, tt), mode=mode, actors=tuple(actors),
              recipients=tuple(recipients), claims=tuple(claims.get(eid, ())), cameo=cameo)
        for _doc, eid, _o, type_, mode, cameo, ts, te, tt, actors, recipients in facts["events"])
    return DocAnalysis(
        article=article_from(article_row_),
        entities=entities,
        times=tuple(Time(start=s, end=e, text=t, type=ty, value=v, mod=m, range_begin=rb, range_end=re_)
                    for _d, _o, s, e, t, ty, v, m, rb, re_ in facts["times"]),
        places=tuple(Place(start=s, end=e, text=t, name=n, country=c, lat=la, lon=lo, geonames_id=g, feature=f,
                           mentions=tuple(Span(**m) for m in json.loads(ms or "[]")))
                     for _d, _o, s, e, t, n, c, la, lo, g, f, ms in facts["places"]),
        quotes=tuple(Quote(start=s, end=e, text=t, speaker=sp, speaker_text=st, cue=cu, kind=k)
                     for _d, _o, s, e, t, sp, st, cu, k in facts["quotes"]),
        events=events,
        warnings=tuple(Warning(kind=k, entity=en, detail=de) for _d, _o, k, en, de in facts["warnings"]),
        stages=tuple(stages),
        errors=tuple(errors),
    )


def _claim_from(row: Row) -> Claim:
    (_doc, _eid, _o, status, ev_start, ev_end, t_value, t_text, t_start, t_end, p_name, p_country, p_start,
     p_end, attribution, hearsay, cue) = row
    return Claim(
        status=status,
        evidence=(ev_start, ev_end),
        time=ClaimTime(value=t_value, text=t_text, start=t_start, end=t_end) if t_value is not None else None,
        place=ClaimPlace(name=p_name, country=p_country, start=p_start, end=p_end) if p_name is not None else None,
        attribution=_sources(json.loads(attribution)),
        hearsay=hearsay,
        cue=cue,
    )


def stories_from(rows: dict[str, list[Row]]) -> tuple[Story, ...]:
    events: dict[str, list[StoryEvent]] = {}
    for sid, eid, _o, type_, mode, participants, mentions, history, names in rows["story_events"]:
        events.setdefault(sid, []).append(StoryEvent(
            id=eid, type=type_, participants=tuple(participants),
            mentions=tuple((d, e) for d, e in json.loads(mentions)),
            status_history=tuple(
                StatusEntry(doc_id=h["doc_id"], date=h["date"], status=h["status"],
                            attribution=_sources(h["attribution"]), evidence=tuple(h["evidence"]),
                            event_id=h["event_id"])
                for h in json.loads(history)),
            mode=mode, names=tuple(names or ())))
    contradictions: dict[str, list[Contradiction]] = {}
    for sid, _o, event, slot, values, _explanation, sides, about, person in rows["contradictions"]:
        a, b = (_side(x) for x in json.loads(sides))
        contradictions.setdefault(sid, []).append(Contradiction(
            event=event, slot=slot, sides=(a, b), person=person,
            about=EventRef(**{**json.loads(about), "names": tuple(json.loads(about)["names"])}) if about else None,
            values=tuple(ContradictionValue(doc_id=v["doc_id"], value=v["value"],
                                            attribution=_sources(v["attribution"]),
                                            evidence=tuple(v["evidence"]))
                         for v in json.loads(values))))
    return tuple(Story(id=sid, documents=tuple(docs), events=tuple(events.get(sid, ())),
                       contradictions=tuple(contradictions.get(sid, ())),
                       entity_names=tuple((d, e, n) for d, e, n in json.loads(names)),
                       first_date=first, last_date=last)
                 for sid, _o, _title, docs, names, first, last in rows["stories"])


def _side(raw: dict[str, Any]) -> Side:
    return Side(**{**raw, "sources": tuple(SourceRef(**s) for s in raw["sources"])})


def index_rows(index: StoryIndex) -> dict[str, list[Row]]:
    return {"story_event_keys": [tuple(k) for k in index.event_keys],
            "story_docs": [(d.doc_id, d.date, json.dumps(d.keys, ensure_ascii=False),
                            json.dumps([_role_row(r) for r in d.roles], ensure_ascii=False)) for d in index.docs]}


def _role_row(m: RoleMention) -> list[Any]:
    r = m.role
    return [m.doc_id, m.date, m.day, m.lang, m.person, sorted(m.keys), r.title, r.start, r.end, r.valid, r.role_key]


def _role_from(row: list[Any]) -> RoleMention:
    doc_id, date, day, lang, person, keys, title, start, end, valid, role_key = row
    return RoleMention(doc_id, date, day, lang, person, frozenset(keys), Role(title, start, end, valid, role_key))


def index_from(rows: dict[str, list[Row]]) -> StoryIndex:
    return StoryIndex(tuple((e, t, k, first, last) for e, t, k, first, last in rows["story_event_keys"]),
                      tuple(StoryDoc(d, date, tuple((k, int(n)) for k, n in json.loads(keys)),
                                     tuple(_role_from(r) for r in json.loads(roles)))
                            for d, date, keys, roles in rows["story_docs"]))
