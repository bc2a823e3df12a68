"""Italian function words: the word forms the UD Italian treebanks tag, nearly always, as an
adposition, determiner, pronoun, conjunction, auxiliary or adverb.  A capitalised one of them
at the end of a run of names opens the next sentence ("di Alfonso Scibona Oltre sette mesi di
indagini": a byline, then the article), so it ends no person's name.

Kept: forms seen at least ``--min`` times, lower-cased, ``--share`` or more of them with one of
those tags.  The result is ``cronaca/data/it/function_words.txt``.

    .venv/bin/python training/closed_class.py > cronaca/data/it/function_words.txt
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
CLOSED = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "ADV"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=int, default=20)
    parser.add_argument("--share", type=float, default=0.9)
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    for path in sorted(DATA.glob("UD_Italian-*/*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue  # comments, multiword-token ranges ("1-2"), empty nodes
            form = cols[1].lower()
            if not form.isalpha():
                continue
            total[form] += 1
            closed[form] += cols[3] in CLOSED
    words = sorted(w for w, n in total.items() if n >= args.min and closed[w] / n >= args.share)
    print("# Italian function words (training/closed_class.py): forms the UD Italian treebanks tag as")
    print(f"# ADP/DET/PRON/CCONJ/SCONJ/AUX/ADV in {args.share:.0%} or more of {args.min}+ occurrences."
          " One per line.")
    print("\n".join(words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
