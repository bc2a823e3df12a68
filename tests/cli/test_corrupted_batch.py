"""A batch of real DICE articles with corrupted ones of every kind through ``cronaca analyze --store``:
every good article analysed and stored once, every bad one reported once, and a rerun adds nothing.

The small mix runs in the default suite; the 1,000-article version is marked slow.  DICE is read
where the project keeps it (``../shared/data``, never copied into the repository)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from cronaca.cli import main
from cronaca.ingest.tokens import read_dice_article

DICE = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "DICE-ItalianCrimeNews" / "articles"
LIMIT = 20_000_000  # cronaca analyze's default --max-bytes


def dice_texts(n: int) -> list[tuple[str, str]]:
    """(id, text) of the first ``n`` non-empty DICE articles whose texts differ, in numeric file order."""
    if not DICE.is_dir():
        pytest.skip(f"the DICE corpus is not at {DICE}")
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path in sorted(DICE.glob("*.csv"), key=lambda p: (len(p.stem), p.stem)):
        text = read_dice_article(path)[0].strip()
        if text and text not in seen:
            seen.add(text)
            found.append((f"dice{path.stem}", text))
        if len(found) == n:
            break
    return found


def write_batch(folder: Path, good: int, *, one_line_chars: int) -> tuple[set[str], dict[str, str]]:
    """``good`` DICE articles as .txt files plus 5 % bad inputs of seven kinds, and a JSON Lines file
    mixing good records and broken lines.  Returns the doc ids that must be stored and, for each
    bad input, the reason cronaca must give."""
    texts = dice_texts(good + 1)
    expected: set[str] = set()
    bad: dict[str, str] = {}
    kinds = max(1, round(good * 0.05 / 7))  # 5 % bad, spread over the seven kinds (at least one each)
    jsonl_good = texts[:kinds]
    for doc_id, text in texts[kinds:good]:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        expected.add(doc_id)
    filler = " ".join(" ".join(t.split()) for _, t in texts)
    for k in range(kinds):
        bad[f"bytes{k}.txt"] = "is not valid UTF-8 text"
        (folder / f"bytes{k}.txt").write_bytes("Il caffè è pronto, disse.".encode("latin-1"))
        bad[f"vuoto{k}.txt"] = "is empty: there is no text to analyse."
        (folder / f"vuoto{k}.txt").write_bytes(b"\n \n")
        bad[f"enorme{k}.txt"] = f"over the limit of {LIMIT:,} bytes per article"
        with (folder / f"enorme{k}.txt").open("wb") as fh:  # sparse: 20 MiB without writing them
            fh.truncate(20 * 1024 * 1024)
        bad[f"binario{k}.txt"] = "looks like a binary file"
        (folder / f"binario{k}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        bad[f"troncato{k}.html"] = "is an HTML page with no article text cronaca could find."
        (folder / f"troncato{k}.html").write_text("<!DOCTYPE html><html><head><title>Furto</title></head><bo",
                                                  encoding="utf-8")
        # one long article on a single line: good, analysed in pieces
        line = (f"Cronaca numero {k}. " + filler * (one_line_chars // len(filler) + 1))[:one_line_chars]
        line = line.rsplit(" ", 1)[0]
        (folder / f"riga{k}.txt").write_text(line, encoding="utf-8")
        expected.add(f"riga{k}")
    lines = []
    for k, (doc_id, text) in enumerate(jsonl_good):
        lines.append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
        lines.append('{"id": "rotto", "text": "manca la fine')
        bad[f"righe.jsonl:{2 * k + 2}"] = "is not a valid JSON object"
        expected.add(doc_id)
    (folder / "righe.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected, bad


def _stored(store: Path) -> list[str]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT doc_id FROM articles").fetchall()]
    finally:
        con.close()


def run_batch(tmp_path: Path, good: int, *, one_line_chars: int, model: str) -> None:
    folder = tmp_path / "lotto"
    folder.mkdir()
    expected, bad = write_batch(folder, good, one_line_chars=one_line_chars)
    store = tmp_path / "lotto.duckdb"
    args = ["analyze", str(folder), "--store", str(store), "--format", "jsonl", "--quiet", "--model", model]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    stored = _stored(store)
    assert sorted(stored) == sorted(expected)  # every good article, once
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == expected
    messages = result.stderr.splitlines()
    for name, reason in bad.items():
        named = [m for m in messages if m.startswith(f"cronaca: {folder / name}: ")]
        assert len(named) == 1 and reason in named[0], (name, named)
    assert len(messages) == len(bad), "\n".join(messages)
    rerun = CliRunner().invoke(main, args)
    assert rerun.exit_code == 0, rerun.output
    assert sorted(_stored(store)) == sorted(expected)  # a rerun stores nothing twice


def test_corrupted_batch_good_stored_once_bad_reported_once(tmp_path: Path) -> None:
    run_batch(tmp_path, 40, one_line_chars=150_000, model="blank")


@pytest.mark.slow
def test_corrupted_batch_of_a_thousand_dice_articles(tmp_path: Path) -> None:
    run_batch(tmp_path, 1000, one_line_chars=2_000_000, model="auto")
