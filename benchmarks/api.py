"""Latency of the HTTP API over a large store, and the time to add one article to it.

Builds (once, into the cache path given) a store of N analysed articles of the DICE
Italian crime news corpus, builds its stories, serves the API on 127.0.0.1 with uvicorn
in a thread, and times a bounded run of ``GET /stories`` and ``GET /stories/{id}``
(p50, p99, requests/s), then the time :meth:`cronaca.app.Cronaca.add` takes to analyse,
store and link one more article.

    .venv/bin/python benchmarks/api.py --store /tmp/dice10k.duckdb --n 10000 --requests 300

The first run with a new cache path analyses the N articles (about 20 articles/s on one
core); ``--build-only`` stops after that.  Later runs reuse the cache.  The added article
is written to a copy of the cache, so the cache stays at N articles.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from cronaca.ingest.tokens import read_dice_article
from cronaca.records import Article

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"


def dice_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.csv"), key=lambda p: (len(p.stem), p.stem))


PER_DAY = 30  # DICE articles carry no date: the n-th file is dated FIRST_DAY + n // PER_DAY, as a feed
FIRST_DAY = date(2024, 1, 1)


def dice_articles(files: list[Path], skip: set[str], n: int) -> Iterator[Article]:
    """Articles of the DICE files not in ``skip``, until ``n`` non-empty ones were given, each
    dated as if a feed published :data:`PER_DAY` of them a day in file order."""
    from cronaca.ingest import article_from_text

    given = 0
    for i, path in enumerate(files):
        if given >= n:
            return
        if path.stem in skip:
            continue
        text, _ = read_dice_article(path)
        if text.strip():
            given += 1
            day = (FIRST_DAY + timedelta(days=i // PER_DAY)).isoformat()
            yield article_from_text(text, doc_id=path.stem, source=str(path), date=day)


def build_store(path: Path, data_dir: Path, n: int, model: str) -> int:
    """Analyse and store DICE articles until the store holds ``n``; returns how many it holds."""
    from cronaca.pipeline import Analyzer
    from cronaca.store import Store

    with Store(path) as store:
        have = {a.doc_id for a in store.articles()}
        missing = n - len(have)
        if missing <= 0:
            return len(have)
        print(f"analysing {missing} DICE articles into {path} ...", file=sys.stderr)
        analyzer = Analyzer(model=model)
        t0 = time.perf_counter()
        for done, analysis in enumerate(analyzer.analyze_many(dice_articles(dice_files(data_dir), have, missing)),
                                        start=1):
            store.add(analysis)
            if done % 250 == 0:
                rate = done / (time.perf_counter() - t0)
                print(f"  {done}/{missing} ({rate:.1f} articles/s)", file=sys.stderr, flush=True)
        return len(store)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _time_gets(base: str, paths: list[str]) -> tuple[list[float], float]:
    """Latencies (seconds) of GETs of ``paths`` one after the other, and the wall time."""
    lat = []
    t_all = time.perf_counter()
    for p in paths:
        t0 = time.perf_counter()
        with urllib.request.urlopen(base + p, timeout=60) as resp:
            resp.read()
            if resp.status != 200:
                raise RuntimeError(f"GET {p} answered {resp.status}")
        lat.append(time.perf_counter() - t0)
    return lat, time.perf_counter() - t_all


def _report(name: str, lat: list[float], wall: float) -> None:
    ms = sorted(x * 1000 for x in lat)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    print(f"{name:<22} n={len(ms):<5} p50 {statistics.median(ms):8.1f} ms   p99 {p99:8.1f} ms   "
          f"{len(ms) / wall:7.1f} req/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="cache path of the analysed store")
    parser.add_argument("--n", type=int, default=10_000, help="articles in the store (default 10000)")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint (default 200)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="folder of DICE article CSVs")
    parser.add_argument("--model", default="auto", help="spaCy pipeline: auto, blank or a name/path")
    parser.add_argument("--adds", type=int, default=3, help="articles added one after the other (default 3)")
    parser.add_argument("--build-only", action="store_true", help="build the cache and stop")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"api benchmark: no such folder {args.data_dir}", file=sys.stderr)
        return 2
    held = build_store(args.store, args.data_dir, args.n, args.model)
    print(f"store:                 {args.store} ({held} articles)")
    if args.build_only:
        return 0
    return run(args, held)


def run(args: argparse.Namespace, held: int) -> int:
    import dataclasses

    import uvicorn

    from cronaca.api import create_app
    from cronaca.app import Cronaca
    from cronaca.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="cronaca-bench-"))
    try:
        copy = work / "store.duckdb"
        shutil.copy(args.store, copy)
        t0 = time.perf_counter()
        with Cronaca.open(copy, Settings(model=args.model), refresh=False) as probe:
            stale = not probe.stories_current()
        if stale:  # the cache holds analyses only: build its stories once, into the cache itself
            with Cronaca.open(args.store, Settings(model=args.model)):
                pass
            shutil.copy(args.store, copy)
            print(f"stories built:         {time.perf_counter() - t0:.1f} s (once, stored in the cache)")
        t0 = time.perf_counter()
        app_layer = Cronaca.open(copy, Settings(model=args.model))
        stories = app_layer.stories()
        print(f"open (read stories):   {time.perf_counter() - t0:.2f} s ({len(stories)} stories, "
              f"{sum(len(s.events) for s in stories)} story events)")
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(app_layer), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        _time_gets(base, ["/stories"] * 5)  # warm-up
        pages = [f"/stories?offset={(i * 50) % max(1, len(stories))}" for i in range(args.requests)]
        _report("GET /stories", *_time_gets(base, pages))
        step = max(1, len(stories) // args.requests)
        paths = [f"/stories/{stories[(i * step) % len(stories)].id}" for i in range(args.requests)]
        _report("GET /stories/{id}", *_time_gets(base, paths))

        files = dice_files(args.data_dir)
        held_ids = {a.doc_id for a in app_layer.snapshot.articles}
        held_texts = {a.content_hash for a in app_layer.snapshot.articles}
        fresh = [a for a in dice_articles(files, held_ids, args.adds + 50) if a.content_hash not in held_texts]
        fresh = fresh[:args.adds]  # new texts only: a text already stored is not added again
        last = max((a.date for a in app_layer.snapshot.articles if a.date), default=FIRST_DAY.isoformat())
        t0 = time.perf_counter()
        if fresh:  # the pipeline and its lexicons and gazetteer load on first use: not part of adding
            app_layer.analyzer().analyze(fresh[0])
        print(f"pipeline load:         {time.perf_counter() - t0:.1f} s (once per process, not counted)")
        for n, new in enumerate(fresh, start=1):  # each the latest article: dated the day after the store's last
            new = dataclasses.replace(new, date=(date.fromisoformat(last) + timedelta(days=n)).isoformat())
            t0 = time.perf_counter()
            app_layer.analyzer().analyze(new)
            t_analyse = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = app_layer.add(new)
            t_add = time.perf_counter() - t0
            home = next(s for s in app_layer.stories() if result.analysis.doc_id in s.documents)
            print(f"add article {n}:         {t_add:.3f} s (its analysis alone {t_analyse:.3f} s) — {new.doc_id}, "
                  f"created={result.created}, now {len(app_layer.snapshot.articles)} articles; "
                  f"its story has {len(home.documents)} articles")
        server.should_exit = True
        thread.join(timeout=10)
        app_layer.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
