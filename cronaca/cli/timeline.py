"""``cronaca timeline PATH... | --store FILE``: the timeline of each story."""

from __future__ import annotations

import sys

import click

from cronaca.cli import main, setting_option
from cronaca.errors import CronacaError


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--store", "store_path", type=click.Path(dir_okay=False), default=None,
              help="Read the analyses from this store instead of analysing PATHS.")
@click.option("--format", "fmt", type=click.Choice(["text", "html"]), default="text", show_default=True,
              help="text: a terminal timeline; html: one self-contained page with the evidence highlighted.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@setting_option("explain_language")
@click.option("--all", "all_events", is_flag=True,
              help="Text format: also list events that only one article reports.")
@setting_option("model")
@setting_option("max_bytes")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def timeline(paths: tuple[str, ...], store_path: str | None, fmt: str, out: str | None, explain_language: str,
             all_events: bool, model: str, max_bytes: int, quiet: bool) -> None:
    """Show each story as a timeline: dates, events, statuses, sources, contradictions.

    Give article PATHS (files, folders, or - for standard input) to analyse them now, or
    --store FILE to use the analyses already stored there."""
    from cronaca.app import stories_of
    from cronaca.cli.analyze import load_and_analyse, open_app
    from cronaca.export.timeline import render_html, render_text
    from cronaca.settings import Settings

    if bool(paths) == bool(store_path):
        raise click.UsageError("give either article PATHS or --store FILE (one of the two).")
    settings = Settings(max_bytes=max_bytes, model=model, explain_language=explain_language)
    try:
        if store_path:
            with open_app(store_path, settings, read_only=True) as app:
                analyses = app.snapshot.analyses
                stories = app.snapshot.stories
            if not analyses:
                raise click.ClickException(f"the store '{store_path}' holds no analysed articles.")
        else:
            with open_app(None, settings) as app:
                analyses, failures = load_and_analyse(app, paths, quiet=quiet)
            if not analyses:
                raise click.ClickException(f"nothing could be analysed ({failures} input(s) failed).")
            stories = stories_of(analyses)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    explain_lang = explain_language
    if fmt == "html":
        text = render_html(stories, analyses, lang=explain_lang)
    else:
        color = out is None and sys.stdout.isatty()
        text = render_text(stories, analyses, color=color, lang=explain_lang, all_events=all_events)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(text if text.endswith("\n") else text + "\n")
    else:
        click.echo(text)
