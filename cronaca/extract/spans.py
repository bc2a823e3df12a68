"""Character spans asked about by bisection: does a span overlap, or a position fall inside, any of
a fixed set of spans.  A scan of every span for every question makes a long article's cost grow
with the square of its length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence


def reach(spans: Sequence[tuple[int, int]]) -> list[int]:
    """For spans sorted by start, the furthest end among the first k+1 of them, for each k:
    a position p is inside one of the spans starting at or before it iff ``reach[k] > p``."""
    out: list[int] = []
    furthest = -1
    for _, end in spans:
        furthest = max(furthest, end)
        out.append(furthest)
    return out


class SpanIndex:
    """A fixed set of ``(start, end)`` spans (end exclusive, in any order, overlapping or not)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = reach(ordered)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s < end and start < e``."""
        k = bisect_left(self._starts, end)  # the spans starting before ``end``
        return k > 0 and self._reach[k - 1] > start

    def contains(self, pos: int) -> bool:
        """Whether some span ``(s, e)`` has ``s <= pos < e``."""
        k = bisect_right(self._starts, pos)  # the spans starting at or before ``pos``
        return k > 0 and self._reach[k - 1] > pos
