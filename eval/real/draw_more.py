"""Draw one more real development set, once, by a fixed seed: non-empty DICE crime articles not
drawn before, and the Wikinews reports in no set yet.  Written to ``eval/real/<split>/corpus/``;
the gold beside it is written by hand from the text alone, before cronaca's output on these
articles is seen.

    .venv/bin/python eval/real/draw_more.py                                 # dev2: seed 1414, 16 DICE
    .venv/bin/python eval/real/draw_more.py --split dev3 --seed 1515 --count 20
    .venv/bin/python eval/real/draw_more.py --split dev4 --seed 1616 --count 20
    .venv/bin/python eval/real/draw_more.py --split dev5 --seed 1717 --count 20
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from cronaca.ingest.tokens import read_dice_article

HERE = Path(__file__).resolve().parent
SEED = 1414          # issue 14, second draw (dev2)
DICE_COUNT = 16
SPLITS = ("dev", "test", "story", "dev2", "dev3", "dev4", "story2", "dev5")


def taken() -> set[str]:
    """Doc ids already in a real set."""
    return {p.stem for split in SPLITS for p in (HERE / split / "corpus").glob("*.txt")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    parser.add_argument("--wikinews", type=Path,
                        default=HERE.parents[2] / "shared" / "corpus" / "wikinews-stock")
    parser.add_argument("--split", default="dev2", choices=SPLITS[3:])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--count", type=int, default=DICE_COUNT, help="DICE articles to draw")
    args = parser.parse_args(argv)
    used = taken()
    out = HERE / args.split / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.wikinews.glob("wikinews-stock-*.txt")):
        if path.stem not in used:
            (out / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
            print(args.split, path.stem)
    files = sorted((args.data / "DICE-ItalianCrimeNews" / "articles").glob("*.csv"), key=lambda p: int(p.stem))
    rng = random.Random(args.seed)
    drawn = 0
    for path in rng.sample(files, len(files)):
        doc_id = f"dice-{path.stem}"
        if doc_id in used:
            continue
        text, _ = read_dice_article(path)
        if text.strip():
            (out / f"{doc_id}.txt").write_text(text.strip() + "\n", encoding="utf-8")
            print(args.split, doc_id, len(text))
            drawn += 1
        if drawn == args.count:
            return 0
    raise SystemExit(f"only {drawn} new non-empty DICE articles")


if __name__ == "__main__":
    raise SystemExit(main())
