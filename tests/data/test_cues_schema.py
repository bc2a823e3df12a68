"""Schema of data/it/cues.yaml: the cue verbs, frames and grammar words of quotes.py,
speakers.py and attribution.py."""

from __future__ import annotations

import pytest

from cronaca.data import load_yaml
from cronaca.extract.speakers import lexicon

LIST_KEYS = ("auxiliaries", "adverbs", "time_words", "determiners", "prepositions", "clause_breaks",
             "source_nouns", "source_frames", "outlet_frames", "outlet_nouns", "anaphoric_clitics", "head_modifiers",
             "contradicted_frames", "source_frame_openers", "not_source_heads", "impersonal_clitics")
FORM_KINDS = {"participle", "gerund", "finite", "infinitive"}


@pytest.fixture(scope="module")
def cues() -> dict:
    return load_yaml("it", "cues.yaml")


def test_cues_yaml_has_fixed_keys(cues: dict) -> None:
    assert set(cues) == {*LIST_KEYS, "conjugations", "verbs", "source_frame_verbs", "hearsay", "articulated"}


@pytest.mark.parametrize("key", LIST_KEYS)
def test_cues_yaml_lists_are_lowercase_strings(cues: dict, key: str) -> None:
    values = cues[key]
    assert values and all(isinstance(v, str) and v == v.lower() and v.strip() == v for v in values)
    assert len(values) == len(set(values)), f"duplicates in {key}"


def test_cues_yaml_conjugations_cover_the_form_kinds(cues: dict) -> None:
    for name, table in cues["conjugations"].items():
        assert set(table) == FORM_KINDS, name
        assert all(isinstance(s, str) and s for suffixes in table.values() for s in suffixes)


@pytest.mark.parametrize("key", ["verbs", "source_frame_verbs"])
def test_cues_yaml_verbs_have_a_class_or_forms(cues: dict, key: str) -> None:
    lemmas = [v["lemma"] for v in cues[key]]
    assert len(lemmas) == len(set(lemmas))
    for verb in cues[key]:
        assert set(verb) <= {"lemma", "class", "forms"}, verb
        assert "class" in verb or "forms" in verb, verb
        if "class" in verb:
            assert verb["class"] in cues["conjugations"], verb
        assert set(verb.get("forms") or {}) <= FORM_KINDS, verb


def test_cues_yaml_hearsay_section(cues: dict) -> None:
    assert set(cues["hearsay"]) == {"endings", "modal_stems", "modal_participles", "hypothetical"}
    assert all(isinstance(v, list) and v for v in cues["hearsay"].values())


def test_cues_yaml_articulated_prepositions_are_prepositions(cues: dict) -> None:
    preps = set(cues["prepositions"])
    for simple, forms in cues["articulated"].items():
        assert simple in forms and set(forms) <= preps, simple


@pytest.mark.parametrize("form,lemma,kind", [
    (("ha", "dichiarato"), None, None),  # auxiliaries are not part of the forms
    (("dichiarato",), "dichiarare", "participle"),
    (("ribadisce",), "ribadire", "finite"),
    (("spiegando",), "spiegare", "gerund"),
    (("detto",), "dire", "participle"),
    (("aggiunto",), "aggiungere", "participle"),
    (("raccontano",), "raccontare", "finite"),
    (("fatto", "sapere"), "fare sapere", "participle"),
])
def test_cues_lexicon_generates_forms(form: tuple[str, ...], lemma: str | None, kind: str | None) -> None:
    got = lexicon("it").cue_forms.get(form)
    assert got == ((lemma, kind) if lemma else None)


@pytest.mark.parametrize("form,kind", [
    (("riportato",), "participle"),
    (("riferiscono",), "finite"),
    (("scrive",), "finite"),
    (("reso", "noto"), "participle"),
])
def test_cues_lexicon_generates_frame_verb_forms(form: tuple[str, ...], kind: str) -> None:
    assert lexicon("it").frame_verb_forms[form][1] == kind
