"""The training command: data conversion units, and a few training steps on a tiny hand-written
corpus (about 10 s, so it runs by default and proves the command works end to end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from cronaca.cli import main
from cronaca.cli.train import NER_SPLITS, UD_SPLITS, bio_docs, detokenize, read_bio
from cronaca.nlp.vectors import DICE_ARTICLES, RAW_TEXT_FILES

# (form, lemma, upos, xpos, head, deprel) rows of hand-written sentences
_UD_SENTS = [
    [("Il", "il", "DET", "RD", 2, "det"), ("sindaco", "sindaco", "NOUN", "S", 3, "nsubj"),
     ("parla", "parlare", "VERB", "V", 0, "root"), ("oggi", "oggi", "ADV", "B", 3, "advmod"),
     (".", ".", "PUNCT", "FS", 3, "punct")],
    [("La", "il", "DET", "RD", 2, "det"), ("polizia", "polizia", "NOUN", "S", 3, "nsubj"),
     ("arresta", "arrestare", "VERB", "V", 0, "root"), ("un", "uno", "DET", "RI", 5, "det"),
     ("uomo", "uomo", "NOUN", "S", 3, "obj"), (".", ".", "PUNCT", "FS", 3, "punct")],
    [("Il", "il", "DET", "RD", 2, "det"), ("ministro", "ministro", "NOUN", "S", 3, "nsubj"),
     ("arriva", "arrivare", "VERB", "V", 0, "root"), ("domani", "domani", "ADV", "B", 3, "advmod"),
     (".", ".", "PUNCT", "FS", 3, "punct")],
]
_NER_SENTS = [
    [("Mario", "B-PER"), ("Bianchi", "I-PER"), ("vive", "O"), ("a", "O"), ("Torino", "B-LOC"), (".", "O")],
    [("La", "O"), ("Fiat", "B-ORG"), ("assume", "O"), ("a", "O"), ("Melfi", "B-LOC"), (".", "O")],
    [("Giulia", "B-PER"), ("lavora", "O"), ("per", "O"), ("l'", "O"), ("Enel", "B-ORG"), (".", "O")],
]


def _conllu(repeat: int) -> str:
    out = []
    for k in range(repeat):
        for i, sent in enumerate(_UD_SENTS):
            rows = [f"# sent_id = s{k}-{i}", "# text = " + " ".join(r[0] for r in sent)]
            for j, (form, lemma, upos, xpos, head, rel) in enumerate(sent, 1):
                misc = "SpaceAfter=No" if j < len(sent) and sent[j][0] == "." else "_"
                rows.append(f"{j}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}")
            out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


def _bio(repeat: int) -> str:
    return "\n".join("\n".join(f"{w}\t{lab}" for w, lab in sent) + "\n"
                     for _ in range(repeat) for sent in _NER_SENTS)


@pytest.fixture()
def tiny_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for split in UD_SPLITS:
        for rel in split.files:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_text(_conllu(12), encoding="utf-8")
    for split in NER_SPLITS:
        for rel in split.files:
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_text(_bio(12), encoding="utf-8")
    for rel in RAW_TEXT_FILES["bio"]:
        if not (data / rel).exists():
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_text(_bio(3), encoding="utf-8")
    (data / DICE_ARTICLES).mkdir(parents=True)
    for i, sent in enumerate(_NER_SENTS):
        rows = ["token,label"] + [f"{w},O" for w, _ in sent]
        (data / DICE_ARTICLES / f"{i}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data


@pytest.mark.parametrize(("words", "spaces"), [
    (["Il", "sindaco", ",", "ieri", "."], [True, False, True, False, False]),
    (["l'", "uomo", "arriva"], [False, True, False]),
    (["dell’", "Enel", "(", "Roma", ")"], [False, True, False, False, False]),
    (["ha", "detto", '"', "no", '"', "."], [True, True, False, False, False, False]),
    (["«", "Basta", "»", "."], [False, False, False, False]),
])
def test_train_detokenize_glues_punctuation_and_elisions(words: list[str], spaces: list[bool]) -> None:
    assert detokenize(words) == spaces


def test_train_bio_docs_keep_entity_spans(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text(_bio(1), encoding="utf-8")
    sents = list(read_bio(path))
    assert len(sents) == 3
    docs = list(bio_docs(spacy.blank("it"), sents, n_sents=2))
    assert len(docs) == 2
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Mario Bianchi", "PER"), ("Torino", "LOC"), ("Fiat", "ORG"), ("Melfi", "LOC")]
    assert "l'Enel" in docs[1].text
    assert next(s.text.strip() for s in docs[0].sents) == "Mario Bianchi vive a Torino."


def test_train_bio_docs_repair_stray_inside_tag() -> None:
    docs = list(bio_docs(spacy.blank("it"), [[("a", "O"), ("Roma", "I-LOC"), ("Nord", "I-LOC")]]))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Roma Nord", "LOC")]


def test_train_read_bio_reads_indexed_columns_and_skips_dropped_labels(tmp_path: Path) -> None:
    path = tmp_path / "silver.conllu"
    path.write_text("0\tIl\tO\n1\tPalio\tB-MISC\n2\tdi\tI-MISC\n3\tSiena\tI-MISC\n\n"
                    "0\tAnna\tB-PER\n1\tvive\tO\n2\ta\tO\n3\tLecce\tB-LOC\n", encoding="utf-8")
    assert list(read_bio(path, drop_labels=frozenset({"MISC"}))) == [
        [("Anna", "B-PER"), ("vive", "O"), ("a", "O"), ("Lecce", "B-LOC")]]
    assert len(list(read_bio(path))) == 2


def test_train_read_bio_rejects_a_line_without_label(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("Roma\tB-LOC\nParigi\n", encoding="utf-8")
    with pytest.raises(Exception, match="expected 'token<TAB>label'"):
        list(read_bio(path))


def test_train_command_reports_missing_data_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["train", "--data", str(tmp_path / "empty"), "--stage", "convert",
                                       "--workdir", str(tmp_path / "work")])
    assert result.exit_code != 0
    assert "it_partut-ud-train.conllu' is missing" in str(result.exception)


def test_train_command_trains_a_few_steps_on_a_tiny_slice(tiny_data: Path, tmp_path: Path) -> None:
    work, out = tmp_path / "work", tmp_path / "model"
    result = CliRunner().invoke(main, ["train", "--data", str(tiny_data), "--out", str(out),
                                       "--workdir", str(work), "--max-steps", "4", "--limit", "30"])
    assert result.exit_code == 0, result.output + repr(result.exception)
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
    assert "non-commercial" in nlp.meta["license"]
    metrics = json.loads((work / "metrics.json").read_text(encoding="utf-8"))
    assert {"ud/test-pud", "ner/test-wn"} <= set(metrics)
    assert 0.0 <= metrics["ner/test-wn"]["ents_f"] <= 1.0
    assert len(DocBin().from_disk(work / "corpus" / "ner" / "train.spacy")) > 0
