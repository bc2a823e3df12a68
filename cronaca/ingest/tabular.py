"""Article records in JSON Lines, JSON and CSV files.

A record has a ``text`` plus, optionally, ``id`` (or ``doc_id``), ``title``, ``date``,
``url``, ``source`` (or ``outlet``: the newspaper or agency that published it) and
``language``.  Column and key names are matched case-insensitively.  Each bad record
(malformed JSON line, no text, too big, undecodable line) is one :class:`InputError`
naming ``file:line`` (``file[n]`` for the n-th item of a JSON array); the others are read.
Without an id a record is called ``<file stem>-<line>`` (``-<n>`` in a JSON array).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from cronaca.errors import (
    InputError,
    bad_csv,
    bad_json_line,
    binary_input,
    csv_without_text_column,
    empty_input,
    missing_text_field,
    not_a_record,
    not_utf8,
    too_big,
)
from cronaca.ingest.text import article_from_text
from cronaca.records import Article

# record key -> article_from_text keyword; the first key present wins
FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "doc_id"), ("doc_id", "doc_id"), ("title", "title"), ("date", "date"),
    ("url", "url"), ("source", "outlet"), ("outlet", "outlet"), ("language", "language"),
    ("lang", "language"),
)


def article_from_record(record: Mapping[str, Any], source: str, default_id: str, *,
                        max_bytes: int) -> Article:
    """The article in one record; raises :class:`InputError` when it has no usable text."""
    fields = {str(k).strip().lower(): v for k, v in record.items()}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise missing_text_field(source)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise too_big(source, size, max_bytes)
    kwargs: dict[str, str] = {}
    for key, kw in FIELDS:
        value = fields.get(key)
        if kw not in kwargs and value is not None and str(value).strip():
            kwargs[kw] = str(value).strip()
    kwargs.setdefault("doc_id", default_id)
    return article_from_text(text, source=source, **kwargs)


def read_jsonl(stream: BinaryIO, source: str, stem: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    """One article per line of a JSON Lines stream; blank lines are skipped."""
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        if b"\x00" in raw:
            yield binary_input(where)
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            yield not_utf8(where, exc.start)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield bad_json_line(source, number, f"{exc.msg} at column {exc.colno}")
            continue
        yield from _one(record, where, f"{stem}-{number}", max_bytes=max_bytes)
    if not seen_any:
        yield empty_input(source)


def _decoded(data: bytes, source: str) -> str | InputError:
    """The whole file as text, or why it cannot be read as a text record file."""
    if b"\x00" in data:
        return binary_input(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return not_utf8(source, exc.start)
    return text if text.strip() else empty_input(source)


def read_json(data: bytes, source: str, stem: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    """A JSON file holding one record or an array of records."""
    text = _decoded(data, source)
    if isinstance(text, InputError):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(source, f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).")
        return
    if isinstance(value, list):
        if not value:
            yield empty_input(source)
        for n, record in enumerate(value, start=1):
            yield from _one(record, f"{source}[{n}]", f"{stem}-{n}", max_bytes=max_bytes)
    else:
        yield from _one(value, source, stem, max_bytes=max_bytes)


def read_csv(data: bytes, source: str, stem: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    """A CSV file with a header row that includes a ``text`` column."""
    text = _decoded(data, source)
    if isinstance(text, InputError):
        yield text
        return
    # a field may legitimately hold a whole article; the size limit is checked per record
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "text" not in columns:
        yield csv_without_text_column(source, columns)
        return
    yield from _csv_rows(reader, source, stem, max_bytes=max_bytes)


def _csv_rows(reader: csv.DictReader[str], source: str, stem: str, *,
              max_bytes: int) -> Iterator[Article | InputError]:
    rows: Iterable[dict[str, Any]] = reader
    iterator = iter(rows)
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(iterator)
        except StopIteration:
            return
        except csv.Error as exc:
            yield bad_csv(source, first_line, str(exc))
            return
        if not any((v or "").strip() for k, v in row.items() if isinstance(v, str)):
            continue
        row = {k: v for k, v in row.items() if k is not None}
        yield from _one(row, f"{source}:{first_line}", f"{stem}-{first_line}", max_bytes=max_bytes)


def _one(record: Any, where: str, default_id: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    if not isinstance(record, dict):
        yield not_a_record(where, _json_kind(record))
        return
    try:
        yield article_from_record(record, where, default_id, max_bytes=max_bytes)
    except InputError as err:
        yield err


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"
