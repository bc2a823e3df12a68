"""Schema test for cronaca/data/it/grammar.yaml (the function words of the word rules)."""

from __future__ import annotations

import pytest

import cronaca.data
from cronaca.data import load_word_lists, load_yaml
from cronaca.errors import DataFileError
from cronaca.extract.event import grammar as grammar_module
from cronaca.extract.event.grammar import KEYS, grammar


def test_grammar_yaml_has_exactly_the_record_keys() -> None:
    assert set(load_yaml("it", "grammar.yaml")) == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_grammar_yaml_values_are_lower_case_word_lists(key: str) -> None:
    words = load_yaml("it", "grammar.yaml")[key]
    assert isinstance(words, list) and words
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in words)
    assert len(set(words)) == len(words), f"{key} repeats a word"


@pytest.mark.parametrize("key,word", [
    ("definite_articles", "l'"), ("genitive_preps", "dell'"), ("auxiliaries", "hanno"), ("coordinators", ","),
    ("relatives", "cui"), ("verb_endings", "rebbe"), ("venue_preps", "presso"),
])
def test_grammar_yaml_loads_typed(key: str, word: str) -> None:
    assert word in getattr(grammar("it"), key)


def test_grammar_articles_join_definite_and_indefinite() -> None:
    g = grammar("it")
    assert {"il", "una", "un’"} <= g.articles


def test_grammar_bad_file_names_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    grammar_module.grammar.cache_clear()
    monkeypatch.setattr(cronaca.data, "load_yaml", lambda lang, name: {"definite_articles": ["il"]})
    with pytest.raises(DataFileError, match="missing keys"):
        grammar_module.grammar("xx")
    grammar_module.grammar.cache_clear()


@pytest.mark.parametrize(("data", "message"), [
    (["il"], "expected a mapping of word lists, got list"),
    ({"a": ["x"], "c": ["y"]}, "missing keys ['b'], unknown keys ['c']"),
    ({"a": ["x"], "b": []}, "'b' must be a non-empty list of words"),
    ({"a": ["x"], "b": ["ok", 3]}, "'b' must be a non-empty list of words"),
])
def test_load_word_lists_names_the_file_and_key(monkeypatch: pytest.MonkeyPatch, data: object,
                                                message: str) -> None:
    monkeypatch.setattr(cronaca.data, "load_yaml", lambda lang, name: data)
    with pytest.raises(DataFileError, match=r"^xx/lists\.yaml: " + message.replace("[", r"\[").replace("]", r"\]")):
        load_word_lists("xx", "lists.yaml", ("a", "b"))
