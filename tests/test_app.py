"""The application layer: articles added one at a time give the stories a full build gives,
stories are stored and read back, and readers never wait for an analysis."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cronaca.app import Cronaca
from cronaca.records import DocAnalysis
from cronaca.settings import Settings
from cronaca.story import build, date_order


@pytest.fixture()
def corpus(seed_dev_analyses: list[DocAnalysis]) -> list[DocAnalysis]:
    return seed_dev_analyses


def test_app_adding_one_at_a_time_equals_restory_and_reads_back(corpus: list[DocAnalysis], tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Cronaca.open(path, Settings(model="blank")) as app:
        for analysis in sorted(corpus, key=date_order):
            (added,) = app.store_analyses([analysis])
            assert added.created
        incremental = app.snapshot.stories
        assert incremental == build(corpus, embedder="auto").stories
        assert len(incremental.stories) < len(corpus)  # some articles share a story
        assert app.restory() == incremental
    with Cronaca.open(path, Settings(model="blank"), read_only=True) as reread:
        assert reread.snapshot.stories == incremental  # read back, not rebuilt
        assert reread.store.stories_current()


def test_app_an_older_article_rebuilds_every_story(corpus: list[DocAnalysis], tmp_path: Path) -> None:
    ordered = sorted(corpus, key=date_order)
    with Cronaca.open(tmp_path / "s.duckdb", Settings(model="blank")) as app:
        app.store_analyses(ordered[1:])
        app.store_analyses(ordered[:1])  # the oldest comes last
        assert app.snapshot.stories == build(corpus, embedder="auto").stories
        assert app.stories_current()


class _SlowAnalyzer:
    """Stands in for the pipeline: holds each analysis until the test lets it go."""

    def __init__(self, results: dict[str, DocAnalysis]) -> None:
        self.results = results
        self.started = threading.Event()
        self.release = threading.Event()

    def analyze_many(self, articles: list) -> Iterator[DocAnalysis]:  # type: ignore[type-arg]
        for article in articles:
            if article.doc_id == "slow":
                self.started.set()
                assert self.release.wait(30)
            yield self.results[article.doc_id]


def test_app_readers_and_store_writes_do_not_wait_for_an_analysis(corpus: list[DocAnalysis],
                                                                  tmp_path: Path) -> None:
    import dataclasses

    first, second = sorted(corpus, key=date_order)[:2]
    slow = dataclasses.replace(second, article=dataclasses.replace(second.article, doc_id="slow"))
    with Cronaca.open(tmp_path / "s.duckdb", Settings(model="blank")) as app:
        stub = _SlowAnalyzer({"slow": slow})
        app._analyzer = stub  # type: ignore[assignment]
        writer = threading.Thread(target=app.add, args=(slow.article,))
        writer.start()
        assert stub.started.wait(30)
        # while "slow" is being analysed: an analysed article is stored and linked, readers read
        assert app.store_analyses([first])[0].created
        assert [a.doc_id for a in app.snapshot.articles] == [first.doc_id]
        assert first.doc_id in app.stories()[0].documents
        stub.release.set()
        writer.join(30)
        assert {a.doc_id for a in app.snapshot.articles} == {first.doc_id, "slow"}
        assert app.stories_current()
