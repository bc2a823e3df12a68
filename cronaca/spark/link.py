"""Story linking at corpus scale: blocking keys, joins and groupBy, never all pairs.

Each event gets its blocking keys: its PLOVER type, each participant (actor or recipient name,
folded as the story layer folds names, :func:`cronaca.story.actors.norm`) and its time bucket
(the day of its first dated claim, else its article's date, in buckets of ``bucket_days``; an
event is put in its own bucket and the next, so two events less than ``bucket_days`` apart
always share one).  Two events of different articles that share a block are linked; story
events are the connected components of those links (label propagation: every event takes the
smallest event key among its neighbours until nothing changes).  :func:`link_local` is the same
linking in one process, the reference the Spark version is tested against.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from cronaca.folding import fold

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

BUCKET_DAYS = 7
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
UNDATED = -1


def day_number(value: str | None) -> int | None:
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def block_keys(event: Mapping[str, Any], day: int | None, bucket_days: int = BUCKET_DAYS) -> Iterator[str]:
    """The blocks of one event row (an ``events`` table row): type | participant | time bucket."""
    names = [n for field in ("actor_names", "recipient_names") for n in (event.get(field) or "").split("; ") if n]
    buckets = (UNDATED,) if day is None else (day // bucket_days, day // bucket_days + 1)
    for name in sorted({fold(n) for n in names}):
        for bucket in buckets:
            yield f"{event['type']}|{name}|{bucket}"


def event_days(claims: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Event key (``doc_id/event_id``) -> day of its first dated claim; ``doc:<id>`` -> article day."""
    days: dict[str, int] = {}
    for c in sorted(claims, key=lambda c: (c["doc_id"], c["event_id"], c["claim"])):
        d = day_number(c.get("time_value"))
        key = f"{c['doc_id']}/{c['event_id']}"
        if d is not None and key not in days:
            days[key] = d
    for doc in documents:
        d = day_number(doc.get("date"))
        if d is not None:
            days[f"doc:{doc['doc_id']}"] = d
    return days


def link_local(events: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]],
               documents: Iterable[Mapping[str, Any]], bucket_days: int = BUCKET_DAYS) -> dict[str, str]:
    """Event key -> story event key (the smallest event key of its component), in one process."""
    days = event_days(claims, documents)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ev in events:
        key = f"{ev['doc_id']}/{ev['event_id']}"
        parent[key] = key
        day = days.get(key, days.get(f"doc:{ev['doc_id']}"))
        for block in block_keys(ev, day, bucket_days):
            blocks[block].append((ev["doc_id"], key))
    for members in blocks.values():
        docs = {d for d, _ in members}
        if len(docs) < 2:
            continue
        first = members[0][1]
        for _, key in members[1:]:  # a block of two articles or more: all its events are linked
            a, b = find(first), find(key)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {key: find(key) for key in parent}


def link_events(events: DataFrame, claims: DataFrame, documents: DataFrame, *,
                bucket_days: int = BUCKET_DAYS, max_rounds: int = 50) -> DataFrame:
    """``story_events``: (doc_id, event_id, story_event) for every event, linked by joins on blocks."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    key = F.concat_ws("/", "doc_id", "event_id")
    day_of = F.udf(day_number, T.LongType(), useArrow=False)  # the same day arithmetic as link_local (bad dates: none)
    first_claim = (claims.withColumn("claim_day", day_of("time_value")).where(F.col("claim_day").isNotNull())
                   .groupBy("doc_id", "event_id").agg(F.min_by("claim_day", "claim").alias("claim_day")))
    doc_day = documents.select("doc_id", day_of("date").alias("doc_day"))
    norm_udf = F.udf(fold, T.StringType(), useArrow=False)
    dated = (events.join(first_claim, ["doc_id", "event_id"], "left").join(doc_day, "doc_id", "left")
             .withColumn("day", F.coalesce("claim_day", "doc_day")))
    names = F.array_union(F.split(F.coalesce("actor_names", F.lit("")), "; "),
                          F.split(F.coalesce("recipient_names", F.lit("")), "; "))
    bucket = F.floor(F.col("day") / bucket_days).cast("long")
    blocks = (dated.withColumn("key", key)
              .withColumn("name", F.explode(F.array_distinct(F.filter(names, lambda n: n != ""))))
              .withColumn("name", norm_udf("name"))
              .withColumn("bucket", F.explode(F.when(F.col("day").isNull(), F.array(F.lit(UNDATED).cast("long")))
                                              .otherwise(F.array(bucket, bucket + 1))))
              .select("key", "doc_id", F.concat_ws("|", "type", "name", "bucket").alias("block"))
              .distinct())
    # a block with events of two articles or more links all its events to its smallest key
    linked_blocks = (blocks.groupBy("block").agg(F.countDistinct("doc_id").alias("docs"), F.min("key").alias("hub"))
                     .where(F.col("docs") >= 2))
    edges = (blocks.join(linked_blocks, "block").where(F.col("key") != F.col("hub"))
             .select(F.col("key").alias("a"), F.col("hub").alias("b")).distinct())
    edges = edges.union(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).distinct().cache()
    labels = events.select(key.alias("node")).distinct().withColumn("label", F.col("node")).localCheckpoint()
    for _ in range(max_rounds):
        offered = edges.join(labels, edges.a == labels.node).select(F.col("b").alias("node"), "label")
        updated = labels.union(offered).groupBy("node").agg(F.min("label").alias("label")).localCheckpoint()
        changed = updated.join(labels.withColumnRenamed("label", "old"), "node").where(F.col("label") != F.col("old"))
        labels = updated
        if changed.isEmpty():
            break
    return (events.select("doc_id", "event_id", key.alias("node")).join(labels, "node")
            .select("doc_id", "event_id", F.col("label").alias("story_event")))
