"""Candidates for the words that announce a person's name (``person_context.before`` in
``cronaca/data/it/roles.yaml``: "il questore Margherito", "la moglie Anna"), ranked from counts:

- DICE (all articles): a lower-case word right before a capitalised word that is no place the
  gazetteer knows, by count;
- KIND (train, dev; the silver Aldo Moro train file) and WikiNEuRal-it (val): a lower-case word
  before a capitalised word, by how often that word opens a person (B-PER), at least ``--min``
  times and in at least 60 % of its cases.

The list is read by hand: a word is kept in roles.yaml only when it names a role, a title, a
trade or a kinship ("questore", "avvocato", "moglie"), never a function word or a verb ("che",
"spiega"), which also come first by count.

    .venv/bin/python training/person_titles.py --top 400
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from given_names import ner_files  # training/ is the script's folder

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"


def dice_counts() -> Counter[str]:
    from cronaca.extract.gazetteer import load_gazetteer
    from cronaca.ingest.tokens import read_dice_article

    gaz = load_gazetteer()
    counts: Counter[str] = Counter()
    for path in sorted((DATA / "DICE-ItalianCrimeNews" / "articles").glob("*.csv")):
        text, _ = read_dice_article(path)
        for m in re.finditer(r"\b([a-zà-ù]{2,}\.?)\s+([A-ZÀ-Ý][a-zà-ù]+)(?=[\s,.;:])", text):
            if gaz.get(m.group(2)) is None:
                counts[m.group(1)] += 1
    return counts


def ner_counts(min_count: int) -> list[tuple[str, int, float]]:
    person: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path in ner_files():
        prev = None
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 2:
                prev = None
                continue
            token, label = cols[-2], cols[-1]
            if prev and prev.islower() and token[:1].isupper():
                capital[prev] += 1
                person[prev] += label == "B-PER"
            prev = token
    rows = [(w, n, n / capital[w]) for w, n in person.items() if n >= min_count and n / capital[w] >= 0.6]
    return sorted(rows, key=lambda r: -r[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=400)
    parser.add_argument("--min", type=int, default=4)
    args = parser.parse_args(argv)
    print("# DICE: word, times before a capitalised non-place word")
    for w, n in dice_counts().most_common(args.top):
        print(f"dice\t{w}\t{n}")
    print("# KIND + WikiNEuRal: word, times before a person, share of its capitalised followers")
    for w, n, share in ner_counts(args.min)[:args.top]:
        print(f"ner\t{w}\t{n}\t{share:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
