"""Benchmark: link 10,000 synthetic events (about 2,500 real-world events, each reported
by several articles), print the time and how well the mentions were grouped.

    .venv/bin/python benchmarks/linking.py [N_EVENTS] [--seed S]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta

from cronaca.records import Article, Claim, Dateline, DocAnalysis, Entity, Event, Span
from cronaca.story import build_stories

TYPES = ("CONSULT", "AGREE", "ACCUSE", "REQUEST", "ASSAULT", "RETREAT", "AID", "SANCTION")
STATUSES = ("planned", "occurred", "cancelled", "possible", "denied", "ongoing")


def synthetic(n_events: int, rng: random.Random) -> tuple[list[DocAnalysis], dict[tuple[str, str], int]]:
    """Articles of 5 events each; returns the analyses and the true event of each mention."""
    people = [(f"Nome{i} Cognome{i}", rng.choice(["USA", "RUS", "ITA", "FRA", "DEU", "CHN", "ISR", "EGY"]))
              for i in range(600)]
    start = date(2024, 1, 1)
    true_events = []
    for k in range(max(1, n_events // 4)):
        parts = rng.sample(range(len(people)), rng.choice([1, 2, 2, 3]))
        true_events.append((k, rng.choice(TYPES), parts, start + timedelta(days=rng.randrange(700))))
    per_doc = 5
    n_docs = n_events // per_doc
    analyses: list[DocAnalysis] = []
    truth: dict[tuple[str, str], int] = {}
    for d in range(n_docs):
        picked = rng.sample(true_events, per_doc)
        base = max(e[3] for e in picked)
        day = base + timedelta(days=rng.randrange(0, 10))
        entities: dict[int, Entity] = {}
        events = []
        text = f"Articolo {d}. " + " ".join(f"Evento {j} qui." for j in range(per_doc))
        for j, (k, etype, parts, _) in enumerate(picked):
            refs = []
            for p in parts:
                if p not in entities:
                    name, country = people[p]
                    shown = name if rng.random() < 0.7 else name.split(" ")[-1]
                    entities[p] = Entity(id=f"e{len(entities) + 1}", name=shown, type="PER", mentions=(),
                                         code=f"{country}GOV")
                refs.append(entities[p].id)
            pos = text.index(f"Evento {j}")
            claim = Claim(status=rng.choice(STATUSES), evidence=(pos, pos + 8))  # type: ignore[arg-type]
            eid = f"ev{j + 1}"
            events.append(Event(id=eid, type=etype, trigger=Span(pos, pos + 6, "Evento"), actors=tuple(refs[:1]),
                                recipients=tuple(refs[1:]), claims=(claim,)))
            truth[(f"d{d}", eid)] = k
        art = Article(doc_id=f"d{d}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                      date=day.isoformat(), language="it", dateline=Dateline(None, day.isoformat()))
        analyses.append(DocAnalysis(article=art, entities=tuple(entities.values()), events=tuple(events)))
    return analyses, truth


def pair_scores(result, truth: dict[tuple[str, str], int]) -> tuple[float, float]:
    def pairs(groups):
        out = set()
        for g in groups:
            g = sorted(g)
            out.update((a, b) for i, a in enumerate(g) for b in g[i + 1:])
        return out
    sys_groups = [list(ev.mentions) for s in result.stories for ev in s.events]
    by_true = defaultdict(list)
    for m, k in truth.items():
        by_true[k].append(m)
    sp, gp = pairs(sys_groups), pairs(by_true.values())
    tp = len(sp & gp)
    return (tp / len(sp) if sp else 1.0), (tp / len(gp) if gp else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("n_events", type=int, nargs="?", default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    analyses, truth = synthetic(args.n_events, random.Random(args.seed))
    t0 = time.perf_counter()
    result = build_stories(analyses, embedder=None)
    elapsed = time.perf_counter() - t0
    n_events = sum(len(s.events) for s in result.stories)
    p, r = pair_scores(result, truth)
    print(f"{len(truth):,} event mentions in {len(analyses):,} articles → {n_events:,} story events, "
          f"{len(result.stories):,} stories in {elapsed:.2f} s (pairwise precision {p:.3f}, recall {r:.3f})")
    sys.exit(0)


if __name__ == "__main__":
    main()
