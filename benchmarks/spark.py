"""cronaca spark against one process: articles/s on local[2], and story-linking time as events grow.

1. Analysis: N DICE articles (default 2,000) written as one JSON Lines corpus, analysed by one
   process (``Analyzer.analyze_many``) and by ``cronaca.spark.analyse_corpus`` on ``--master``
   (default local[2], ``--partitions`` partitions); both times include loading the pipeline.
2. Linking: synthetic events (10 types, participants drawn from a pool of a fifth as many names,
   three events an article, dates over one year) from 10^3 to ``--max-events``, linked with
   ``cronaca.spark.link_events``; prints seconds and story events for each size.

    .venv/bin/python benchmarks/spark.py --n 2000 --max-events 1000000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_corpus


def bench_analysis(spark, n: int, partitions: int, data_dir: Path) -> None:
    from cronaca.ingest import article_from_text
    from cronaca.pipeline import Analyzer
    from cronaca.spark import analyse_corpus

    corpus = load_corpus(data_dir, n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc_id, text, _ in corpus:
                fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        analyzer = Analyzer()
        articles = [article_from_text(text, doc_id=doc_id) for doc_id, text, _ in corpus]
        single = sum(1 for _ in analyzer.analyze_many(articles))
        t_single = time.perf_counter() - t0
        t0 = time.perf_counter()
        tables = analyse_corpus(spark, str(path), partitions=partitions)
        on_spark = tables["documents"].count()
        t_spark = time.perf_counter() - t0
    print(f"analysis of {len(corpus)} DICE articles")
    print(f"  one process      {single:>6} articles {t_single:>8.1f} s {single / t_single:>7.2f} articles/s")
    print(f"  spark {spark.sparkContext.master:<10} {on_spark:>6} articles {t_spark:>8.1f} s "
          f"{on_spark / t_spark:>7.2f} articles/s ({partitions} partitions)")


def synthetic(spark, n_events: int):
    from pyspark.sql import functions as F

    types = F.array(*[F.lit(t) for t in ("CONSULT", "ACCUSE", "ASSAULT", "ARREST", "PROTEST", "AGREE",
                                         "REQUEST", "COERCE", "SANCTION", "RETREAT")])
    pool = max(10, n_events // 5)
    events = (spark.range(n_events)
              .withColumn("doc_id", F.concat(F.lit("d"), (F.col("id") / 3).cast("long").cast("string")))
              .withColumn("event_id", F.concat(F.lit("e"), (F.col("id") % 3).cast("string")))
              .withColumn("type", F.element_at(types, (F.abs(F.hash("id", F.lit(1))) % 10 + 1).cast("int")))
              .withColumn("actor_names", F.concat(F.lit("attore "), (F.abs(F.hash("id", F.lit(2))) % pool)
                                                  .cast("string")))
              .withColumn("recipient_names", F.concat(F.lit("attore "), (F.abs(F.hash("id", F.lit(3))) % pool)
                                                      .cast("string")))
              .drop("id"))
    documents = (events.select("doc_id").distinct()
                 .withColumn("date", F.date_format(F.date_add(F.lit("2025-01-01").cast("date"),
                                                               (F.abs(F.hash("doc_id")) % 365).cast("int")),
                                                   "yyyy-MM-dd")))
    claims = spark.createDataFrame([], "doc_id string, event_id string, claim long, time_value string")
    return events.cache(), claims, documents.cache()


def bench_linking(spark, max_events: int) -> None:
    from cronaca.spark import link_events

    print("story linking of synthetic events")
    n = 1000
    while n <= max_events:
        events, claims, documents = synthetic(spark, n)
        events.count()
        t0 = time.perf_counter()
        linked = link_events(events, claims, documents).cache()
        stories = linked.select("story_event").distinct().count()
        took = time.perf_counter() - t0
        print(f"  {n:>9,} events {took:>8.1f} s {stories:>9,} story events")
        events.unpersist()
        documents.unpersist()
        n *= 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="DICE articles to analyse (0: skip)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--max-events", type=int, default=1_000_000, help="largest synthetic event count (0: skip)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)

    from cronaca.spark.job import session

    spark = session(args.master, "cronaca-bench")
    spark.conf.set("spark.sql.shuffle.partitions", "8")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.n:
            bench_analysis(spark, args.n, args.partitions, args.data_dir)
        if args.max_events:
            bench_linking(spark, args.max_events)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
