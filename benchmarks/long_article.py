"""Time and memory of one long article, built from real DICE crime reports.

Joins DICE articles (paragraphs apart, or on one line with ``--one-line``) into one text of
each requested size, analyses it with the shipped pipeline after a warm-up article, and
prints the characters, wall-clock and CPU seconds, CPU seconds per 100k characters, events and the process's peak
resident memory.  Run one size per process to read its own peak memory:

    .venv/bin/python benchmarks/long_article.py --chars 500000
    .venv/bin/python benchmarks/long_article.py --chars 2000000 --one-line
    .venv/bin/python benchmarks/long_article.py --chars 100000 250000 500000   # how cost grows
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_corpus


def long_text(corpus: list[tuple[str, str, int]], chars: int, *, one_line: bool) -> str:
    """The corpus's texts, repeated as needed, joined into ``chars`` characters."""
    sep = " " if one_line else "\n\n"
    parts: list[str] = []
    total = 0
    while total < chars:
        for _, text, _ in corpus:
            piece = " ".join(text.split()) if one_line else text
            parts.append(piece)
            total += len(piece) + len(sep)
            if total >= chars:
                break
    return sep.join(parts)[:chars].rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[500_000], help="sizes in characters")
    parser.add_argument("--one-line", action="store_true", help="the whole article on one line")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA, help="folder of DICE article CSV files")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"long_article: no such folder {args.data_dir}", file=sys.stderr)
        return 2

    from cronaca.ingest import article_from_text
    from cronaca.pipeline import Analyzer

    corpus = load_corpus(args.data_dir, 400)
    analyzer = Analyzer()
    analyzer.analyze(article_from_text(corpus[0][1], doc_id="warm-up", date="2020-01-01", language="it"))
    print(f"{'chars':>10} {'lines':>6} {'seconds':>8} {'CPU s':>7} {'CPU s/100k':>10} {'events':>7} "
          f"{'peak RSS MB':>12}")
    for chars in args.chars:
        text = long_text(corpus, chars, one_line=args.one_line)
        article = article_from_text(text, doc_id=f"long-{chars}", date="2020-01-01", language="it")
        t0, c0 = time.perf_counter(), time.process_time()
        analysis = analyzer.analyze(article)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        print(f"{len(text):>10,} {text.count(chr(10)) + 1:>6} {took:>8.1f} {cpu:>7.1f} {cpu / len(text) * 1e5:>10.2f} "
              f"{len(analysis.events):>7} {rss:>12.0f}")
        for err in analysis.errors:
            print(f"  error: {err}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
