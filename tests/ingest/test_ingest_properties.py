"""Property tests of ingest and dateline parsing: any bytes or text give an Article or one
InputError, never a crash; every offset is inside the text; long runs stay fast."""

from __future__ import annotations

import io
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cronaca.errors import InputError
from cronaca.ingest import article_from_text
from cronaca.ingest.dateline import find_dateline, parse_dateline_date
from cronaca.ingest.html import read_html
from cronaca.ingest.tabular import read_csv, read_json, read_jsonl
from cronaca.ingest.text import read_txt
from cronaca.records import Article
from tests.strategies import RUN_CHARS, bounded, news_text

MAX = 100_000


def _check_article(item: object) -> None:
    assert isinstance(item, (Article, InputError)), item
    if isinstance(item, Article):
        assert item.text.strip()
        if item.dateline is not None:
            assert 0 <= item.dateline.start <= item.dateline.end <= len(item.text)


@bounded
@given(data=st.one_of(st.binary(max_size=300), news_text.map(lambda t: t.encode("utf-8"))))
def test_ingest_properties_any_bytes_give_an_article_or_one_error(data):
    for reader in (read_txt, read_html):
        try:
            _check_article(reader(data, "f", "f", max_bytes=MAX))
        except InputError:
            pass
    for items in (read_jsonl(io.BytesIO(data), "f", "f", max_bytes=MAX), read_json(data, "f", "f", max_bytes=MAX),
                  read_csv(data, "f", "f", max_bytes=MAX)):
        for item in items:
            _check_article(item)


@bounded
@given(text=news_text, hint=st.one_of(st.none(), st.sampled_from(["2025-10-21", "1999-02-28"])))
def test_ingest_properties_dateline_offsets_are_inside_the_text(text, hint):
    dl = find_dateline(text, year_hint=hint)
    if dl is not None:
        assert 0 <= dl.start <= dl.end <= len(text)
        assert dl.date is None or len(dl.date) == 10


@bounded
@given(raw=news_text)
def test_ingest_properties_dateline_date_is_iso_none_or_false(raw):
    got = parse_dateline_date(raw, year_hint="2025-01-01")
    assert got is None or got is False or (isinstance(got, str) and len(got) == 10)


@bounded
@given(text=news_text)
def test_ingest_properties_article_from_text_keeps_the_text(text):
    try:
        a = article_from_text(text, language="it")
    except InputError:
        assert not text.strip()
        return
    _check_article(a)
    assert a.text == text.replace("\r\n", "\n").replace("\r", "\n").rstrip()


@pytest.mark.parametrize("char", RUN_CHARS)
def test_ingest_properties_long_runs_are_linear(char):
    text = "Roma, 21 ottobre 2025 " + char * 200_000 + " fine"
    t0 = time.perf_counter()
    find_dateline(text)
    parse_dateline_date(text[:5000])
    article_from_text(text, language="it")
    assert time.perf_counter() - t0 < 5
