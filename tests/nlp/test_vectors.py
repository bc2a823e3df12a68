"""The unlabelled text the word vectors are trained on: readers of each corpus format, and the
rule that no held-out test file feeds the vectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronaca.cli.train import NER_SPLITS, UD_SPLITS
from cronaca.errors import ConfigError
from cronaca.nlp.vectors import (
    DICE_ARTICLES,
    RAW_TEXT_FILES,
    FloretSettings,
    dice_words,
    raw_lines,
    train_floret,
    write_raw_text,
)

_CONLLU = """# sent_id = a
# text = Il sindaco della città parla.
1\tIl\til\tDET\tRD\t_\t2\tdet\t_\t_
2\tsindaco\tsindaco\tNOUN\tS\t_\t5\tnsubj\t_\t_
3-4\tdella\t_\t_\t_\t_\t_\t_\t_\t_
3\tdi\tdi\tADP\tE\t_\t5\tcase\t_\t_
4\tla\til\tDET\tRD\t_\t5\tdet\t_\t_
5\tcittà\tcittà\tNOUN\tS\t_\t2\tnmod\t_\t_
6\tparla\tparlare\tVERB\tV\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\tFS\t_\t6\tpunct\t_\t_

"""


def _write_corpora(root: Path, conllu: str = _CONLLU) -> None:
    for fmt, files in RAW_TEXT_FILES.items():
        for rel in files:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            text = conllu if fmt == "conllu" else "Anna\tB-PER\nparte\tO\n\n0\tda\tO\n1\tLecce\tB-LOC\n"
            (root / rel).write_text(text, encoding="utf-8")
    (root / DICE_ARTICLES).mkdir(parents=True)
    (root / DICE_ARTICLES / "1.csv").write_text("token,label\nl,O\n',O\nauto,O\n", encoding="utf-8")
    (root / DICE_ARTICLES / "2.csv").write_text("token,label\n", encoding="utf-8")


def test_vectors_never_read_a_held_out_test_file() -> None:
    held_out = {rel for split in (*UD_SPLITS, *NER_SPLITS) if split.name.startswith("test")
                for rel in split.files}
    used = {rel for files in RAW_TEXT_FILES.values() for rel in files}
    assert held_out and not used & held_out


def test_vectors_dice_words_glue_the_split_elision(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("token,label\nl,O\n',O\nauto,O\n è,O\n,O\n", encoding="utf-8")
    assert dice_words(path) == ["l'", "auto", " è"]


def test_vectors_raw_lines_read_every_format(tmp_path: Path) -> None:
    _write_corpora(tmp_path)
    lines = list(raw_lines(tmp_path))
    n_bio, n_conllu = len(RAW_TEXT_FILES["bio"]), len(RAW_TEXT_FILES["conllu"])
    assert lines[:2] == ["Anna parte", "da Lecce"]
    # a multi-word token is written once, as it reads
    assert lines[2 * n_bio] == "Il sindaco della città parla ."
    assert len(lines) == 2 * n_bio + n_conllu + 1  # the empty DICE article is skipped
    assert lines[-1] == "l' auto"


def test_vectors_raw_lines_limit_each_file(tmp_path: Path) -> None:
    _write_corpora(tmp_path)
    lines = list(raw_lines(tmp_path, limit=1))
    assert len(lines) == len(RAW_TEXT_FILES["bio"]) + len(RAW_TEXT_FILES["conllu"]) + 1


def test_vectors_missing_corpus_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is missing; --data must point to the shared corpora folder"):
        list(raw_lines(tmp_path))


def test_vectors_floret_trains_and_covers_unseen_words(tmp_path: Path) -> None:
    _write_corpora(tmp_path / "data")
    raw = tmp_path / "raw.txt"
    assert write_raw_text(tmp_path / "data", raw) > 0
    out = train_floret(raw, tmp_path / "v.floret", FloretSettings(dim=8, bucket=100, epoch=1, minCount=1,
                                                                  thread=1))
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.split()[:2] == ["100", "8"]  # rows, dim, then the subword settings
    assert len(rows) == 100 and all(len(r.split()) == 9 for r in rows)
