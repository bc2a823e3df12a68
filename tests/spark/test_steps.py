"""cronaca.spark.steps in one process (no Spark): the story build cut into pieces gives the stories
cronaca.story.build gives, on the seed and dev articles and on crowded hand-made corpora."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

import pytest

from cronaca.records import Article, Claim, ClaimTime, Dateline, DocAnalysis, Entity, Event, Span
from cronaca.spark.steps import blocks, event_order, key_pairs, link_component, stories_local
from cronaca.story import build
from cronaca.story.mentions import article_mentions, build_mentions
from cronaca.story.rules import load_rules

TYPES = ("CONSULT", "ACCUSE", "ARREST")
STATUSES = ("occurred", "planned", "denied", "postponed")


def crowded(seed: int, n_docs: int = 90) -> list[DocAnalysis]:
    """Articles of three events among a few people over 14 months (some undated), one person in
    nearly every article (more than the grouping's key cap), police as a participant (no key),
    and two events on one trigger (the numbering's tie)."""
    rng = random.Random(seed)
    people = [f"Nome{i} Cognome{i}" for i in range(60)]
    start = date(2024, 1, 1)
    docs = []
    for d in range(n_docs):
        day = start + timedelta(days=rng.randrange(420))
        iso = None if rng.random() < 0.08 else day.isoformat()
        text = f"Articolo {d}. Evento zero qui. Evento uno qui. Evento due qui, il {day.isoformat()}."
        entities = [Entity(id="e0", name="Nome0 Cognome0", type="PER", mentions=()),
                    Entity(id="e1", name="carabinieri", type="ORG", mentions=(), code="ITACOP")]
        events = []
        for j, word in enumerate(("zero", "uno", "due")):
            names = rng.sample(people[1:], rng.choice((1, 1, 2)))
            refs = []
            for name in names:
                shown = name if rng.random() < 0.6 else name.split(" ")[-1]
                entities.append(Entity(id=f"e{len(entities)}", name=shown, type="PER", mentions=()))
                refs.append(entities[-1].id)
            if rng.random() < 0.5:
                refs.append("e0")
            if rng.random() < 0.3:
                refs.append("e1")
            pos = text.index(f"Evento {word}")
            when = text.index(day.isoformat())
            time = ClaimTime(day.isoformat(), day.isoformat(), when, when + 10) if rng.random() < 0.5 else None
            claim = Claim(status=rng.choice(STATUSES), evidence=(pos, pos + 12), time=time)  # type: ignore[arg-type]
            trigger = Span(pos, pos + 6, "Evento")
            events.append(Event(id=f"v{j + 1}", type=rng.choice(TYPES), trigger=trigger, actors=tuple(refs[:1]),
                                recipients=tuple(refs[1:]), claims=(claim,)))
            if j == 2 and rng.random() < 0.3:  # a second event on the same trigger
                events.append(Event(id="v4", type=TYPES[0], trigger=trigger, actors=tuple(refs[:1]),
                                    recipients=tuple(refs[1:]), claims=(claim,)))
        art = Article(doc_id=f"d{d:03d}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                      date=iso, language="it", dateline=Dateline(None, iso))
        docs.append(DocAnalysis(article=art, entities=tuple(entities), events=tuple(events)))
    return docs


def test_steps_stories_of_the_seed_and_dev_articles_are_cronacas(seed_dev_analyses):
    expected = build(seed_dev_analyses, embedder=None).stories
    assert stories_local(seed_dev_analyses, load_rules()) == expected
    assert any(len(s.documents) > 1 for s in expected.stories) and any(s.contradictions for s in expected.stories)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_steps_stories_of_a_crowded_corpus_are_cronacas(seed):
    docs = crowded(seed)
    sizes: dict[str, list[int]] = {"link": [], "group": []}
    got = stories_local(docs, load_rules(), on_component=lambda kind, n: sizes[kind].append(n))
    expected = build(docs, embedder=None).stories
    assert got == expected
    assert len(sizes["link"]) > 1 and len(sizes["group"]) > 1  # really in pieces
    assert any(len(e.mentions) > 1 for s in expected.stories for e in s.events)


def letters(texts):
    """A stand-in sentence embedder: letter counts (articles of one template look alike)."""
    return [[t.count(c) for c in "aeiourst0123456789"] for t in texts]


def test_steps_stories_with_an_embedder_are_cronacas():
    docs = crowded(6)
    expected = build(docs, embedder=letters).stories
    assert stories_local(docs, load_rules(), letters) == expected
    assert len(expected.stories) < len(build(docs, embedder=None).stories.stories)  # the embedder joined some


def test_steps_blocks_are_the_type_with_each_actor_key():
    (doc,) = crowded(5, n_docs=1)
    for m in article_mentions(doc):
        keys = {k for p in m.participants for k in p.keys}
        assert blocks(m) == sorted(f"{m.event.type}\x1f{k}" for k in keys)
        assert not any("carabinieri" in b for b in blocks(m))  # the police identify no event


def test_steps_linking_a_piece_numbers_story_events_as_the_whole():
    docs = crowded(4)
    rules = load_rules()
    whole = sorted(link_component(build_mentions(docs), rules), key=lambda t: t[0])
    piece = [m for d in docs for m in article_mentions(d) if m.event.type == "ARREST"]
    # types never link with one another: the ARREST events of the whole, in the same order
    assert [c.docs for _, c in sorted(link_component(piece, rules), key=lambda t: t[0])] == [
        c.docs for _, c in whole if c.type == "ARREST"]
    assert [event_order(c) for _, c in whole] == [k for k, _ in whole]


def test_steps_key_pairs_are_the_articles_close_in_time():
    posted = [("a", 100), ("b", 140), ("c", 200), ("d", None), ("a", 100)]
    assert sorted(key_pairs(posted, 45)) == [("a", "b"), ("a", "d"), ("b", "d"), ("c", "d")]
