"""Building stories, all at once or one new article at a time.

:func:`build` links every article's events into story events, groups the articles into
stories and finds contradictions.  :func:`update` adds one article to stories built
before: its events are linked against the stored story events that share a blocking key
(type, actor key), the story events it joins get their history and contradictions
re-checked, the articles are regrouped from their stored actor keys, and only the stories
whose articles or events changed are assembled again.  The result is the one
:func:`build` gives on all the articles; when the new article is not the latest (an
older article arriving late), linking it would change what later articles linked to,
and :func:`update` answers None: the caller builds everything again.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from cronaca.folding import fold
from cronaca.records import Contradiction, DocAnalysis, EventRef, Story, StoryAnalysis, StoryEvent
from cronaca.story.contradictions import find_contradictions
from cronaca.story.group import (
    Embedder,
    StoryDoc,
    Texts,
    default_embedder,
    embed_text,
    group_documents,
    story_doc,
)
from cronaca.story.history import status_history
from cronaca.story.link import BlockingIndex, EventDraft, index_mention, link_document, link_mentions
from cronaca.story.mentions import EventMention, article_date, build_mentions, date_key
from cronaca.story.roles import find_role_contradictions
from cronaca.story.rules import StoryRules, load_rules

# (story event id, type, actor key, first day, last day): the blocking index, stored; the days
# (ordinals of its articles' dates) let a look-up skip story events too far in time to link
EventKey = tuple[str, str, str, int | None, int | None]
Names = Mapping[tuple[str, str], str]  # (doc_id, entity id) -> the entity's name


@dataclass(frozen=True)
class StoryIndex:
    """What linking and grouping need beyond the story records: each story event's blocking
    keys and each article's date and actor keys."""

    event_keys: tuple[EventKey, ...] = ()
    docs: tuple[StoryDoc, ...] = ()

    def after(self, change: StoryUpdate) -> StoryIndex:
        """The index once ``change`` is applied."""
        touched = set(change.touched_events)
        return StoryIndex(tuple(k for k in self.event_keys if k[0] not in touched) + change.event_keys,
                          (*self.docs, change.doc))

    def candidates(self, type_: str, keys: Collection[str], day: int | None, max_gap: int) -> set[str]:
        """Ids of the story events of this type filed under any of these actor keys that are
        no more than ``max_gap`` days from ``day``."""
        return {eid for eid, t, k, first, last in self.event_keys
                if t == type_ and k in keys and within(day, first, last, max_gap)}


def within(day: int | None, first: int | None, last: int | None, max_gap: int) -> bool:
    """Whether a mention of ``day`` may link to a story event spanning ``first``..``last``."""
    if day is None or first is None or last is None:
        return True
    return first - max_gap <= day <= last + max_gap


@dataclass(frozen=True)
class StoryBuild:
    stories: StoryAnalysis
    index: StoryIndex


@dataclass(frozen=True)
class StoryUpdate:
    """Stories after one article was added: all of them, and what changed since before."""

    stories: StoryAnalysis
    changed: tuple[Story, ...]  # new or rewritten stories (ids may be ids of stories before)
    removed: tuple[str, ...]  # ids of stories before that no longer exist
    event_keys: tuple[EventKey, ...]  # the blocking keys of the new and touched story events
    touched_events: tuple[str, ...]
    doc: StoryDoc
    before: tuple[Story, ...] = ()  # the stories before, of the ids in ``changed`` and ``removed``


@dataclass(frozen=True)
class _Built:
    """A story event with its own contradictions and blocking keys."""

    event: StoryEvent
    contradictions: tuple[Contradiction, ...]
    keys: frozenset[str]
    days: tuple[int | None, int | None] = (None, None)

    def index_rows(self) -> list[EventKey]:
        return [(self.event.id, self.event.type, k, *self.days) for k in sorted(self.keys)]


def first_mention(c: EventDraft) -> EventMention:
    """The mention a story event starts with: of its earliest article (the story it belongs to)."""
    return min(c.mentions, key=lambda m: (m.order, m.event.trigger.start))


EventOrder = tuple[tuple[int, int, str], int, int, int]


def event_order(c: EventDraft) -> EventOrder:
    """Where a story event comes in the numbering (ev1, ev2…): by its first article in date order,
    its trigger there, the most reported first, then the first article's order of events.  Only
    its own mentions decide, so story events linked apart (by article subsets) number alike."""
    first = first_mention(c)
    return (date_key(first.date, first.doc_id), first.event.trigger.start, -len(c.docs), first.position)


def label_names(c: EventDraft, only: set[int] | None = None) -> tuple[str, ...]:
    """Who a story event is about, for labels: the people when two or more are named,
    otherwise every actor but the venue ("Trump–Putin meeting", not "…–Budapest")."""
    rows = [(n, t) for i, (n, t) in enumerate(zip(c.actors.short_names(), c.actors.types, strict=True))
            if only is None or i in only]
    people = [n for n, t in rows if t == "PER"]
    if len(people) >= 2:
        return tuple(people[:3])
    venues = c.places() | {fold(p) for m in c.mentions for cl in m.claims for p in (cl.place_text or "",) if p}
    return tuple(n for n, _ in rows if fold(n) not in venues)[:3]


def _shared_actors(c: EventDraft) -> set[int]:
    """Actor groups named by every mention that names anyone."""
    named = [set().union(*(p.keys for p in m.participants)) for m in c.mentions if m.participants]
    return {i for i, ks in enumerate(c.actors.keys) if named and all(ks & n for n in named)}


def _story_event(eid: str, c: EventDraft, rules: StoryRules) -> _Built:
    modes = Counter(m.event.mode for m in c.mentions if m.event.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    mentions_sorted = sorted(c.mentions, key=lambda m: (m.order, m.event.trigger.start))
    names = label_names(c)
    ev = StoryEvent(id=eid, type=c.type, participants=c.actors.canonical_names(),
                    mentions=tuple((m.doc_id, m.event.id) for m in mentions_sorted),
                    status_history=status_history(mentions_sorted), mode=mode, names=names)
    found = find_contradictions(eid, mentions_sorted, rules, EventRef(c.type, mode, names),
                                EventRef(c.type, mode, label_names(c, _shared_actors(c))))
    keys = frozenset(k for m in c.mentions for p in m.participants for k in p.keys)
    return _Built(ev, found, keys, (c.first_day, c.last_day))


def _number(event_id: str) -> int:
    return int(event_id[2:])


def _cited_names(events: Sequence[StoryEvent], contradictions: Sequence[Contradiction],
                 names: Names) -> tuple[tuple[str, str, str], ...]:
    cited = {(h.doc_id, s.entity) for e in events for h in e.status_history for s in h.attribution if s.entity}
    cited |= {(v.doc_id, s.entity) for c in contradictions for v in c.values for s in v.attribution if s.entity}
    return tuple((doc_id, eid, names[(doc_id, eid)]) for doc_id, eid in sorted(cited) if (doc_id, eid) in names)


def entity_names(analyses: Iterable[DocAnalysis]) -> dict[tuple[str, str], str]:
    return {(a.doc_id, e.id): e.name for a in analyses for e in a.entities}


def story_id(docs: Sequence[str]) -> str:
    """A story's id, from its first article (the earliest; ties by doc id): it stays the same while
    articles join the story, and other stories coming or going never change it."""
    return "story-" + hashlib.sha1(docs[0].encode("utf-8")).hexdigest()[:10]


def assemble_story(docs: Sequence[str], events: Sequence[tuple[str, EventDraft]], articles: Mapping[str, StoryDoc],
                   names: Names, rules: StoryRules | None = None) -> Story:
    """One story, on its own: its articles ``docs`` (in date order) and the story events (id and
    linked mentions, in id order) whose first mention is in one of them; ``articles`` and ``names``
    need cover only these articles.  What :func:`build` gives for each of its stories."""
    rules = rules or load_rules()
    return _assemble(docs, [_story_event(eid, c, rules) for eid, c in events], articles, names, rules)


def _assemble(docs: Sequence[str], events: Sequence[_Built], articles: Mapping[str, StoryDoc],
              names: Names, rules: StoryRules) -> Story:
    """The story of the articles ``docs`` and the story events that start in them."""
    story_events = [b.event for b in events]
    contradictions = [c for b in events for c in b.contradictions]
    day_list = sorted(d for d in (articles[x].date for x in docs) if d)
    ranked = sorted(events, key=lambda b: -len({d for d, _ in b.event.mentions}))
    contradictions.extend(find_role_contradictions([r for d in docs for r in articles[d].roles],
                                                   [(b.event.id, set(b.keys)) for b in ranked], rules))
    return Story(id=story_id(docs), documents=tuple(docs), events=tuple(story_events),
                 contradictions=tuple(contradictions),
                 entity_names=_cited_names(story_events, contradictions, names),
                 first_date=day_list[0] if day_list else None, last_date=day_list[-1] if day_list else None)


def _embedder(embedder: Embedder | Literal["auto"] | None) -> Embedder | None:
    emb = default_embedder() if embedder == "auto" else embedder
    return emb if callable(emb) else None


def build(analyses: Sequence[DocAnalysis], *, rules: StoryRules | None = None,
          embedder: Embedder | Literal["auto"] | None = "auto") -> StoryBuild:
    """Stories found across the articles, and the index :func:`update` continues from."""
    rules = rules or load_rules()
    clusters = link_mentions(build_mentions(analyses, rules.linking.new_instance_window), rules)
    clusters.sort(key=event_order)
    built = [_story_event(f"ev{n}", c, rules) for n, c in enumerate(clusters, start=1)]
    docs = [story_doc(a) for a in analyses]
    by_id = {a.doc_id: a for a in analyses}

    def texts(ids: Sequence[str]) -> dict[str, str]:
        return {d: embed_text(by_id[d]) for d in ids}
    groups = group_documents(docs, [{d for d, _ in b.event.mentions} for b in built], rules.clustering,
                             _embedder(embedder), texts)
    stories = _stories(groups, built, {d.doc_id: d for d in docs}, entity_names(analyses), rules)
    keys = tuple(k for b in built for k in b.index_rows())
    return StoryBuild(StoryAnalysis(stories=tuple(stories)), StoryIndex(keys, tuple(docs)))


Loader = Callable[[Collection[str]], Sequence[DocAnalysis]]
Candidates = Callable[[str, Collection[str], int | None, int], Collection[str]]


def _stories(groups: Sequence[Sequence[str]], built: Iterable[_Built], articles: Mapping[str, StoryDoc],
             names: Names, rules: StoryRules,
             keep: Callable[[int, Sequence[str], Sequence[_Built]], Story | None] | None = None) -> list[Story]:
    story_of = {d: i for i, g in enumerate(groups) for d in g}
    per_story: list[list[_Built]] = [[] for _ in groups]
    for b in sorted(built, key=lambda b: _number(b.event.id)):
        per_story[story_of[b.event.mentions[0][0]]].append(b)
    out = []
    for i, docs in enumerate(groups):
        kept = keep(i + 1, docs, per_story[i]) if keep is not None else None
        out.append(kept or _assemble(docs, per_story[i], articles, names, rules))
    return out


def date_order(analysis: DocAnalysis) -> tuple[int, int, str]:
    """Where an article comes in the date order stories are built in (undated last)."""
    return date_key(article_date(analysis), analysis.doc_id)


def update(stories: StoryAnalysis, index: StoryIndex, new: DocAnalysis, load: Loader, *,
           candidates: Candidates, texts: Texts | None = None,
           rules: StoryRules | None = None,
           embedder: Embedder | Literal["auto"] | None = "auto") -> StoryUpdate | None:
    """The stories with article ``new`` added (``load`` reads stored analyses by doc id;
    ``candidates(type, keys, day, max_gap)`` the ids of story events filed under those blocking
    keys and close enough in time); None when ``new`` is not the latest article, so that only
    a full build is exact.  Only the analyses of the articles of candidate story events are read."""
    rules = rules or load_rules()
    me = story_doc(new)
    if any(date_key(d.date, d.doc_id) >= date_key(me.date, me.doc_id) for d in index.docs):
        return None
    events = {e.id: (s, e) for s in stories.stories for e in s.events}
    own = build_mentions([new], rules.linking.new_instance_window)
    gap = rules.linking.max_gap_days
    found = sorted({eid for m in own
                    for eid in candidates(m.event.type, {k for p in m.participants for k in p.keys}, m.day, gap)},
                   key=_number)
    cand_docs = {d for eid in found for d, _ in events[eid][1].mentions}
    analyses = list(load(cand_docs))
    mentions = build_mentions([*analyses, new], rules.linking.new_instance_window)
    by_event = {(m.doc_id, m.event.id): m for m in mentions}
    clusters: list[EventDraft] = []
    block: BlockingIndex = defaultdict(list)
    for ci, eid in enumerate(found):
        cluster = EventDraft(type=events[eid][1].type)
        for m in sorted((by_event[x] for x in events[eid][1].mentions), key=lambda m: m.order):
            cluster.add(m)
            index_mention(block, m, ci)
        clusters.append(cluster)
    new_mentions = [m for m in mentions if m.doc_id == new.doc_id]
    link_document(new_mentions, clusters, block, rules)
    touched = [(eid, clusters[ci]) for ci, eid in enumerate(found) if new.doc_id in clusters[ci].docs]
    fresh = sorted(clusters[len(found):], key=event_order)
    top = max((_number(e) for e in events), default=0)
    rebuilt = {eid: _story_event(eid, c, rules) for eid, c in touched}
    rebuilt.update({f"ev{top + n}": _story_event(f"ev{top + n}", c, rules)
                    for n, c in enumerate(fresh, start=1)})

    own_contra: dict[str, list[Contradiction]] = defaultdict(list)
    for s in stories.stories:
        for c in s.contradictions:
            if c.slot != "role":
                own_contra[c.event].append(c)
    keys_of: dict[str, set[str]] = defaultdict(set)
    days_of: dict[str, tuple[int | None, int | None]] = {}
    for eid, _type, k, first, last in index.event_keys:
        keys_of[eid].add(k)
        days_of[eid] = (first, last)
    built = {eid: rebuilt.get(eid) or _Built(e, tuple(own_contra.get(eid, ())), frozenset(keys_of[eid]),
                                             days_of.get(eid, (None, None)))
             for eid, (_s, e) in events.items()}
    built.update(rebuilt)

    docs = [*index.docs, me]
    groups = group_documents(docs, [{d for d, _ in b.event.mentions} for b in built.values()], rules.clustering,
                             _embedder(embedder), texts)
    before = {s.id: s for s in stories.stories}
    names = {(d, e): n for s in stories.stories for d, e, n in s.entity_names}
    names.update(entity_names([*analyses, new]))

    def keep(n: int, group: Sequence[str], evs: Sequence[_Built]) -> Story | None:
        old = before.get(story_id(group))
        if old is None or old.documents != tuple(group) or [e.id for e in old.events] != [b.event.id for b in evs]:
            return None
        return old if not any(b.event.id in rebuilt for b in evs) else None

    result = _stories(groups, built.values(), {d.doc_id: d for d in docs}, names, rules, keep)
    changed = tuple(s for s in result if before.get(s.id) is not s)
    kept_ids = {s.id for s in result}
    removed = tuple(sid for sid in before if sid not in kept_ids)
    keys = tuple(k for _, b in sorted(rebuilt.items(), key=lambda kv: _number(kv[0])) for k in b.index_rows())
    was = tuple(before[sid] for sid in [*(s.id for s in changed), *removed] if sid in before)
    return StoryUpdate(StoryAnalysis(stories=tuple(result)), changed, removed, keys, tuple(rebuilt), me, was)

