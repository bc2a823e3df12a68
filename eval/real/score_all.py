"""Score cronaca on the seeds, the dev set and the real development set in one table.

Runs ``cronaca analyze`` on each set's corpus and ``../shared/eval/score.py`` on the result.
The real test half is scored only with ``--test`` (when a piece of work is finished).

    .venv/bin/python eval/real/score_all.py [--test] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
CLI = Path(sys.executable).with_name("cronaca")


def sets(with_test: bool) -> list[tuple[str, Path, Path]]:
    """(name, corpus folder, gold folder) of every set to score."""
    found = [("seeds", SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds"),
             ("dev", SHARED / "corpus" / "dev", SHARED / "gold" / "dev"),
             ("real-dev", HERE / "dev" / "corpus", HERE / "dev" / "gold"),
             ("real-dev2", HERE / "dev2" / "corpus", HERE / "dev2" / "gold"),
             ("real-dev3", HERE / "dev3" / "corpus", HERE / "dev3" / "gold"),
             ("real-dev4", HERE / "dev4" / "corpus", HERE / "dev4" / "gold"),
             ("real-dev5", HERE / "dev5" / "corpus", HERE / "dev5" / "gold"),
             ("real-story", HERE / "story" / "corpus", HERE / "story" / "gold"),
             ("story2", HERE / "story2" / "corpus", HERE / "story2" / "gold")]
    found = [s for s in found if s[2].is_dir()]
    if with_test:
        found.append(("real-test", HERE / "test" / "corpus", HERE / "test" / "gold"))
    return found


def score(corpus: Path, gold: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([str(CLI), "analyze", *sorted(map(str, corpus.glob("*.txt"))), "--format", "json",
                        "--quiet", "--out", out.name], check=True)
        done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), out.name,
                               "--texts", str(corpus), "--json"], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def row(name: str, s: dict) -> str:
    ev = s["events"]

    def f(part: str) -> str:
        return f"{s[part]['f1']:.2f}/{s[part].get('value_acc', 0):.2f}"

    def opt(v: float | None) -> str:
        return "  -  " if v is None else f"{v:.2f}"

    st = s.get("story") or {}
    story = (f"{st['events_linked']}/{st['events_gold']} {st['contradictions_found']}/{st['contradictions_gold']} "
             f"{st['false_alarms']} {st['false_links']}" if st.get("events_gold") or st.get("contradictions_gold")
             else "-")
    return (f"{name:10} {ev['precision']:.2f} {ev['recall']:.2f} {ev['f1']:.2f}  {opt(ev['claim_status'])}  "
            f"{opt(ev['claim_time'])}  {opt(ev['claim_place'])}  {opt(ev['claim_attribution'])}   "
            f"{f('times')}   {f('places')}   {f('persons')}   {f('quotes')}   {story}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--test", action="store_true", help="also score the held-out real test half")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    results = {name: score(corpus, gold) for name, corpus, gold in sets(args.test)}
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("                events           claims: status time place attr   times     places    "
          "persons   quotes      story: links contradictions false-alarms false-links")
    print("set        P    R    F1                                        F1/value  F1/value  F1/value  F1/spk")
    for name, s in results.items():
        print(row(name, s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
