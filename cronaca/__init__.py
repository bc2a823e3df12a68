"""cronaca: keeps a developing news story straight.

Reads news articles (Italian first) and says who did, said or planned what, when, where,
according to whom, and what changed or conflicts between reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"


def load() -> Language:
    """cronaca's own trained Italian pipeline, set up as the analysis uses it (see
    :func:`cronaca.nlp.load`); spaCy is imported on the first call, not with the package."""
    from cronaca.nlp import load as _load

    return _load()
