"""Flat tables of the analyses, for spreadsheets, pandas and SQL engines.

One row per document, entity, mention, time, place, quote, event, claim and warning.  Each
table declares its columns once (name and type); rows are plain dicts with exactly those
keys, list values joined into one string ("; "), attribution chains written innermost
first, outermost last, joined with " < ".  Writers produce JSON Lines, CSV and Parquet
(through DuckDB, see :mod:`cronaca.store.files`); every table is written even when empty,
so its columns are always there.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cronaca.errors import ConfigError
from cronaca.records import DocAnalysis, Source

ColumnType = Literal["str", "int", "float", "bool"]
Rows = list[dict[str, Any]]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    rows: Callable[[Sequence[DocAnalysis]], Iterator[dict[str, Any]]]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


def _join(values: Sequence[str | None]) -> str:
    return "; ".join(v for v in values if v)


def _chain(sources: Sequence[Source], names: dict[str, str]) -> str:
    return " < ".join((names.get(s.entity, s.text) if s.entity else s.text) for s in sources)


def _documents(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        art, dl = a.article, a.article.dateline
        yield {"doc_id": a.doc_id, "content_hash": art.content_hash, "source": art.source, "title": art.title,
               "date": art.date, "url": art.url, "outlet": art.outlet, "language": art.language,
               "dateline_place": dl.place if dl else None, "dateline_date": dl.date if dl else None,
               "chars": len(art.text), "entities": len(a.entities), "times": len(a.times),
               "places": len(a.places), "quotes": len(a.quotes), "events": len(a.events),
               "claims": sum(len(e.claims) for e in a.events), "warnings": len(a.warnings),
               "stages": _join(a.stages), "errors": " | ".join(a.errors)}


def _entities(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for e in a.entities:
            yield {"doc_id": a.doc_id, "entity_id": e.id, "name": e.name, "type": e.type, "code": e.code,
                   "kb_id": e.kb_id, "country": e.country, "mentions": len(e.mentions),
                   "roles": _join([r.title for r in e.roles]),
                   "invalid_roles": _join([r.title for r in e.roles if r.valid is False])}


def _mentions(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for e in a.entities:
            for m in e.mentions:
                yield {"doc_id": a.doc_id, "entity_id": e.id, "name": e.name, "type": e.type,
                       "start": m.start, "end": m.end, "text": m.text}


def _times(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for t in a.times:
            yield {"doc_id": a.doc_id, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
                   "value": t.value, "mod": t.mod, "range_begin": t.range_begin, "range_end": t.range_end}


def _places(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        for p in a.places:
            yield {"doc_id": a.doc_id, "start": p.start, "end": p.end, "text": p.text, "name": p.name,
                   "country": p.country, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
                   "feature": p.feature}


def _quotes(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        names = {e.id: e.name for e in a.entities}
        for q in a.quotes:
            yield {"doc_id": a.doc_id, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                   "speaker_name": names.get(q.speaker or ""), "speaker_text": q.speaker_text, "cue": q.cue,
                   "kind": q.kind}


def _events(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        names = {e.id: e.name for e in a.entities}
        for ev in a.events:
            yield {"doc_id": a.doc_id, "event_id": ev.id, "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
                   "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
                   "trigger_text": ev.trigger.text, "actors": _join(ev.actors),
                   "actor_names": _join([names.get(x, x) for x in ev.actors]),
                   "recipients": _join(ev.recipients),
                   "recipient_names": _join([names.get(x, x) for x in ev.recipients]),
                   "claims": len(ev.claims), "statuses": _join([c.status for c in ev.claims])}


def _claims(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        names = {e.id: e.name for e in a.entities}
        for ev in a.events:
            for i, c in enumerate(ev.claims, start=1):
                start, end = c.evidence
                yield {"doc_id": a.doc_id, "event_id": ev.id, "claim": i, "event_type": ev.type,
                       "status": c.status, "time_value": c.time.value if c.time else None,
                       "time_text": c.time.text if c.time else None,
                       "place_name": c.place.name if c.place else None,
                       "place_country": c.place.country if c.place else None,
                       "attribution": _chain(c.attribution, names),
                       "attribution_entities": _join([s.entity for s in c.attribution]),
                       "hearsay": c.hearsay, "cue": c.cue, "evidence_start": start, "evidence_end": end,
                       "evidence": a.article.text[start:end]}


def _warnings(analyses: Sequence[DocAnalysis]) -> Iterator[dict[str, Any]]:
    for a in analyses:
        names = {e.id: e.name for e in a.entities}
        for w in a.warnings:
            yield {"doc_id": a.doc_id, "kind": w.kind, "entity": w.entity, "entity_name": names.get(w.entity),
                   "detail": w.detail}


TABLES: tuple[Table, ...] = (
    Table("documents", (("doc_id", "str"), ("content_hash", "str"), ("source", "str"), ("title", "str"),
                        ("date", "str"), ("url", "str"), ("outlet", "str"), ("language", "str"),
                        ("dateline_place", "str"), ("dateline_date", "str"), ("chars", "int"),
                        ("entities", "int"), ("times", "int"), ("places", "int"), ("quotes", "int"),
                        ("events", "int"), ("claims", "int"), ("warnings", "int"), ("stages", "str"),
                        ("errors", "str")), _documents),
    Table("entities", (("doc_id", "str"), ("entity_id", "str"), ("name", "str"), ("type", "str"),
                       ("code", "str"), ("kb_id", "str"), ("country", "str"), ("mentions", "int"),
                       ("roles", "str"), ("invalid_roles", "str")), _entities),
    Table("mentions", (("doc_id", "str"), ("entity_id", "str"), ("name", "str"), ("type", "str"),
                       ("start", "int"), ("end", "int"), ("text", "str")), _mentions),
    Table("times", (("doc_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("type", "str"),
                    ("value", "str"), ("mod", "str"), ("range_begin", "str"), ("range_end", "str")), _times),
    Table("places", (("doc_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("name", "str"),
                     ("country", "str"), ("lat", "float"), ("lon", "float"), ("geonames_id", "int"),
                     ("feature", "str")), _places),
    Table("quotes", (("doc_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("speaker", "str"),
                     ("speaker_name", "str"), ("speaker_text", "str"), ("cue", "str"), ("kind", "str")), _quotes),
    Table("events", (("doc_id", "str"), ("event_id", "str"), ("type", "str"), ("mode", "str"), ("cameo", "str"),
                     ("trigger_start", "int"), ("trigger_end", "int"), ("trigger_text", "str"),
                     ("actors", "str"), ("actor_names", "str"), ("recipients", "str"),
                     ("recipient_names", "str"), ("claims", "int"), ("statuses", "str")), _events),
    Table("claims", (("doc_id", "str"), ("event_id", "str"), ("claim", "int"), ("event_type", "str"),
                     ("status", "str"), ("time_value", "str"), ("time_text", "str"), ("place_name", "str"),
                     ("place_country", "str"), ("attribution", "str"), ("attribution_entities", "str"),
                     ("hearsay", "bool"), ("cue", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
                     ("evidence", "str")), _claims),
    Table("warnings", (("doc_id", "str"), ("kind", "str"), ("entity", "str"), ("entity_name", "str"),
                       ("detail", "str")), _warnings),
)
TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in TABLES)


def table(name: str) -> Table:
    for t in TABLES:
        if t.name == name:
            return t
    raise ConfigError(f"there is no table '{name}'; the tables are {', '.join(TABLE_NAMES)}.")


def build_tables(analyses: Sequence[DocAnalysis]) -> dict[str, Rows]:
    """Every flat table, name → rows."""
    return {t.name: list(t.rows(analyses)) for t in TABLES}


# ---------------------------------------------------------------- writers

def write_jsonl(rows: Rows, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(rows: Rows, path: Path, columns: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)


def write_parquet(rows: Rows, path: Path, columns: Sequence[tuple[str, ColumnType]]) -> None:
    from cronaca.store.files import write_parquet as _write

    _write(rows, path, columns)


def write_tables(analyses: Sequence[DocAnalysis], out_dir: str | Path, fmt: str,
                 names: Sequence[str] = TABLE_NAMES) -> list[Path]:
    """Write the tables ``names`` as ``<out_dir>/<table>.<fmt>``; returns the files written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}.")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in names:
        t = table(name)
        path = out / f"{t.name}.{fmt}"
        write_rows(list(t.rows(analyses)), path, fmt, t.columns)
        written.append(path)
    return written


def write_rows(rows: Rows, path: Path, fmt: str, columns: Sequence[tuple[str, ColumnType]]) -> None:
    """One table's rows as ``path`` in format ``fmt`` (jsonl, csv or parquet)."""
    if fmt == "jsonl":
        write_jsonl(rows, path)
    elif fmt == "csv":
        write_csv(rows, path, [c for c, _ in columns])
    else:
        write_parquet(rows, path, columns)
