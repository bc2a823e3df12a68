"""Ingest: files, folders and standard input to :class:`~cronaca.records.Article` records.

:func:`read_articles` walks the given paths (``-`` is standard input; folders are walked
recursively in sorted order, hidden files skipped, see :mod:`cronaca.ingest.walk`) and yields one Article per article
read, or an :class:`~cronaca.errors.InputError` for each input that cannot be read, so a
bad file never stops the batch.  Formats by extension: ``.txt``, ``.html``/``.htm``,
``.jsonl``, ``.json``, ``.csv``; standard input is sniffed (HTML, JSON, JSON Lines or
text).  :func:`article_from_text` and :func:`article_from_html` build an Article from a
string (used by the API).

Doc ids are the file name without extension (or the record's id).  Within one call they
are made unique: a second ``a`` becomes ``a~2``.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from cronaca.errors import InputError, too_big, unknown_format, unreadable
from cronaca.ingest.dates import settle_dates
from cronaca.ingest.html import article_from_html, decode_html, read_html
from cronaca.ingest.tabular import read_csv, read_json, read_jsonl
from cronaca.ingest.text import article_from_text, decode, read_txt
from cronaca.ingest.walk import check_path, walk
from cronaca.records import Article

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "article_from_bytes", "article_from_html", "article_from_text",
           "read_article", "read_articles", "settle_dates", "unique_id"]

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl", ".json", ".csv")
STDIN = "-"
STDIN_NAME = "<stdin>"
DEFAULT_MAX_BYTES = 20_000_000


def read_articles(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles from files, folders and ``-`` (stdin), with an InputError for each bad input."""
    seen: dict[str, int] = {}
    for path in paths:
        for item in _read_path(path, max_bytes=max_bytes):
            if isinstance(item, Article):
                item = _unique(item, seen)
            yield item


def read_article(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The first article of one file; raises the InputError when it cannot be read."""
    for item in _read_path(str(path), max_bytes=max_bytes):
        if isinstance(item, InputError):
            raise item
        return item
    raise InputError(str(path), "holds no article.")


def article_from_bytes(data: bytes, source: str, *, html: bool, max_bytes: int = DEFAULT_MAX_BYTES,
                       doc_id: str | None = None, title: str | None = None, date: str | None = None,
                       url: str | None = None, language: str | None = None) -> Article:
    """One article sent as bytes (the API's uploads and bodies), checked as files are: the
    same limits and the same messages; raises :class:`InputError` (``TooBigError`` for size)."""
    if html:
        return article_from_html(decode_html(data, source, max_bytes=max_bytes), doc_id=doc_id, title=title,
                                 date=date, url=url, source=source, language=language)
    return article_from_text(decode(data, source, max_bytes=max_bytes), doc_id=doc_id, title=title, date=date,
                             url=url, source=source, language=language)


def unique_id(base: str, seen: dict[str, int]) -> str:
    """``base``, or ``base~2``, ``base~3``… when the batch used it already (``seen``: the ids
    given so far, updated here)."""
    if base not in seen:
        seen[base] = 1
        return base
    n = seen[base]
    doc_id = base
    while doc_id in seen:
        n += 1
        doc_id = f"{base}~{n}"
    seen[base] = n
    seen[doc_id] = 1
    return doc_id


def _unique(article: Article, seen: dict[str, int]) -> Article:
    doc_id = unique_id(article.doc_id, seen)
    if doc_id == article.doc_id:
        return article
    log.info("doc id '%s' is used twice in this batch; '%s' (%s) is called '%s'",
             article.doc_id, article.doc_id, article.source, doc_id)
    return dataclasses.replace(article, doc_id=doc_id)


def _read_path(path: str, *, max_bytes: int) -> Iterator[Article | InputError]:
    if path == STDIN:
        yield from _read_stdin(max_bytes=max_bytes)
        return
    p = Path(path)
    problem = check_path(path)
    if problem is not None:
        yield problem
    elif p.is_dir():
        for item in walk(p, FORMATS):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _read_file(item, max_bytes=max_bytes)
    elif p.suffix.lower() not in FORMATS:
        yield unknown_format(path, p.suffix or "(none)", FORMATS)
    else:
        yield from _read_file(p, max_bytes=max_bytes)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from read_jsonl(fh, source, path.stem, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if suffix in (".txt", ".html", ".htm") and size > max_bytes:
            yield too_big(source, size, max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield unreadable(source, exc.strerror or type(exc).__name__)
        return
    yield from _read_bytes(data, source, path.stem, suffix, max_bytes=max_bytes)


def _read_bytes(data: bytes, source: str, stem: str, suffix: str, *,
                max_bytes: int) -> Iterator[Article | InputError]:
    try:
        if suffix == ".txt":
            yield read_txt(data, source, stem, max_bytes=max_bytes)
        elif suffix in (".html", ".htm"):
            yield read_html(data, source, stem, max_bytes=max_bytes)
        elif suffix == ".json":
            yield from read_json(data, source, stem, max_bytes=max_bytes)
        elif suffix == ".jsonl":
            yield from read_jsonl(io.BytesIO(data), source, stem, max_bytes=max_bytes)
        elif suffix == ".csv":
            yield from read_csv(data, source, stem, max_bytes=max_bytes)
        else:
            yield unknown_format(source, suffix, FORMATS)
    except InputError as err:
        yield err


def _read_stdin(*, max_bytes: int) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read()
    yield from _read_bytes(data, STDIN_NAME, "stdin", _sniff(data), max_bytes=max_bytes)


def _sniff(data: bytes) -> str:
    """The format of standard input, from its first characters."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<!--")):
        return ".html"
    if head.startswith(b"["):
        return ".json"
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0].rstrip()
        return ".jsonl" if first_line.endswith(b"}") else ".json"
    return ".txt"
