"""List what cronaca misses and adds on one scored set, part by part, to see the errors behind
the scores of ``score_all.py`` (times and places by text, persons by name, events by key).

    .venv/bin/python eval/real/errors.py ANALYSIS.json GOLD_DIR CORPUS_DIR [--part places]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from typing import Any

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def spans(items: list[dict]) -> list[tuple[int, int, str, str]]:
    out = []
    for it in items:
        for m in it.get("mentions") or [it]:
            out.append((m["start"], m["end"], m["text"], str(it.get("value") or it.get("country") or "")))
    return out


def _scorer() -> Any:
    """The shared scorer module (``../shared/eval/score.py``), for its event matching."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def event_lines(gold: dict, sys_doc: dict, text: str) -> list[str]:
    """Every system event marked ok or EXTRA, every core gold event ok or MISS, matched the way
    the scorer matches them (same type; gold actors within the system's, recipients likewise)."""
    scorer = _scorer().DocScorer(gold, sys_doc, text)
    ents = {e["id"]: e["name"] for e in sys_doc.get("entities", [])}
    sys_events = sys_doc.get("events", [])
    mapped = [(set().union(set(), *(scorer.keys_for_entity(x) for x in ev.get("actors") or [])),
               set().union(set(), *(scorer.keys_for_entity(x) for x in ev.get("recipients") or [])))
              for ev in sys_events]
    used: dict[int, str] = {}
    gold_marks: dict[str, str] = {}
    for g in sorted(gold["events"], key=lambda g: g.get("optional", False)):
        for j, (a, r) in enumerate(mapped):
            if j in used or sys_events[j]["type"] != g["type"]:
                continue
            if "participants" in g:
                ok = set(g["participants"]) <= (a | r)
            else:
                ok = set(g.get("actors", [])) <= a and set(g.get("recipients", [])) <= (r | a if not g.get("actors") else r)
                ok = ok and (bool(g.get("actors")) or bool(g.get("recipients")))
            if ok:
                used[j] = "optional" if g.get("optional") else "ok"
                gold_marks[g["key"]] = "ok"
                break
    lines = []
    for j, ev in enumerate(sys_events):
        c = ev["claims"][0]
        lines.append(f"  events SYS {used.get(j, 'EXTRA')} {ev['type']}/{ev.get('mode')} "
                     f"{[ents.get(a) for a in ev['actors']]} -> {[ents.get(r) for r in ev['recipients']]} "
                     f"{c['status']} {text[c['evidence']['start']:c['evidence']['end']][:70]!r}")
    for g in gold["events"]:
        if not g.get("optional"):
            lines.append(f"  events GOLD {gold_marks.get(g['key'], 'MISS')} {g['type']}/{g.get('mode')} "
                         f"{g.get('actors', g.get('participants'))} -> {g.get('recipients')} "
                         f"{g['claims'][0]['status']} {g['claims'][0]['evidence'][:70]!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("analysis", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--part", choices=["times", "places", "persons", "events"], action="append")
    args = parser.parse_args(argv)
    parts = args.part or ["times", "places", "persons", "events"]
    docs = {d["doc_id"]: d for d in json.loads(args.analysis.read_text(encoding="utf-8"))["documents"]}
    for gp in sorted(args.gold.glob("*.json")):
        if gp.name == "story.json":
            continue
        gold = json.loads(gp.read_text(encoding="utf-8"))
        sys_doc = docs.get(gold["doc_id"], {})
        text = (args.corpus / f"{gold['doc_id']}.txt").read_text(encoding="utf-8")
        lines = []
        for part in ("times", "places"):
            if part not in parts:
                continue
            sys_items = spans(sys_doc.get(part, []))
            gold_items = [(g["text"], str(g.get("value") if part == "times" else g.get("country")), g.get("optional"))
                          for g in gold[part]]
            for gtext, gval, opt in gold_items:
                hits = [s for s in sys_items if s[2] in gtext or gtext in s[2]]
                if not hits and not opt:
                    lines.append(f"  {part} MISS {gtext!r} {gval}")
                elif hits and hits[0][3] != gval and part == "times":
                    lines.append(f"  {part} VALUE {gtext!r} gold {gval} sys {hits[0][3]}")
            for s in sys_items:
                if not any(s[2] in g[0] or g[0] in s[2] for g in gold_items):
                    lines.append(f"  {part} EXTRA {s[2]!r} {s[3]}")
        if "persons" in parts:
            gold_names = {a for k, v in gold["actors"].items() if v["type"] == "PER" for a in v["aliases"]}
            for e in sys_doc.get("entities", []):
                if e["type"] == "PER" and not ({e["name"]} | {m["text"] for m in e["mentions"]}) & gold_names:
                    lines.append(f"  persons EXTRA {e['name']!r}")
            for v in gold["actors"].values():
                if v["type"] == "PER" and not any(
                        e["type"] == "PER" and ({e["name"]} | {m["text"] for m in e["mentions"]}) & set(v["aliases"])
                        for e in sys_doc.get("entities", [])):
                    lines.append(f"  persons MISS {v['aliases']}")
        if "events" in parts:
            lines.extend(event_lines(gold, sys_doc, text))
        if lines:
            print(gold["doc_id"])
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
