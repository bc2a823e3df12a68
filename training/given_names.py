"""Given names from the people annotated in the public Italian NER corpora: the first word of
every person name of two words or more in KIND (train and dev files: news, fiction, De Gasperi;
the silver Aldo Moro train file) and WikiNEuRal-it (silver, val), kept when it opens at least
``--min`` names, opens more names than it ends (a surname: "Ferrari", "Leone") and is no title or
common word (lower-case in the UD Italian treebanks: "Poggio", "Cavallo").  The names of the
first list (KIND train, WikiNEuRal val, at least two names) all stay: ``--keep`` reads it.

The result is ``cronaca/data/kb/given_names_corpus.txt``, read beside the hand-made
``given_names.yaml``: a capitalised sequence opening with one of them is a person's name.

    .venv/bin/python training/given_names.py --keep cronaca/data/kb/given_names_corpus.txt > names.txt
    mv names.txt cronaca/data/kb/given_names_corpus.txt
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
NOT_NAMES = frozenset({"Arcivescovo", "Ayatollah", "Baron", "Beato", "Sceicco", "Emiro", "San", "Santa", "Santo", "Sant'", "Don", "Papa", "Re", "Regina", "Lord", "Sir", "Lady",
                       "De", "Di", "Da", "Del", "La", "Le", "Van", "Von", "Mc", "Mr", "Mrs", "Dr", "Prof",
                       "Il", "Lo", "Gli", "I", "Presidente", "Ministro", "Generale", "Capitano", "Padre",
                       "Madre", "Suor", "Fra", "Frate", "Monsignor", "Cardinale", "Principe", "Principessa",
                       "Conte", "Contessa", "Duca", "Imperatore", "Zar", "Sultano", "Signor", "Signora"})


def ner_files() -> list[Path]:
    """The NER files read for names: KIND train and dev, the silver Aldo Moro train file and
    WikiNEuRal-it val (no test file: they measure the NER)."""
    kind = DATA / "KIND"
    return [*sorted((kind / "evalita-2023").glob("*_train.tsv")), *sorted((kind / "evalita-2023").glob("*_dev.tsv")),
            kind / "dataset" / "moro_train.tsv", DATA / "WikiNEuRal-it-silver" / "val.conllu"]


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
    parser.add_argument("--min", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="an earlier list whose names all stay")
    args = parser.parse_args(argv)
    files = ner_files()
    opens: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for path in files:
        for words in person_spans(path):
            first = words[0]
            if len(words) >= 2:
                ends[words[-1]] += 1
                if re.fullmatch(r"[A-ZÀ-Ö][a-zà-öø-ÿ'’-]+", first) and first not in NOT_NAMES:
                    opens[first] += 1
    common = lower_words(sorted(DATA.glob("UD_Italian-*/*.conllu")))
    kept = set()
    if args.keep:
        kept = {w.strip() for w in args.keep.read_text(encoding="utf-8").splitlines() if w.strip() and w[0] != "#"}
    names = kept | {n for n, c in opens.items() if c >= args.min and c > ends[n] and n.lower() not in common}
    print("# Given names: first words of person names (2+ words) in KIND train and dev (CC BY-NC 4.0), the")
    print("# silver KIND Aldo Moro train file and WikiNEuRal-it val (CC BY-NC-SA 4.0), opening at least")
    print(f"# {args.min} names and more names than they end; no common word of the UD Italian treebanks.")
    print("# Built by training/given_names.py; read with data/kb/given_names.yaml.")
    for name in sorted(names):
        print(name)
    return 0


def lower_words(paths: list[Path]) -> frozenset[str]:
    """Word forms written in lower case in CoNLL-U files (common words, not names)."""
    out: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[1].islower():
                out.add(cols[1])
    return frozenset(out)


if __name__ == "__main__":
    raise SystemExit(main())
