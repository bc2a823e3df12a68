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
import csv
import os
import time
from pathlib import Path

from cronaca.cli.train import detokenize
from cronaca.nlp import build_nlp

DICE_ARTICLES = Path("DICE-ItalianCrimeNews") / "articles"


def article_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        words: list[str] = []
        for row in csv.DictReader(fh):
            tok = row["token"]
            if tok in ("'", "’") and words:  # DICE splits "l'" into "l" + "'"
                words[-1] += tok
            elif tok.strip():
                words.append(tok)
    spaces = detokenize(words)
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))


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


if __name__ == "__main__":
    main()
