"""Reading a corpus, analysing it partition by partition, and the export tables as DataFrames."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cronaca.errors import InputError, spark_input_format, spark_no_text_column
from cronaca.export.stories import STORY_TABLES
from cronaca.export.tables import TABLES, ColumnType
from cronaca.ingest import unique_id

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from cronaca.story.rules import StoryRules

INPUT_FORMATS: tuple[str, ...] = ("parquet", "jsonl", "csv")
ERRORS_TABLE = "input_errors"  # one row per article that could not be read: its row and the reason
FACTS = "story facts"  # the tag of what the story steps need of an article (not a table)


def session(master: str, app: str = "cronaca", conf: dict[str, str] | None = None) -> SparkSession:
    """A Spark session on ``master`` (with Spark settings ``conf``, such as ``spark.driver.memory``);
    on a local master the workers run this Python (and so this cronaca), unless PYSPARK_PYTHON
    says otherwise."""
    import os
    import sys

    from pyspark.sql import SparkSession

    settings = dict(conf or {})
    if master.startswith("local"):
        if not os.environ.get("PYSPARK_PYTHON"):
            os.environ["PYSPARK_PYTHON"] = sys.executable  # read by PySpark when it starts its workers
        # a few cores: Spark's 200 partitions a shuffle would be 200 tasks of almost nothing
        settings.setdefault("spark.sql.shuffle.partitions", str(2 * local_cores(master)))
    builder = SparkSession.builder.master(master).appName(app)
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def local_cores(master: str) -> int:
    """The cores a local master runs on: local (1), local[N] or local[N,retries], local[*]."""
    import os

    inside = master[len("local["):-1].split(",")[0] if master.startswith("local[") else "1"
    return os.cpu_count() or 1 if inside == "*" else int(inside)


def input_format(uri: str, given: str | None = None) -> str:
    if given:
        return given
    name = uri.rstrip("/").lower()
    for suffix, fmt in ((".parquet", "parquet"), (".jsonl", "jsonl"), (".json", "jsonl"), (".ndjson", "jsonl"),
                        (".csv", "csv")):
        if name.endswith(suffix):
            return fmt
    raise spark_input_format(uri, INPUT_FORMATS)


def read_corpus(spark: SparkSession, uri: str, fmt: str | None = None) -> DataFrame:
    """The articles at ``uri`` as a DataFrame with a ``text`` column (and any metadata columns)."""
    kind = input_format(uri, fmt)
    if kind == "parquet":
        df = spark.read.parquet(uri)
    elif kind == "jsonl":
        df = spark.read.json(uri)
    else:
        df = spark.read.csv(uri, header=True, multiLine=True, escape='"')
    if "text" not in [c.lower() for c in df.columns]:
        raise spark_no_text_column(uri, df.columns)
    return df


def _spark_type(kind: ColumnType) -> Any:
    from pyspark.sql import types as T

    return {"str": T.StringType(), "int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}[kind]


def table_schema(name: str) -> Any:
    from pyspark.sql import types as T

    if name == ERRORS_TABLE:
        return T.StructType([T.StructField("source", T.StringType()), T.StructField("reason", T.StringType())])
    columns = {t.name: t.columns for t in TABLES} | {t.name: t.columns for t in STORY_TABLES}
    return T.StructType([T.StructField(col, _spark_type(kind)) for col, kind in columns[name]])


def batch_hints(rows: Iterable[Any], *, source: str,
                max_bytes: int) -> Iterator[tuple[int, str, str | None, str | None]]:
    """(row, doc id, date, dateline place) of every readable article in one partition: what the
    whole batch tells each article of its id, its year and its area (see :func:`analyse_corpus`)."""
    from cronaca.ingest.tabular import article_from_record

    for row in rows:
        record = row.asDict()
        index = record.pop("__row", None)
        try:
            art = article_from_record(record, f"{source}:{index}", f"row{index}", max_bytes=max_bytes)
        except InputError:
            continue
        yield index, art.doc_id, art.date, art.dateline.place if art.dateline is not None else None


def renamed_ids(hints: Iterable[tuple[int, str, Any, Any]]) -> dict[int, str]:
    """The new id of every row whose id an earlier row of the input has, as ``cronaca analyze``
    names them (the second "a" is "a~2")."""
    seen: dict[str, int] = {}
    out = {}
    for index, doc_id, *_rest in sorted(hints, key=lambda h: h[0]):
        new = unique_id(doc_id, seen)
        if new != doc_id:
            out[index] = new
    return out


def analyse_partition(rows: Iterable[Any], *, source: str, model: str, max_bytes: int,
                      default_date: str | None, year: int | None, rules: StoryRules | None = None,
                      with_text: bool = False, batch_dates: tuple[str, ...] = (),
                      area: tuple[str, ...] | None = None,
                      renamed: dict[int, str] | None = None) -> Iterator[tuple[str, Any]]:
    """(table, JSON row) for every export table row of the articles in one partition and, with
    story ``rules``, (:data:`FACTS`, :class:`~cronaca.spark.steps.ArticleFacts`) for each article.
    ``batch_dates`` (the dates of the whole batch's dated articles) and ``area`` (the batch's
    area) give an undated article its year and a shared town name its town as in one process;
    without them, the partition's own articles do.  ``renamed``: the new id of a row whose id an
    earlier row has (:func:`renamed_ids`).
    The pipeline is loaded once here; an article that cannot be read is one ``input_errors`` row."""
    from cronaca.extract.area import settle_area
    from cronaca.ingest.dates import settle_dates
    from cronaca.ingest.tabular import article_from_record
    from cronaca.pipeline import Analyzer
    from cronaca.spark.steps import article_facts

    articles = []
    for row in rows:
        record = row.asDict()
        index = record.pop("__row", None)
        where = f"{source}:{index}"
        try:
            article = article_from_record(record, where, f"row{index}", max_bytes=max_bytes)
            if renamed and index in renamed:
                article = replace(article, doc_id=renamed[index])
            articles.append(article)
        except InputError as err:
            yield ERRORS_TABLE, json.dumps({"source": err.source, "reason": err.reason}, ensure_ascii=False)
    if not articles:
        return
    analyzer = Analyzer(model=model)
    articles = settle_area(settle_dates(articles, default_date=default_date, year=year, known_dates=batch_dates),
                           area=area)
    for analysis in analyzer.analyze_many(articles):
        for table in TABLES:
            for out in table.rows([analysis]):
                yield table.name, json.dumps(out, ensure_ascii=False)
        if rules is not None:
            yield FACTS, article_facts(analysis, rules, with_text)


def analyse_corpus(spark: SparkSession, uri: str, *, fmt: str | None = None, model: str = "auto",
                   max_bytes: int = 20_000_000, default_date: str | None = None, year: int | None = None,
                   partitions: int | None = None, stories: bool = True, lang: str = "en",
                   embed: bool | None = None) -> dict[str, DataFrame]:
    """One DataFrame per export table (and ``input_errors``) for the corpus at ``uri`` and, with
    ``stories``, per story table (:mod:`cronaca.export.stories`, worded in ``lang``): the stories
    :func:`cronaca.story.build` gives, built (and so the articles analysed) before this returns.  ``embed``: whether the sentence embedder helps group
    articles (by default, when it is installed here, as :func:`cronaca.story.build` decides).

    Rows without an ``id`` are called ``row<N>`` after their position in the input."""
    from cronaca.extract.area import batch_area
    from cronaca.story.group import default_embedder
    from cronaca.story.rules import load_rules

    rules = load_rules() if stories else None
    embedding = (default_embedder() is not None) if embed is None else embed
    df = read_corpus(spark, uri, fmt)
    indexed = df.rdd.zipWithIndex().map(lambda pair: _with_row(pair[0], pair[1]))
    if partitions:
        indexed = indexed.repartition(partitions)
    # a first, light pass (ingest only): the whole batch's dates and datelines, so that every
    # partition dates its articles and reads shared town names as one process would
    hints = indexed.mapPartitions(lambda rows: batch_hints(rows, source=uri, max_bytes=max_bytes)).collect()
    batch_dates = tuple(sorted({d for _i, _id, d, _p in hints if d}))
    area = batch_area([p for _i, _id, _d, p in hints if p])
    renamed = renamed_ids(hints)
    tagged = indexed.mapPartitions(
        lambda rows: analyse_partition(rows, source=uri, model=model, max_bytes=max_bytes,
                                       default_date=default_date, year=year, rules=rules,
                                       with_text=embedding, batch_dates=batch_dates, area=area,
                                       renamed=renamed)).cache()
    out: dict[str, DataFrame] = {}
    for name in (*[t.name for t in TABLES], ERRORS_TABLE):
        schema = table_schema(name)
        out[name] = spark.createDataFrame(tagged.flatMap(_rows_of(name, tuple(schema.fieldNames()))), schema)
    if rules is not None:
        from cronaca.spark.stories import build_stories, story_tables

        facts = tagged.filter(lambda pair: pair[0] == FACTS).map(lambda pair: pair[1])
        out.update(story_tables(spark, build_stories(spark, facts, rules=rules, embed=embedding), lang))
    return out


def _rows_of(name: str, columns: tuple[str, ...]) -> Any:
    """The function that turns one tagged pair into the row (a tuple in ``columns`` order) of table ``name``."""
    def rows(pair: tuple[str, Any]) -> list[tuple[Any, ...]]:
        if pair[0] != name:
            return []
        record = json.loads(pair[1])
        return [tuple(record.get(c) for c in columns)]

    return rows


def _with_row(row: Any, index: int) -> Any:
    from pyspark.sql import Row

    return Row(**{**row.asDict(), "__row": index})


def write_tables(tables: dict[str, DataFrame], out: str) -> list[str]:
    """Each DataFrame as Parquet at ``<out>/<table>.parquet`` (a folder of part files, as Spark writes)."""
    written = []
    for name, df in tables.items():
        path = f"{out.rstrip('/')}/{name}.parquet"
        df.write.mode("overwrite").parquet(path)
        written.append(path)
    return written
