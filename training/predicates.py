"""Count the most frequent Italian predicate lemmas (verbs and nouns) in real news and keep, for each,
a hand decision: the PLOVER event it names (type, mode) or "-" for no event.

Lemmas are counted over three sources:

- dice: every DICE article (Gazzetta di Modena crime news), parsed by the shipped model;
- wikinews: the 30 Wikinews stock-market reports of ``shared/corpus/wikinews-stock``, parsed;
- ud_kind: the gold LEMMA/UPOS columns of the UD Italian treebanks plus the KIND Wikinews
  sentences (parsed); their *test* files are held out and never read.

A token counts when its ``pos_`` is VERB or NOUN, under its lowercased lemma.  The table
``cronaca/data/it/predicates.tsv`` keeps the top verbs and nouns by total count; rerunning re-counts,
re-ranks and carries the decision columns (type, mode, voice_note) over by (lemma, pos).  A new row
gets type "?" until someone decides it (the schema test then fails on purpose).

    .venv/bin/python training/predicates.py --save-counts /tmp/predicate_counts.tsv
    .venv/bin/python training/predicates.py --load-counts /tmp/predicate_counts.tsv   # no parsing
    .venv/bin/python training/predicates.py --limit 200 --table /tmp/predicates.tsv   # a quick try
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cronaca.ingest.tokens import read_dice_article

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("predicates")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DICE = SHARED / "data" / "DICE-ItalianCrimeNews" / "articles"
WIKINEWS = SHARED / "corpus" / "wikinews-stock"
UD_GLOB = "UD_Italian-*/*.conllu"
KIND_GLOB = "KIND/evalita-2023/WN_*.tsv"
MODEL = REPO / "cronaca" / "models" / "it_cronaca"
TABLE = REPO / "cronaca" / "data" / "it" / "predicates.tsv"

SOURCES = ("dice", "wikinews", "ud_kind")
POS = ("VERB", "NOUN")
COLUMNS = ("lemma", "pos", "rank", "count_dice", "count_wikinews", "count_ud_kind", "type", "mode", "voice_note")
UNDECIDED = "?"
# a lemma must hold a letter and nothing that would break a TSV cell
_USABLE = re.compile(r"^[^\s\"]*[^\W\d_][^\s\"]*$")

Counts = dict[str, Counter[tuple[str, str]]]  # source -> (lemma, pos) -> occurrences


@dataclass(frozen=True)
class Decision:
    """The hand-made columns of one row."""

    type: str = UNDECIDED
    mode: str = "-"
    voice_note: str = ""


# ---------------------------------------------------------------------------- reading the sources

def held_out(path: Path) -> bool:
    return "test" in path.name.lower()


def dice_texts(limit: int | None) -> Iterator[str]:
    files = sorted(DICE.glob("*.csv"), key=lambda p: int(p.stem))
    for path in files[:limit]:
        text, _ = read_dice_article(path)
        if text.strip():
            yield text


def wikinews_texts() -> Iterator[str]:
    for path in sorted(WIKINEWS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def kind_sentences(limit: int | None) -> Iterator[str]:
    """KIND news sentences (token<TAB>label, a blank line between sentences), tokens joined by spaces."""
    n = 0
    for path in sorted((SHARED / "data").glob(KIND_GLOB)):
        if held_out(path):
            continue
        tokens: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            if line.strip():
                tokens.append(line.split("\t", 1)[0])
            elif tokens:
                yield " ".join(tokens)
                tokens = []
                n += 1
                if limit is not None and n >= limit:
                    return


def ud_lemmas() -> Iterator[tuple[str, str]]:
    """(lemma, UPOS) of every word of the UD treebanks, gold columns, test files left out."""
    for path in sorted((SHARED / "data").glob(UD_GLOB)):
        if held_out(path):
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or not cols[0].isdigit():  # comments, multiword ranges, empty nodes
                    continue
                yield cols[2], cols[3]


# ---------------------------------------------------------------------------- counting

def add(counter: Counter[tuple[str, str]], lemma: str, pos: str) -> None:
    lemma = lemma.lower()
    if pos in POS and _USABLE.match(lemma):
        counter[(lemma, pos)] += 1


def count_parsed(nlp: Language, texts: Iterable[str], batch_size: int, name: str) -> Counter[tuple[str, str]]:
    counter: Counter[tuple[str, str]] = Counter()
    started = time.monotonic()
    n = 0
    for n, doc in enumerate(nlp.pipe(texts, batch_size=batch_size, n_process=1), start=1):
        for tok in doc:
            add(counter, tok.lemma_, tok.pos_)
        if n % 1000 == 0:
            log.info("%s: %d texts parsed in %.0f s", name, n, time.monotonic() - started)
    log.info("%s: %d texts parsed in %.0f s", name, n, time.monotonic() - started)
    return counter


def count_all(limit: int | None, batch_size: int) -> Counts:
    import spacy  # only when parsing: --load-counts needs no model

    # the parser and NER set neither pos_ nor lemma_: leaving them out changes no count
    nlp = spacy.load(MODEL, exclude=["parser", "ner"])
    ud_kind: Counter[tuple[str, str]] = Counter()
    for lemma, pos in ud_lemmas():
        add(ud_kind, lemma, pos)
    ud_kind.update(count_parsed(nlp, kind_sentences(limit), batch_size, "kind"))
    return {
        "dice": count_parsed(nlp, dice_texts(limit), batch_size, "dice"),
        "wikinews": count_parsed(nlp, wikinews_texts(), batch_size, "wikinews"),
        "ud_kind": ud_kind,
    }


def save_counts(counts: Counts, path: Path) -> None:
    keys = sorted(set().union(*counts.values()))
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(("lemma", "pos", *SOURCES))
        for key in keys:
            out.writerow((*key, *(counts[s][key] for s in SOURCES)))


def load_counts(path: Path) -> Counts:
    counts: Counts = {s: Counter() for s in SOURCES}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for s in SOURCES:
                counts[s][(row["lemma"], row["pos"])] = int(row[s])
    return counts


# ---------------------------------------------------------------------------- the table

def top_keys(counts: Counts, pos: str, n: int) -> list[tuple[str, str]]:
    total: Counter[tuple[str, str]] = Counter()
    for counter in counts.values():
        total.update({k: v for k, v in counter.items() if k[1] == pos})
    return sorted(total, key=lambda k: (-total[k], k[0]))[:n]


def read_decisions(path: Path) -> dict[tuple[str, str], Decision]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return {(r["lemma"], r["pos"]): Decision(r["type"], r["mode"], r["voice_note"] or "")
            for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def header(n_verbs: int, n_nouns: int) -> str:
    return f"""\
# Italian predicate lemmas: the {n_verbs} most frequent VERB lemmas and the {n_nouns} most frequent NOUN
# lemmas of real Italian news, each with a hand decision: the PLOVER event it names, or "-" (no event).
# Evidence for the Italian event lexicon (events.yaml); conventions: eval/real/README.md "Events",
# ../shared/spec/PLOVER.md.  A lemma is a trigger only when most of its news uses name that event.
#
# Built by: .venv/bin/python training/predicates.py   (re-counts and re-ranks; keeps type, mode and
# voice_note by (lemma, pos); a row new to the table gets type "?" until decided)
# Counts: tokens with spaCy pos_ VERB / NOUN under their lowercased lemma (AUX not counted).
#
# lemma           lowercased lemma (as the shipped model it_cronaca, or UD gold, gives it)
# pos             VERB or NOUN
# rank            rank by total count (all sources) within its pos, 1 = most frequent
# count_dice      occurrences in all DICE articles (Gazzetta di Modena crime news, 2011-2021), parsed
# count_wikinews  occurrences in the 30 Wikinews stock-market reports (shared/corpus/wikinews-stock), parsed
# count_ud_kind   UD Italian treebanks (gold LEMMA/UPOS) + KIND Wikinews sentences (parsed); test files excluded
# type            PLOVER type (cronaca/data/plover.yaml) or "-" for not an event
# mode            PLOVER mode of that type, or "-" for none
# voice_note      optional: argument roles ("passive subject = recipient"), conditions on the
#                 subject, a second sense ("alt: TYPE/mode when ..."), or a lemmatisation remark
"""


def write_table(counts: Counts, path: Path, n_verbs: int, n_nouns: int) -> list[dict[str, str]]:
    decisions = read_decisions(path)
    rows = []
    for pos, n in (("VERB", n_verbs), ("NOUN", n_nouns)):
        for rank, key in enumerate(top_keys(counts, pos, n), start=1):
            d = decisions.get(key, Decision())
            rows.append({"lemma": key[0], "pos": pos, "rank": str(rank),
                         **{f"count_{s}": str(counts[s][key]) for s in SOURCES},
                         "type": d.type, "mode": d.mode, "voice_note": d.voice_note})
    kept = {(r["lemma"], r["pos"]) for r in rows}
    dropped = sorted(k for k, d in decisions.items() if k not in kept and d.type not in (UNDECIDED, "-"))
    if dropped:
        log.warning("%d trigger rows left the table: %s", len(dropped), ", ".join(f"{lem}/{p}" for lem, p in dropped))
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header(n_verbs, n_nouns))
        out = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        out.writeheader()
        out.writerows(rows)
    return rows


# ---------------------------------------------------------------------------- report

def coverage(counts: Counts, rows: list[dict[str, str]]) -> list[str]:
    """Share of VERB, NOUN and VERB+NOUN occurrences whose lemma has a row, per parsed source."""
    listed = {(r["lemma"], r["pos"]) for r in rows}
    lines = ["source\tVERB\tNOUN\tVERB+NOUN"]
    for source in ("dice", "wikinews"):
        cells = []
        for wanted in (("VERB",), ("NOUN",), POS):
            occ = {k: v for k, v in counts[source].items() if k[1] in wanted}
            total = sum(occ.values())
            hit = sum(v for k, v in occ.items() if k in listed)
            cells.append(f"{hit / total:.1%} of {total:,}" if total else "-")
        lines.append("\t".join((source, *cells)))
    return lines


def triggers_per_type(rows: list[dict[str, str]]) -> list[str]:
    by_type = Counter((r["type"], r["pos"]) for r in rows)
    types = sorted({t for t, _ in by_type})
    return ["type\tVERB\tNOUN"] + [f"{t}\t{by_type[(t, 'VERB')]}\t{by_type[(t, 'NOUN')]}" for t in types]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--table", type=Path, default=TABLE, help="the table to (re)write (default: %(default)s)")
    parser.add_argument("--verbs", type=int, default=1000, help="VERB rows (default: %(default)s)")
    parser.add_argument("--nouns", type=int, default=500, help="NOUN rows (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None,
                        help="parse only the first N DICE articles and N KIND sentences (a quick try)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (default: %(default)s)")
    parser.add_argument("--save-counts", type=Path, help="also write every lemma's counts per source to this TSV")
    parser.add_argument("--load-counts", type=Path, help="take the counts from a --save-counts file; no parsing")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(message)s", datefmt="%H:%M:%S")

    started = time.monotonic()
    counts = load_counts(args.load_counts) if args.load_counts else count_all(args.limit, args.batch_size)
    log.info("counting took %.0f s", time.monotonic() - started)
    if args.save_counts:
        save_counts(counts, args.save_counts)
    rows = write_table(counts, args.table, args.verbs, args.nouns)
    undecided = sum(r["type"] == UNDECIDED for r in rows)
    print(f"{args.table}: {len(rows)} rows, {undecided} undecided")
    print("\ncoverage (occurrences whose lemma has a row)", *coverage(counts, rows), sep="\n")
    print("\nrows per type", *triggers_per_type(rows), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
