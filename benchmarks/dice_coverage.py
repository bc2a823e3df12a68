"""What cronaca finds on real local crime news: the DICE corpus (Gazzetta di Modena).

Prints, over N articles (all by default):
- the share with at least one event, and the share with an event whose actor is the police,
  the carabinieri, a prosecutor or a court (an entity coded ...COP or ...JUD);
- for the articles with manual annotation, the named crime places (the tokens labelled
  ``[id]_LOC`` by DICE's annotators that hold a capitalised name, streets and squares aside):
  the share cronaca finds as a place, and the share it puts in the province of Modena, in all
  and by what the name designates (``eval/real/dice_places_labels.tsv``, labelled by hand without
  cronaca's output: a toponym, a road, a venue or business, other);
- articles/s and peak RSS.

    .venv/bin/python benchmarks/dice_coverage.py [--n 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import resource
import sys
import time
from pathlib import Path

from cronaca.extract.area import settle_area
from cronaca.ingest.text import article_from_text
from cronaca.ingest.tokens import join_tokens
from cronaca.pipeline import Analyzer

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"
_MANUAL_LOC = re.compile(r"(?<![A-Z])\[(\d+)\]_LOC")
_STREET = {"via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "strada", "stradello", "galleria"}
# the province of Modena, as a box around its 47 comuni (GeoNames coordinates)
MODENA_BOX = (44.05, 45.0, 10.45, 11.45)  # lat min, lat max, lon min, lon max
LABELS = REPO / "eval" / "real" / "dice_places_labels.tsv"


def place_classes(path: Path = LABELS) -> dict[tuple[str, str], str]:
    """(article id, span) -> toponym | road | venue | other, for the annotated crime places."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {(row["article"], row["span"]): row["class"] for row in csv.DictReader(f, delimiter="\t")}


def read(path: Path) -> tuple[str, list[str]]:
    """Text of one DICE article and the named crime places its annotators marked."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["token"], r.get("label") or "") for r in csv.DictReader(fh)]
    text = join_tokens([t for t, _ in rows])
    spans: dict[str, list[str]] = {}
    for token, label in rows:
        for loc in _MANUAL_LOC.findall(label):
            spans.setdefault(loc, []).append(token)
    named = []
    for tokens in spans.values():
        words = [t for t in tokens if t]
        street = bool(words) and words[0].lower() in _STREET
        if not street and any(w[:1].isupper() for w in words):
            named.append(join_tokens(words))
    return text, named


def in_modena(lat: float | None, lon: float | None) -> bool:
    lo_lat, hi_lat, lo_lon, hi_lon = MODENA_BOX
    return lat is not None and lon is not None and lo_lat <= lat <= hi_lat and lo_lon <= lon <= hi_lon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=0, help="articles (0: all)")
    parser.add_argument("--seed", type=int, default=1, help="sample seed when --n is given")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--annotated", action="store_true",
                        help="only the articles whose crime places DICE's annotators marked")
    parser.add_argument("--show-missed", action="store_true", help="print the named places not found")
    args = parser.parse_args(argv)
    files = sorted(args.data_dir.glob("*.csv"), key=lambda p: int(p.stem))
    if args.annotated:
        files = [p for p in files if _MANUAL_LOC.search(p.read_text(encoding="utf-8"))]
    if args.n:
        files = random.Random(args.seed).sample(files, min(args.n, len(files)))
    analyzer = Analyzer()
    n = with_event = with_authority = 0
    places_total = places_found = places_modena = 0
    classes = place_classes()
    by_class: dict[str, list[int]] = {}  # class -> [total, found, in Modena]
    t0 = time.perf_counter()
    batch = [(path, *read(path)) for path in files]
    batch = [(path, text, named) for path, text, named in batch if text.strip()]
    # the batch's area, from its datelines, as `cronaca analyze` sets it for a batch
    articles = settle_area([article_from_text(text, doc_id=path.stem, language="it") for path, text, _ in batch])
    for (path, text, named), article in zip(batch, articles, strict=True):
        analysis = analyzer.analyze(article)
        n += 1
        codes = {e.id: e.code or "" for e in analysis.entities}
        with_event += bool(analysis.events)
        with_authority += any(codes.get(a, "").endswith(("COP", "JUD")) for ev in analysis.events for a in ev.actors)
        for name in named:
            places_total += 1
            k = text.find(name)
            hits = [m for p in analysis.places for m in (p.mentions or (p,))
                    if k >= 0 and m.start < k + len(name) and k < m.end]
            if not hits and args.show_missed:
                print(f"missed {path.stem}: {name!r}", file=sys.stderr)
            tally = by_class.setdefault(classes.get((path.stem, name), "unlabelled"), [0, 0, 0])
            tally[0] += 1
            if hits:
                places_found += 1
                place = next(p for p in analysis.places for m in (p.mentions or (p,)) if m in hits or m is hits[0])
                places_modena += in_modena(place.lat, place.lon)
                tally[1] += 1
                tally[2] += in_modena(place.lat, place.lon)
        if n % 500 == 0:
            print(f"... {n} articles", file=sys.stderr)
    secs = time.perf_counter() - t0
    print(f"articles:                          {n}")
    print(f"with an event:                     {with_event / n:.1%}")
    print(f"with a police/court actor's event: {with_authority / n:.1%}")
    if places_total:
        print(f"named crime places (manual _LOC):  {places_total}")
        print(f"  found as a place:                {places_found / places_total:.1%}")
        print(f"  found, in the province of Modena: {places_modena / places_total:.1%}")
        for name, (total, found, modena) in sorted(by_class.items(), key=lambda kv: -kv[1][0]):
            print(f"  {name + ':':<12} {total:4d}  found {found / total:6.1%}  in the province {modena / total:6.1%}")
    print(f"articles/s:                        {n / secs:.1f}")
    print(f"peak RSS:                          {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
