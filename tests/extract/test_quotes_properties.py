"""Property tests of the quote scanner: any text, no crash, quotes nested in the text with their
marks at the offsets given; long runs of quotes, dashes and spaces stay fast."""

from __future__ import annotations

import time

import pytest
from hypothesis import given

from cronaca.extract.quotes import extract_quotes, find_quote_marks
from tests.strategies import RUN_CHARS, bounded, news_text

MARKS = set('«»“„”"')


@bounded
@given(text=news_text)
def test_quotes_properties_marks_are_quote_characters_in_order(text):
    spans = find_quote_marks(text)
    for opening, closing in spans:
        assert 0 <= opening < closing < len(text)
        assert text[opening] in MARKS and text[closing] in MARKS
    assert spans == sorted(spans)


@bounded
@given(text=news_text)
def test_quotes_properties_quotes_and_speakers_point_inside_the_text(parsed, text):
    if not text.strip():
        return
    for q in extract_quotes(parsed(text), []):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.kind in ("statement", "scare")


@pytest.mark.parametrize("char", RUN_CHARS)
def test_quotes_properties_long_runs_are_linear(parsed, char):
    text = "«Andiamo» – ha detto il ministro – " + char * 50_000 + " “fine”, ha spiegato."
    pdoc = parsed(text)
    t0 = time.perf_counter()
    find_quote_marks(text)
    extract_quotes(pdoc, [])
    assert time.perf_counter() - t0 < 5


def test_quotes_properties_long_run_of_joiners_between_quotes(parsed):
    text = "«Uno» " + " – , " * 20_000 + " «due», ha detto Rossi."
    pdoc = parsed(text)
    t0 = time.perf_counter()
    extract_quotes(pdoc, [])
    assert time.perf_counter() - t0 < 5
