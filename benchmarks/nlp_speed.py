"""Throughput of cronaca's nlp stage on real Italian local news (DICE, Gazzetta di Modena).

    .venv/bin/python benchmarks/nlp_speed.py --data ../shared/data --n 300 [--model auto]

Each DICE article is a CSV with one token a row; the tokens are joined back into running
text (elisions and punctuation glued), then parsed one article at a time with
``build_nlp(model)`` as the analysis does, and with ``nlp.pipe`` for comparison.
Reports the pipeline load time, words/s (non-space tokens of cronaca's tokenizer) and the
mean time per article.  A benchmark, not a test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from spacy.language import Language

from cronaca.cli.train import detokenize
from cronaca.nlp import build_nlp
from cronaca.nlp.vectors import DICE_ARTICLES, dice_words


def article_text(path: Path) -> str:
    words = dice_words(path)
    spaces = detokenize(words)
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))


def component_seconds(nlp: Language, texts: list[str]) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipeline component over ``texts``."""
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    seconds = {"tokenizer": time.perf_counter() - t0}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        seconds[name] = time.perf_counter() - t0
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--n", type=int, default=300, help="number of articles (sorted by file name)")
    ap.add_argument("--model", default="auto", help="build_nlp setting: auto, blank, a package or a path")
    args = ap.parse_args()

    files = sorted((args.data / DICE_ARTICLES).glob("*.csv"))[: args.n]
    texts = [t for t in (article_text(f) for f in files) if t.strip()]

    t0 = time.perf_counter()
    nlp = build_nlp(args.model)
    load_s = time.perf_counter() - t0

    nlp("Riscaldamento: una frase per inizializzare i componenti.")
    t0 = time.perf_counter()
    n_words = 0
    for text in texts:
        n_words += sum(1 for tok in nlp(text) if not tok.is_space)
    single_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    pipe_s = time.perf_counter() - t0

    print(f"pipeline: {args.model} -> {nlp.pipe_names}")
    print(f"cores visible: {os.cpu_count()} (spaCy on CPU uses one)")
    print(f"build_nlp() load time: {load_s:.2f} s")
    print(f"articles: {len(texts)}, words: {n_words}, mean words/article: {n_words / max(1, len(texts)):.0f}")
    print(f"nlp(text) one by one: {n_words / single_s:,.0f} words/s, "
          f"{1000 * single_s / max(1, len(texts)):.1f} ms/article")
    print(f"nlp.pipe(batch=64):   {n_words / pipe_s:,.0f} words/s")
    seconds = component_seconds(nlp, texts)
    total = sum(seconds.values())
    print(f"by component (pipe, batch=64): {n_words / total:,.0f} words/s in all")
    for name, sec in seconds.items():
        print(f"  {name:22s} {sec:6.2f} s  {100 * sec / total:4.1f} %")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
