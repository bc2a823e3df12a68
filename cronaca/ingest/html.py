"""HTML pages: main text and metadata with trafilatura (offline; no hand-made regexes).

Title, publication date, outlet (``og:site_name``/publisher) and URL (``og:url`` or the
canonical link) come from the page's metadata.  The heading trafilatura puts on the first
line of the text is dropped when it repeats the title, so that a dateline, if any, opens
the text.  A page in another encoding than UTF-8 is read only when it declares its
charset; otherwise it is an input error like any undecodable text.
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from functools import lru_cache
from typing import cast

import trafilatura
from trafilatura.settings import Document, use_config

from cronaca.errors import binary_input, empty_input, no_main_text, not_utf8, too_big
from cronaca.ingest.text import article_from_text
from cronaca.records import Article

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Dates in the page metadata only (no guessing from the text); any year is allowed.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no SIGALRM: the API runs in threads
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return config


def decode_html(data: bytes, source: str, *, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise too_big(source, len(data), max_bytes)
    if b"\x00" in data:
        raise binary_input(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise not_utf8(source, exc.start) from None


def read_html(data: bytes, source: str, doc_id: str, *, max_bytes: int) -> Article:
    """The article in an HTML file."""
    return article_from_html(decode_html(data, source, max_bytes=max_bytes), doc_id=doc_id, source=source)


def article_from_html(page: str, *, doc_id: str | None = None, title: str | None = None,
                      date: str | None = None, url: str | None = None, source: str | None = None,
                      language: str | None = None, outlet: str | None = None) -> Article:
    """The article in an HTML page given as a string (the API uses this).

    Metadata passed in wins over the page's own; raises :class:`InputError` when the page
    is empty or has no main text.
    """
    where = source or doc_id or "HTML page"
    if not page.strip():
        raise empty_input(where)
    # without as_dict=True, bare_extraction returns a Document (typed as Document | dict)
    doc = cast(Document | None, trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS, config=_config()))
    text = (doc.text or "") if doc is not None else ""
    if doc is None or not text.strip():
        raise no_main_text(where)
    page_title = (doc.title or "").strip() or None
    if page_title:
        first, _, rest = text.partition("\n")
        if first.strip() == page_title and rest.strip():
            text = rest
    return article_from_text(text, doc_id=doc_id, title=title or page_title, date=date or doc.date,
                             url=url or doc.url, source=source, language=language,
                             outlet=outlet or doc.sitename)
