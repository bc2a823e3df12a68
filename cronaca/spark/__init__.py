"""Corpora past one machine: cronaca's analysis and story build on Apache Spark.

:func:`~cronaca.spark.job.analyse_corpus` reads articles (Parquet, JSON Lines or CSV, one
article a row with its text in ``text``; any path or Hadoop-compatible URI), analyses them
with ``mapPartitions`` (the NLP pipeline loaded once per partition) and returns one
DataFrame per export table (:data:`cronaca.export.tables.TABLES`, the same columns as
``cronaca export``) and per story table (:data:`cronaca.export.stories.STORY_TABLES`).
:func:`~cronaca.spark.stories.build_stories` builds the stories cronaca builds
(:func:`cronaca.story.build`), cut into pieces by blocking (:mod:`cronaca.spark.steps`):
joins and ``groupBy`` on the blocking keys find the pieces, never all pairs, and cronaca's own
linking, grouping and story assembly run on each piece.

PySpark is an optional extra (``pip install -e '.[spark]'``) and needs Java; nothing else in
cronaca imports this package, so ``cronaca analyze`` never needs either.
"""

from __future__ import annotations

__all__ = ["analyse_corpus", "build_stories", "stories_local"]

from cronaca.spark.job import analyse_corpus
from cronaca.spark.steps import stories_local
from cronaca.spark.stories import build_stories
