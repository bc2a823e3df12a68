"""``cronaca export --store FILE``: the stored analyses and stories as flat tables (JSON Lines, CSV, Parquet)."""

from __future__ import annotations

import click

from cronaca.cli import main, setting_option
from cronaca.errors import CronacaError
from cronaca.export.stories import STORY_TABLE_NAMES, write_story_tables
from cronaca.export.tables import FORMATS, TABLE_NAMES, write_tables


@main.command()
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False),
              help="The DuckDB store written by 'cronaca analyze --store'.")
@click.option("--format", "fmt", type=click.Choice((*FORMATS, "gdelt")), default="csv", show_default=True,
              help="File format of the tables; gdelt: one GDELT-2.0-style event table (gdelt_events.tsv).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder to write the tables in (created if missing).")
@click.option("--table", "tables", multiple=True, type=click.Choice((*TABLE_NAMES, *STORY_TABLE_NAMES)),
              help="Only this table (repeatable); all tables by default.")
@setting_option("explain_language", "lang")
def export(store_path: str, fmt: str, out_dir: str, tables: tuple[str, ...], lang: str) -> None:
    """Write the analyses in a store as flat tables: documents, entities, mentions, times,
    places, quotes, events, claims, warnings, and its stories: stories, story_events,
    story_mentions, status_history, contradictions, contradiction_values (one file each,
    <OUT>/<table>.<format>; titles, labels and explanations in --lang)."""
    from cronaca.store import Store

    try:
        with Store(store_path, read_only=True) as store:
            analyses = store.load_analyses()
            stories = store.load_stories()
        if fmt == "gdelt":
            from cronaca.export.gdelt import write_gdelt

            written = [write_gdelt(analyses, out_dir)]
        else:
            chosen = tables or (*TABLE_NAMES, *STORY_TABLE_NAMES)
            written = write_tables(analyses, out_dir, fmt, [t for t in chosen if t in TABLE_NAMES])
            written += write_story_tables(stories, out_dir, fmt, [t for t in chosen if t in STORY_TABLE_NAMES], lang)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in written:
        click.echo(str(path))
