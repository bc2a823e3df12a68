"""``cronaca spark`` on local[2] against ``cronaca analyze`` on the same articles (seeds + dev):
the same export tables, row for row; and the Spark linking against the one-process linking.

Marked ``spark`` (run with ``-m spark``): it needs the spark extra and Java, which .ci/run installs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from cronaca.cli import main
from cronaca.export.tables import TABLES

pytestmark = pytest.mark.spark

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _files() -> list[Path]:
    files = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "dev").glob("*.txt"))
    if not files:
        pytest.skip(f"the seed and dev articles are not at {CORPUS}")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    pytest.importorskip("pyspark")
    return files


def _rows(path: Path) -> list[dict[str, Any]]:
    con = duckdb.connect()
    try:
        cur = con.execute(f"SELECT * FROM read_parquet('{path}')")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def _key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, default=str)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    files = _files()
    tmp = tmp_path_factory.mktemp("spark")
    runner = CliRunner()
    store = tmp / "s.duckdb"
    done = runner.invoke(main, ["analyze", *map(str, files), "--store", str(store), "--quiet", "--format", "jsonl"])
    assert done.exit_code == 0, done.output
    single = tmp / "single"
    done = runner.invoke(main, ["export", "--store", str(store), "--format", "parquet", "--out", str(single)])
    assert done.exit_code == 0, done.output
    corpus = tmp / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    out = tmp / "spark"
    done = runner.invoke(main, ["spark", str(corpus), "--out", str(out), "--master", "local[2]", "--partitions", "2"])
    assert done.exit_code == 0, done.output
    return single, out


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_spark_tables_match_cronaca_analyze(both, table):
    single, out = both
    mine = _rows(out / f"{table}.parquet")
    theirs = _rows(single / f"{table}.parquet")
    if table == "documents":  # where the text came from differs: a file path, a row of the JSONL corpus
        for row in (*mine, *theirs):
            row.pop("source")
    assert sorted(map(_key, mine)) == sorted(map(_key, theirs))
    if table in ("documents", "entities", "quotes", "events", "claims"):
        assert theirs, table  # the seeds and dev articles have some of each


def test_spark_linking_matches_the_one_process_linking(both):
    from cronaca.spark.link import link_local

    _, out = both
    linked = {f"{r['doc_id']}/{r['event_id']}": r["story_event"] for r in _rows(out / "story_events.parquet")}
    expected = link_local(_rows(out / "events.parquet"), _rows(out / "claims.parquet"),
                          _rows(out / "documents.parquet"))
    assert linked == expected
    assert len(set(linked.values())) < len(linked)  # some events of different articles are linked
    assert _rows(out / "input_errors.parquet") == []
