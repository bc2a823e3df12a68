"""cronaca's own Italian word vectors, trained with floret on the unlabelled text of the shared corpora.

No pretrained vectors can be downloaded here, so the training command builds them: every word of
the corpora in :data:`RAW_TEXT_FILES` (never a held-out test file of the NER or UD evaluation)
goes into one plain-text file, one sentence or article a line, and floret learns hashed subword
vectors from it. floret vectors cover any word, seen or not, from a fixed table of ``bucket``
rows, which keeps the shipped model small.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from cronaca.errors import ConfigError

log = logging.getLogger(__name__)

DICE_ARTICLES = Path("DICE-ItalianCrimeNews") / "articles"
# Unlabelled text for the vectors, by format. The NER and UD held-out test sets (KIND WN_test,
# FIC_test, ADG_test; UD ParTUT, ISDT and PUD test) are left out so the evaluation stays blind.
RAW_TEXT_FILES = {
    "bio": tuple(f"KIND/evalita-2023/{n}.tsv" for n in
                 ("WN_train", "WN_dev", "FIC_train", "FIC_dev", "ADG_train", "ADG_dev"))
    + ("KIND/dataset/moro_train.tsv", "KIND/dataset/moro_test.tsv",
       "WikiNEuRal-it-silver/val.conllu", "WikiNEuRal-it-silver/test.conllu"),
    "conllu": ("UD_Italian-ParTUT/it_partut-ud-train.conllu", "UD_Italian-ParTUT/it_partut-ud-dev.conllu",
               "UD_Italian-ISDT/it_isdt-ud-dev.conllu", "UD_Italian-VIT/it_vit-ud-dev.conllu",
               "UD_Italian-VIT/it_vit-ud-test.conllu"),
}


@dataclass(frozen=True)
class FloretSettings:
    """floret's training settings (the names are floret's own)."""

    dim: int = 100
    bucket: int = 50_000  # rows of the shipped table: bucket x dim float32
    minn: int = 4
    maxn: int = 5
    hashCount: int = 2  # camelCase: floret's own option names
    epoch: int = 10
    minCount: int = 3
    neg: int = 10
    thread: int = 2
    model: str = "cbow"


def dice_words(path: Path) -> list[str]:
    """The words of one DICE article CSV (one token a row), with ``l`` + ``'`` glued back to ``l'``."""
    words: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tok = row["token"]
            if tok in ("'", "’") and words:
                words[-1] += tok
            elif tok.strip():
                words.append(tok)
    return words


def _bio_sentences(path: Path) -> Iterator[list[str]]:
    sent: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            # KIND: token<TAB>label; WikiNEuRal: index<TAB>token<TAB>label
            sent.append(fields[1] if len(fields) == 3 else fields[0])
    if sent:
        yield sent


def _conllu_sentences(path: Path) -> Iterator[list[str]]:
    """Surface words of a UD file: a multi-word token (``della``) once, not its parts."""
    sent: list[str] = []
    skip_to = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            if not line.strip():
                if sent:
                    yield sent
                sent, skip_to = [], 0
                continue
            idx, form = line.split("\t", 2)[:2]
            if "-" in idx:
                sent.append(form)
                skip_to = int(idx.split("-")[1])
            elif "." not in idx and int(idx) > skip_to:
                sent.append(form)
    if sent:
        yield sent


def raw_lines(data: Path, limit: int | None = None) -> Iterator[str]:
    """One line of space-separated words per sentence (per article for DICE), at most ``limit``
    lines from each file (and ``limit`` DICE articles)."""
    for fmt, files in RAW_TEXT_FILES.items():
        reader = _bio_sentences if fmt == "bio" else _conllu_sentences
        for rel in files:
            path = data / rel
            if not path.exists():
                raise ConfigError(f"training data file '{path}' is missing; --data must point to the "
                                  "shared corpora folder")
            for sent in islice(reader(path), limit):
                yield " ".join(sent)
    dice = data / DICE_ARTICLES
    if not dice.is_dir():
        raise ConfigError(f"'{dice}' is missing; --data must point to the shared corpora folder")
    articles = (dice_words(path) for path in sorted(dice.glob("*.csv")))
    for words in islice((w for w in articles if w), limit):
        yield " ".join(words)


def write_raw_text(data: Path, out: Path, limit: int | None = None) -> int:
    """Write :func:`raw_lines` to ``out``; return the number of words."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n_words = 0
    with out.open("w", encoding="utf-8") as fh:
        for line in raw_lines(data, limit):
            fh.write(line + "\n")
            n_words += line.count(" ") + 1
    log.info("wrote %s (%d words)", out, n_words)
    return n_words


def train_floret(raw: Path, out: Path, settings: FloretSettings = FloretSettings()) -> Path:
    """Train floret vectors on ``raw`` and save them in floret's text format to ``out``.

    floret takes no seed: with ``thread=1`` its result depends only on the data, with more
    threads it varies slightly between runs (lock-free parallel updates).
    """
    import floret

    model = floret.train_unsupervised(str(raw), mode="floret", verbose=0, **settings.__dict__)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_floret_vectors(str(out))
    return out
