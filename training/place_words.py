"""Find the small places whose name is also a common Italian word ("Centro", "Porta", "Pace",
"Chiesa"): the gazetteer keys of towns under 100,000 people that real news writes in lower case
at least ``--min`` times.  The result is ``cronaca/data/it/place_words.txt``: those names are
places only when the text leaves no doubt (the gazetteer drops them).

    .venv/bin/python training/place_words.py --min 20 > cronaca/data/it/place_words.txt
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from cronaca.extract.gazetteer import load_gazetteer, place_key
from cronaca.ingest.tokens import read_dice_article

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"


def lower_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in sorted((DATA / "DICE-ItalianCrimeNews" / "articles").glob("*.csv")):
        text, _ = read_dice_article(path)
        counts.update(w for w in re.findall(r"[a-zàèéìòù']+", text))
    for path in (DATA / "KIND" / "evalita-2023").glob("*train*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("\t", 1)[0]
            if word.islower():
                counts[word] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min", type=int, default=20)
    args = parser.parse_args(argv)
    gaz = load_gazetteer()
    counts = lower_counts()
    print("# Names of small places that are also common Italian words (built by training/place_words.py")
    print(f"# from DICE and KIND: written in lower case at least {args.min} times). One per line.")
    for word, n in sorted(counts.items()):
        info = gaz.get(word)
        if n >= args.min and info is not None and info.feature == "city" and not info.curated \
                and info.population < 100_000 and place_key(word) == word:
            print(word)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
