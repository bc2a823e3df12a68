"""cronaca.spark.job without Spark: input formats, table schemas' columns, one partition analysed."""

from __future__ import annotations

import json

import pytest

from cronaca.errors import ConfigError
from cronaca.spark.job import ERRORS_TABLE, analyse_partition, input_format


@pytest.mark.parametrize(("uri", "fmt"), [("a/b.parquet", "parquet"), ("s3a://x/news.jsonl", "jsonl"),
                                          ("c.JSON", "jsonl"), ("d.csv", "csv"), ("folder.parquet/", "parquet")])
def test_job_input_format_from_the_name(uri, fmt):
    assert input_format(uri) == fmt


def test_job_unknown_input_format_is_one_sentence():
    with pytest.raises(ConfigError) as err:
        input_format("hdfs://corpus/articoli")
    assert str(err.value) == ("cannot tell the format of 'hdfs://corpus/articoli' from its name; give "
                              "--input-format (parquet, jsonl, csv).")


class _Row:
    def __init__(self, **kw):
        self.kw = kw

    def asDict(self):  # pyspark's Row method name
        return dict(self.kw)


def test_job_partition_gives_table_rows_and_input_errors():
    rows = [_Row(id="a", text="Roma, 3 marzo 2026 – Il ministro ha incontrato ieri il collega.", __row=0),
            _Row(id="b", text="   ", __row=1)]
    out = list(analyse_partition(rows, source="c.jsonl", model="blank", max_bytes=10_000,
                                 default_date=None, year=None))
    tables = {name for name, _ in out}
    assert {"documents", ERRORS_TABLE} <= tables
    (err,) = [json.loads(row) for name, row in out if name == ERRORS_TABLE]
    assert err == {"source": "c.jsonl:1", "reason": "has no non-empty 'text' field."}
    (doc,) = [json.loads(row) for name, row in out if name == "documents"]
    assert doc["doc_id"] == "a" and doc["date"] == "2026-03-03" and doc["source"] == "c.jsonl:0"


def test_job_partition_gives_the_story_facts_of_each_article():
    from cronaca.spark.job import FACTS
    from cronaca.story.rules import load_rules

    rows = [_Row(id="a", text="Roma, 3 marzo 2026 – Il ministro ha incontrato ieri il collega.", __row=0)]
    out = list(analyse_partition(rows, source="c.jsonl", model="blank", max_bytes=10_000, default_date=None,
                                 year=None, rules=load_rules()))
    (facts,) = [f for name, f in out if name == FACTS]
    assert (facts.doc_id, facts.doc.date, facts.text) == ("a", "2026-03-03", None)
    assert [m.doc_id for m in facts.mentions] == ["a"] * len(facts.mentions)


def test_job_batch_hints_are_each_readable_article_date_and_dateline_place():
    from cronaca.spark.job import batch_hints

    rows = [_Row(id="a", text="Roma, 3 marzo 2026 – Il ministro ha incontrato ieri il collega.", __row=0),
            _Row(id="b", text="   ", __row=1),
            _Row(id="c", text="MODENA. Furto nella notte in centro.", __row=2)]
    assert list(batch_hints(rows, source="c.jsonl", max_bytes=10_000)) == [(0, "a", "2026-03-03", "Roma"),
                                                                           (2, "c", None, "Modena")]


def test_job_a_repeated_id_is_renamed_as_cronaca_analyze_names_it():
    from cronaca.spark.job import renamed_ids

    hints = [(3, "a", None, None), (0, "a", None, None), (1, "b", None, None), (2, "a", None, None)]
    assert renamed_ids(hints) == {2: "a~2", 3: "a~3"}  # the first row keeps its id
    rows = [_Row(id="a", text="Roma, 3 marzo 2026 – Il ministro ha incontrato ieri il collega.", __row=2)]
    out = list(analyse_partition(rows, source="c.jsonl", model="blank", max_bytes=10_000, default_date=None,
                                 year=None, renamed={2: "a~2"}))
    (doc,) = [json.loads(row) for name, row in out if name == "documents"]
    assert doc["doc_id"] == "a~2"


def test_job_partition_dates_and_places_its_articles_by_the_whole_batch():
    # alone in its partition, "(ANSA) - ROMA, 21 OTT" would take the year of the day of analysis
    # and "Castelfranco" its most likely town; the batch's dates and area settle both
    rows = [_Row(id="a", text="(ANSA) - ROMA, 21 OTT - I carabinieri di Castelfranco hanno arrestato un uomo.",
                 __row=0)]
    out = list(analyse_partition(rows, source="c.jsonl", model="blank", max_bytes=10_000, default_date=None,
                                 year=None, batch_dates=("2019-10-25",), area=("Modena", "Carpi")))
    (doc,) = [json.loads(row) for name, row in out if name == "documents"]
    assert doc["date"] == "2019-10-21"
    places = {p["text"]: p["name"] for p in (json.loads(row) for name, row in out if name == "places")}
    assert places["Castelfranco"] == "Castelfranco Emilia"
