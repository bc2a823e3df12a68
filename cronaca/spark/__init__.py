"""Corpora past one machine: cronaca's analysis and story linking on Apache Spark.

:func:`~cronaca.spark.job.analyse_corpus` reads articles (Parquet, JSON Lines or CSV, one
article a row with its text in ``text``; any path or Hadoop-compatible URI), analyses them
with ``mapPartitions`` (the NLP pipeline loaded once per partition) and returns one
DataFrame per export table (:data:`cronaca.export.tables.TABLES`, the same columns as
``cronaca export``).  :func:`~cronaca.spark.link.link_events` links events across articles
with blocking keys (type, participant, time bucket) through joins and ``groupBy``: only
events sharing a block are compared, never all pairs.

PySpark is an optional extra (``pip install -e '.[spark]'``) and needs Java; nothing else in
cronaca imports this package, so ``cronaca analyze`` never needs either.
"""

from __future__ import annotations

__all__ = ["analyse_corpus", "link_events", "link_local"]

from cronaca.spark.job import analyse_corpus
from cronaca.spark.link import link_events, link_local
