"""The story across articles: event linking, status history, contradictions, stories.

``build(analyses)`` links the events of many articles into story events, orders what each
article claims about them, finds where sources disagree and groups the articles into
stories; ``update`` adds one article to stories built before.  The records are structure
only (no titles, no sentences): :mod:`cronaca.export.wording` words them for a reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from cronaca.records import DocAnalysis, StoryAnalysis
from cronaca.story.build import StoryBuild, StoryIndex, StoryUpdate, build, date_order, update
from cronaca.story.group import Embedder, StoryDoc
from cronaca.story.mentions import article_date, source_ref
from cronaca.story.roles import RoleMention
from cronaca.story.rules import StoryRules
from cronaca.story.timespan import iso_ordinal

__all__ = [
    "RoleMention",
    "StoryBuild",
    "StoryDoc",
    "StoryIndex",
    "StoryUpdate",
    "article_date",
    "build",
    "build_stories",
    "date_order",
    "iso_ordinal",
    "source_ref",
    "update",
]


def build_stories(analyses: Sequence[DocAnalysis], *, rules: StoryRules | None = None,
                  embedder: Embedder | Literal["auto"] | None = "auto") -> StoryAnalysis:
    """Stories found across the articles."""
    return build(analyses, rules=rules, embedder=embedder).stories
