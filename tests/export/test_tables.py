import csv
import json

import pytest
from click.testing import CliRunner

from cronaca.cli import main
from cronaca.errors import ConfigError
from cronaca.export.tables import TABLE_NAMES, TABLES, build_tables, write_tables
from cronaca.store import Store
from cronaca.store.files import read_parquet


def test_tables_rows_have_exactly_the_declared_columns(analysis):
    tables = build_tables([analysis])
    for t in TABLES:
        assert tables[t.name], t.name
        for row in tables[t.name]:
            assert tuple(row) == t.column_names, t.name


def test_tables_flatten_documents_and_claims(analysis):
    tables = build_tables([analysis])
    (doc,) = tables["documents"]
    assert (doc["doc_id"], doc["dateline_place"], doc["dateline_date"], doc["entities"], doc["claims"]) == (
        "vienna-verdi", "Vienna", "2025-03-04", 3, 2)
    planned, postponed = tables["claims"]
    assert (planned["status"], planned["time_value"], planned["place_name"], planned["attribution"]) == (
        "planned", "2025-03-06", "Vienna", "")
    assert postponed["attribution"] == "fonti diplomatiche < Corriere della Sera"
    assert postponed["attribution_entities"] == "e2"
    assert postponed["hearsay"] is True
    assert postponed["evidence"] == analysis.article.text[116:192]
    (event,) = tables["events"]
    assert (event["actor_names"], event["recipient_names"], event["statuses"]) == (
        "Paolo Verdi", "Austria", "planned; postponed")
    assert [m["text"] for m in tables["mentions"]] == ["Paolo Verdi", "Verdi", "Corriere"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_tables_written_files_read_back(tmp_path, analysis, fmt):
    paths = write_tables([analysis], tmp_path, fmt)
    assert [p.name for p in paths] == [f"{n}.{fmt}" for n in TABLE_NAMES]
    expected = build_tables([analysis])
    for path in paths:
        name = path.stem
        if fmt == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            assert rows == expected[name]
        elif fmt == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
            assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in expected[name]]
        else:
            assert read_parquet(path) == expected[name]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_empty_tables_keep_their_columns(tmp_path, fmt):
    (path,) = write_tables([], tmp_path, fmt, ["claims"])
    if fmt == "csv":
        assert path.read_text(encoding="utf-8").strip().split(",")[:3] == ["doc_id", "event_id", "claim"]
    else:
        assert read_parquet(path) == []


def test_tables_unknown_format(tmp_path):
    with pytest.raises(ConfigError, match="unknown export format 'xlsx'; choose one of jsonl, csv, parquet."):
        write_tables([], tmp_path, "xlsx")


def test_export_cli_writes_tables_from_a_store(tmp_path, analysis):
    store_path = tmp_path / "s.duckdb"
    with Store(store_path) as store:
        store.add(analysis)
    out = tmp_path / "tabelle"
    result = CliRunner().invoke(main, ["export", "--store", str(store_path), "--format", "parquet",
                                       "--out", str(out), "--table", "claims", "--table", "documents"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(out / "claims.parquet"), str(out / "documents.parquet")]
    assert [r["status"] for r in read_parquet(out / "claims.parquet")] == ["planned", "postponed"]


def test_export_cli_missing_store(tmp_path):
    missing = tmp_path / "manca.duckdb"
    result = CliRunner().invoke(main, ["export", "--store", str(missing)])
    assert result.exit_code == 1
    assert result.output == (f"Error: the store '{missing}' does not exist; create it with "
                             "'cronaca analyze ... --store FILE'.\n")
