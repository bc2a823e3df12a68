"""The timeline of each story: readable terminal text and one self-contained HTML page.

Both show, story by story and date by date, what each article says about each story
event (status, source, evidence) and the contradictions found.  The HTML page has inline
CSS and JS only (no CDN, works offline); each fact links to its evidence, highlighted in
the article text further down the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import click

from cronaca.export.wording import Wording, explanation, story_title, wording
from cronaca.records import DocAnalysis, Source, SourceRef, StatusEntry, Story, StoryAnalysis, StoryEvent
from cronaca.story import article_date, source_ref

Styler = Callable[..., str]


@dataclass(frozen=True)
class Fact:
    date: str | None
    event: StoryEvent
    entry: StatusEntry


def _plain(text: str, **_: object) -> str:
    return text


def source_label(analysis: DocAnalysis | None, attribution: Sequence[Source], w: Wording) -> str:
    """The chain of sources as the explanations word it ("fonti della Casa Bianca citate dalla CNN")."""
    if not attribution:
        return str(w.raw["article_itself"])
    if analysis is None:
        return w.sources(tuple(SourceRef(s.text, s.text, None, None, None, w.lang) for s in attribution))
    lang = analysis.article.language or "it"
    return w.sources(tuple(source_ref(analysis, s, lang) for s in attribution))


def event_label(ev: StoryEvent, w: Wording) -> str:
    short = tuple(p.split(" ")[-1] for p in ev.participants)
    return w.event_label(ev.type, ev.mode, short)


def _facts(story: Story) -> list[Fact]:
    facts = [Fact(h.date, ev, h) for ev in story.events for h in ev.status_history]
    facts.sort(key=lambda f: (f.date or "9999", f.entry.doc_id, f.entry.evidence[0]))
    return facts


def _snippet(analysis: DocAnalysis | None, span: tuple[int, int], limit: int = 90) -> str:
    if analysis is None:
        return ""
    text = " ".join(analysis.article.text[span[0]:span[1]].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_linked(ev: StoryEvent) -> bool:
    return len({d for d, _ in ev.mentions}) > 1


def render_text(stories: StoryAnalysis, analyses: Sequence[DocAnalysis], *, color: bool = False,
                lang: str = "en", all_events: bool = False) -> str:
    """The terminal timeline.  Only events reported by several articles, or in a
    contradiction, are listed unless ``all_events``."""
    w = wording(lang)
    style: Styler = click.style if color else _plain
    docs = {a.doc_id: a for a in analyses}
    lines: list[str] = []
    for story in stories.stories:
        flagged = {c.event for c in story.contradictions}
        shown = {e.id for e in story.events if all_events or _is_linked(e) or e.id in flagged}
        lines.append(style(f"■ {story_title(story, lang)}", bold=True))
        for d in story.documents:
            a = docs.get(d)
            date = article_date(a) if a else None
            title = (a.article.title if a else None) or ""
            lines.append(f"  {date or '????-??-??'}  {d}" + (f" — {title}" if title else ""))
        last_date: str | None = "-"
        for f in _facts(story):
            if f.event.id not in shown:
                continue
            if f.date != last_date:
                lines.append(style(f"  {f.date or 'undated'}", fg="cyan", bold=True))
                last_date = f.date
            a = docs.get(f.entry.doc_id)
            mark = style("!", fg="red", bold=True) if f.event.id in flagged else " "
            status = style(f.entry.status, fg="yellow" if f.entry.status in ("denied", "negated", "cancelled")
                           else "green")
            who = source_label(a, f.entry.attribution, w)
            snippet = _snippet(a, f.entry.evidence)
            lines.append(f"   {mark} [{f.event.id}] {event_label(f.event, w)}: {status} — {who}"
                         + (f"  «{snippet}»" if snippet else "") + f"  ({f.entry.doc_id})")
        for c in story.contradictions:
            lines.append(style(f"  ⚠ {c.slot} [{c.event}]: {explanation(c, lang)}", fg="red"))
            for v in c.values:
                who = source_label(docs.get(v.doc_id), v.attribution, w)
                lines.append(f"      {v.value} — {who} ({v.doc_id})")
        hidden = len(story.events) - len(shown)
        if hidden:
            lines.append(style(f"  (+{hidden} events reported by one article only; --all to list them)", dim=True))
        lines.append("")
    return "\n".join(lines)


CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:2px solid #ccc;margin-top:2em}
.day{margin:.8em 0 .2em;font-weight:bold;color:#036}
.fact{margin:.15em 0 .15em 1.2em}.fact a{color:inherit;text-decoration:none;border-bottom:1px dotted #888}
.st{display:inline-block;min-width:6em;padding:0 .4em;border-radius:3px;background:#e6f2e6;font-size:.9em}
.st.denied,.st.negated,.st.cancelled{background:#fbe3d6}.st.suspended,.st.postponed{background:#fff2c2}
.flag{color:#b00;font-weight:bold}.who{color:#555}.ev{color:#666;font-size:.85em}
.contra{border-left:4px solid #b00;background:#fdf0f0;padding:.4em .8em;margin:.6em 0}
.article{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;margin:.5em 0 1.5em}
mark{background:#ffe680;padding:0 1px}mark.c{background:#f7b8b8}mark.flash{background:#ff9f43;outline:2px solid #b00}
.meta{color:#666;font-size:.9em}
"""

JS = """
document.addEventListener('click',function(e){var a=e.target.closest('a[data-mark]');if(!a)return;
var m=document.getElementById(a.getAttribute('data-mark'));if(!m)return;
document.querySelectorAll('mark.flash').forEach(function(x){x.classList.remove('flash')});
m.classList.add('flash');});
"""


def _merged_marks(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _article_html(a: DocAnalysis, spans: list[tuple[int, int]],
                  flagged: frozenset[tuple[int, int]] = frozenset()) -> tuple[str, dict[tuple[int, int], str]]:
    """The article with every span marked; marks holding a contradiction's evidence get class "c"."""
    text = a.article.text
    marks = _merged_marks([(max(0, s), min(len(text), e)) for s, e in spans if e > s])
    ids: dict[tuple[int, int], str] = {}
    parts, pos = [], 0
    for s, e in marks:
        mid = f"m-{a.doc_id}-{s}"
        parts.append(html.escape(text[pos:s]))
        cls = ' class="c"' if any(fs < e and s < fe for fs, fe in flagged) else ""
        parts.append(f'<mark id="{html.escape(mid, quote=True)}"{cls}>{html.escape(text[s:e])}</mark>')
        pos = e
    parts.append(html.escape(text[pos:]))
    for s, e in spans:
        for ms, me in marks:
            if ms <= s < me or (ms < e and s < me):
                ids[(s, e)] = f"m-{a.doc_id}-{ms}"
                break
    return "".join(parts), ids


def render_html(stories: StoryAnalysis, analyses: Sequence[DocAnalysis], *, lang: str = "en",
                title: str = "cronaca — timeline") -> str:
    """One self-contained page: the timelines, the contradictions, and the articles with
    every piece of evidence highlighted and linked from its fact."""
    w = wording(lang)
    esc = html.escape
    docs = {a.doc_id: a for a in analyses}
    spans: dict[str, list[tuple[int, int]]] = {}
    for story in stories.stories:
        for ev in story.events:
            for h in ev.status_history:
                spans.setdefault(h.doc_id, []).append(h.evidence)
        for c in story.contradictions:
            for v in c.values:
                spans.setdefault(v.doc_id, []).append(v.evidence)
    flagged_spans: dict[str, set[tuple[int, int]]] = {}
    for story in stories.stories:
        for c in story.contradictions:
            for v in c.values:
                flagged_spans.setdefault(v.doc_id, set()).add(v.evidence)
    rendered = {d: _article_html(docs[d], sp, frozenset(flagged_spans.get(d, ()))) for d, sp in spans.items() if d in docs}

    def link(doc_id: str, span: tuple[int, int], label: str) -> str:
        mid = rendered.get(doc_id, ("", {}))[1].get(span)
        if not mid:
            return esc(label)
        return f'<a href="#{esc(mid, quote=True)}" data-mark="{esc(mid, quote=True)}">{esc(label)}</a>'

    out = [f"<!doctype html><html lang=\"{esc(lang)}\"><head><meta charset=\"utf-8\">",
           f"<title>{esc(title)}</title><style>{CSS}</style></head><body>", f"<h1>{esc(title)}</h1>"]
    for story in stories.stories:
        flagged = {c.event for c in story.contradictions}
        out.append(f"<h2 id=\"{esc(story.id)}\">{esc(story_title(story, lang))}</h2>")
        out.append("<p class=\"meta\">" + ", ".join(f"<a href=\"#doc-{esc(d)}\">{esc(d)}</a>"
                                                     for d in story.documents) + "</p>")
        for c in story.contradictions:
            vals = "; ".join(link(v.doc_id, v.evidence, f"{w.status(v.value) if c.slot == 'status' else v.value} "
                                                        f"({source_label(docs.get(v.doc_id), v.attribution, w)})")
                             for v in c.values)
            out.append(f"<div class=\"contra\"><span class=\"flag\">⚠ {esc(c.slot)}</span> "
                       f"{esc(explanation(c, lang))}<br><span class=\"who\">{vals}</span></div>")
        last: str | None = "-"
        for f in _facts(story):
            if f.date != last:
                out.append(f"<div class=\"day\">{esc(f.date or 'undated')}</div>")
                last = f.date
            a = docs.get(f.entry.doc_id)
            flag = "<span class=\"flag\">!</span> " if f.event.id in flagged else ""
            label = _snippet(a, f.entry.evidence) or f.entry.status
            out.append(
                f"<div class=\"fact\">{flag}<span class=\"st {esc(f.entry.status)}\">{esc(f.entry.status)}</span> "
                f"<b>{esc(event_label(f.event, w))}</b> <span class=\"ev\">[{esc(f.event.id)} · {esc(f.event.type)}]</span> "
                f"— <span class=\"who\">{esc(source_label(a, f.entry.attribution, w))}</span>: "
                f"«{link(f.entry.doc_id, f.entry.evidence, label)}» <span class=\"ev\">({esc(f.entry.doc_id)})</span></div>")
    out.append("<h2>Articles</h2>")
    for a in analyses:
        body = rendered.get(a.doc_id, (html.escape(a.article.text), {}))[0]
        date = a.article.date or (a.article.dateline.date if a.article.dateline else None) or ""
        out.append(f"<h3 id=\"doc-{esc(a.doc_id)}\">{esc(a.doc_id)} <span class=\"meta\">{esc(date)}"
                   f"{' — ' + esc(a.article.title) if a.article.title else ''}</span></h3>")
        out.append(f"<div class=\"article\">{body}</div>")
    out.append(f"<script>{JS}</script></body></html>")
    return "\n".join(out)
