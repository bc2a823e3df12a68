"""From bytes to the article text every offset indexes into, and from text to an Article.

The text is decoded as UTF-8 (a byte-order mark is dropped), line ends are normalised as
Python's universal newlines do (``\\r\\n`` and ``\\r`` become ``\\n``, which is what reading
the file in text mode gives), and trailing blank lines and spaces are stripped.  Nothing
else is changed: offsets computed on the Article text point into the file as read.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime

from cronaca.errors import binary_input, empty_input, not_utf8, too_big
from cronaca.ingest.dateline import find_dateline, parse_dateline_date
from cronaca.ingest.language import detect_language
from cronaca.records import Article

log = logging.getLogger(__name__)

_SLASHED_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")


def decode(data: bytes, source: str, *, max_bytes: int) -> str:
    """Checked UTF-8 text of ``data``; raises :class:`InputError` for big, binary, undecodable
    or empty input."""
    if len(data) > max_bytes:
        raise too_big(source, len(data), max_bytes)
    if b"\x00" in data:
        raise binary_input(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(source, exc.start) from None
    text = normalize_text(text)
    if not text.strip():
        raise empty_input(source)
    return text


def normalize_text(text: str) -> str:
    """Universal newlines and no trailing blank lines; nothing else changes."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` of a metadata date (ISO timestamp, ``21/10/2025``, ``21 ottobre 2025``),
    None when it is missing or not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raw = str(value).strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10]).isoformat()
    except ValueError:
        pass
    m = _SLASHED_DATE.match(raw)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return None
    parsed = parse_dateline_date(raw)
    if isinstance(parsed, str):
        return parsed
    log.info("metadata date %r is not a date cronaca reads; ignored", raw)
    return None


def article_from_text(text: str, *, doc_id: str | None = None, title: str | None = None,
                      date: str | None = None, url: str | None = None, source: str | None = None,
                      language: str | None = None, outlet: str | None = None) -> Article:
    """An :class:`Article` from text already decoded (the API and every reader use this).

    ``source`` is where the text came from (a path, ``path:line``, a URL); ``outlet`` the
    newspaper or agency.  ``date`` may be any form :func:`normalize_date` reads; without it
    the dateline date is used.  Without ``language`` it is identified from the text.
    Without ``doc_id`` the first 12 hex digits of the content hash are used.
    Raises :class:`InputError` when the text is empty.
    """
    text = normalize_text(text)
    if not text.strip():
        raise empty_input(source or doc_id or "text")
    digest = content_hash(text)
    iso = normalize_date(date)
    dateline = find_dateline(text, year_hint=iso)
    lang = language.strip().lower() if language and language.strip() else detect_language(text)
    return Article(
        doc_id=doc_id or digest[:12],
        text=text,
        content_hash=digest,
        source=source,
        title=(title or "").strip() or None,
        date=iso or (dateline.date if dateline else None),
        date_source="metadata" if iso else "dateline" if dateline and dateline.date else None,
        url=(url or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        language=lang,
        dateline=dateline,
    )


def read_txt(data: bytes, source: str, doc_id: str, *, max_bytes: int) -> Article:
    """A plain-text article: the whole file is the text; no title."""
    return article_from_text(decode(data, source, max_bytes=max_bytes), doc_id=doc_id, source=source)

