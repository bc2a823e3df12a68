"""``cronaca analyze PATH...``: analyse articles and print the analysis."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Self

import click

from cronaca.app import Cronaca, stories_of
from cronaca.cli import main, setting_option
from cronaca.errors import CronacaError, InputError
from cronaca.export.analysis import analysis_to_json, document_to_json
from cronaca.records import Article, DocAnalysis, StoryAnalysis
from cronaca.settings import Settings

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


def render(analyses: Sequence[DocAnalysis], stories: StoryAnalysis, fmt: str, lang: str = "en") -> str:
    if fmt == "json":
        return json.dumps(analysis_to_json(analyses, stories, lang), ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(document_to_json(a), ensure_ascii=False) + "\n" for a in analyses)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS)
    writer.writeheader()
    writer.writerows(claim_rows(analyses))
    return buf.getvalue()


def load_and_analyse(app: Cronaca, paths: Sequence[str], *, quiet: bool, store: bool = False,
                     default_date: str | None = None, year: int | None = None,
                     area: Sequence[str] | None = None) -> tuple[list[DocAnalysis], int]:
    """Read and analyse the articles (and, with ``store``, store them and update the stories);
    return the analyses and the number of inputs that failed, each named on standard error.

    Articles without a date get one as :func:`cronaca.ingest.dates.settle_dates` says, from
    ``default_date`` (``--date``), ``year`` (``--year``) and the dated articles of the batch
    and of the store."""
    articles: list[Article] = []
    failures = 0
    for item in app.read(paths):
        if isinstance(item, InputError):
            click.echo(f"cronaca: {item}", err=True)
            failures += 1
        else:
            articles.append(item)
    if not articles:
        return [], failures
    show = not quiet and len(articles) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(articles), label="analysing", file=sys.stderr,
                           show_pos=True) if show else _nullbar() as bar:
        def each(analysis: DocAnalysis) -> None:
            art = analysis.article
            for err in analysis.errors:
                click.echo(f"cronaca: {art.source or art.doc_id}: {err}", err=True)
            bar.update(1)
        if store:
            analyses = app.add_many(articles, default_date=default_date, year=year, area=area, each=each)
            failures += len(articles) - len(analyses)  # the nlp stage failed on them: named, not stored
        else:
            analyses = []
            for analysis in app.analyse(articles, default_date=default_date, year=year, area=area):
                each(analysis)
                analyses.append(analysis)
    return analyses, failures


class _nullbar:
    def update(self, n: int) -> None:
        return None

    def __enter__(self) -> Self:
        return self

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
              help="Also add the articles to this DuckDB store (created if missing) and update its stories; "
                   "the output's story part is then the stored stories these articles are in.")
@setting_option("model")
@setting_option("max_bytes")
@setting_option("explain_language")
@click.option("--date", "default_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date (YYYY-MM-DD) of the articles that carry none; also dates an agency "
                   "dateline's day that has no year.")
@click.option("--year", type=click.IntRange(1800, 2200), default=None,
              help="Year of the datelines that give day and month only (\"(ANSA) - ROMA, 21 OTT -\"); "
                   "without it the batch's dated articles, or else the day of analysis, decide.")
@click.option("--area", "area", multiple=True, metavar="TOWN",
              help="A town the articles are about (repeatable, \"--area Modena\"): a name several towns "
                   "share and the article alone does not settle is read as the one nearest it; without "
                   "it, the towns the datelines of the batch and of the store name often.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def analyze(paths: tuple[str, ...], fmt: str, out: str | None, store_path: str | None, model: str,
            max_bytes: int, explain_language: str, default_date: datetime | None, year: int | None,
            area: tuple[str, ...], quiet: bool) -> None:
    """Analyse the articles in PATHS (files, folders, or - for standard input):
    .txt, .html, .jsonl, .json and .csv.

    An input that cannot be read is named on standard error and skipped; the exit code
    is 1 only when nothing could be analysed."""
    settings = Settings(max_bytes=max_bytes, model=model, explain_language=explain_language)
    day = default_date.date().isoformat() if default_date else None
    if area:
        from cronaca.extract.gazetteer import lookup_place

        unknown = [town for town in area if lookup_place(town) is None]
        if unknown:
            raise click.BadParameter(f"no place is called '{unknown[0]}' in the gazetteer.", param_hint="--area")
    try:
        with open_app(store_path, settings) as app:
            analyses, failures = load_and_analyse(app, paths, quiet=quiet, store=store_path is not None,
                                                  default_date=day, year=year, area=area or None)
            if not analyses:
                raise click.ClickException(f"nothing could be analysed ({failures} input(s) failed).")
            if store_path:
                ids = {a.doc_id for a in analyses}
                stories = StoryAnalysis(tuple(s for s in app.stories() if ids & set(s.documents)))
            else:
                stories = stories_of(analyses)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    text = render(analyses, stories, fmt, explain_language)
    if out:
        try:
            with open(out, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as exc:
            raise click.ClickException(f"cannot write the output file '{out}': "
                                       f"{exc.strerror or type(exc).__name__}.") from exc
    else:
        sys.stdout.write(text)


def open_app(store_path: str | None, settings: Settings, *, read_only: bool = False) -> Cronaca:
    """The application over the store at ``store_path``, or over an empty store in memory."""
    return Cronaca.open(store_path or ":memory:", settings, read_only=read_only)
