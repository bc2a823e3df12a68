"""Draw the real development and test articles, once, by fixed seeds.

20 of the 30 Wikinews stock-market reports and 20 non-empty DICE crime articles are drawn at
random (not picked by hand), then each source is split in half: 10 + 10 for development,
10 + 10 for the held-out test. The texts are written to ``eval/real/{dev,test}/corpus/``;
the gold beside them (``gold/``) is written by hand from the text alone.

    .venv/bin/python eval/real/draw.py --data ../shared/data --wikinews ../shared/corpus/wikinews-stock
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from cronaca.ingest.tokens import read_dice_article

HERE = Path(__file__).resolve().parent
SEED = 14           # the issue that asked for this set
PER_SOURCE = 20


def draw_wikinews(folder: Path, rng: random.Random) -> list[tuple[str, str]]:
    files = sorted(folder.glob("wikinews-stock-*.txt"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in rng.sample(files, PER_SOURCE)]


def draw_dice(folder: Path, rng: random.Random) -> list[tuple[str, str]]:
    files = sorted(folder.glob("*.csv"), key=lambda p: int(p.stem))
    drawn: list[tuple[str, str]] = []
    for path in rng.sample(files, len(files)):
        text, _ = read_dice_article(path)
        if text.strip():
            drawn.append((f"dice-{path.stem}", text.strip() + "\n"))
        if len(drawn) == PER_SOURCE:
            return drawn
    raise SystemExit(f"only {len(drawn)} non-empty DICE articles in {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    parser.add_argument("--wikinews", type=Path,
                        default=HERE.parents[2] / "shared" / "corpus" / "wikinews-stock")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    sources = [draw_wikinews(args.wikinews, rng),
               draw_dice(args.data / "DICE-ItalianCrimeNews" / "articles", rng)]
    for articles in sources:
        rng.shuffle(articles)
        half = len(articles) // 2
        for split, part in (("dev", articles[:half]), ("test", articles[half:])):
            out = HERE / split / "corpus"
            out.mkdir(parents=True, exist_ok=True)
            for doc_id, text in part:
                (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
                print(split, doc_id, len(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
