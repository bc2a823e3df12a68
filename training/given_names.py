"""Given names from the people annotated in the public Italian NER corpora: the first word of
every person name of two words or more in KIND (train files: news, fiction, De Gasperi) and
WikiNEuRal-it (silver), kept when it opens at least ``--min`` names and is no title.

The result is ``cronaca/data/kb/given_names_corpus.txt``, read beside the hand-made
``given_names.yaml``: a capitalised sequence opening with one of them is a person's name.

    .venv/bin/python training/given_names.py --min 2 > cronaca/data/kb/given_names_corpus.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
# words that open person spans in the corpora but are titles or particles, not names
NOT_NAMES = frozenset({"San", "Santa", "Santo", "Sant'", "Don", "Papa", "Re", "Regina", "Lord", "Sir", "Lady",
                       "De", "Di", "Da", "Del", "La", "Le", "Van", "Von", "Mc", "Mr", "Mrs", "Dr", "Prof",
                       "Il", "Lo", "Gli", "I", "Presidente", "Ministro", "Generale", "Capitano", "Padre",
                       "Madre", "Suor", "Fra", "Frate", "Monsignor", "Cardinale", "Principe", "Principessa",
                       "Conte", "Contessa", "Duca", "Imperatore", "Zar", "Sultano", "Signor", "Signora"})


def person_spans(path: Path) -> Iterator[list[str]]:
    """Person names (lists of words) in a BIO file: token<TAB>label or index<TAB>token<TAB>label."""
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            if current:
                yield current
            current = []
            continue
        token, label = cols[-2], cols[-1]
        if label == "B-PER":
            if current:
                yield current
            current = [token]
        elif label == "I-PER" and current:
            current.append(token)
        else:
            if current:
                yield current
            current = []
    if current:
        yield current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted((DATA / "KIND" / "evalita-2023").glob("*_train.tsv"))
    files.append(DATA / "WikiNEuRal-it-silver" / "val.conllu")
    counts: Counter[str] = Counter()
    for path in files:
        for words in person_spans(path):
            first = words[0]
            if len(words) >= 2 and re.fullmatch(r"[A-ZÀ-Ö][a-zà-öø-ÿ'’-]+", first) and first not in NOT_NAMES:
                counts[first] += 1
    print("# Given names: first words of person names (2+ words) in KIND train (CC BY-NC 4.0) and")
    print(f"# WikiNEuRal-it val (CC BY-NC-SA 4.0), opening at least {args.min} names.")
    print("# Built by training/given_names.py; read with data/kb/given_names.yaml.")
    for name in sorted(n for n, c in counts.items() if c >= args.min):
        print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
