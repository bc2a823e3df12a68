"""The stories of a corpus on Spark: cronaca's own story build, step by step (:mod:`cronaca.spark.steps`).

Blocking finds the pieces: mentions sharing a (type, actor key) block, through one edge per
mention and block, make the linking components; story events and the article pairs that
:func:`cronaca.story.group.may_join` make the grouping components (a key in more than
``key_df_cap`` articles proposes no pair, as in cronaca's own grouping).  Connected components
come from label propagation over the edges (:func:`connected`); each component is then linked
or grouped by cronaca's own code in one task, and each story assembled in one task.  No step
compares all pairs; the result is the one :func:`cronaca.story.build` gives on the same articles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from operator import add
from typing import TYPE_CHECKING, Any

from cronaca.export.stories import STORY_TABLES
from cronaca.records import Story
from cronaca.spark.steps import (
    ArticleFacts,
    blocks,
    build_story,
    doc_vector,
    group_component,
    key_pairs,
    keyed_docs,
    link_component,
    linked_edges,
    mention_id,
    pair_joins,
    story_order,
)
from cronaca.story.build import first_mention
from cronaca.story.group import default_embedder, key_df_cap
from cronaca.story.rules import StoryRules, load_rules

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)


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


def _pairs_rdd(df: DataFrame) -> RDD[tuple[str, str]]:
    return df.rdd.map(lambda row: (row[0], row[1]))


def _link(spark: SparkSession, facts: RDD[ArticleFacts], rules: StoryRules, parts: int) -> RDD[tuple[int, Any]]:
    """(number, story event) for every story event: mentions linked component by component."""
    from pyspark.sql import functions as F

    mentions = facts.flatMap(lambda f: [(mention_id(m), m) for m in f.mentions])
    filed = spark.createDataFrame(facts.flatMap(lambda f: [(mention_id(m), b) for m in f.mentions for b in blocks(m)]),
                                  "node string, block string")
    hubs = filed.groupBy("block").agg(F.min("node").alias("hub"))
    edges = (filed.join(hubs, "block").where(F.col("node") != F.col("hub"))
             .select(F.col("node").alias("a"), F.col("hub").alias("b")))
    nodes = spark.createDataFrame(mentions.keys().map(lambda k: (k,)), "node string")
    pieces = _pairs_rdd(connected(nodes, edges)).join(mentions, parts).map(lambda kv: kv[1]).groupByKey(parts)
    drafts = pieces.flatMap(lambda kv: link_component(kv[1], rules))
    return drafts.sortBy(lambda t: t[0], numPartitions=parts).zipWithIndex().map(lambda t: (t[1] + 1, t[0][1]))


def _group(spark: SparkSession, facts: RDD[ArticleFacts], events: RDD[tuple[int, Any]], rules: StoryRules,
           embed: bool, parts: int) -> RDD[list[str]]:
    """The stories' articles (doc ids in date order): articles grouped component by component."""
    docs = facts.map(lambda f: (f.doc_id, f.doc))
    n_docs = docs.count()
    cap = key_df_cap(n_docs)
    max_gap = rules.clustering.max_gap_days
    keyed = docs.flatMap(lambda kv: keyed_docs(kv[1]))  # (key, (doc id, day))
    counted = keyed.join(keyed.mapValues(lambda _: 1).reduceByKey(add, parts), parts).cache()  # (key, ((doc id, day), df))
    doc_df = counted.map(lambda kv: (kv[1][0][0], (kv[0], kv[1][1]))).groupByKey(parts).mapValues(dict)
    vectors = docs.join(doc_df, parts).mapValues(lambda t: doc_vector(t[0], t[1], n_docs))
    pairs = (counted.filter(lambda kv: kv[1][1] <= cap).map(lambda kv: (kv[0], kv[1][0])).groupByKey(parts)
             .flatMap(lambda kv: key_pairs(kv[1], max_gap)).distinct(parts))
    alike = (pairs.join(vectors, parts).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))  # (b, (a, vector a))
             .join(vectors, parts).filter(lambda kv: pair_joins(kv[1][0][1], kv[1][1], rules, embed))
             .map(lambda kv: (kv[1][0][0], kv[0])))
    edges = alike.union(events.flatMap(lambda t: linked_edges(t[1])))
    nodes = spark.createDataFrame(docs.keys().map(lambda k: (k,)), "node string")
    comp = _pairs_rdd(connected(nodes, spark.createDataFrame(edges, "a string, b string")))
    info = (facts.map(lambda f: (f.doc_id, (f.doc, f.text))).leftOuterJoin(doc_df, parts)  # (doc id, ((doc, text), df))
            .join(comp, parts).map(lambda kv: (kv[1][1], kv[1][0])))
    linked = events.map(lambda t: (min(t[1].docs), sorted(t[1].docs))).join(comp, parts).map(lambda kv: (kv[1][1], kv[1][0]))

    def group(kv: tuple[str, tuple[Iterable[Any], Iterable[list[str]]]]) -> list[list[str]]:
        members, story_events = list(kv[1][0]), kv[1][1]
        df: dict[str, int] = {}
        for _, counts in members:
            df.update(counts or {})
        return group_component([doc for (doc, _), _ in members], df, n_docs, story_events, rules,
                               default_embedder() if embed else None,
                               {doc.doc_id: text or "" for (doc, text), _ in members})
    return info.cogroup(linked, parts).flatMap(group)


def build_stories(spark: SparkSession, facts: RDD[ArticleFacts], *, rules: StoryRules | None = None,
                  embed: bool = False) -> RDD[tuple[int, Story]]:
    """(position, story) for every story of the articles' ``facts`` (see :mod:`cronaca.spark.steps`);
    ``embed``: let the sentence embedder help group articles, as :func:`cronaca.story.build` does
    when it is installed."""
    from pyspark import StorageLevel

    rules = rules or load_rules()
    if not facts.is_cached:
        facts = facts.persist(StorageLevel.MEMORY_AND_DISK)
    parts = max(facts.getNumPartitions(), spark.sparkContext.defaultParallelism)
    events = _link(spark, facts, rules, parts).cache()
    groups = _group(spark, facts, events, rules, embed, parts).cache()
    doc_story = groups.flatMap(lambda g: [(d, g[0]) for d in g])
    story_events = (events.map(lambda t: (first_mention(t[1]).doc_id, t)).join(doc_story, parts)
                    .map(lambda kv: (kv[1][1], kv[1][0])))
    story_docs = (facts.map(lambda f: (f.doc_id, (f.doc, f.names))).join(doc_story, parts)
                  .map(lambda kv: (kv[1][1], (kv[0], kv[1][0]))))

    def assemble(kv: tuple[str, Iterable[tuple[int, Any]]]) -> tuple[Any, Story]:
        found: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
        for tag, value in kv[1]:
            found[tag].append(value)
        (docs,), numbered, infos = found[0], found[1], dict(found[2])
        ordered = [infos[d][0] for d in docs]
        names = [(d, e, name) for d in docs for e, name in infos[d][1]]
        return story_order(ordered), build_story(ordered, numbered, names, rules)
    tagged = (groups.map(lambda g: (g[0], (0, g))).union(story_events.mapValues(lambda t: (1, t)))
              .union(story_docs.mapValues(lambda t: (2, t))))
    built = tagged.groupByKey(parts).map(assemble)
    numbered = built.sortBy(lambda t: t[0], numPartitions=parts).zipWithIndex().map(lambda t: (t[1], t[0][1]))
    return numbered.persist(StorageLevel.MEMORY_AND_DISK)  # every story table reads them


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
