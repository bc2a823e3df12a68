"""Stories built one article at a time equal the stories built at once (seeds + dev)."""

from __future__ import annotations

import pytest

from cronaca.records import DocAnalysis
from cronaca.story.build import build, update
from cronaca.story.timespan import iso_ordinal


@pytest.fixture()
def corpus(seed_dev_analyses: list[DocAnalysis]) -> list[DocAnalysis]:
    return seed_dev_analyses


def _date_order(a: DocAnalysis) -> tuple[int, int, str]:
    day = iso_ordinal(a.article.date or (a.article.dateline.date if a.article.dateline else None))
    return (0 if day is not None else 1, day or 0, a.doc_id)


def _one_by_one(analyses: list[DocAnalysis]) -> tuple[list[DocAnalysis], int, int, int]:
    """Add the articles one at a time; returns the articles and the counts of incremental
    updates, of full rebuilds, and of story events an update linked to an earlier article."""
    done: list[DocAnalysis] = []
    built = build([], embedder=None)
    stories, index = built.stories, built.index
    updates = rebuilds = linked = 0
    for a in analyses:
        by_id = {x.doc_id: x for x in done}
        change = update(stories, index, a, lambda ids, by_id=by_id: [by_id[d] for d in ids],  # type: ignore[misc]
                        candidates=index.candidates, embedder=None)
        done.append(a)
        if change is None:
            rebuilds += 1
            full = build(done, embedder=None)
            stories, index = full.stories, full.index
            continue
        updates += 1
        linked += sum(1 for s in change.stories.stories for e in s.events
                      if e.id in change.touched_events and len({d for d, _ in e.mentions}) > 1)
        stories, index = change.stories, index.after(change)
        full = build(done, embedder=None)
        assert stories == full.stories, f"after adding {a.doc_id}"
        assert set(index.event_keys) == set(full.index.event_keys)
        assert index.docs == full.index.docs or set(index.docs) == set(full.index.docs)
    return done, updates, rebuilds, linked


def test_build_incremental_equals_full_in_date_order(corpus: list[DocAnalysis]) -> None:
    ordered = sorted(corpus, key=_date_order)
    _, updates, rebuilds, linked = _one_by_one(ordered)
    assert updates == len(ordered) and rebuilds == 0
    assert linked > 0  # some article joined a story event of an earlier one


def test_build_an_article_older_than_the_latest_needs_a_full_build(corpus: list[DocAnalysis]) -> None:
    ordered = sorted(corpus, key=_date_order)
    late = [*ordered[1:], ordered[0]]
    done, updates, rebuilds, _ = _one_by_one(late)
    assert rebuilds == 1 and updates == len(late) - 1
    assert build(done, embedder=None).stories == build(ordered, embedder=None).stories


def test_story_generic_actors_do_not_identify_an_event():
    from cronaca.records import Entity
    from cronaca.story.actors import participant

    police = Entity(id="e1", name="carabinieri", type="ORG", mentions=(), code="ITACOP", country="ITA")
    mobile = Entity(id="e2", name="Squadra Mobile", type="ORG", mentions=(), code="ITACOP", country="ITA")
    person = Entity(id="e3", name="un 40enne", type="MISC", mentions=(), code="ITACVL", country="ITA")
    hamas = Entity(id="e4", name="Hamas", type="ORG", mentions=(), code="PSENSA", kb_id="hamas")
    assert not participant(police).keys and not participant(mobile).keys and not participant(person).keys
    assert participant(hamas).keys == {"kb:hamas", "name:hamas"}
