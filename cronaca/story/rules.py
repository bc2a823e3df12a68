"""The story layer's rules, read once from ``data/common/story_rules.yaml``.

The status compatibility table, the statuses whose place/time are compared and the
linking/clustering thresholds are data, so they can be tuned without touching the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.errors import DataFileError
from cronaca.records import STATUSES

RULES_FILE = ("common", "story_rules.yaml")
REQUIRED_KEYS = ("status_conflicts", "status_progressions", "place_statuses", "time_comparable",
                 "rescheduling_statuses", "reset_statuses", "plan_statuses", "symmetric_types", "roles",
                 "linking", "clustering")


@dataclass(frozen=True)
class LinkSettings:
    max_gap_days: int
    min_participant_dice: float
    weak_match_weight: float
    time_tolerance_days: int
    new_instance_window: int


@dataclass(frozen=True)
class ClusterSettings:
    max_gap_days: int
    actor_similarity: float
    embedding_similarity: float
    embedding_actor_floor: float


@dataclass(frozen=True)
class RoleSettings:
    max_gap_days: int  # article dates further apart may report a real change of office
    compatible: frozenset[frozenset[str]]  # role keys one person may hold together, or that name the same office


@dataclass(frozen=True)
class StoryRules:
    status_conflicts: frozenset[frozenset[str]]
    status_progressions: tuple[tuple[str, tuple[str, ...]], ...]
    place_statuses: frozenset[str]
    time_comparable: frozenset[frozenset[str]]
    rescheduling_statuses: frozenset[str]
    reset_statuses: frozenset[str]
    plan_statuses: frozenset[str]
    symmetric_types: frozenset[str]
    roles: RoleSettings
    linking: LinkSettings
    clustering: ClusterSettings

    def statuses_conflict(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.status_conflicts

    def times_comparable(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.time_comparable


def _status_list(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise DataFileError(f"story rules: '{where}' must be a list of statuses, got {raw!r}.")
    bad = [s for s in raw if s not in STATUSES]
    if bad:
        raise DataFileError(f"story rules: '{where}' has unknown status {bad[0]!r}; "
                            f"valid statuses: {', '.join(STATUSES)}.")
    return tuple(raw)


def _pairs(raw: Any, where: str) -> frozenset[frozenset[str]]:
    if not isinstance(raw, list):
        raise DataFileError(f"story rules: '{where}' must be a list of status pairs, got {raw!r}.")
    out = set()
    for pair in raw:
        items = _status_list(pair, where)
        if len(items) != 2:
            raise DataFileError(f"story rules: '{where}' entry {pair!r} is not a pair of statuses.")
        out.add(frozenset(items))
    return frozenset(out)


def parse_rules(raw: Any) -> StoryRules:
    """Check and convert the parsed YAML (raises DataFileError naming the faulty key)."""
    if not isinstance(raw, dict):
        raise DataFileError("story rules: the file must hold a mapping.")
    missing = [k for k in REQUIRED_KEYS if k not in raw]
    if missing:
        raise DataFileError(f"story rules: missing key(s) {', '.join(missing)}; "
                            f"required: {', '.join(REQUIRED_KEYS)}.")
    prog = raw["status_progressions"]
    if not isinstance(prog, dict):
        raise DataFileError("story rules: 'status_progressions' must map a status to a list of statuses.")
    roles = raw["roles"]
    if not isinstance(roles, dict) or not isinstance(roles.get("compatible", []), list):
        raise DataFileError("story rules: 'roles' must map max_gap_days to a number and compatible to a "
                            "list of role-key pairs.")
    bad = [p for p in roles.get("compatible", []) if not isinstance(p, list) or len(p) != 2]
    if bad:
        raise DataFileError(f"story rules: 'roles.compatible' entry {bad[0]!r} is not a pair of role keys.")
    try:
        role_settings = RoleSettings(int(roles.get("max_gap_days", 30)),
                                     frozenset(frozenset(str(k) for k in p) for p in roles.get("compatible", [])))
        linking = LinkSettings(**raw["linking"])
        clustering = ClusterSettings(**raw["clustering"])
    except (TypeError, ValueError) as exc:
        raise DataFileError(f"story rules: bad 'roles', 'linking' or 'clustering' settings: {exc}.") from exc
    return StoryRules(
        status_conflicts=_pairs(raw["status_conflicts"], "status_conflicts"),
        status_progressions=tuple((k, _status_list(v, f"status_progressions.{k}"))
                                  for k, v in prog.items() if _status_list([k], "status_progressions")),
        place_statuses=frozenset(_status_list(raw["place_statuses"], "place_statuses")),
        time_comparable=_pairs(raw["time_comparable"], "time_comparable"),
        rescheduling_statuses=frozenset(_status_list(raw["rescheduling_statuses"], "rescheduling_statuses")),
        reset_statuses=frozenset(_status_list(raw["reset_statuses"], "reset_statuses")),
        plan_statuses=frozenset(_status_list(raw["plan_statuses"], "plan_statuses")),
        roles=role_settings,
        symmetric_types=frozenset(str(t) for t in raw["symmetric_types"] or ()),
        linking=linking,
        clustering=clustering,
    )


@lru_cache(maxsize=1)
def load_rules() -> StoryRules:
    return parse_rules(load_yaml(*RULES_FILE))
