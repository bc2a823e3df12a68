"""``cronaca restory``: every story of a store built again."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cronaca.cli import main

TEXT = ("Roma, 3 marzo 2026 – Il ministro degli Esteri Giulia Ferri incontrerà giovedì a Parigi "
        "il collega Paul Marchand.")


def test_restory_rebuilds_the_stories_of_a_store(tmp_path: Path) -> None:
    article = tmp_path / "incontro.txt"
    article.write_text(TEXT, encoding="utf-8")
    store = tmp_path / "s.duckdb"
    runner = CliRunner()
    assert runner.invoke(main, ["analyze", str(article), "--store", str(store), "--model", "blank",
                                "--quiet", "--format", "jsonl"]).exit_code == 0
    result = runner.invoke(main, ["restory", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.output == f"1 story, 1 story event over 1 article in '{store}'.\n"


def test_restory_needs_an_existing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nessuno.duckdb"
    result = CliRunner().invoke(main, ["restory", "--store", str(missing)])
    assert result.exit_code == 2
    assert f"Error: Invalid value for '--store': File '{missing}' does not exist." in result.output
