"""Flat tables of the stories, for spreadsheets, pandas and SQL engines.

One row per story, story event, mention of a story event (an article's event, to join with
the ``events`` and ``claims`` tables), status-history entry, contradiction and contradiction
value.  Columns are declared once, as for the article tables (:mod:`cronaca.export.tables`):
lists joined with "; ", attribution chains innermost first joined with " < ".  Story titles,
event labels and explanations are worded in the reader's language, here at the output edge.
Rows are made story by story (each with its position among all stories), so a corpus too
large for one machine can be written a story at a time (``cronaca spark``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cronaca.errors import ConfigError
from cronaca.export.tables import FORMATS, ColumnType, Rows, write_rows
from cronaca.export.wording import event_label, explanation, story_title
from cronaca.records import Source, Story, StoryAnalysis

Numbered = Iterable[tuple[int, Story]]  # each story with its position among all stories


@dataclass(frozen=True)
class StoryTable:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    rows: Callable[[Numbered, str], Iterator[dict[str, Any]]]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


Names = Mapping[tuple[str, str], str]


def _names(story: Story) -> Names:
    return {(d, e): n for d, e, n in story.entity_names}


def _chain(doc_id: str, sources: Sequence[Source], names: Names) -> str:
    return " < ".join(names.get((doc_id, s.entity), s.text) if s.entity else s.text for s in sources)


def _stories(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for i, s in stories:
        yield {"story_id": s.id, "ord": i, "title": story_title(s, lang), "first_date": s.first_date,
               "last_date": s.last_date, "documents": "; ".join(s.documents),
               "events": "; ".join(e.id for e in s.events), "contradictions": len(s.contradictions)}


def _story_events(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for _, s in stories:
        for j, e in enumerate(s.events):
            yield {"story_id": s.id, "event_id": e.id, "ord": j, "type": e.type, "mode": e.mode,
                   "label": event_label(e, lang), "participants": "; ".join(e.participants),
                   "names": "; ".join(e.names), "documents": len({d for d, _ in e.mentions}),
                   "mentions": len(e.mentions), "statuses": "; ".join(h.status for h in e.status_history)}


def _story_mentions(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for _, s in stories:
        for e in s.events:
            for doc_id, doc_event in e.mentions:
                yield {"story_id": s.id, "event_id": e.id, "doc_id": doc_id, "doc_event_id": doc_event}


def _status_history(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for _, s in stories:
        names = _names(s)
        for e in s.events:
            for j, h in enumerate(e.status_history):
                yield {"story_id": s.id, "event_id": e.id, "ord": j, "doc_id": h.doc_id, "doc_event_id": h.event_id,
                       "date": h.date, "status": h.status, "attribution": _chain(h.doc_id, h.attribution, names),
                       "evidence_start": h.evidence[0], "evidence_end": h.evidence[1]}


def _contradictions(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for _, s in stories:
        for j, c in enumerate(s.contradictions):
            yield {"story_id": s.id, "ord": j, "event_id": c.event, "slot": c.slot, "person": c.person,
                   "values": "; ".join(v.value for v in c.values),
                   "documents": "; ".join(dict.fromkeys(v.doc_id for v in c.values)),
                   "explanation": explanation(c, lang)}


def _contradiction_values(stories: Numbered, lang: str) -> Iterator[dict[str, Any]]:
    for _, s in stories:
        names = _names(s)
        for j, c in enumerate(s.contradictions):
            for k, v in enumerate(c.values):
                yield {"story_id": s.id, "contradiction": j, "ord": k, "doc_id": v.doc_id, "value": v.value,
                       "attribution": _chain(v.doc_id, v.attribution, names),
                       "evidence_start": v.evidence[0], "evidence_end": v.evidence[1]}


STORY_TABLES: tuple[StoryTable, ...] = (
    StoryTable("stories", (("story_id", "str"), ("ord", "int"), ("title", "str"), ("first_date", "str"),
                           ("last_date", "str"), ("documents", "str"), ("events", "str"),
                           ("contradictions", "int")), _stories),
    StoryTable("story_events", (("story_id", "str"), ("event_id", "str"), ("ord", "int"), ("type", "str"),
                                ("mode", "str"), ("label", "str"), ("participants", "str"), ("names", "str"),
                                ("documents", "int"), ("mentions", "int"), ("statuses", "str")), _story_events),
    StoryTable("story_mentions", (("story_id", "str"), ("event_id", "str"), ("doc_id", "str"),
                                  ("doc_event_id", "str")), _story_mentions),
    StoryTable("status_history", (("story_id", "str"), ("event_id", "str"), ("ord", "int"), ("doc_id", "str"),
                                  ("doc_event_id", "str"), ("date", "str"), ("status", "str"),
                                  ("attribution", "str"), ("evidence_start", "int"), ("evidence_end", "int")),
               _status_history),
    StoryTable("contradictions", (("story_id", "str"), ("ord", "int"), ("event_id", "str"), ("slot", "str"),
                                  ("person", "str"), ("values", "str"), ("documents", "str"),
                                  ("explanation", "str")), _contradictions),
    StoryTable("contradiction_values", (("story_id", "str"), ("contradiction", "int"), ("ord", "int"),
                                        ("doc_id", "str"), ("value", "str"), ("attribution", "str"),
                                        ("evidence_start", "int"), ("evidence_end", "int")),
               _contradiction_values),
)
STORY_TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in STORY_TABLES)


def story_table(name: str) -> StoryTable:
    for t in STORY_TABLES:
        if t.name == name:
            return t
    raise ConfigError(f"there is no story table '{name}'; the story tables are {', '.join(STORY_TABLE_NAMES)}.")


def build_story_tables(stories: StoryAnalysis, lang: str = "en") -> dict[str, Rows]:
    """Every story table, name → rows."""
    numbered = list(enumerate(stories.stories))
    return {t.name: list(t.rows(numbered, lang)) for t in STORY_TABLES}


def write_story_tables(stories: StoryAnalysis, out_dir: str | Path, fmt: str,
                       names: Sequence[str] = STORY_TABLE_NAMES, lang: str = "en") -> list[Path]:
    """Write the story tables ``names`` as ``<out_dir>/<table>.<fmt>``; returns the files written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}.")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    numbered = list(enumerate(stories.stories))
    written: list[Path] = []
    for name in names:
        t = story_table(name)
        path = out / f"{t.name}.{fmt}"
        write_rows(list(t.rows(numbered, lang)), path, fmt, t.columns)
        written.append(path)
    return written
