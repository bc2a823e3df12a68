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
   enough (:func:`cronaca.story.group.may_join`; :func:`may_join_pairs`, which Spark computes
   by joins in the JVM); the articles connected by those are grouped apart, by cronaca's own
   grouping with the corpus' key counts (:func:`group_component`).
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
    UnionFind,
    actor_vector,
    close_pairs,
    embed_text,
    group_documents,
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


def may_join_pairs(docs: Sequence[StoryDoc], rules: StoryRules, embedding: bool) -> list[tuple[str, str]]:
    """The pairs of articles (in id order) grouping may join by their own likeness: sharing a key in
    no more than ``key_df_cap`` of ``docs``, close in time, alike enough (:func:`may_join`)."""
    counts = KeyCounts.of(docs)
    vectors = {d.doc_id: actor_vector(d.keys, counts) for d in docs}
    posted: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        for k, _ in d.keys:
            if counts.df[k] <= counts.cap:
                posted[k].append(d.doc_id)
    days = {d.doc_id: iso_ordinal(d.date) for d in docs}
    pairs = {p for ids in posted.values() for p in close_pairs(ids, days, rules.clustering.max_gap_days)}
    return sorted((a, b) for a, b in pairs
                  if may_join(similarity(vectors[a], vectors[b]), rules.clustering, embedding))


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


def stories_local(analyses: Sequence[DocAnalysis], rules: StoryRules, embedder: Embedder | None = None,
                  on_component: Callable[[str, int], None] | None = None) -> StoryAnalysis:
    """The steps in one process: the stories :func:`cronaca.story.build` gives (without an
    embedder: ``embedder=None``), built piece by piece as on Spark.  ``on_component(kind, size)``
    sees the size of every linking and grouping component."""
    facts = [article_facts(a, rules, embedder is not None) for a in analyses]
    numbered = _link_local(facts, rules, on_component)
    docs = {f.doc_id: f.doc for f in facts}
    groups = _group_local(facts, numbered, rules, embedder, on_component)
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


def _link_local(facts: Sequence[ArticleFacts], rules: StoryRules,
                on_component: Callable[[str, int], None] | None) -> list[tuple[int, EventDraft]]:
    """The story events, numbered: mentions linked by component (tied through shared blocks)."""
    by_id = {mention_id(m): m for f in facts for m in f.mentions}
    comps = UnionFind(by_id)
    hubs: dict[str, str] = {}
    for mid, m in by_id.items():
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
    return [(n, c) for n, (_, c) in enumerate(drafts, start=1)]


def _group_local(facts: Sequence[ArticleFacts], numbered: Sequence[tuple[int, EventDraft]], rules: StoryRules,
                 embedder: Embedder | None, on_component: Callable[[str, int], None] | None) -> list[list[str]]:
    """The stories' articles: grouped by component (tied through story events and pairs that may join)."""
    docs = {f.doc_id: f.doc for f in facts}
    counts = KeyCounts.of(list(docs.values()))
    comps = UnionFind(docs)
    for _, c in numbered:
        for a, b in linked_edges(c):
            comps.union(a, b)
    for a, b in may_join_pairs(list(docs.values()), rules, embedder is not None):
        comps.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id in docs:
        members[comps.find(doc_id)].append(doc_id)
    linked_in: dict[str, list[set[str]]] = defaultdict(list)
    for _, c in numbered:
        linked_in[comps.find(next(iter(c.docs)))].append(c.docs)
    texts = {f.doc_id: f.text or "" for f in facts}
    groups: list[list[str]] = []
    for root, ids in members.items():
        if on_component:
            on_component("group", len(ids))
        keys = {k for d in ids for k, _ in docs[d].keys}
        groups.extend(group_component([docs[d] for d in ids], {k: counts.df[k] for k in keys}, len(docs),
                                      linked_in[root], rules, embedder, {d: texts[d] for d in ids}))
    return groups
