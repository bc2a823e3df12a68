"""Schema of data/it/times.yaml (the TIMEX3 grammar) and its use of calendar.yaml."""

from __future__ import annotations

import re

import pytest

from cronaca.data import load_yaml
from cronaca.extract.timex.grammar import RULE_KINDS, TIMES_KEYS, VAGUE_VALUES, load_grammar

TIMEX_PARTS = {"MO", "AF", "EV", "NI"}
MODS = {"START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN",
        "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "APPROX"}


@pytest.fixture(scope="module")
def data():
    return load_yaml("it", "times.yaml")


def test_times_yaml_has_every_key(data):
    assert set(TIMES_KEYS) <= set(data)


def test_times_yaml_rules_are_well_formed(data):
    names = [r["name"] for r in data["rules"]]
    assert len(names) == len(set(names))
    for rule in data["rules"]:
        assert set(rule) <= {"name", "kind", "pattern", "params"}, rule
        assert rule["kind"] in RULE_KINDS, rule
        assert isinstance(rule["pattern"], str) and rule["pattern"]


def test_times_yaml_compiles():
    g = load_grammar("it")
    assert all(isinstance(r.regex, re.Pattern) for r in g.rules)


def test_times_yaml_vocabulary_values(data):
    assert set(data["parts_of_day"].values()) <= TIMEX_PARTS
    assert set(data["position_mods"].values()) <= MODS
    assert set(data["duration_mods"].values()) <= MODS
    assert set(data["ago_mods"]) <= MODS and set(data["ago_mods"].values()) <= MODS
    assert set(data["vague"]) <= set(VAGUE_VALUES)
    for spec in data["units"].values():
        assert spec["code"] in {"S", "M", "H", "D", "W", "Y"}
        assert spec["granularity"] in {"second", "minute", "hour", "day", "week", "month", "year",
                                       "decade", "century"}
    for spec in data["relative_days"].values():
        # null: a recent day the text does not fix ("l'altra notte")
        assert (spec["offset"] is None or isinstance(spec["offset"], int)) and spec.get("part", "MO") in TIMEX_PARTS
    for spec in data["seasons"].values():
        assert spec["code"] in {"SP", "SU", "FA", "WI"} and 1 <= spec["month"] <= 12
    assert set(data["direction_words"]) == {"future", "past", "this"}


def test_times_yaml_relative_anchors_decades_centuries_and_ranges(data):
    for key in ("relative_years", "relative_months", "relative_weeks"):
        assert data[key] and all(isinstance(v, int) and -2 <= v <= 2 for v in data[key].values()), key
    assert all(isinstance(v, int) and v % 10 == 0 and 1000 <= v <= 2090 for v in data["decades"].values())
    assert data["decade_base"] % 100 == 0
    for key in ("century_names", "century_ordinals"):
        assert all(isinstance(v, int) and 1 <= v <= 30 for v in data[key].values()), key
    assert set(data["period_mods"].values()) <= MODS
    assert set(data["range_cues"]) == {"until", "since"}
    assert all(isinstance(w, str) and w == w.lower() for ws in data["range_cues"].values() for w in ws)


@pytest.mark.parametrize("word, value", [("tre", 3), ("dieci", 10), ("ventuno", 21), ("ventotto", 28),
                                         ("settantadue", 72), ("ventitré", 23), ("novantanove", 99)])
def test_times_yaml_number_words(word, value):
    assert load_grammar("it").numbers[word] == value


def test_times_yaml_uses_calendar_months_and_weekdays():
    g = load_grammar("it")
    assert g.months["novembre"] == 11 and g.months["ott"] == 10
    assert g.weekdays["giovedì"] == 4
