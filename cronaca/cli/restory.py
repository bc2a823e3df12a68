"""``cronaca restory --store FILE``: build every story of a store again."""

from __future__ import annotations

import click

from cronaca.cli import main, setting_option
from cronaca.errors import CronacaError


@main.command()
@click.option("--store", "store_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="The DuckDB store whose stories to build again.")
@setting_option("explain_language")
def restory(store_path: str, explain_language: str) -> None:
    """Build every story of STORE again from its analysed articles and store them.

    Adding articles updates only the stories they touch; this is the full rebuild, for a
    store written by an older cronaca or after the story rules changed."""
    from cronaca.app import Cronaca
    from cronaca.settings import Settings

    try:
        with Cronaca.open(store_path, Settings(explain_language=explain_language), refresh=False) as app:
            stories = app.restory()
            articles = len(app.snapshot.articles)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    events = sum(len(s.events) for s in stories.stories)
    click.echo(f"{_count(len(stories.stories), 'story', 'stories')}, {_count(events, 'story event')} "
               f"over {_count(articles, 'article')} in '{store_path}'.")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
