"""``cronaca demo``: the whole pipeline on the built-in example articles, summarised."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

import click

from cronaca.cli import main, setting_option
from cronaca.export.wording import explanation, story_title
from cronaca.records import DocAnalysis, Source, StoryAnalysis

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _name(analysis: DocAnalysis, entity_id: str | None, fallback: str | None) -> str | None:
    """The name of entity ``entity_id`` in ``analysis``, else ``fallback``."""
    ent = analysis.entity(entity_id) if entity_id else None
    return ent.name if ent else fallback


def _chain(analysis: DocAnalysis, sources: Sequence[Source]) -> str:
    names = []
    for s in sources:
        ent = analysis.entity(s.entity) if s.entity else None
        names.append(ent.name if ent else s.text)
    return " ← ".join(names)


def summarise(analyses: Sequence[DocAnalysis], stories: StoryAnalysis) -> str:
    lines: list[str] = []
    for a in analyses:
        art = a.article
        lines.append(click.style(f"■ {art.doc_id}", bold=True)
                     + f"  ({art.dateline.place if art.dateline else '?'}, {art.date or 'no date'},"
                       f" language {art.language})")
        people = [e.name for e in a.entities if e.type == "PER"]
        orgs = [e.name for e in a.entities if e.type in ("ORG", "GPE")]
        lines.append(f"  people: {', '.join(people) or '-'}")
        lines.append(f"  organisations and countries: {', '.join(orgs) or '-'}")
        lines.append("  times: " + (", ".join(f"{t.text} = {t.value}" for t in a.times) or "-"))
        lines.append("  places: " + (", ".join(f"{p.text} ({p.country or '-'})" for p in a.places) or "-"))
        for q in a.quotes:
            who = _name(a, q.speaker, q.speaker_text) or "?"
            lines.append(f"  quote: “{q.text[:70]}” — {who}" + (f" ({q.cue})" if q.cue else ""))
        for ev in a.events:
            actors = ", ".join(_name(a, x, x) or x for x in ev.actors)
            recips = ", ".join(_name(a, x, x) or x for x in ev.recipients)
            head = f"{ev.type}{'/' + ev.mode if ev.mode else ''}: {actors or '?'}" + (f" → {recips}" if recips else "")
            lines.append(f"  event {head}   [{ev.trigger.text}]")
            for c in ev.claims:
                bits: list[str] = [c.status]
                if c.time:
                    bits.append(f"time {c.time.value}")
                if c.place:
                    bits.append(f"place {c.place.name}")
                if c.attribution:
                    bits.append(f"according to {_chain(a, c.attribution)}")
                if c.hearsay:
                    bits.append("hearsay")
                lines.append("      - " + "; ".join(bits))
        for w in a.warnings:
            lines.append(click.style(f"  warning ({w.kind}): {w.detail}", fg="yellow"))
        lines.append("")
    for story in stories.stories:
        lines.append(click.style(f"■ story: {story_title(story)}", bold=True) + f"  ({len(story.documents)} articles)")
        for se in story.events:
            # two reports of the same status on the same day read once, with their number
            runs = [(key, len(list(grp))) for key, grp in
                    groupby((h.status, h.date or "?") for h in se.status_history)]
            hist = " → ".join(f"{st} ({day})" + (f" ×{n}" if n > 1 else "") for (st, day), n in runs)
            lines.append(f"  {se.type}: {', '.join(se.participants)}   {hist}")
        for contra in story.contradictions:
            lines.append(click.style(f"  contradiction on {contra.slot}: {explanation(contra)}", fg="red"))
        lines.append("")
    return "\n".join(lines)


@main.command()
@setting_option("model")
def demo(model: str) -> None:
    """Run the whole pipeline on the built-in example articles and print a summary."""
    from cronaca.app import stories_of
    from cronaca.cli.analyze import load_and_analyse, open_app
    from cronaca.errors import CronacaError
    from cronaca.settings import Settings

    paths = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    settings = Settings(model=model)
    try:
        with open_app(None, settings) as app:
            analyses, _ = load_and_analyse(app, paths, quiet=True)
    except CronacaError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summarise(analyses, stories_of(analyses)))
