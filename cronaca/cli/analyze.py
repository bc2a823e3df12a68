"""``cronaca analyze PATH...``: analyse articles and print the analysis."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime

import click

from cronaca.cli import main
from cronaca.errors import CronacaError, InputError
from cronaca.export.analysis import analysis_to_json, document_to_json
from cronaca.records import Article, DocAnalysis, StoryAnalysis

CLAIM_COLUMNS = ("doc_id", "event_id", "type", "mode", "cameo", "actors", "recipients", "status",
                 "time", "place", "country", "attribution", "hearsay", "evidence_start", "evidence_end",
                 "evidence")


def claim_rows(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, object]]:
    """One flat row per claim, names instead of entity ids: the CSV analysts open."""
    for a in analyses:
        names = {e.id: e.name for e in a.entities}
        for ev in a.events:
            for c in ev.claims:
                yield {
                    "doc_id": a.doc_id, "event_id": ev.id, "type": ev.type, "mode": ev.mode or "",
                    "cameo": ev.cameo or "",
                    "actors": "; ".join(names.get(x, x) for x in ev.actors),
                    "recipients": "; ".join(names.get(x, x) for x in ev.recipients),
                    "status": c.status, "time": c.time.value if c.time else "",
                    "place": c.place.name if c.place else "", "country": (c.place.country or "") if c.place else "",
                    "attribution": " < ".join(names.get(s.entity, s.text) if s.entity else s.text
                                              for s in c.attribution),
                    "hearsay": c.hearsay, "evidence_start": c.evidence[0], "evidence_end": c.evidence[1],
                    "evidence": a.article.text[c.evidence[0]:c.evidence[1]],
                }


def render(analyses: Sequence[DocAnalysis], stories: StoryAnalysis, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(analysis_to_json(analyses, stories), ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(document_to_json(a), ensure_ascii=False) + "\n" for a in analyses)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS)
    writer.writeheader()
    writer.writerows(claim_rows(analyses))
    return buf.getvalue()


def load_and_analyse(paths: Sequence[str], *, model: str, max_bytes: int, quiet: bool,
                     store_path: str | None = None, default_date: str | None = None,
                     year: int | None = None) -> tuple[list[DocAnalysis], int]:
    """Read, analyse (and store) the articles; return the analyses and the number of inputs that failed.

    Articles without a date get one as :func:`cronaca.ingest.dates.settle_dates` says, from
    ``default_date`` (``--date``), ``year`` (``--year``) and the dated articles of the batch
    and of the store."""
    from cronaca.ingest import read_articles
    from cronaca.ingest.dates import settle_dates
    from cronaca.pipeline import Analyzer

    articles: list[Article] = []
    failures = 0
    for item in read_articles(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            click.echo(f"cronaca: {item}", err=True)
            failures += 1
        else:
            articles.append(item)
    if not articles:
        return [], failures
    analyzer = Analyzer(model=model)
    store = None
    if store_path:
        from cronaca.store import Store

        store = Store(store_path)
    articles = settle_dates(articles, default_date=default_date, year=year,
                            known_dates=store.article_dates() if store is not None else ())
    analyses: list[DocAnalysis] = []
    show = not quiet and len(articles) > 1 and sys.stderr.isatty()
    try:
        with click.progressbar(articles, label="analysing", file=sys.stderr,
                               show_pos=True) if show else _nullbar(articles) as bar:
            for analysis in analyzer.analyze_many(bar):
                art = analysis.article
                for err in analysis.errors:
                    click.echo(f"cronaca: {art.source or art.doc_id}: {err}", err=True)
                analyses.append(analysis)
                if store is not None:
                    store.add(analysis)
        if store is not None:
            from cronaca.story import build_stories

            store.add_stories(build_stories(store.load_analyses()))
    finally:
        if store is not None:
            store.close()
    return analyses, failures


class _nullbar:
    def __init__(self, items: Sequence[Article]) -> None:
        self.items = items

    def __enter__(self) -> Sequence[Article]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True,
              help="json: the analysis object (documents + story); jsonl: one document per line; "
                   "csv: one row per event claim.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@click.option("--store", "store_path", type=click.Path(dir_okay=False), default=None,
              help="Also append the analyses to this DuckDB store (created if missing).")
@click.option("--model", default="auto", show_default=True,
              help="spaCy pipeline: auto (the one cronaca ships), blank, or an installed name/path.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Largest article accepted, in bytes.")
@click.option("--lang", "explain_lang", type=click.Choice(["en", "it"]), default="en", show_default=True,
              help="Language of the contradiction explanations.")
@click.option("--date", "default_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date (YYYY-MM-DD) of the articles that carry none; also dates an agency "
                   "dateline's day that has no year.")
@click.option("--year", type=click.IntRange(1800, 2200), default=None,
              help="Year of the datelines that give day and month only (\"(ANSA) - ROMA, 21 OTT -\"); "
                   "without it the batch's dated articles, or else the day of analysis, decide.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def analyze(paths: tuple[str, ...], fmt: str, out: str | None, store_path: str | None, model: str,
            max_bytes: int, explain_lang: str, default_date: datetime | None, year: int | None,
            quiet: bool) -> None:
    """Analyse the articles in PATHS (files, folders, or - for standard input):
    .txt, .html, .jsonl, .json and .csv.

    An input that cannot be read is named on standard error and skipped; the exit code
    is 1 only when nothing could be analysed."""
    from cronaca.story import build_stories

    try:
        analyses, failures = load_and_analyse(
            paths, model=model, max_bytes=max_bytes, quiet=quiet, store_path=store_path, year=year,
            default_date=default_date.date().isoformat() if default_date else None)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    if not analyses:
        raise click.ClickException(f"nothing could be analysed ({failures} input(s) failed).")
    stories = build_stories(analyses, language=explain_lang)
    text = render(analyses, stories, fmt)
    if out:
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise click.ClickException(f"cannot write the output file '{out}': "
                                       f"{exc.strerror or type(exc).__name__}.") from exc
    else:
        sys.stdout.write(text)
