"""Count the nouns that head the arguments of verbs in real Italian news (DICE): subjects,
objects, passive subjects and passive agents ("arrestato dai carabinieri").

The most frequent of them are the actors and the unnamed participants of local news ("i
carabinieri", "un 40enne", "i ladri"); the counts are the evidence behind
``cronaca/data/it/participants.yaml``.  The eval articles (``eval/real``) are left out.

    .venv/bin/python training/argument_heads.py --n 3000 --top 300 > /tmp/heads.tsv
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import spacy

from cronaca.ingest.tokens import read_dice_article

REPO = Path(__file__).resolve().parent.parent
DICE = REPO.parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"
MODEL = REPO / "cronaca" / "models" / "it_cronaca"
ROLES = {"nsubj": "subj", "nsubj:pass": "pass_subj", "obj": "obj", "obl:agent": "agent"}


def held_out() -> set[str]:
    return {p.stem.removeprefix("dice-") for p in (REPO / "eval" / "real").glob("*/corpus/dice-*.txt")}


def texts(n: int, seed: int) -> list[str]:
    files = sorted(DICE.glob("*.csv"), key=lambda p: int(p.stem))
    skip = held_out()
    files = [p for p in files if p.stem not in skip]
    out = []
    for path in random.Random(seed).sample(files, min(n, len(files))):
        text, _ = read_dice_article(path)
        if text.strip():
            out.append(text)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    nlp = spacy.load(MODEL, exclude=["ner"])
    counts: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for doc in nlp.pipe(texts(args.n, args.seed), batch_size=32):
        for tok in doc:
            role = ROLES.get(tok.dep_)
            if role is None or tok.pos_ != "NOUN" or tok.head.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            counts[(lemma, role)] += 1
            totals[lemma] += 1
    print("lemma\ttotal\tsubj\tpass_subj\tobj\tagent")
    for lemma, total in totals.most_common(args.top):
        print(lemma, total, *(counts[(lemma, r)] for r in ROLES.values()), sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
