"""``cronaca demo``: the shipped examples end to end, and the story summary's status history."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from click.testing import Result

from cronaca.cli.demo import EXAMPLES, summarise
from cronaca.records import StatusEntry, Story, StoryAnalysis, StoryEvent

Invoke = Callable[..., Result]


def _story_line(history: list[tuple[str, str | None]]) -> str:
    """The summary line of one story event with this (status, date) history."""
    entries = tuple(StatusEntry(doc_id=f"d{i}", date=day, status=status, attribution=(), evidence=(0, 1),
                                event_id="v1") for i, (status, day) in enumerate(history))
    event = StoryEvent(id="s1", type="CONSULT", participants=("Anna Bianchi", "Luca Neri"),
                       mentions=(("d0", "v1"),), status_history=entries)
    story = Story(id="st1", documents=("d0",), events=(event,))
    lines = summarise([], StoryAnalysis(stories=(story,))).splitlines()
    return next(line for line in lines if line.startswith("  CONSULT:"))


@pytest.mark.parametrize(("history", "shown"), [
    pytest.param([("planned", "2026-03-02")], "planned (2026-03-02)", id="one"),
    pytest.param([("planned", "2026-03-02"), ("planned", "2026-03-02")], "planned (2026-03-02) ×2", id="same-day"),
    pytest.param([("planned", "2026-03-02")] * 3, "planned (2026-03-02) ×3", id="three"),
    pytest.param([("planned", "2026-03-02"), ("planned", "2026-03-03")],
                 "planned (2026-03-02) → planned (2026-03-03)", id="other-day"),
    pytest.param([("planned", "2026-03-02"), ("postponed", "2026-03-02")],
                 "planned (2026-03-02) → postponed (2026-03-02)", id="other-status"),
    pytest.param([("planned", "2026-03-02"), ("denied", "2026-03-02"), ("planned", "2026-03-02")],
                 "planned (2026-03-02) → denied (2026-03-02) → planned (2026-03-02)", id="not-adjacent"),
    pytest.param([("occurred", None), ("occurred", None)], "occurred (?) ×2", id="no-date"),
])
def test_demo_summary_groups_adjacent_same_day_statuses(history: list[tuple[str, str | None]], shown: str) -> None:
    assert _story_line(history) == f"  CONSULT: Anna Bianchi, Luca Neri   {shown}"


def test_demo_blank_model_summarises_every_example(cronaca: Invoke) -> None:
    result = cronaca(["demo", "--model", "blank"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    examples = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    assert examples, f"no example articles in {EXAMPLES}"
    headers = [line[2:].split("  (")[0] for line in result.stdout.splitlines() if line.startswith("■ ")]
    assert headers[:len(examples)] == examples
    assert any(h.startswith("story: ") for h in headers[len(examples):])


def test_demo_blank_model_groups_a_repeated_same_day_status(cronaca: Invoke) -> None:
    """The examples' meeting is reported planned twice on its first day: the story line reads ``×2``."""
    result = cronaca(["demo", "--model", "blank"])
    assert result.exit_code == 0, result.output
    story_lines = [line for line in result.stdout.splitlines()
                   if re.match(r"^  [A-Z]+: .*\(\d{4}-\d\d-\d\d\)", line)]
    assert any(re.search(r"\w+ \(\d{4}-\d\d-\d\d\) ×2( →|$)", line) for line in story_lines), story_lines


def test_demo_unknown_model_is_one_sentence(cronaca: Invoke) -> None:
    result = cronaca(["demo", "--model", "modello-che-non-esiste"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: cannot load the spaCy pipeline 'modello-che-non-esiste': ")
    assert result.stderr.count("\n") == 1
