"""``cronaca spark INPUT --out DIR``: analyse a corpus on Apache Spark and build its stories."""

from __future__ import annotations

from datetime import datetime

import click

from cronaca.cli import main, setting_option
from cronaca.errors import CronacaError, spark_missing


@main.command()
@click.argument("input_uri")
@click.option("--out", "out", required=True, help="Folder or URI to write the Parquet tables in.")
@click.option("--input-format", "fmt", type=click.Choice(["parquet", "jsonl", "csv"]), default=None,
              help="Format of INPUT; by default from its extension.")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master: local[*], local[2], spark://host:7077, yarn…")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Repartition the articles into this many partitions (one pipeline load each).")
@click.option("--model", default="auto", show_default=True,
              help="spaCy pipeline: auto (the one cronaca ships), blank, or an installed name/path.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Largest article accepted, in bytes.")
@click.option("--date", "default_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date (YYYY-MM-DD) of the articles that carry none.")
@click.option("--year", type=click.IntRange(1800, 2200), default=None,
              help="Year of the datelines that give day and month only.")
@setting_option("explain_language", "lang")
def spark(input_uri: str, out: str, fmt: str | None, master: str, partitions: int | None, model: str,
          max_bytes: int, default_date: datetime | None, year: int | None, lang: str) -> None:
    """Analyse the articles in INPUT_URI (Parquet, JSON Lines or CSV with a 'text' column; a
    local path or any Hadoop-compatible URI) on Spark and write, under --out, one Parquet table
    per export table (documents, entities, mentions, times, places, quotes, events, claims,
    warnings), input_errors, and the stories cronaca builds (stories, story_events,
    story_mentions, status_history, contradictions, contradiction_values; worded in --lang)."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(str(spark_missing())) from exc
    from cronaca.spark.job import analyse_corpus, session, write_tables

    spark_session = session(master)
    try:
        tables = analyse_corpus(spark_session, input_uri, fmt=fmt, model=model, max_bytes=max_bytes, year=year,
                                default_date=default_date.date().isoformat() if default_date else None,
                                partitions=partitions, lang=lang)
        for path in write_tables(tables, out):
            click.echo(path)
        for row in tables["input_errors"].collect():
            click.echo(f"cronaca: {row['source']}: {row['reason']}", err=True)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        spark_session.stop()
