"""Property tests of time finding and normalisation: any text, any reference date, no crash,
offsets inside the text, values in TIMEX3 shape; long runs of tricky characters stay fast."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cronaca.extract.times import find_times
from tests.strategies import RUN_CHARS, bounded, news_text

VALUE = re.compile(r"^[0-9X]{2,4}|^P|^T|^PRESENT_REF|^PAST_REF|^FUTURE_REF|^XXXX")


@bounded
@given(text=news_text, ref=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_times_properties_offsets_inside_and_values_shaped(text, ref):
    for found in find_times(text, ref, []):
        assert 0 <= found.start < found.end <= len(text)
        assert found.value.value and VALUE.match(found.value.value), found.value.value


@pytest.mark.parametrize("char", RUN_CHARS)
def test_times_properties_long_runs_are_linear(char):
    text = "Il 21 ottobre 2025 " + char * 100_000 + " dal 3 al 5 marzo"
    t0 = time.perf_counter()
    find_times(text, date(2025, 10, 21), [])
    assert time.perf_counter() - t0 < 5
