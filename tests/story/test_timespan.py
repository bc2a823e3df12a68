from __future__ import annotations

import pytest

from cronaca.story.timespan import compatible, day_span


@pytest.mark.parametrize(("a", "mod_a", "b", "mod_b", "ok"), [
    ("2026-02", "BEFORE", "2025-11-14", None, True),  # "entro febbraio 2026" holds 14 November
    ("2025-W46", None, "2025-11-14", None, True),
    ("2025-11-06T20:00", None, "2025-11-06TEV", None, True),
    ("2025-10-10T12:00", None, "2025-10-10", "AFTER", True),
    ("2025-10-10", None, "2025-10-12", None, False),
    ("2026-02", None, "2025-11-14", None, False),
    ("PAST_REF", None, "2025-11-14", None, True),  # unknown never conflicts
    ("2025-Q4", None, "2025-11-30", None, True),
    ("2025", None, "2024-12-31", None, False),
])
def test_timespan_compatibility(a, mod_a, b, mod_b, ok):
    assert compatible(day_span(a, mod_a), day_span(b, mod_b)) is ok


@pytest.mark.parametrize("value", ["", None, "2025-13", "2025-W60", "P3D", "XXXX-10-10"])
def test_timespan_unknown_values(value):
    assert day_span(value) is None
