"""The one fold: how cronaca compares names and words whatever their accents, case,
apostrophes and spacing ("Lavrov" = "lavrov", "Citta" = "Città", "l’accordo" = "l'accordo")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "strip_accents"]

_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """The text without combining accents ("Città" → "Citta"); case and spacing kept."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-free, case-folded, single-spaced text with straight apostrophes."""
    s = strip_accents(text).replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", s).strip().casefold()
