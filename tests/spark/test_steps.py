"""cronaca.spark.steps in one process (no Spark): the story build cut into pieces gives the stories
cronaca.story.build gives, on the seed and dev articles and on crowded hand-made corpora."""

from __future__ import annotations

import pytest

from cronaca.spark.steps import blocks, event_order, link_component, may_join_pairs, stories_local
from cronaca.story import build
from cronaca.story.mentions import article_mentions, build_mentions
from cronaca.story.rules import load_rules


def test_steps_stories_of_the_seed_and_dev_articles_are_cronacas(seed_dev_analyses):
    expected = build(seed_dev_analyses, embedder=None).stories
    assert stories_local(seed_dev_analyses, load_rules()) == expected
    assert any(len(s.documents) > 1 for s in expected.stories) and any(s.contradictions for s in expected.stories)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_steps_stories_of_a_crowded_corpus_are_cronacas(seed, crowded_corpus):
    docs = crowded_corpus(seed)
    sizes: dict[str, list[int]] = {"link": [], "group": []}
    got = stories_local(docs, load_rules(), on_component=lambda kind, n: sizes[kind].append(n))
    expected = build(docs, embedder=None).stories
    assert got == expected
    assert len(sizes["link"]) > 1 and len(sizes["group"]) > 1  # really in pieces
    assert any(len(e.mentions) > 1 for s in expected.stories for e in s.events)


def letters(texts):
    """A stand-in sentence embedder: letter counts (articles of one template look alike)."""
    return [[t.count(c) for c in "aeiourst0123456789"] for t in texts]


def test_steps_stories_with_an_embedder_are_cronacas(crowded_corpus):
    docs = crowded_corpus(6)
    expected = build(docs, embedder=letters).stories
    assert stories_local(docs, load_rules(), letters) == expected
    assert len(expected.stories) < len(build(docs, embedder=None).stories.stories)  # the embedder joined some


def test_steps_blocks_are_the_type_with_each_actor_key(crowded_corpus):
    (doc,) = crowded_corpus(5, n_docs=1)
    for m in article_mentions(doc):
        keys = {k for p in m.participants for k in p.keys}
        assert blocks(m) == sorted(f"{m.event.type}\x1f{k}" for k in keys)
        assert not any("carabinieri" in b for b in blocks(m))  # the police identify no event


def test_steps_linking_a_piece_numbers_story_events_as_the_whole(crowded_corpus):
    docs = crowded_corpus(4)
    rules = load_rules()
    whole = sorted(link_component(build_mentions(docs), rules), key=lambda t: t[0])
    piece = [m for d in docs for m in article_mentions(d) if m.event.type == "ARREST"]
    # types never link with one another: the ARREST events of the whole, in the same order
    assert [c.docs for _, c in sorted(link_component(piece, rules), key=lambda t: t[0])] == [
        c.docs for _, c in whole if c.type == "ARREST"]
    assert [event_order(c) for _, c in whole] == [k for k, _ in whole]


def test_steps_may_join_pairs_are_close_alike_and_not_through_common_keys():
    from cronaca.story import StoryDoc

    docs = [StoryDoc("a", "2025-01-01", (("per:rossi", 2), ("per:bianchi", 1))),
            StoryDoc("b", "2025-01-20", (("per:rossi", 1), ("per:bianchi", 1))),
            StoryDoc("c", "2025-06-01", (("per:rossi", 1), ("per:bianchi", 1))),  # too late
            StoryDoc("d", None, (("per:rossi", 1),)),  # undated: close to any
            *(StoryDoc(f"z{i}", "2025-01-02", (("gpe:ITA", 1),)) for i in range(30))]  # in too many articles
    assert may_join_pairs(docs, load_rules(), False) == [("a", "b"), ("a", "d"), ("b", "d"), ("c", "d")]
