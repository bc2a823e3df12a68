"""cronaca's story build (:func:`cronaca.story.build`) cut into steps that run apart, with the
same result.

:func:`cronaca.story.build` links every article's events in one pass over the articles in
date order, then groups the articles and assembles each story.  Each part is exact on a
piece of the corpus:

1. **Per article** (:func:`article_facts`): its event mentions, its actor keys and roles
   (:class:`~cronaca.story.StoryDoc`), its entity names.
2. **Linking, per component.**  A mention is only ever compared with the story events filed
   under one of its blocking keys (PLOVER type, actor key: :func:`blocks`, the keys of
   :mod:`cronaca.story.link`), so the mentions connected through shared blocks are linked
   apart from all others, by cronaca's own linking in date order (:func:`link_component`).
   Components are found from one edge per mention and block (to the block's first
   mention), never from pairs.  Story events are then numbered by their own mentions
   (:func:`cronaca.story.build.event_order`).
3. **Grouping, per component.**  Two articles join one story only through a story event or a
   pair that shares a key in no more than ``key_df_cap`` articles, is close in time and alike
   enough (:func:`cronaca.story.group.may_join`); the articles connected by those are grouped
   apart, by cronaca's own grouping with the corpus' key counts (:func:`group_component`).
4. **Per story** (:func:`build_story`): status histories and contradictions of its story
   events, role conflicts, by :func:`cronaca.story.build.assemble_story`.

:mod:`cronaca.spark.stories` runs these steps on Spark; :func:`stories_local` runs them in one
process, the reference the tests hold against :func:`cronaca.story.build`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from cronaca.records import DocAnalysis, Story, StoryAnalysis
from cronaca.story import StoryDoc
from cronaca.story.build import EventOrder, assemble_story, event_order, first_mention
from cronaca.story.group import (
    Embedder,
    KeyCounts,
    actor_vector,
    close_pairs,
    embed_text,
    group_documents,
    key_df_cap,
    may_join,
    similarity,
    story_doc,
)
from cronaca.story.link import EventDraft, link_mentions
from cronaca.story.mentions import EventMention, article_mentions, date_key, in_date_order
from cronaca.story.rules import StoryRules
from cronaca.story.timespan import iso_ordinal


@dataclass(frozen=True)
class ArticleFacts:
    """What the story steps need of one article."""

    doc_id: str
    doc: StoryDoc
    mentions: tuple[EventMention, ...]
    names: tuple[tuple[str, str], ...]  # (entity id, name) of its entities
    text: str | None = None  # what the sentence embedder reads, when one is used

    @property
    def day(self) -> int | None:
        return iso_ordinal(self.doc.date)


def article_facts(analysis: DocAnalysis, rules: StoryRules, with_text: bool = False) -> ArticleFacts:
    return ArticleFacts(analysis.doc_id, story_doc(analysis),
                        tuple(article_mentions(analysis, rules.linking.new_instance_window)),
                        tuple((e.id, e.name) for e in analysis.entities),
                        embed_text(analysis) if with_text else None)


def mention_id(m: EventMention) -> str:
    """A mention's id across the corpus: its article and its place among the article's events."""
    return f"{m.doc_id}\x1f{m.position}"


def blocks(m: EventMention) -> list[str]:
    """The blocking keys linking files a mention under: its type with each actor key."""
    return sorted({f"{m.event.type}\x1f{k}" for p in m.participants for k in p.keys})


def link_component(mentions: Iterable[EventMention], rules: StoryRules) -> list[tuple[EventOrder, EventDraft]]:
    """The story events of the mentions of one component, each with its place in the numbering."""
    return [(event_order(c), c) for c in link_mentions(in_date_order(mentions), rules)]


def event_id(number: int) -> str:
    """The id of the story event numbered ``number`` (from 1)."""
    return f"ev{number}"


def linked_edges(c: EventDraft) -> list[tuple[str, str]]:
    """Edges tying the articles of one story event (each to the first by id)."""
    docs = sorted(c.docs)
    return [(docs[0], d) for d in docs[1:]]


def keyed_docs(doc: StoryDoc) -> list[tuple[str, tuple[str, int | None]]]:
    """(key, (doc id, day)) for each actor key of an article."""
    day = iso_ordinal(doc.date)
    return [(k, (doc.doc_id, day)) for k, _ in doc.keys]


def key_pairs(posted: Iterable[tuple[str, int | None]], max_gap: int) -> list[tuple[str, str]]:
    """The pairs of articles one key proposes: those close enough in time (the key is in no
    more than ``key_df_cap`` articles, so these are few)."""
    listed = sorted(set(posted))
    return list(close_pairs([d for d, _ in listed], dict(listed), max_gap))


def doc_vector(doc: StoryDoc, df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """An article's actor vector with the corpus' counts (``df`` need cover only its keys)."""
    return actor_vector(doc.keys, KeyCounts(n_docs, df))


def pair_joins(a: Mapping[str, float], b: Mapping[str, float], rules: StoryRules, embedding: bool) -> bool:
    return may_join(similarity(a, b), rules.clustering, embedding)


def group_component(docs: Sequence[StoryDoc], df: Mapping[str, int], n_docs: int, linked: Iterable[Iterable[str]],
                    rules: StoryRules, embedder: Embedder | None = None,
                    texts: Mapping[str, str] | None = None) -> list[list[str]]:
    """The stories (doc ids in date order) of one grouping component: ``df`` the corpus' counts of
    its articles' keys, ``linked`` the articles of its story events."""
    shown = dict(texts or {})
    return group_documents(docs, [set(d) for d in linked], rules.clustering, embedder,
                           lambda ids: {d: shown.get(d, "") for d in ids}, KeyCounts(n_docs, df))


def story_order(docs: Sequence[StoryDoc]) -> tuple[int, int, str]:
    """Where a story comes among all stories: by its first article (``docs`` in date order)."""
    return date_key(docs[0].date, docs[0].doc_id)


def build_story(docs: Sequence[StoryDoc], events: Iterable[tuple[int, EventDraft]],
                names: Iterable[tuple[str, str, str]], rules: StoryRules) -> Story:
    """One story from its articles (in date order), its story events (number, linked mentions)
    and the (doc id, entity id, name) of its articles' entities."""
    numbered = [(event_id(n), c) for n, c in sorted(events, key=lambda t: t[0])]
    return assemble_story([d.doc_id for d in docs], numbered, {d.doc_id: d for d in docs},
                          {(d, e): n for d, e, n in names}, rules)


class _Components:
    """Union-find over string nodes: the one-process stand-in for Spark's connected components."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def stories_local(analyses: Sequence[DocAnalysis], rules: StoryRules, embedder: Embedder | None = None,
                  on_component: Callable[[str, int], None] | None = None) -> StoryAnalysis:
    """The steps in one process: the stories :func:`cronaca.story.build` gives (without an
    embedder: ``embedder=None``), built piece by piece as on Spark.  ``on_component(kind, size)``
    sees the size of every linking and grouping component."""
    facts = [article_facts(a, rules, embedder is not None) for a in analyses]
    # 2. linking components: mentions tied through the blocks they share
    comps = _Components()
    by_id = {mention_id(m): m for f in facts for m in f.mentions}
    hubs: dict[str, str] = {}
    for mid, m in by_id.items():
        comps.find(mid)
        for b in blocks(m):
            comps.union(hubs.setdefault(b, mid), mid)
    parts: dict[str, list[EventMention]] = defaultdict(list)
    for mid, m in by_id.items():
        parts[comps.find(mid)].append(m)
    drafts: list[tuple[EventOrder, EventDraft]] = []
    for part in parts.values():
        if on_component:
            on_component("link", len(part))
        drafts.extend(link_component(part, rules))
    drafts.sort(key=lambda t: t[0])
    numbered = [(n, c) for n, (_, c) in enumerate(drafts, start=1)]
    # 3. grouping components: articles tied through story events and pairs that may join
    docs = {f.doc_id: f.doc for f in facts}
    df: dict[str, int] = defaultdict(int)
    for doc in docs.values():
        for k, _ in doc.keys:
            df[k] += 1
    n_docs, cap = len(facts), key_df_cap(len(facts))
    vectors = {d: doc_vector(doc, df, n_docs) for d, doc in docs.items()}
    posted: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for doc in docs.values():
        for k, at in keyed_docs(doc):
            if df[k] <= cap:
                posted[k].append(at)
    groups_of = _Components()
    for doc_id in docs:
        groups_of.find(doc_id)
    for _, c in numbered:
        for a, b in linked_edges(c):
            groups_of.union(a, b)
    for listed in posted.values():
        for a, b in key_pairs(listed, rules.clustering.max_gap_days):
            if pair_joins(vectors[a], vectors[b], rules, embedder is not None):
                groups_of.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in docs:
        members[groups_of.find(doc_id)].append(doc_id)
    linked_in: dict[str, list[set[str]]] = defaultdict(list)
    for _, c in numbered:
        linked_in[groups_of.find(next(iter(c.docs)))].append(c.docs)
    texts = {f.doc_id: f.text or "" for f in facts}
    groups: list[list[str]] = []
    for root, ids in members.items():
        if on_component:
            on_component("group", len(ids))
        keys = {k for d in ids for k, _ in docs[d].keys}
        groups.extend(group_component([docs[d] for d in ids], {k: df[k] for k in keys}, n_docs,
                                      linked_in[root], rules, embedder, {d: texts[d] for d in ids}))
    # 4. per story
    story_of = {d: g[0] for g in groups for d in g}
    events_of: dict[str, list[tuple[int, EventDraft]]] = defaultdict(list)
    for n, c in numbered:
        events_of[story_of[first_mention(c).doc_id]].append((n, c))
    names = {f.doc_id: f.names for f in facts}
    built = [(story_order([docs[d] for d in g]),
              build_story([docs[d] for d in g], events_of[g[0]],
                          [(d, e, name) for d in g for e, name in names[d]], rules)) for g in groups]
    built.sort(key=lambda t: t[0])
    return StoryAnalysis(tuple(s for _, s in built))
