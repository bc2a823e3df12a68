"""Throughput of the whole per-article pipeline on real Italian news.

Reads N articles of the DICE Italian crime news corpus (one CSV of tokens per article,
re-joined into text with Italian spacing rules), runs ``Analyzer().analyze`` on each and
prints articles/s, tokens/s and the peak resident memory of the process.

    .venv/bin/python benchmarks/throughput.py --n 500
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from cronaca.ingest.tokens import read_dice_article

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"


def load_corpus(data_dir: Path, n: int) -> list[tuple[str, str, int]]:
    """(doc_id, text, tokens) of the first ``n`` non-empty articles, in numeric file order."""
    files = sorted(data_dir.glob("*.csv"), key=lambda p: (len(p.stem), p.stem))
    found: list[tuple[str, str, int]] = []
    for path in files:
        text, count = read_dice_article(path)
        if text.strip():
            found.append((path.stem, text, count))
        if len(found) == n:
            break
    return found


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return kb / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="number of articles (default 500)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                        help="folder of DICE article CSV files (default ../shared/data/DICE-ItalianCrimeNews/articles)")
    parser.add_argument("--model", default="auto", help="spaCy pipeline: auto, blank or a name/path")
    args = parser.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"throughput: no such folder {args.data_dir}", file=sys.stderr)
        return 2

    from cronaca.ingest import article_from_text
    from cronaca.pipeline import Analyzer

    t0 = time.perf_counter()
    corpus = load_corpus(args.data_dir, args.n)
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    articles = [article_from_text(text, doc_id=doc_id, source=str(args.data_dir / f"{doc_id}.csv"))
                for doc_id, text, _ in corpus]
    t_ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyzer = Analyzer(model=args.model)
    analyzer.analyze(articles[0])  # the lexicons and the gazetteer load lazily: count them as loading
    t_load = time.perf_counter() - t0

    tokens = sum(count for _, _, count in corpus)
    chars = sum(len(a.text) for a in articles)
    errors = 0
    t0 = time.perf_counter()
    for analysis in analyzer.analyze_many(articles):  # the nlp stage batched, as `cronaca analyze` runs it
        errors += bool(analysis.errors)
    t_run = time.perf_counter() - t0

    n = len(articles)
    print(f"articles:          {n} ({tokens:,} tokens, {chars:,} characters) from {args.data_dir}")
    print(f"pipeline:          {args.model} -> {', '.join(analyzer.nlp.pipe_names) or 'tokenizer only'}")
    print(f"read + rejoin:     {t_read:.2f} s")
    print(f"ingest:            {t_ingest:.2f} s ({n / t_ingest:.1f} articles/s; dateline, hash, language)")
    print(f"load pipeline:     {t_load:.2f} s (with the data files and one article)")
    print(f"analyse:           {t_run:.2f} s")
    print(f"articles/s:        {n / t_run:.1f}")
    print(f"tokens/s:          {tokens / t_run:,.0f}")
    print(f"articles w/ errors: {errors}")
    print(f"peak RSS:          {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
