"""``cronaca spark`` on local[2] against ``cronaca analyze`` on the same articles (seeds + dev):
the same export tables, row for row, the article tables and the story tables; the same stories
as ``cronaca analyze --format json`` (ids, member events, contradictions).

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
from cronaca.export.stories import STORY_TABLES
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
def analysed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``cronaca analyze --format json`` of the seed and dev articles (no store: one story build)."""
    files = _files()
    done = CliRunner().invoke(main, ["analyze", *map(str, files), "--quiet", "--format", "json"])
    assert done.exit_code == 0, done.output
    story: dict[str, Any] = json.loads(done.output)["story"]
    return story


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


@pytest.mark.parametrize("table", [t.name for t in (*TABLES, *STORY_TABLES)])
def test_spark_tables_match_cronaca_analyze(both, table):
    single, out = both
    mine = _rows(out / f"{table}.parquet")
    theirs = _rows(single / f"{table}.parquet")
    if table == "documents":  # where the text came from differs: a file path, a row of the JSONL corpus
        for row in (*mine, *theirs):
            row.pop("source")
    assert sorted(map(_key, mine)) == sorted(map(_key, theirs))
    if table in ("documents", "entities", "quotes", "events", "claims", "stories", "story_events", "story_mentions",
                 "status_history", "contradictions"):
        assert theirs, table  # the seeds and dev articles have some of each


def test_spark_stories_are_cronaca_analyze_stories(both, analysed):
    _, out = both
    stories = sorted(_rows(out / "stories.parquet"), key=lambda r: r["ord"])
    assert [(s["story_id"], s["documents"].split("; "), s["events"].split("; ")) for s in stories] == [
        (s["id"], s["documents"], s["events"]) for s in analysed["stories"]]
    mentions: dict[str, list[dict[str, str]]] = {}
    for m in _rows(out / "story_mentions.parquet"):
        mentions.setdefault(m["event_id"], []).append({"doc_id": m["doc_id"], "event_id": m["doc_event_id"]})
    assert {e: sorted(ms, key=_key) for e, ms in mentions.items()} == {
        e["id"]: sorted(e["mentions"], key=_key) for e in analysed["events"]}
    assert any(len(ms) > 1 for ms in mentions.values())  # events of different articles are linked
    values: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for v in sorted(_rows(out / "contradiction_values.parquet"), key=lambda r: r["ord"]):
        values.setdefault((v["story_id"], v["contradiction"]), []).append((v["doc_id"], v["value"]))
    found = sorted(_rows(out / "contradictions.parquet"), key=lambda r: (r["story_id"], r["ord"]))
    assert [(c["story_id"], c["event_id"], c["slot"], values[(c["story_id"], c["ord"])]) for c in found] == sorted(
        [(c["story"], c["event"], c["slot"], [(v["doc_id"], v["value"]) for v in c["values"]])
         for c in analysed["contradictions"]], key=lambda c: c[0])
    assert found and _rows(out / "input_errors.parquet") == []


@pytest.fixture()
def spark_session():
    _files()
    from cronaca.spark.job import session

    spark = session("local[2]", "cronaca-test")
    yield spark
    spark.stop()


def test_spark_connected_components_take_the_smallest_node(spark_session):
    from cronaca.spark.stories import connected

    chain = [(f"n{i:03d}", f"n{i + 1:03d}") for i in range(40)]  # a long path: many rounds without label jumps
    edges = spark_session.createDataFrame([*reversed(chain), ("x", "y"), ("z", "y")], "a string, b string")
    nodes = spark_session.createDataFrame([(n,) for n in [f"n{i:03d}" for i in range(41)] + ["x", "y", "z", "w"]],
                                          "node string")
    got = {r["node"]: r["comp"] for r in connected(nodes, edges).collect()}
    assert got == {**{f"n{i:03d}": "n000" for i in range(41)}, "x": "x", "y": "x", "z": "x", "w": "w"}


def test_spark_alike_pairs_are_cronacas_may_join_pairs(spark_session, crowded_corpus):
    from cronaca.spark.steps import article_facts, may_join_pairs
    from cronaca.spark.stories import alike_pairs
    from cronaca.story.rules import load_rules

    rules = load_rules()
    facts = [article_facts(a, rules) for a in crowded_corpus(2)]
    keys = spark_session.createDataFrame([(f.doc_id, k, c, f.day) for f in facts for k, c in f.doc.keys],
                                         "doc_id string, key string, count long, day long")
    counts = keys.groupBy("key").count().withColumnRenamed("count", "df")
    for embedding in (False, True):
        got = sorted((r["a"], r["b"]) for r in alike_pairs(keys, counts, len(facts), rules, embedding).collect())
        assert got == may_join_pairs([f.doc for f in facts], rules, embedding)
        assert got


def test_spark_a_repeated_id_and_an_undated_article_are_read_as_in_one_process(spark_session, tmp_path):
    from cronaca.spark.job import analyse_corpus

    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "a", "text": "Roma, 3 marzo 2019 – Il ministro ha incontrato ieri il collega."},
             {"id": "a", "text": "Roma, 5 marzo 2019 – I carabinieri hanno arrestato un uomo."},
             {"id": "b", "text": "(ANSA) - ROMA, 4 MAR - Il governo ha approvato il decreto."}]
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    tables = analyse_corpus(spark_session, str(corpus), model="blank", partitions=3, stories=False)
    docs = {r["doc_id"]: r["date"] for r in tables["documents"].collect()}
    assert docs == {"a": "2019-03-03", "a~2": "2019-03-05", "b": "2019-03-04"}
