import random

import pytest

from cronaca.extract.spans import SpanIndex


@pytest.mark.parametrize("seed", range(20))
def test_spans_index_answers_as_a_scan_of_every_span(seed):
    rng = random.Random(seed)
    spans = [(s, s + rng.randint(0, 6)) for s in (rng.randint(0, 40) for _ in range(rng.randint(0, 12)))]
    index = SpanIndex(spans)
    for start in range(-2, 50):
        assert index.contains(start) == any(s <= start < e for s, e in spans)
        for end in range(start, start + 8):
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans), (spans, start, end)


def test_spans_index_of_nothing_holds_nothing():
    assert not SpanIndex([]).overlaps(0, 10) and not SpanIndex([]).contains(0)
