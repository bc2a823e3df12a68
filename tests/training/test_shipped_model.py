"""The trained pipeline committed under cronaca/models/it_cronaca: it must be there, load
offline, and tag, lemmatize, parse and find entities in Italian news sentences."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from cronaca.nlp import SHIPPED_MODEL, build_nlp, load

EXPECTED_PIPES = ["tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def test_shipped_model_is_present_and_small() -> None:
    assert (SHIPPED_MODEL / "config.cfg").exists(), f"the trained pipeline is missing from {SHIPPED_MODEL}"
    size = sum(p.stat().st_size for p in SHIPPED_MODEL.rglob("*") if p.is_file())
    assert size < 60 * 1024 * 1024


def test_shipped_model_meta_states_licence_and_scores() -> None:
    meta = json.loads((SHIPPED_MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "it"
    assert "non-commercial" in meta["license"]
    assert meta["performance"]["ner/test-wn"]["ents_f"] > 0.7
    assert meta["performance"]["ud/test-pud"]["pos_acc"] > 0.9


def test_shipped_model_is_the_auto_default(nlp: Language) -> None:
    auto = build_nlp("auto")
    assert [p for p in auto.pipe_names if p in EXPECTED_PIPES] == EXPECTED_PIPES
    assert [p for p in nlp.pipe_names if p in EXPECTED_PIPES] == EXPECTED_PIPES
    assert "cronaca_sentences" in nlp.pipe_names


@pytest.mark.parametrize(("text", "entities"), [
    ("Il sindaco Giovanni Ferri ha incontrato ieri a Bologna i dirigenti della Coop.",
     {("Giovanni Ferri", "PER"), ("Bologna", "LOC")}),
    ("La procura di Napoli ha aperto un'inchiesta su Luigi Esposito.",
     {("Napoli", "LOC"), ("Luigi Esposito", "PER")}),
])
def test_shipped_model_finds_people_and_places(nlp: Language, text: str,
                                               entities: set[tuple[str, str]]) -> None:
    doc = nlp(text)
    assert entities <= {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_tags_lemmatizes_and_parses(nlp: Language) -> None:
    doc = nlp("I carabinieri hanno arrestato due uomini a Modena.")
    by_text = {t.text: t for t in doc}
    assert by_text["carabinieri"].pos_ == "NOUN"
    assert by_text["arrestato"].pos_ == "VERB"
    assert by_text["arrestato"].lemma_ == "arrestare"
    assert by_text["uomini"].lemma_ == "uomo"
    assert by_text["arrestato"].dep_ == "ROOT"
    assert by_text["carabinieri"].dep_ == "nsubj"
    assert by_text["carabinieri"].head.text == "arrestato"
    assert by_text["uomini"].dep_ == "obj"
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")


def test_shipped_model_keeps_abbreviations_whole(nlp: Language) -> None:
    doc = nlp("Lo ha detto il dott. Rossi.")
    assert "dott." in [t.text for t in doc]


def test_shipped_model_has_its_own_floret_vectors(nlp: Language) -> None:
    vectors = nlp.vocab.vectors
    assert vectors.mode == "floret" and vectors.shape[1] >= 50
    assert nlp.meta["vectors"]["name"] == "cronaca_it_floret"
    # floret covers any word, seen or not, from subword rows
    assert nlp.vocab["Sgranocchiavano"].has_vector


@pytest.mark.parametrize(("word", "near", "far"), [
    ("Milano", "Torino", "mangiava"),
    ("carabinieri", "polizia", "Torino"),
    ("ministro", "presidente", "furto"),
])
def test_shipped_model_vectors_put_related_words_closer(nlp: Language, word: str, near: str,
                                                          far: str) -> None:
    w, n, f = (nlp.vocab[x] for x in (word, near, far))
    assert w.similarity(n) > w.similarity(f)
