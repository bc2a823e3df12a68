"""``cronaca train``: build cronaca's own Italian spaCy pipeline from the public corpora.

Steps (``--stage``, all by default, in this order):

``convert``   UD ``.conllu`` and KIND ``evalita-2023/*.tsv`` (BIO) to ``.spacy`` files under
              ``<workdir>/corpus`` (never committed);
``vectors``   write the unlabelled text of the corpora (:mod:`cronaca.nlp.vectors`) and train
              floret word vectors on it, ready for spaCy under ``<workdir>/corpus/vectors/nlp``;
``ud``        train tagger + morphologizer + edit-tree lemmatizer + parser (``configs/ud.cfg``);
``ner``       train the entity recogniser (``configs/ner.cfg``) on KIND;
``ner-continue``  go on training the ``ner`` stage's model-best on news only
              (:data:`NER_CONTINUE_TRAIN`; ``configs/ner_continue.cfg``: half the learning rate,
              fixed batch size);
``assemble``  put the UD model and the last NER stage's model-best into one pipeline (the
              NER keeps its own copy of its tok2vec) and save it to ``--out``;
``evaluate``  score the saved pipeline on the held-out sets (UD: ParTUT test, ISDT test,
              PUD test; NER: KIND ``WN_test``) and write ``<workdir>/metrics.json``.

Which file goes where is declared once in :data:`UD_SPLITS` and :data:`NER_SPLITS`.
The seed is fixed (``--seed``, default 0), so a rerun on the same data gives the same model.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Corpus
from spacy.training.converters import conllu_to_docs
from spacy.training.initialize import convert_vectors

from cronaca import __version__
from cronaca.cli import main
from cronaca.errors import ConfigError
from cronaca.nlp.vectors import FloretSettings, train_floret, write_raw_text

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_WORKDIR = REPO_ROOT / "training"
DEFAULT_OUT = REPO_ROOT / "cronaca" / "models" / "it_cronaca"
STAGES = ("convert", "vectors", "ud", "ner", "ner-continue", "assemble", "evaluate")
SENTS_PER_DOC = 10
# WikiNEuRal's MISC (events, works, nationalities…) has no KIND counterpart: its sentences are
# skipped rather than relabelled O, so the silver data never teaches "this name is not an entity"
DROP_NER_LABELS = frozenset({"MISC"})
# the training file of the ``ner-continue`` stage (a split name of NER_SPLITS): the news part of
# KIND, to adapt the model trained on all of KIND to news. "train-plus" (with the WikiNEuRal
# silver sentences) scored ~2 F1 points lower on WN_dev in a 600-step trial (0.699 vs 0.720), so
# it is converted but not used
NER_CONTINUE_TRAIN = "train-wn"


@dataclass(frozen=True)
class Split:
    """One corpus file of the build: where it comes from and what it is used for."""

    name: str  # output name under <workdir>/corpus/<task>/
    files: tuple[str, ...]  # paths relative to --data


UD_SPLITS = (
    Split("train", ("UD_Italian-ParTUT/it_partut-ud-train.conllu", "UD_Italian-ISDT/it_isdt-ud-dev.conllu",
                    "UD_Italian-VIT/it_vit-ud-dev.conllu", "UD_Italian-VIT/it_vit-ud-test.conllu")),
    Split("dev", ("UD_Italian-ParTUT/it_partut-ud-dev.conllu",)),
    # held out: never trained on, never used for model selection
    Split("test-partut", ("UD_Italian-ParTUT/it_partut-ud-test.conllu",)),
    Split("test-isdt", ("UD_Italian-ISDT/it_isdt-ud-test.conllu",)),
    Split("test-pud", ("UD_Italian-PUD/it_pud-ud-test.conllu",)),
)
NER_SPLITS = (
    Split("train", tuple(f"KIND/evalita-2023/{n}.tsv"
                         for n in ("WN_train", "FIC_train", "ADG_train", "FIC_dev", "ADG_dev"))),
    Split("dev", ("KIND/evalita-2023/WN_dev.tsv",)),
    # news only: the ``ner-continue`` stage adapts the model to news on it
    Split("train-wn", ("KIND/evalita-2023/WN_train.tsv",)),
    # KIND train plus WikiNEuRal-it silver sentences (those without MISC), for ``ner-continue``
    Split("train-plus", tuple(f"KIND/evalita-2023/{n}.tsv"
                              for n in ("WN_train", "FIC_train", "ADG_train", "FIC_dev", "ADG_dev"))
          + ("WikiNEuRal-it-silver/val.conllu", "WikiNEuRal-it-silver/test.conllu")),
    # held out: WN_test is the NERMuD 2023 news test set
    Split("test-wn", ("KIND/evalita-2023/WN_test.tsv",)),
    Split("test-fic", ("KIND/evalita-2023/FIC_test.tsv",)),
    Split("test-adg", ("KIND/evalita-2023/ADG_test.tsv",)),
)

# tokens glued to what precedes / follows them when KIND's pre-split sentences become text
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "”", "...", "…", "%", "’"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "«", "“"})


def detokenize(words: Sequence[str]) -> list[bool]:
    """Whether each word is followed by a space, so the text reads like news copy.

    Italian elisions (``l'``, ``dell'``, ``un’``) attach to the next word; straight double
    quotes alternate between opening and closing.
    """
    spaces = [True] * len(words)
    quote_open = False
    for i, w in enumerate(words):
        if w == '"':
            if quote_open:
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            quote_open = not quote_open
            continue
        if w in _NO_SPACE_AFTER or (len(w) > 1 and w[-1] in "'’" and w[0].isalpha()):
            spaces[i] = False
        if w in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def read_bio(path: Path, limit: int | None = None,
             drop_labels: frozenset[str] = frozenset()) -> Iterator[list[tuple[str, str]]]:
    """Sentences of a ``token<TAB>label`` (KIND) or ``index<TAB>token<TAB>label`` (WikiNEuRal)
    BIO file, blank-line separated; a sentence with a ``drop_labels`` entity is skipped whole."""
    sent: list[tuple[str, str]] = []
    n = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if sent and not any(lab[2:] in drop_labels for _, lab in sent):
                    yield sent
                    n += 1
                    if limit is not None and n >= limit:
                        return
                sent = []
                continue
            fields = line.split("\t")
            token, label = (fields[1], fields[2]) if len(fields) == 3 else (fields[0], fields[-1])
            if len(fields) not in (2, 3) or not token or not label:
                raise ConfigError(f"{path}:{lineno}: expected 'token<TAB>label', got {line!r}")
            sent.append((token, label.strip()))
    if sent and not any(lab[2:] in drop_labels for _, lab in sent):
        yield sent


def bio_docs(nlp: Language, sentences: Iterable[list[tuple[str, str]]],
             n_sents: int = SENTS_PER_DOC) -> Iterator[Doc]:
    """Docs of ``n_sents`` sentences with gold entity spans from BIO labels."""
    batch: list[Doc] = []
    for sent in sentences:
        words = [w for w, _ in sent]
        labels = [lab if lab != "O" and lab[:2] in ("B-", "I-") else "O" for _, lab in sent]
        # an I- after O (annotation slip) starts an entity
        fixed = [("B-" + lab[2:]) if lab.startswith("I-") and (i == 0 or labels[i - 1][2:] != lab[2:])
                 else lab for i, lab in enumerate(labels)]
        spaces = detokenize(words)
        spaces[-1] = True
        sent_starts: list[bool | int | None] = [i == 0 for i in range(len(words))]
        doc = Doc(nlp.vocab, words=words, spaces=spaces, ents=fixed, sent_starts=sent_starts)
        batch.append(doc)
        if len(batch) == n_sents:
            yield Doc.from_docs(batch)
            batch = []
    if batch:
        yield Doc.from_docs(batch)


def _conllu_limit(text: str, limit: int | None) -> str:
    if limit is None:
        return text
    return "\n\n".join(text.strip().split("\n\n")[:limit]) + "\n"


def convert(data: Path, corpus: Path, limit: int | None = None) -> dict[str, int]:
    """Write ``corpus/{ud,ner}/<split>.spacy``; return the number of docs per file."""
    counts: dict[str, int] = {}
    nlp = spacy.blank("it")
    for task, splits in (("ud", UD_SPLITS), ("ner", NER_SPLITS)):
        (corpus / task).mkdir(parents=True, exist_ok=True)
        for split in splits:
            db = DocBin(store_user_data=False)
            for rel in split.files:
                path = data / rel
                if not path.exists():
                    raise ConfigError(f"training data file '{path}' is missing; --data must point to the "
                                      "shared corpora folder (with UD_Italian-* and KIND/ in it)")
                if task == "ud":
                    text = _conllu_limit(path.read_text(encoding="utf-8"), limit)
                    docs = conllu_to_docs(text, n_sents=SENTS_PER_DOC, merge_subtokens=True, no_print=True)
                else:
                    docs = bio_docs(nlp, read_bio(path, limit, DROP_NER_LABELS))
                for doc in docs:
                    db.add(doc)
            out = corpus / task / f"{split.name}.spacy"
            db.to_disk(out)
            counts[f"{task}/{split.name}"] = len(db)
            log.info("wrote %s (%d docs)", out, len(db))
    return counts


# floret settings of a ``--limit`` smoke run: a tiny table that trains in a second
SMOKE_FLORET = FloretSettings(dim=16, bucket=1000, epoch=1, minCount=1, thread=1)


def build_vectors(data: Path, workdir: Path, limit: int | None = None) -> Path:
    """Unlabelled text → floret vectors → a spaCy pipeline holding them; return its path."""
    raw = workdir / "raw.txt"
    n_words = write_raw_text(data, raw, limit)
    floret_file = train_floret(raw, workdir / "it.floret", SMOKE_FLORET if limit else FloretSettings())
    nlp = spacy.blank("it")
    convert_vectors(nlp, floret_file, truncate=0, prune=-1, name="cronaca_it_floret", mode="floret")
    out = workdir / "nlp"
    nlp.to_disk(out)
    log.info("vectors from %d words saved to %s", n_words, out)
    return out


def train_component(config: Path, corpus: Path, output: Path, seed: int, max_steps: int | None,
                    vectors: Path, train: str = "train", source: Path | None = None) -> Path:
    """Train one config on ``corpus/<train>.spacy`` (selecting on ``dev.spacy``) with the static
    vectors of the pipeline ``vectors``, starting from the components of the pipeline ``source``
    if given; return model-best."""
    from spacy.cli.train import train as spacy_train

    if not (vectors / "vocab" / "vectors").exists():
        raise ConfigError(f"no word vectors in '{vectors}'; run `cronaca train --stage vectors` first")
    overrides: dict[str, object] = {
        "paths.train": str(corpus / f"{train}.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
        "paths.vectors": str(vectors),
        "system.seed": seed,
    }
    if source is not None:
        if not (source / "config.cfg").exists():
            raise ConfigError(f"'{source}' is not a trained pipeline; run the stage that makes it first")
        overrides["paths.source_ner"] = str(source)
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = max(1, min(200, max_steps))
    spacy_train(config, output, use_gpu=-1, overrides=overrides)
    return output / "model-best"


def assemble(ud_model: Path, ner_model: Path, out: Path, metrics: dict | None = None) -> Language:
    """One pipeline: the UD components with their shared tok2vec, plus the NER with its own."""
    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({
        "name": "cronaca",
        "version": __version__,
        "description": "cronaca's Italian pipeline: tagger, morphologizer, edit-tree lemmatizer, "
                       "dependency parser (UD) and NER (PER/LOC/ORG, KIND), with floret word vectors "
                       "trained by cronaca on the unlabelled text of its training corpora.",
        "license": "CC BY-NC-SA 4.0 (non-commercial use only, from the licences of the training data)",
        "sources": [{"name": s, "license": lic} for s, lic in (
            ("UD_Italian-ParTUT", "CC BY-NC-SA 4.0"), ("UD_Italian-ISDT (dev)", "CC BY-NC-SA 3.0"),
            ("UD_Italian-VIT (dev, test)", "CC BY-NC-SA 3.0"),
            ("KIND (WN, FIC, ADG)", "CC BY-NC 4.0 / CC BY-NC-SA 4.0"),
            ("word vectors: KIND, WikiNEuRal-it, UD and DICE-ItalianCrimeNews text", "CC BY-NC(-SA)"))],
    })
    if metrics:
        nlp.meta["performance"] = metrics
    if out.exists():
        if any(out.iterdir()) and not (out / "config.cfg").exists():
            raise ConfigError(f"--out '{out}' exists and is not a spaCy pipeline; refusing to overwrite it")
        shutil.rmtree(out)
    nlp.to_disk(out)
    return nlp


def entity_prf(nlp: Language, path: Path) -> dict[str, float]:
    """Entity-level micro P/R/F1 by exact character span and type, tokenizer-independent."""
    gold_docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    tp = fp = fn = 0
    for gold, pred in zip(gold_docs, nlp.pipe(d.text for d in gold_docs), strict=True):
        g = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        p = {(e.start_char, e.end_char, e.label_) for e in pred.ents}
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"ents_p": round(prec, 4), "ents_r": round(rec, 4), "ents_f": round(f1, 4), "n_gold": tp + fn}


def evaluate(model: Path, corpus: Path) -> dict[str, dict[str, float]]:
    """Scores of the saved pipeline, loaded as cronaca loads it (with its abbreviation cases)."""
    from cronaca.nlp.segment import add_abbreviation_exceptions

    nlp = spacy.load(model)
    add_abbreviation_exceptions(nlp)
    results: dict[str, dict[str, float]] = {}
    for split in UD_SPLITS:
        if not split.name.startswith("test"):
            continue
        examples = list(Corpus(corpus / "ud" / f"{split.name}.spacy")(nlp))
        with nlp.select_pipes(disable=["ner"]):
            sc = nlp.evaluate(examples)
        results[f"ud/{split.name}"] = {k: round(float(sc[k]), 4) for k in
                                       ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las")
                                       if sc.get(k) is not None}
        results[f"ud/{split.name}"]["n_tokens"] = sum(len(e.reference) for e in examples)
    for split in NER_SPLITS:
        if split.name.startswith("test"):
            results[f"ner/{split.name}"] = entity_prf(nlp, corpus / "ner" / f"{split.name}.spacy")
    return results


@main.command("train")
@click.option("--data", "data", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder of the shared corpora (UD_Italian-*, KIND/).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Where the assembled pipeline is saved.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_WORKDIR,
              show_default=True, help="Holds configs/, and receives corpus/, runs/ and metrics.json.")
@click.option("--stage", "stages", type=click.Choice(STAGES), multiple=True,
              help="Run only these steps (repeatable); default: all, in order.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--max-steps", type=int, default=None, help="Override training.max_steps of both configs.")
@click.option("--limit", type=int, default=None, help="Use only the first N sentences of each file (smoke tests).")
def train(data: Path, out: Path, workdir: Path, stages: tuple[str, ...], seed: int,
          max_steps: int | None, limit: int | None) -> None:
    """Train, evaluate and package cronaca's Italian pipeline from the public corpora."""
    todo = [s for s in STAGES if not stages or s in stages]
    configs, corpus, runs = workdir / "configs", workdir / "corpus", workdir / "runs"
    if not (configs / "ud.cfg").exists():
        cfg_src = DEFAULT_WORKDIR / "configs"
        if not (cfg_src / "ud.cfg").exists():
            raise click.ClickException(f"no training configs in '{configs}' or '{cfg_src}'")
        configs = cfg_src
    started = time.monotonic()
    if "convert" in todo:
        counts = convert(data, corpus, limit)
        click.echo("converted: " + ", ".join(f"{k}={v}" for k, v in counts.items()), err=True)
    vectors = corpus / "vectors" / "nlp"
    if "vectors" in todo:
        build_vectors(data, corpus / "vectors", limit)
    if "ud" in todo:
        train_component(configs / "ud.cfg", corpus / "ud", runs / "ud", seed, max_steps, vectors)
    if "ner" in todo:
        train_component(configs / "ner.cfg", corpus / "ner", runs / "ner", seed, max_steps, vectors)
    if "ner-continue" in todo:
        train_component(configs / "ner_continue.cfg", corpus / "ner", runs / "ner-continue", seed, max_steps,
                        vectors, train=NER_CONTINUE_TRAIN, source=runs / "ner" / "model-best")
    if "assemble" in todo:
        assemble(runs / "ud" / "model-best", runs / "ner-continue" / "model-best", out)
        click.echo(f"saved pipeline to {out}", err=True)
    if "evaluate" in todo:
        scores = evaluate(out, corpus)
        (workdir / "metrics.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        nlp_meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        nlp_meta["performance"] = scores
        (out / "meta.json").write_text(json.dumps(nlp_meta, indent=2) + "\n", encoding="utf-8")
        click.echo(json.dumps(scores, indent=2))
    click.echo(f"done in {time.monotonic() - started:.0f} s", err=True)
