"""The stories as flat tables: declared columns, one row per fact, files written and read back."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from cronaca.cli import main
from cronaca.errors import ConfigError
from cronaca.export.stories import STORY_TABLE_NAMES, STORY_TABLES, build_story_tables, write_story_tables
from cronaca.export.wording import explanation
from cronaca.store import Store
from cronaca.store.files import read_parquet


def test_stories_rows_have_exactly_the_declared_columns(stories):
    tables = build_story_tables(stories)
    for t in STORY_TABLES:
        assert tables[t.name], t.name
        for row in tables[t.name]:
            assert tuple(row) == t.column_names, t.name


def test_stories_flatten_events_history_and_contradictions(stories):
    named = replace(stories, stories=(replace(stories.stories[0], entity_names=(("vienna-verdi", "e2",
                                                                                 "Corriere della Sera"),)),
                                      stories.stories[1]))
    tables = build_story_tables(named, "it")
    assert [(s["story_id"], s["ord"], s["documents"], s["events"], s["contradictions"])
            for s in tables["stories"]] == [("s1", 0, "vienna-verdi", "s1-e1", 1), ("s2", 1, "altro", "", 0)]
    (event,) = tables["story_events"]
    assert (event["participants"], event["names"], event["documents"], event["mentions"], event["statuses"]) == (
        "Paolo Verdi; Austria", "Verdi; Austria", 1, 1, "planned; postponed")
    assert tables["story_mentions"] == [{"story_id": "s1", "event_id": "s1-e1", "doc_id": "vienna-verdi",
                                         "doc_event_id": "v1"}]
    planned, postponed = tables["status_history"]
    assert (planned["ord"], planned["date"], planned["attribution"]) == (0, "2025-03-04", "")
    assert postponed["attribution"] == "fonti diplomatiche < Corriere della Sera"  # the entity by its name
    (c,) = tables["contradictions"]
    assert (c["event_id"], c["slot"], c["values"], c["documents"]) == ("s1-e1", "status", "planned; postponed",
                                                                        "vienna-verdi")
    assert c["explanation"] == explanation(named.stories[0].contradictions[0], "it")
    assert [(v["contradiction"], v["ord"], v["value"], v["attribution"], v["evidence_start"])
            for v in tables["contradiction_values"]] == [(0, 0, "planned", "", 23),
                                                         (0, 1, "postponed", "Corriere della Sera", 116)]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_stories_written_files_read_back(tmp_path, stories, fmt):
    paths = write_story_tables(stories, tmp_path, fmt)
    assert [p.name for p in paths] == [f"{n}.{fmt}" for n in STORY_TABLE_NAMES]
    expected = build_story_tables(stories)
    for path in paths:
        if fmt == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        else:
            rows = read_parquet(path)
        assert rows == expected[path.stem]


def test_stories_unknown_table(tmp_path, stories):
    with pytest.raises(ConfigError, match="there is no story table 'storie'; the story tables are stories, "):
        write_story_tables(stories, tmp_path, "csv", ["storie"])


def test_export_cli_writes_the_stored_stories(tmp_path, analysis, stories):
    store_path = tmp_path / "s.duckdb"
    with Store(store_path) as store:
        store.add(analysis)
        store.add_stories(stories)
    out = tmp_path / "tabelle"
    result = CliRunner().invoke(main, ["export", "--store", str(store_path), "--format", "jsonl", "--out", str(out),
                                       "--table", "contradictions", "--table", "events", "--lang", "it"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(out / "events.jsonl"), str(out / "contradictions.jsonl")]
    (row,) = [json.loads(line) for line in (out / "contradictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["explanation"] == explanation(stories.stories[0].contradictions[0], "it")
