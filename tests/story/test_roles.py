"""Role contradictions: one person, incompatible roles in two articles of a story."""

from __future__ import annotations

import dataclasses

import pytest

from cronaca.export.wording import explanation
from cronaca.records import Role
from cronaca.story import build_stories

T_A = "Roma, 2 marzo 2026 – La ministra degli Esteri Giulia Ferri ha incontrato Paul Marchand a Torino."
T_B = "Roma, {day} marzo 2026 – La ministra della Difesa Giulia Ferri ha incontrato di nuovo Marchand."


def _docs(sb, key_b: str, valid: tuple[bool | None, bool | None] = (None, None), day_b: int = 5):
    out = []
    text_b = T_B.format(day=day_b)
    for doc_id, date, text, title, key, ok in (
        ("a", "2026-03-02", T_A, "ministra degli Esteri", "foreign_minister", valid[0]),
        ("b", f"2026-03-{day_b:02d}", text_b, "ministra della Difesa", key_b, valid[1]),
    ):
        s, e = sb.span(text, title)
        ferri = dataclasses.replace(sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text),
                                    roles=(Role(title, s, e, valid=ok, role_key=key),), kb_id="giulia_ferri")
        ents = [ferri, sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text)]
        ev = sb.event(text, "ev1", "CONSULT", "incontrato", ["e1", "e2"],
                      [sb.claim(text, "occurred", "ha incontrato")])
        out.append(sb.doc(doc_id, date, text, ents, [ev]))
    return out


@pytest.mark.parametrize(("key_b", "valid", "day_b", "conflict"), [
    ("defence_minister", (None, None), 5, True),
    ("defence_minister", (True, False), 5, True),  # the KB backs one of them only
    ("defence_minister", (True, True), 5, False),  # the KB confirms both for their dates
    ("minister", (None, None), 5, False),  # a general title and a specific one
    ("foreign_minister", (None, None), 5, False),  # the same role
    ("defence_minister", (None, None), 31, True),  # 29 days apart: still the same period
])
def test_roles_conflict_table(sb, key_b, valid, day_b, conflict):
    result = build_stories(_docs(sb, key_b, valid, day_b), embedder=None)
    found = [c for s in result.stories for c in s.contradictions if c.slot == "role"]
    assert bool(found) is conflict
    if conflict:
        (c,) = found
        assert [v.value for v in c.values] == ["ministra degli Esteri", "ministra della Difesa"]
        assert c.event == result.stories[0].events[0].id
        a_text = T_A
        assert a_text[c.values[0].evidence[0]:c.values[0].evidence[1]] == "ministra degli Esteri"


def test_roles_explanation_in_both_languages(sb):
    (c,) = [c for c in build_stories(_docs(sb, "defence_minister"), embedder=None).stories[0].contradictions
            if c.slot == "role"]
    assert explanation(c) == ("According to the 2 March report, Giulia Ferri is foreign minister; "
                             "according to the 5 March report, defence minister.")
    (c,) = [c for c in build_stories(_docs(sb, "defence_minister"), embedder=None)
            .stories[0].contradictions if c.slot == "role"]
    assert explanation(c, "it") == ("Secondo il resoconto del 2 marzo, Giulia Ferri è ministra degli Esteri; "
                             "secondo il resoconto del 5 marzo, è ministra della Difesa.")
