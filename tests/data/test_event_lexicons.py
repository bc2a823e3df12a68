"""Schema tests for the event data files: plover.yaml, it/events.yaml, it/status.yaml."""

from __future__ import annotations

import pytest

from cronaca.data import load_yaml
from cronaca.extract.event.lexicon import event_lexicon, plover, status_lexicon
from cronaca.records import STATUSES

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_plover_has_the_16_types_with_cameo_codes() -> None:
    table = plover()
    assert set(table.cameo) == PLOVER_TYPES
    assert all(code.isdigit() for code in table.cameo.values())
    assert table.cameo_for("CONSULT", "phone") == "041"
    assert table.cameo_for("SANCTION", "convict") == "16"


def test_events_yaml_loads_and_every_type_has_a_trigger() -> None:
    lex = event_lexicon("it")
    assert {t.type for t in lex.triggers} >= PLOVER_TYPES - {"CONCEDE", "COOPERATE"}
    assert lex.nationalities.get("russe") == "RUS"


def test_status_yaml_covers_every_status() -> None:
    lex = status_lexicon("it")
    assert set(lex.priority) == set(STATUSES)
    assert {s for s, _ in lex.before} | {"negated"} >= set(STATUSES)


@pytest.mark.parametrize("key", ["triggers", "support_verbs", "mode_cues", "clause_breaks", "pair_phrases", "phrase_ends",
                                 "military_anaphora", "venue_phrases", "place_anaphora", "venue_verbs",
                                 "speech_act_types"])
def test_events_yaml_keys(key: str) -> None:
    assert load_yaml("it", "events.yaml")[key]


def test_status_yaml_enacting_cues() -> None:
    lex = status_lexicon("it")
    assert lex.enacting_cues and lex.enacting_types <= PLOVER_TYPES


def test_status_yaml_existential_negation() -> None:
    lex = status_lexicon("it")
    assert ("non", "c'", "è") in lex.existential
    assert {"ancora", "alcun", "un"} <= lex.existential_fillers


def test_status_yaml_phases_and_future_forms() -> None:
    lex = status_lexicon("it")
    assert {"conclusione", "fine"} <= lex.phase_end and "inizio" in lex.phase_start
    assert not lex.phase_end & lex.phase_start
    assert "dell'" in lex.phase_genitive and "avrà" in lex.future_forms
    # an end noun is no status cue of its own
    assert not any(p == (w,) for _, p in lex.before + lex.after for w in lex.phase_end)


def test_cues_yaml_contradicted_frames() -> None:
    from cronaca.extract.speakers import lexicon
    frames = lexicon("it").contradicted_frames_at
    assert ("contraddicendo", "quanto", "riportato", "dalla") in frames["contraddicendo"]


def test_status_yaml_denied_status_nouns() -> None:
    lex = status_lexicon("it")
    nouns = dict(lex.denial_nouns)
    assert nouns["rinvio"] == "postponed" and nouns["annullamento"] == "cancelled"
    assert nouns["sospensione"] == nouns["congelamento"] == "suspended"
    assert set(nouns.values()) <= set(STATUSES) and ("smentit*",) in lex.denial_verbs
