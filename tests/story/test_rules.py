"""Schema of the story data files: rules (common) and wording (en, it)."""

from __future__ import annotations

import pytest

from cronaca.data import load_yaml
from cronaca.errors import ConfigError, DataFileError
from cronaca.export.wording import REQUIRED, check_wording, wording
from cronaca.records import STATUSES
from cronaca.story.mentions import cues
from cronaca.story.rules import load_rules, parse_rules


def test_rules_file_loads_and_is_symmetric():
    rules = load_rules()
    assert rules.statuses_conflict("suspended", "denied") and rules.statuses_conflict("denied", "suspended")
    assert not rules.statuses_conflict("planned", "possible")
    assert rules.place_statuses <= set(STATUSES)
    assert rules.linking.max_gap_days > 0


@pytest.mark.parametrize(("change", "message"), [
    ({"status_conflicts": [["occurred", "exploded"]]}, "unknown status 'exploded'"),
    ({"status_conflicts": [["occurred"]]}, "is not a pair"),
    ({"linking": {"max_gap_days": 1}}, "bad 'roles', 'linking'"),
    ({"roles": {"compatible": [["minister"]]}}, "is not a pair of role keys"),
])
def test_rules_schema_errors_name_the_problem(change, message):
    raw = {**load_yaml("common", "story_rules.yaml"), **change}
    with pytest.raises(DataFileError, match=message):
        parse_rules(raw)


def test_rules_missing_key():
    raw = dict(load_yaml("common", "story_rules.yaml"))
    del raw["place_statuses"]
    with pytest.raises(DataFileError, match="missing key"):
        parse_rules(raw)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_rules_wording_files_follow_the_schema(lang):
    raw = check_wording(load_yaml(lang, "story.yaml"), lang)
    assert set(REQUIRED) <= set(raw)
    assert set(raw["statuses"]) == set(STATUSES)
    assert cues(lang).new_instance and cues(lang).time_before


def test_rules_unknown_explanation_language():
    with pytest.raises(ConfigError, match="choose one of en, it"):
        wording("xx")


def test_rules_compatible_roles_are_known_role_keys():
    known = set(load_yaml("it", "roles.yaml")["role_keys"])
    listed = {k for pair in load_rules().roles.compatible for k in pair}
    assert listed <= known, sorted(listed - known)
