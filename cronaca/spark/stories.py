"""The stories of a corpus on Spark: cronaca's own story build, step by step (:mod:`cronaca.spark.steps`).

Joins and ``groupBy`` in the JVM find the pieces: an edge from each mention to the first
mention of every block it is filed under makes the linking components; the story events'
articles and the pairs of articles sharing an actor key in no more than ``key_df_cap``
articles, close in time and alike enough for grouping to join them (their likeness computed
as cronaca computes it, with a hair of slack: an extra edge only makes a piece larger) make the
grouping components.  Connected components come from label propagation (:func:`connected`).
Each component is linked or grouped, and each story assembled, by cronaca's own code in one
task; what moves between the steps is pickled once, as DataFrame rows.  No step compares all
pairs; the stories are the ones :func:`cronaca.story.build` gives on the same articles.
"""

from __future__ import annotations

import itertools
import logging
import pickle
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from cronaca.export.stories import STORY_TABLES
from cronaca.records import Story
from cronaca.spark.steps import (
    ArticleFacts,
    blocks,
    build_story,
    group_component,
    link_component,
    mention_id,
    story_order,
)
from cronaca.story import StoryDoc
from cronaca.story.build import first_mention
from cronaca.story.group import default_embedder, join_floor, key_df_cap
from cronaca.story.link import EventDraft
from cronaca.story.mentions import date_key
from cronaca.story.rules import StoryRules, load_rules

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)

SLACK = 1e-9  # likeness computed in the JVM may round differently from cronaca's own


def connected(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(node, comp) for every node of ``nodes`` (column ``node``): ``comp`` the smallest node of
    its component of the undirected ``edges`` (columns ``a``, ``b``).  Each round a node takes
    the smallest label among itself and its neighbours, then its label's label; rounds go on
    until no label changes."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).distinct()
    both = both.localCheckpoint()
    labels = nodes.select("node", F.col("node").alias("label")).distinct().localCheckpoint()
    rounds = 0
    while True:
        rounds += 1
        offered = both.join(labels, both.a == labels.node).select(both.b.alias("node"), "label")
        lowest = labels.union(offered).groupBy("node").agg(F.min("label").alias("label"))
        hop = lowest.select(F.col("node").alias("via"), F.col("label").alias("next"))
        jumped = (lowest.join(hop, lowest.label == hop.via, "left")
                  .select("node", F.least("label", F.coalesce("next", "label")).alias("label"))
                  .localCheckpoint())
        moved = (jumped.join(labels.withColumnRenamed("label", "before"), "node")
                 .where(F.col("label") != F.col("before")).limit(1).count())
        labels = jumped
        if not moved:
            log.info("connected components in %d rounds", rounds)
            return labels.withColumnRenamed("label", "comp")


def alike_pairs(keys: DataFrame, counts: DataFrame, n_docs: int, rules: StoryRules, embed: bool) -> DataFrame:
    """(a, b): the pairs of articles grouping may join by their own likeness.  ``keys``: (doc_id, key,
    count, day) of every actor key of every article; ``counts``: (key, df), the articles each key is in."""
    from pyspark.sql import functions as F

    # cronaca.story.group.actor_vector: (1 + ln count) ln(1 + n / df) over the keys in no more than cap articles
    weighted = (keys.join(counts, "key").where(F.col("df") <= key_df_cap(n_docs))
                .withColumn("w", (1 + F.log("count")) * F.log(1 + F.lit(float(n_docs)) / F.col("df"))))
    norms = weighted.groupBy("doc_id").agg(F.sqrt(F.sum(F.col("w") * F.col("w"))).alias("norm"))
    unit = weighted.join(norms, "doc_id").select("doc_id", "key", "day", (F.col("w") / F.col("norm")).alias("u"))
    x, y = unit.alias("x"), unit.alias("y")
    close = (F.col("x.day").isNull() | F.col("y.day").isNull()
             | (F.abs(F.col("x.day") - F.col("y.day")) <= rules.clustering.max_gap_days))
    return (x.join(y, (F.col("x.key") == F.col("y.key")) & (F.col("x.doc_id") < F.col("y.doc_id")) & close)
            .groupBy(F.col("x.doc_id").alias("a"), F.col("y.doc_id").alias("b"))
            .agg(F.sum(F.col("x.u") * F.col("y.u")).alias("sim"))
            .where(F.col("sim") >= join_floor(rules.clustering, embed) - SLACK).select("a", "b"))


def _by_piece(rows: Iterable[Any], column: str) -> Iterator[list[Any]]:
    """The rows of one partition, sorted by ``column``, a list per value of it."""
    for _, members in itertools.groupby(rows, key=lambda r: r[column]):
        yield list(members)


def _link_pieces(rows: Iterable[Any], rules: StoryRules) -> Iterator[tuple[Any, ...]]:
    """(place in the numbering, first article, first mention's position, articles, story event pickled)."""
    for piece in _by_piece(rows, "comp"):
        for key, c in link_component([pickle.loads(r["mention"]) for r in piece], rules):
            first = first_mention(c)
            yield key, first.doc_id, first.position, sorted(c.docs), bytearray(pickle.dumps(c))


def _group_pieces(rows: Iterable[Any], n_docs: int, rules: StoryRules, embed: bool) -> Iterator[tuple[str, str]]:
    """(article, its story's first article) for the articles of the grouping components."""
    embedder = default_embedder() if embed else None
    for piece in _by_piece(rows, "comp"):
        docs: list[StoryDoc] = []
        texts: dict[str, str] = {}
        df: dict[str, int] = {}
        linked: list[list[str]] = []
        for r in piece:
            if r["docs"] is not None:
                linked.append(r["docs"])
                continue
            doc, _names, text = pickle.loads(r["doc"])
            docs.append(doc)
            texts[doc.doc_id] = text or ""
            df.update(r["df"] or {})
        for group in group_component(docs, df, n_docs, linked, rules, embedder, texts):
            yield from ((d, group[0]) for d in group)


def _assemble(rows: Iterable[Any], rules: StoryRules) -> Iterator[tuple[Any, Story]]:
    """(place among the stories, story) for the stories in one partition."""
    for piece in _by_piece(rows, "story"):
        docs: list[StoryDoc] = []
        names: list[tuple[str, str, str]] = []
        events: list[tuple[int, EventDraft]] = []
        for r in piece:
            if r["event"] is not None:
                events.append((r["number"], pickle.loads(r["event"])))
            else:
                doc, doc_names, _text = pickle.loads(r["doc"])
                docs.append(doc)
                names.extend((doc.doc_id, e, n) for e, n in doc_names)
        docs.sort(key=lambda d: date_key(d.date, d.doc_id))
        yield story_order(docs), build_story(docs, events, names, rules)


def build_stories(spark: SparkSession, facts: RDD[ArticleFacts], *, rules: StoryRules | None = None,
                  embed: bool = False) -> RDD[tuple[int, Story]]:
    """(position, story) for every story of the articles' ``facts``, built at once and kept (every
    story table reads them); ``embed``: let the sentence embedder help group articles, as
    :func:`cronaca.story.build` does when it is installed."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    rules = rules or load_rules()
    keep = StorageLevel.MEMORY_AND_DISK
    parts = max(facts.getNumPartitions(), spark.sparkContext.defaultParallelism)
    mentions = spark.createDataFrame(
        facts.flatMap(lambda f: [(mention_id(m), bytearray(pickle.dumps(m))) for m in f.mentions]),
        "node string, mention binary").persist(keep)
    filed = spark.createDataFrame(facts.flatMap(lambda f: [(mention_id(m), b) for m in f.mentions for b in blocks(m)]),
                                  "node string, block string").persist(keep)
    docs = spark.createDataFrame(facts.map(lambda f: (f.doc_id, bytearray(pickle.dumps((f.doc, f.names, f.text))))),
                                 "doc_id string, doc binary").persist(keep)
    keys = spark.createDataFrame(facts.flatMap(lambda f: [(f.doc_id, k, c, f.day) for k, c in f.doc.keys]),
                                 "doc_id string, key string, count long, day long").persist(keep)
    n_docs = docs.count()

    # 1. linking, component by component; the story events numbered in the corpus
    hubs = filed.groupBy("block").agg(F.min("node").alias("hub"))
    edges = (filed.join(hubs, "block").where(F.col("node") != F.col("hub"))
             .select(F.col("node").alias("a"), F.col("hub").alias("b")))
    linking = connected(mentions.select("node"), edges)
    linked = (mentions.join(linking, "node").repartition(parts, "comp").sortWithinPartitions("comp").rdd
              .mapPartitions(lambda rows: _link_pieces(rows, rules)).persist(keep))
    numbers = spark.createDataFrame(
        linked.map(lambda t: (t[0], (t[1], t[2]))).sortByKey(numPartitions=parts).zipWithIndex()
        .map(lambda t: (t[0][1][0], t[0][1][1], t[1] + 1)), "first_doc string, first_position long, number long")
    events = spark.createDataFrame(linked.map(lambda t: t[1:]),
                                   "first_doc string, first_position long, docs array<string>, event binary")
    events = events.join(numbers, ["first_doc", "first_position"]).persist(keep)

    # 2. grouping, component by component
    counts = keys.groupBy("key").agg(F.count("*").alias("df"))
    together = (events.where(F.size("docs") > 1)
                .select(F.col("docs")[0].alias("a"), F.explode(F.slice("docs", 2, 1 << 30)).alias("b")))
    grouping = connected(docs.select(F.col("doc_id").alias("node")),
                         together.union(alike_pairs(keys, counts, n_docs, rules, embed)))
    doc_df = (keys.join(counts, "key").groupBy("doc_id")
              .agg(F.map_from_entries(F.collect_list(F.struct("key", "df"))).alias("df")))
    members = (docs.join(grouping.withColumnRenamed("node", "doc_id"), "doc_id").join(doc_df, "doc_id", "left"))
    story_sets = (events.where(F.size("docs") > 1).select(F.col("docs")[0].alias("node"), "docs")
                  .join(grouping, "node").select("comp", "docs"))
    grouped = (members.unionByName(story_sets, allowMissingColumns=True)
               .repartition(parts, "comp").sortWithinPartitions("comp").rdd
               .mapPartitions(lambda rows: _group_pieces(rows, n_docs, rules, embed)))
    story_of = spark.createDataFrame(grouped, "doc_id string, story string").persist(keep)

    # 3. each story on its own
    parts_of_story = (docs.join(story_of, "doc_id").select("story", "doc")
                      .unionByName(events.join(story_of.withColumnRenamed("doc_id", "first_doc"), "first_doc")
                                   .select("story", "number", "event"), allowMissingColumns=True))
    built = (parts_of_story.repartition(parts, "story").sortWithinPartitions("story").rdd
             .mapPartitions(lambda rows: _assemble(rows, rules)))
    stories = (built.sortBy(lambda t: t[0], numPartitions=parts).zipWithIndex()
               .map(lambda t: (t[1], t[0][1])).persist(keep))
    log.info("%d stories", stories.count())
    for kept in (mentions, filed, docs, keys, events, story_of):
        kept.unpersist()
    linked.unpersist()
    return stories


def story_tables(spark: SparkSession, stories: RDD[tuple[int, Story]], lang: str = "en") -> dict[str, DataFrame]:
    """One DataFrame per story table of :mod:`cronaca.export.stories` (the columns of ``cronaca export``)."""
    from cronaca.spark.job import table_schema

    out: dict[str, DataFrame] = {}
    for table in STORY_TABLES:
        columns = table.column_names

        def rows(t: tuple[int, Story], table: Any = table, columns: tuple[str, ...] = columns) -> list[tuple[Any, ...]]:
            return [tuple(r[c] for c in columns) for r in table.rows([t], lang)]
        out[table.name] = spark.createDataFrame(stories.flatMap(rows), table_schema(table.name))
    return out
