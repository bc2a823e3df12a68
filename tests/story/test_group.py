"""Story clustering: documents join by linked events, by actors, and (optionally) by text similarity."""

from __future__ import annotations

import pytest

from cronaca.story import build_stories


def actor_doc(sb, doc_id, date, names):
    text = f"Articolo {doc_id}: " + ", ".join(names) + "."
    ents = [sb.ent(f"e{i}", n, "PER", None, text) for i, n in enumerate(names, start=1)]
    return sb.doc(doc_id, date, text, ents, [])


@pytest.mark.parametrize(("vectors", "stories"), [
    (None, 2),  # little actor overlap, no embedder: apart
    ({"a": [1.0, 0.0], "b": [0.99, 0.05]}, 1),  # similar texts: together
    ({"a": [1.0, 0.0], "b": [0.0, 1.0]}, 2),
])
def test_cluster_embedding_signal_is_optional(sb, vectors, stories):
    docs = [actor_doc(sb, "a", "2026-03-01", ["Anna Bassi", "Carlo Neri", "Ugo Riva"]),
            actor_doc(sb, "b", "2026-03-03", ["Anna Bassi", "Pia Sala", "Ivo Gatti"])]
    embedder = None if vectors is None else (lambda texts: [vectors["a"] if "Articolo a" in t else vectors["b"]
                                                            for t in texts])
    result = build_stories(docs, embedder=embedder)
    assert len(result.stories) == stories


def test_cluster_shared_actors_close_in_time_join_far_apart_do_not(sb):
    names = ["Anna Bassi", "Carlo Neri", "Ugo Riva"]
    docs = [actor_doc(sb, "a", "2026-03-01", names), actor_doc(sb, "b", "2026-03-05", names),
            actor_doc(sb, "c", "2023-03-05", names)]
    result = build_stories(docs, embedder=None)
    assert sorted(s.documents for s in result.stories) == [("a", "b"), ("c",)]


def test_group_close_pairs_are_the_pairs_within_the_gap():
    import random

    from cronaca.story.group import close_pairs

    rng = random.Random(7)
    ids = [f"d{i}" for i in range(60)]
    days = {d: (None if rng.random() < 0.15 else rng.randrange(0, 200)) for d in ids}
    brute = {(a, b) if a < b else (b, a) for i, a in enumerate(ids) for b in ids[i + 1:]
             if days[a] is None or days[b] is None or abs(days[a] - days[b]) <= 30}
    assert set(close_pairs(ids, days, 30)) == brute


def test_group_a_chain_of_single_shared_actors_is_no_story():
    """A and B share an official, B and C share another, A and C nothing: no one story of three
    (single link would chain them)."""
    from cronaca.story.group import StoryDoc, group_documents
    from cronaca.story.rules import load_rules

    docs = [StoryDoc("a", "2024-03-01", (("per:totaro", 1), ("per:rossi", 1))),
            StoryDoc("b", "2024-03-02", (("per:rossi", 1), ("per:bianchi", 1))),
            StoryDoc("c", "2024-03-03", (("per:bianchi", 1), ("per:verdi", 1)))]
    fillers = [StoryDoc(f"f{i}", "2024-03-02", ((f"per:x{i}", 1),)) for i in range(30)]
    groups = group_documents([*docs, *fillers], [], load_rules().clustering)
    assert ["a", "b", "c"] not in groups
    assert any({"a", "b"} <= set(g) or {"b", "c"} <= set(g) for g in groups)
