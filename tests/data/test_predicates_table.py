"""Schema of cronaca/data/it/predicates.tsv (frequent predicate lemmas and their PLOVER decisions)."""

from __future__ import annotations

import csv

import pytest

from cronaca.data import data_path, load_yaml

COLUMNS = ["lemma", "pos", "rank", "count_dice", "count_wikinews", "count_ud_kind", "type", "mode", "voice_note"]
ROWS_PER_POS = {"VERB": 1000, "NOUN": 500}


@pytest.fixture(scope="module")
def lines() -> list[list[str]]:
    with data_path("it", "predicates.tsv").open(encoding="utf-8", newline="") as fh:
        body = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.reader(body, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def rows(lines) -> list[dict[str, str]]:
    return [dict(zip(COLUMNS, cells)) for cells in lines[1:]]


@pytest.fixture(scope="module")
def modes() -> dict[str, set[str]]:
    return {name: set(spec["modes"]) for name, spec in load_yaml(".", "plover.yaml")["types"].items()}


def test_predicates_table_header_and_nine_columns(lines):
    assert lines[0] == COLUMNS
    bad = [cells for cells in lines[1:] if len(cells) != len(COLUMNS)]
    assert not bad, f"rows without {len(COLUMNS)} columns: {bad[:3]}"


def test_predicates_table_has_the_top_verbs_and_nouns(rows):
    by_pos = {pos: [r for r in rows if r["pos"] == pos] for pos in ROWS_PER_POS}
    assert len(rows) == sum(ROWS_PER_POS.values())
    for pos, n in ROWS_PER_POS.items():
        assert [int(r["rank"]) for r in by_pos[pos]] == list(range(1, n + 1))


def test_predicates_table_lemma_pos_unique(rows):
    keys = [(r["lemma"], r["pos"]) for r in rows]
    assert len(set(keys)) == len(keys)
    assert all(r["lemma"] and r["lemma"] == r["lemma"].strip().lower() for r in rows)


def test_predicates_table_counts_are_ordered(rows):
    for pos in ROWS_PER_POS:
        totals = [sum(int(r[c]) for c in COLUMNS[3:6]) for r in rows if r["pos"] == pos]
        assert all(n >= 0 for n in totals) and totals == sorted(totals, reverse=True)


def test_predicates_table_types_are_plover_or_dash(rows, modes):
    bad = [(r["lemma"], r["pos"], r["type"]) for r in rows if r["type"] != "-" and r["type"] not in modes]
    assert not bad, f"undecided or unknown types (valid: '-', {sorted(modes)}): {bad[:10]}"


def test_predicates_table_modes_belong_to_their_type(rows, modes):
    bad = [(r["lemma"], r["type"], r["mode"]) for r in rows
           if r["mode"] != "-" and (r["type"] == "-" or r["mode"] not in modes[r["type"]])]
    assert not bad, f"modes not of their type: {bad[:10]}"
