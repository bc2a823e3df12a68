"""Hypothesis strategies shared by the property tests: news-like text with the characters that
trip scanners (quotes, dashes, spaces, datelines, digits), and bounded settings so CI stays fast."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PIECES = ("Roma", "ROMA", "(ANSA)", " - ", " – ", " — ", "-", "–", ",", ".", ":", " ", "  ", "\n", "\n\n", "\t",
          "«", "»", "“", "”", "„", '"', "'", "’", "21", "2025", "ottobre", "OTT", "lunedì", "ieri", "alle 18",
          "ha detto", "ha spiegato", "il ministro", "Mario Rossi", "dal 3 al 5 marzo", "fino al 30 giugno",
          "\u00a0", "\u200b", "é", "È", "x", "1", "0", "/", "24/12/2024", "anni '90", "XX secolo")

# a text of the pieces above and of arbitrary characters, up to a few hundred characters
news_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("".join)

# a run of one tricky character, long enough to expose a super-linear regular expression
RUN_CHARS = ('"', "«", "»", "“", "”", "-", "–", "—", " ", "\n", "'", ".", ",")

# no per-example deadline: the first example loads models (language identification, the
# gazetteer) and CI machines are shared; the long-run tests bound the time of each scanner
bounded = settings(max_examples=60, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
