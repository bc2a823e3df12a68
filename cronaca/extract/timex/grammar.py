"""The Italian TIMEX3 grammar, compiled from ``data/it/times.yaml`` and ``calendar.yaml``.

A :class:`TimexGrammar` holds the vocabulary tables (number words, units, parts of the day…)
and the compiled rules.  Rule patterns are regular expressions with placeholders such as
``{month}`` or ``{num}``; each placeholder becomes a named group whose text the
normalizers look up in the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from cronaca.data import load_yaml
from cronaca.errors import DataFileError

RULE_KINDS = frozenset({
    "date", "numeric_date", "month", "year", "this_unit", "relday", "weekday", "part_of_day",
    "clock", "weekend", "season", "ago", "in_future", "duration", "vague_duration", "set", "vague",
    "decade", "century", "range",
})
VAGUE_VALUES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:°|º)?|primo"
_YEAR = r"(?:1[89]|20)\d\d"
_HOUR = r"2[0-4]|[01]?\d"
_MINUTE = r"[0-5]\d"
_CLOCKCUE = r"(?:(?:poco|subito|appena|proprio|circa|intorno|già) )?(?:dopo|prima|verso|entro|fino a|intorno a) "


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern[str]
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TimexGrammar:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    units: dict[str, dict[str, Any]]
    parts: dict[str, str]
    relative_days: dict[str, dict[str, Any]]
    seasons: dict[str, dict[str, Any]]
    position_mods: dict[str, str]
    duration_mods: dict[str, str]
    directions: dict[str, str]  # word -> "future" | "past" | "this"
    clock_parts: dict[str, int]
    clock_followers: frozenset[str]
    ago_mods: dict[str, str]
    date_reject_after: frozenset[str]
    age_before: frozenset[str]
    relative_years: dict[str, int]  # "anno scorso" -> -1
    relative_months: dict[str, int]
    relative_weeks: dict[str, int]
    decades: dict[str, int]  # "novanta" -> 1990
    decade_base: int  # "anni '90" -> decade_base + 90
    century_names: dict[str, int]  # "novecento" -> 20
    century_ordinals: dict[str, int]  # "ventesimo" -> 20
    period_mods: dict[str, str]  # "primi" -> START
    range_cues: dict[str, tuple[str, ...]]  # "until" | "since" -> words, longest first
    context: dict[str, Any]
    future_verb: re.Pattern[str]
    rules: tuple[Rule, ...]


def _alternation(words: Any) -> str:
    """Longest-first alternation of literal words (so "l'altro ieri" wins over "ieri")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def number_words(spec: dict[str, dict[str, float]]) -> dict[str, float]:
    """Italian number words up to 99 from units, teens and tens (ventuno, settantadue…)."""
    out: dict[str, float] = {}
    for table in spec.values():
        out.update({str(k): v for k, v in table.items()})
    for ten, tv in spec["tens"].items():
        for unit, uv in spec["units"].items():
            if unit in ("un", "una"):
                continue
            stem = ten[:-1] if unit[0] in "aeiou" else ten  # venti + otto -> ventotto
            out[stem + unit] = tv + uv
        out[ten + "tré"] = tv + 3
    return out


def _required(data: dict[str, Any], keys: tuple[str, ...], name: str) -> None:
    missing = [k for k in keys if k not in data]
    if missing:
        raise DataFileError(f"language data file 'it/{name}' lacks the keys {missing}; "
                            f"expected all of {list(keys)}.")


TIMES_KEYS = ("numbers", "units", "parts_of_day", "relative_days", "seasons", "position_mods",
              "duration_mods", "few_words", "direction_words", "context", "clock_followers",
              "clock_parts", "vague", "rules", "ago_mods", "date_reject_after", "age_before",
              "relative_years", "relative_months", "relative_weeks", "decades", "decade_base",
              "century_names", "century_ordinals", "period_mods", "range_cues")
RANGE_CUE_KINDS = ("until", "since")


@cache
def load_grammar(lang: str = "it") -> TimexGrammar:
    """The compiled grammar for ``lang`` (cached)."""
    data = load_yaml(lang, "times.yaml")
    cal = load_yaml(lang, "calendar.yaml")
    _required(data, TIMES_KEYS, "times.yaml")
    months = {str(k): int(v) for k, v in cal["months"].items()}
    abbrs = {str(k): int(v) for k, v in cal["month_abbreviations"].items()}
    weekdays = {str(k): int(v) for k, v in cal["weekdays"].items()}
    numbers = number_words(data["numbers"])
    directions = {w: d for d, words in data["direction_words"].items() for w in words}
    groups = {
        "day": _DAY, "year": _YEAR, "hour": _HOUR, "minute": _MINUTE,
        "month": _alternation(months), "month_abbr": _alternation(abbrs),
        "weekday": _alternation(weekdays),
        "num": r"\d{1,4}|" + _alternation(numbers),
        "unit": _alternation(data["units"]), "part": _alternation(data["parts_of_day"]),
        "relday": _alternation(data["relative_days"]), "season": _alternation(data["seasons"]),
        "posmod": _alternation(data["position_mods"]), "dmod": _alternation(data["duration_mods"]),
        "few": _alternation(data["few_words"]),
        "dir": _alternation(w for d, ws in data["direction_words"].items() if d != "this" for w in ws),
        "clockpart": _alternation(data["clock_parts"]),
        "relyear": _alternation(data["relative_years"]), "relmonth": _alternation(data["relative_months"]),
        "relweek": _alternation(data["relative_weeks"]), "decade": _alternation(data["decades"]),
        "century": _alternation(data["century_names"]), "cordinal": _alternation(data["century_ordinals"]),
        "pmod": _alternation(data["period_mods"]),
    }
    if set(data["range_cues"]) != set(RANGE_CUE_KINDS):
        raise DataFileError(f"'range_cues' in it/times.yaml has the kinds {sorted(data['range_cues'])}; "
                            f"expected exactly {list(RANGE_CUE_KINDS)}.")

    def expand(pattern: str, rule: str) -> re.Pattern[str]:
        def sub(m: re.Match[str]) -> str:
            key = m.group(1)
            if key == "clockcue":
                return _CLOCKCUE
            if key.startswith("from_") and key[5:] in groups:  # the first point of a range
                return f"(?P<{key}>{groups[key[5:]]})"
            if key not in groups:
                raise DataFileError(f"rule '{rule}' in it/times.yaml uses the unknown placeholder "
                                    f"'{{{key}}}'; valid ones: {sorted(groups) + ['clockcue']} "
                                    f"(and from_<name> for the first point of a range).")
            return f"(?P<{key}>{groups[key]})"
        body = re.sub(r"\{(\w+)\}", sub, pattern)
        try:
            return re.compile(rf"(?<![\w]){body}(?![\w])")
        except re.error as exc:
            raise DataFileError(f"rule '{rule}' in it/times.yaml is not a valid pattern: {exc}") from exc

    rules: list[Rule] = []
    for spec in data["rules"]:
        kind = spec.get("kind")
        if kind not in RULE_KINDS:
            raise DataFileError(f"rule '{spec.get('name')}' in it/times.yaml has kind '{kind}'; "
                                f"valid kinds: {sorted(RULE_KINDS)}.")
        rules.append(Rule(spec["name"], kind, expand(spec["pattern"], spec["name"]),
                          dict(spec.get("params") or {})))
    for value, patterns in data["vague"].items():
        if value not in VAGUE_VALUES:
            raise DataFileError(f"vague value '{value}' in it/times.yaml is not one of {VAGUE_VALUES}.")
        for i, pat in enumerate(patterns):
            rules.append(Rule(f"vague_{value}_{i}", "vague", expand(pat, f"vague {value}"), {"value": value}))
    return TimexGrammar(
        months={**months, **abbrs}, weekdays=weekdays, numbers=numbers,
        units={str(k): dict(v) for k, v in data["units"].items()},
        parts={str(k): str(v) for k, v in data["parts_of_day"].items()},
        relative_days={str(k): dict(v) for k, v in data["relative_days"].items()},
        seasons={str(k): dict(v) for k, v in data["seasons"].items()},
        position_mods={str(k): str(v) for k, v in data["position_mods"].items()},
        duration_mods={str(k): str(v) for k, v in data["duration_mods"].items()},
        directions=directions,
        clock_parts={str(k): int(v) for k, v in data["clock_parts"].items()},
        clock_followers=frozenset(str(w) for w in data["clock_followers"]),
        ago_mods={str(k): str(v) for k, v in data["ago_mods"].items()},
        date_reject_after=frozenset(str(w) for w in data["date_reject_after"]),
        age_before=frozenset(str(w) for w in data["age_before"]),
        relative_years={str(k): int(v) for k, v in data["relative_years"].items()},
        relative_months={str(k): int(v) for k, v in data["relative_months"].items()},
        relative_weeks={str(k): int(v) for k, v in data["relative_weeks"].items()},
        decades={str(k): int(v) for k, v in data["decades"].items()},
        decade_base=int(data["decade_base"]),
        century_names={str(k): int(v) for k, v in data["century_names"].items()},
        century_ordinals={str(k): int(v) for k, v in data["century_ordinals"].items()},
        period_mods={str(k): str(v) for k, v in data["period_mods"].items()},
        range_cues={kind: tuple(sorted((str(w) for w in words), key=len, reverse=True))
                    for kind, words in data["range_cues"].items()},
        context=dict(data["context"]),
        future_verb=re.compile(data["context"]["future_verb_regex"]),
        rules=tuple(rules),
    )
