"""cronaca spark against one process: articles/s on local[2], and story-building time as events grow.

1. Analysis: N DICE articles (default 2,000) written as one JSON Lines corpus, analysed by one
   process (``Analyzer.analyze_many`` then :func:`cronaca.story.build`, as ``cronaca analyze``)
   and by :func:`cronaca.spark.analyse_corpus` on ``--master`` (default local[2],
   ``--partitions`` partitions); both times include loading the pipeline.  Prints whether both
   give the same stories (ids and articles).
2. Stories: synthetic articles of three events each, four articles a story (two to four people
   from a pool of two per story, four real-world events among them in a month, at any time in
   two years; see :func:`synthetic_doc`), from 10^3 events to ``--max-events``; prints the seconds :func:`cronaca.spark.build_stories`
   takes (linking, grouping, assembling every story) and, up to ``--max-single`` events, what
   :func:`cronaca.story.build` takes in one process on the same articles.

    .venv/bin/python benchmarks/spark.py --n 2000 --max-events 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_corpus

from cronaca.records import Article, Claim, ClaimTime, Dateline, DocAnalysis, Entity, Event, Span

TYPES = ("CONSULT", "AGREE", "ACCUSE", "REQUEST", "ASSAULT", "ARREST", "AID", "SANCTION")
STATUSES = ("planned", "occurred", "occurred", "cancelled", "denied", "ongoing")
PER_DOC = 3
START = date(2024, 1, 1)


def load() -> str:
    """The load average over the last minute, and the cores: the machine is shared."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def bench_analysis(spark, n: int, partitions: int, data_dir: Path) -> None:
    from cronaca.ingest import article_from_text
    from cronaca.ingest.dates import settle_dates
    from cronaca.pipeline import Analyzer
    from cronaca.spark import analyse_corpus
    from cronaca.story import build

    corpus = load_corpus(data_dir, n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc_id, text, _ in corpus:
                fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        print(f"analysis of {len(corpus)} DICE articles ({load()})", flush=True)
        t0 = time.perf_counter()
        articles = settle_dates([article_from_text(text, doc_id=doc_id) for doc_id, text, _ in corpus])
        analyses = list(Analyzer().analyze_many(articles))
        t_single = time.perf_counter() - t0
        single = build(analyses).stories
        t_single_all = time.perf_counter() - t0
        print(f"  one process      {len(analyses):>6} articles: analysis {t_single:.1f} s "
              f"({len(analyses) / t_single:.2f} articles/s), with the stories {t_single_all:.1f} s "
              f"({len(analyses) / t_single_all:.2f} articles/s; {load()})", flush=True)
        t0 = time.perf_counter()
        tables = analyse_corpus(spark, str(path), partitions=partitions)  # the stories are built before it returns
        on_spark = tables["documents"].count()
        rows = tables["stories"].select("story_id", "documents").collect()
        t_spark = time.perf_counter() - t0
    print(f"  spark {spark.sparkContext.master:<10} {on_spark:>6} articles: analysis with the stories {t_spark:.1f} s "
          f"({on_spark / t_spark:.2f} articles/s; {partitions} partitions, {load()})")
    same = sorted((r["story_id"], r["documents"]) for r in rows) == sorted(
        (s.id, "; ".join(s.documents)) for s in single.stories)
    print(f"  {len(rows)} stories on Spark, {len(single.stories)} in one process; the same: {same}", flush=True)


def synthetic_doc(d: int, n_events: int, seed: int = 7) -> DocAnalysis:
    """Article ``d`` of a corpus of ``n_events`` events, the same wherever it is made.

    The corpus has one story per four articles: two to four people (from a pool of two per
    story, so some people are in two stories) and four real-world events among them over a
    month, at a random time in two years; an article reports three of its story's events.
    """
    rng = random.Random(f"{seed}/{d}")
    n_stories = max(1, n_events // (PER_DOC * 4))
    story = random.Random(f"{seed}/story/{rng.randrange(n_stories)}")
    people = [story.randrange(2 * n_stories) for _ in range(story.choice((2, 3, 3, 4)))]
    begin = START + timedelta(days=story.randrange(730))
    happenings = [(story.choice(TYPES), story.sample(people, min(len(people), story.choice((1, 2, 2)))),
                   begin + timedelta(days=story.randrange(30))) for _ in range(4)]
    entities: dict[int, Entity] = {}
    events = []
    text = f"Articolo {d}. " + " ".join(f"Evento {j} qui." for j in range(PER_DOC))
    reported = rng.sample(happenings, PER_DOC)
    for j, (type_, parts, day) in enumerate(reported):
        refs = []
        for p in parts:
            if p not in entities:
                name = f"Nome{p} Cognome{p}"
                entities[p] = Entity(id=f"e{len(entities) + 1}", name=name if rng.random() < 0.7 else f"Cognome{p}",
                                     type="PER", mentions=())
            refs.append(entities[p].id)
        pos = text.index(f"Evento {j}")
        time_ = ClaimTime(day.isoformat(), "quel giorno", pos, pos + 6) if rng.random() < 0.5 else None
        claim = Claim(status=rng.choice(STATUSES), evidence=(pos, pos + 12), time=time_)  # type: ignore[arg-type]
        events.append(Event(id=f"ev{j + 1}", type=type_, trigger=Span(pos, pos + 6, "Evento"),
                            actors=tuple(refs[:1]), recipients=tuple(refs[1:]), claims=(claim,)))
    published = (max(day for _, _, day in reported) + timedelta(days=rng.randrange(0, 5))).isoformat()
    art = Article(doc_id=f"d{d}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                  date=published, language="it", dateline=Dateline(None, published))
    return DocAnalysis(article=art, entities=tuple(entities.values()), events=tuple(events))


def bench_stories(spark, max_events: int, max_single: int) -> None:
    from pyspark import StorageLevel

    from cronaca.spark import build_stories
    from cronaca.spark.steps import article_facts
    from cronaca.story import build
    from cronaca.story.rules import load_rules

    rules = load_rules()
    parts = spark.sparkContext.defaultParallelism * 2
    print(f"story building of synthetic events ({load()})", flush=True)
    n = 1000
    while n <= max_events:
        n_docs = n // PER_DOC
        facts = (spark.sparkContext.parallelize(range(n_docs), parts)
                 .map(lambda d, n=n: article_facts(synthetic_doc(d, n), rules))
                 .persist(StorageLevel.MEMORY_AND_DISK))
        facts.count()
        t0 = time.perf_counter()
        stories = build_stories(spark, facts, rules=rules).map(lambda t: (t[1].id, len(t[1].documents),
                                                                            len(t[1].events)))
        counts = stories.collect()
        took = time.perf_counter() - t0
        line = (f"  {n:>9,} events {n_docs:>8,} articles  spark {took:>8.1f} s  {len(counts):>8,} stories "
                f"{sum(e for _, _, e in counts):>9,} story events, largest story {max(d for _, d, _ in counts):,} articles")
        if n <= max_single:
            analyses = [synthetic_doc(d, n) for d in range(n_docs)]
            t0 = time.perf_counter()
            single = build(analyses, embedder=None).stories
            took_single = time.perf_counter() - t0
            same = sorted(counts) == sorted((s.id, len(s.documents), len(s.events)) for s in single.stories)
            line += f"  one process {took_single:>7.1f} s (same stories: {same})"
        print(line + f" ({load()})", flush=True)
        facts.unpersist()
        n *= 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="DICE articles to analyse (0: skip)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--max-events", type=int, default=1_000_000, help="largest synthetic event count (0: skip)")
    parser.add_argument("--max-single", type=int, default=100_000,
                        help="largest synthetic event count also built in one process")
    parser.add_argument("--memory", default="6g", help="Spark driver memory (local masters run in the driver)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)

    from cronaca.spark.job import session

    spark = session(args.master, "cronaca-bench", {"spark.driver.memory": args.memory,
                                                   "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.n:
            bench_analysis(spark, args.n, args.partitions, args.data_dir)
        if args.max_events:
            bench_stories(spark, args.max_events, args.max_single)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
