"""The application: add articles (ingest → analyse → store → update stories) and read stories,
events, actors and articles.  ``cronaca analyze``/``timeline``/``restory`` and the HTTP API
are thin shells over :class:`Cronaca`.

Stories are built once and kept in the store.  Adding an article links its events against
the stored story events (:func:`cronaca.story.update`) and writes only the stories it
touched; when it cannot (an article older than the latest stored, or stories stored by an
older cronaca) every story is built again, as ``cronaca restory`` does.

Concurrency.  The analysis of a new article runs outside the write lock (analyses take turns
on the shared pipeline); the store write and the story update run one at a time under the
write lock, and then publish a new :class:`Snapshot`.  Readers read the last published
snapshot and wait neither for an analysis nor for a write.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from cronaca.errors import InputError
from cronaca.records import Article, DocAnalysis, Story, StoryAnalysis
from cronaca.settings import Settings
from cronaca.store import Store
from cronaca.story import StoryIndex, build, date_order, update

if TYPE_CHECKING:
    from cronaca.pipeline import Analyzer

__all__ = ["Added", "Cronaca", "Snapshot", "stories_of"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Added:
    analysis: DocAnalysis  # as stored (its doc_id may differ from the one ingest gave)
    created: bool  # False: the same text was stored already


@dataclass(frozen=True)
class Snapshot:
    """The stored articles and stories at one moment, as readers see them."""

    stories: StoryAnalysis
    articles: tuple[Article, ...]
    index: StoryIndex
    _load: Callable[[Sequence[str] | None], list[DocAnalysis]] = field(repr=False, compare=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._cache["story"] = {s.id: s for s in self.stories.stories}
        self._cache["article"] = {a.doc_id: a for a in self.articles}

    def story(self, story_id: str) -> Story | None:
        found: Story | None = self._cache["story"].get(story_id)
        return found

    def article(self, doc_id: str) -> Article | None:
        found: Article | None = self._cache["article"].get(doc_id)
        return found

    @property
    def analyses(self) -> list[DocAnalysis]:
        """Every stored analysis (read from the store once per snapshot, on first use)."""
        if "analyses" not in self._cache:
            self._cache["analyses"] = self._load(None)
        found: list[DocAnalysis] = self._cache["analyses"]
        return found

    def analysis(self, doc_id: str) -> DocAnalysis | None:
        if self.article(doc_id) is None:
            return None
        if "analyses" in self._cache:
            return next((a for a in self.analyses if a.doc_id == doc_id), None)
        return next(iter(self._load([doc_id])), None)


def stories_of(analyses: Sequence[DocAnalysis]) -> StoryAnalysis:
    """Stories of articles that are not stored (``cronaca analyze`` without ``--store``)."""
    return build(analyses).stories


class Cronaca:
    """cronaca over one store."""

    def __init__(self, store: Store, settings: Settings | None = None, *, refresh: bool = True) -> None:
        """``refresh``: build and store the stories at once when the stored ones are out of
        date (else the first write, or :meth:`restory`, does)."""
        self.store = store
        self.settings = settings or Settings()
        self._write_lock = threading.RLock()  # store writes and story updates, one at a time
        self._db_lock = threading.RLock()  # the store's connection serves one thread at a time
        self._analyzer_lock = threading.Lock()
        self._analysis_lock = threading.Lock()  # the pipeline analyses one batch at a time
        self._analyzer: Analyzer | None = None
        self._snapshot = self._read_snapshot(build_stale=store.read_only)
        if refresh and not store.read_only and not self.stories_current():
            self.restory()

    @classmethod
    def open(cls, path: str | Path, settings: Settings | None = None, *, read_only: bool = False,
             refresh: bool = True) -> Cronaca:
        return cls(Store(path, read_only=read_only), settings, refresh=refresh)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------ reading

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def stories(self) -> tuple[Story, ...]:
        return self._snapshot.stories.stories

    def stories_current(self) -> bool:
        with self._db_lock:
            return self.store.stories_current()

    def _load(self, doc_ids: Iterable[str] | None) -> list[DocAnalysis]:
        with self._db_lock:
            return self.store.load_analyses(None if doc_ids is None else list(doc_ids))

    def _read_snapshot(self, *, build_stale: bool) -> Snapshot:
        with self._db_lock:
            articles = tuple(self.store.articles())
            if self.store.stories_current():
                return Snapshot(self.store.load_stories(), articles, self.store.load_story_index(), self._load)
        if build_stale and articles:  # a read-only store: build them for this process
            log.warning("the stories of '%s' are out of date; building them in memory "
                        "('cronaca restory' stores them)", self.store.path)
            built = build(self._load(None))
            return Snapshot(built.stories, articles, built.index, self._load)
        return Snapshot(StoryAnalysis(), articles, StoryIndex(), self._load)

    # ------------------------------------------------------------ writing

    def read(self, paths: Sequence[str]) -> Iterator[Article | InputError]:
        """Ingest: the articles at ``paths`` (files, folders, ``-``), an InputError for each bad input."""
        from cronaca.ingest import read_articles

        return read_articles(paths, max_bytes=self.settings.max_bytes)

    def analyzer(self) -> Analyzer:
        """The analysis pipeline, loaded on first use."""
        with self._analyzer_lock:
            if self._analyzer is None:
                from cronaca.pipeline import Analyzer

                self._analyzer = Analyzer(model=self.settings.model)
            return self._analyzer

    def analyse(self, articles: Sequence[Article], *, default_date: str | None = None,
                year: int | None = None, area: Sequence[str] | None = None) -> Iterator[DocAnalysis]:
        """Analyses of the articles (not stored), dated as :func:`cronaca.ingest.dates.settle_dates`
        says from the options, the batch and the stored articles, and set in the area their and
        the stored articles' datelines name (:func:`cronaca.extract.area.settle_area`)."""
        from cronaca.extract.area import settle_area
        from cronaca.ingest import settle_dates

        with self._db_lock:
            known = self.store.article_dates()
            filed_from = self.store.dateline_places()
        settled = settle_dates(list(articles), default_date=default_date, year=year, known_dates=known)
        settled = settle_area(settled, known_places=filed_from, area=area)
        return self._one_analysis_at_a_time(self.analyzer().analyze_many(settled))

    def _one_analysis_at_a_time(self, analyses: Iterator[DocAnalysis]) -> Iterator[DocAnalysis]:
        """The pipeline is shared: one analysis runs at a time (not under the write lock)."""
        while True:
            with self._analysis_lock:
                analysis = next(analyses, None)
            if analysis is None:
                return
            yield analysis

    def add(self, article: Article) -> Added:
        """Analyse, store and link one article; nothing is written when its text is stored already.
        Raises :class:`InputError` when the nlp stage fails on it (it is not stored)."""
        with self._db_lock:
            known = self.store.doc_id_for(article.content_hash)
        if known is not None:
            stored = self._snapshot.analysis(known)
            if stored is not None:
                return Added(stored, False)
        analysis = next(iter(self.analyse([article])))  # outside the write lock: readers and writers go on
        if analysis.nlp_failed:  # none of the facts: nothing is stored, the caller is told why
            raise InputError(article.doc_id, "not analysed, nothing stored: " + "; ".join(analysis.errors))
        added = self.store_analyses([analysis])
        return added[0]

    def add_many(self, articles: Sequence[Article], *, default_date: str | None = None, year: int | None = None,
                 area: Sequence[str] | None = None,
                 each: Callable[[DocAnalysis], None] | None = None) -> list[DocAnalysis]:
        """Analyse and store a batch, then bring the stories up to date; return the analyses stored.
        ``each`` sees every analysis, also of an article the nlp stage failed on, which is not
        stored (it has none of the facts; adding it again once the failure is mended analyses it)."""
        analyses = []
        for analysis in self.analyse(articles, default_date=default_date, year=year, area=area):
            if each is not None:
                each(analysis)
            if analysis.nlp_failed:
                log.info("article '%s' is not stored: %s", analysis.doc_id, "; ".join(analysis.errors))
            else:
                analyses.append(analysis)
        self.store_analyses(analyses)
        return analyses

    def store_analyses(self, analyses: Sequence[DocAnalysis]) -> list[Added]:
        """Store analyses and update the stories: one story update per new article, in date
        order, or one full build when an update cannot be exact."""
        with self._write_lock:
            current = self.stories_current()  # before these articles are stored
            out: list[Added] = []
            fresh: list[DocAnalysis] = []
            for analysis in analyses:
                with self._db_lock:
                    created = self.store.add(analysis)
                    doc_id = self.store.doc_id_for(analysis.article.content_hash) or analysis.doc_id
                    stored = analysis if doc_id == analysis.doc_id else self.store.load_analyses([doc_id])[0]
                out.append(Added(stored, created))
                if created:
                    fresh.append(stored)
            if fresh and not current:
                self.restory()
            elif fresh:
                self._update_stories(fresh)
            return out

    def _update_stories(self, fresh: Sequence[DocAnalysis]) -> None:
        snap = self._snapshot
        stories, index = snap.stories, snap.index
        ordered = sorted(fresh, key=date_order)  # all are stored before the first update reads them
        for analysis in ordered:
            change = update(stories, index, analysis, self._load,
                            candidates=self._candidates, texts=self._texts)
            if change is None:
                log.info("article '%s' is older than the latest stored: building every story again",
                         analysis.doc_id)
                self.restory()
                return
            with self._db_lock:
                self.store.update_stories(change)
            stories, index = change.stories, index.after(change)
        articles = snap.articles + tuple(a.article for a in ordered)
        self._snapshot = Snapshot(stories, articles, index, self._load)

    def _candidates(self, type_: str, keys: Iterable[str], day: int | None, max_gap: int) -> set[str]:
        with self._db_lock:
            return self.store.story_candidates(type_, list(keys), day, max_gap)

    def _texts(self, doc_ids: Sequence[str]) -> dict[str, str]:
        with self._db_lock:
            return {d: t[:2000] for d, t in self.store.article_texts(doc_ids).items()}

    def restory(self) -> StoryAnalysis:
        """Build every story again from the stored analyses and store them."""
        with self._write_lock:
            built = build(self._load(None))
            with self._db_lock:
                self.store.add_stories(built.stories, built.index)
                articles = tuple(self.store.articles())
            self._snapshot = Snapshot(built.stories, articles, built.index, self._load)
            return built.stories

