"""Cross-article linking on hand-made analyses."""

from __future__ import annotations

from cronaca.story import build_stories


def meeting_doc(sb, doc_id: str, date: str, text: str, trigger: str, status: str, evidence: str,
                names: tuple[str, str] = ("Giulia Ferri", "Paul Marchand"), **kw: object):
    ents = [sb.ent("e1", names[0], "PER", "ITAGOV", text), sb.ent("e2", names[1], "PER", "FRAGOV", text)]
    ev = sb.event(text, "ev1", "CONSULT", trigger, ["e1", "e2"], [sb.claim(text, status, evidence, **kw)])  # type: ignore[arg-type]
    return sb.doc(doc_id, date, text, ents, [ev])


def events_by_docs(result):
    return [tuple(sorted({d for d, _ in e.mentions})) for s in result.stories for e in s.events]


def test_link_same_meeting_across_articles_with_spelling_variants(sb):
    t1 = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand è previsto per giovedì."
    t2 = "Parigi, 4 marzo 2026 – L'incontro tra la ministra Ferri e Paolo Marchand si è svolto ieri."
    d1 = meeting_doc(sb, "a", "2026-03-02", t1, "incontro", "planned", "è previsto per giovedì")
    d2 = meeting_doc(sb, "b", "2026-03-04", t2, "incontro", "occurred", "si è svolto ieri",
                     names=("Ferri", "Paolo Marchand"))
    result = build_stories([d2, d1], embedder=None)
    assert ("a", "b") in events_by_docs(result)
    ev = next(e for s in result.stories for e in s.events if len(e.mentions) == 2)
    assert [h.status for h in ev.status_history] == ["planned", "occurred"]
    assert [h.doc_id for h in ev.status_history] == ["a", "b"]
    assert "Giulia Ferri" in ev.participants  # the fuller name wins over "Ferri"
    assert {p.split(" ")[-1] for p in ev.participants} == {"Ferri", "Marchand"}


def test_link_three_articles_only_two_about_the_same_event(sb):
    t1 = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand è previsto per giovedì."
    t2 = "Parigi, 3 marzo 2026 – Ferri e Marchand confermano l'incontro di giovedì."
    t3 = "Berlino, 3 marzo 2026 – L'incontro tra Anna Vogel e Piet Jansen si è svolto ieri."
    d1 = meeting_doc(sb, "a", "2026-03-02", t1, "incontro", "planned", "è previsto per giovedì")
    d2 = meeting_doc(sb, "b", "2026-03-03", t2, "incontro", "planned", "confermano l'incontro")
    d3 = meeting_doc(sb, "c", "2026-03-03", t3, "incontro", "occurred", "si è svolto ieri",
                     names=("Anna Vogel", "Piet Jansen"))
    result = build_stories([d1, d2, d3], embedder=None)
    groups = events_by_docs(result)
    assert ("a", "b") in groups
    assert ("c",) in groups
    assert sorted(s.documents for s in result.stories) == [("a", "b"), ("c",)]


def test_link_distractor_years_apart_is_not_linked(sb):
    t1 = "Il Cairo, 9 ottobre 2025 – Il vertice tra Omar Haddad e Karim Saleh si è tenuto oggi."
    t2 = "Il Cairo, 20 novembre 2022 – Il vertice tra Omar Haddad e Karim Saleh si è tenuto oggi."
    d1 = meeting_doc(sb, "now", "2025-10-09", t1, "vertice", "occurred", "si è tenuto oggi",
                     names=("Omar Haddad", "Karim Saleh"))
    d2 = meeting_doc(sb, "old", "2022-11-20", t2, "vertice", "occurred", "si è tenuto oggi",
                     names=("Omar Haddad", "Karim Saleh"))
    result = build_stories([d1, d2], embedder=None)
    assert sorted(events_by_docs(result)) == [("now",), ("old",)]
    assert len(result.stories) == 2


def test_link_new_meeting_after_one_that_took_place_is_another_event(sb):
    t1 = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand si è svolto oggi."
    t2 = "Roma, 20 marzo 2026 – Un nuovo incontro tra Ferri e Marchand è previsto ad aprile."
    d1 = meeting_doc(sb, "a", "2026-03-02", t1, "incontro", "occurred", "si è svolto oggi")
    d2 = meeting_doc(sb, "b", "2026-03-20", t2, "incontro", "planned", "è previsto ad aprile")
    result = build_stories([d1, d2], embedder=None)
    assert sorted(events_by_docs(result)) == [("a",), ("b",)]
    assert len(result.stories) == 1  # same actors, close in time: one story, two events


def test_link_times_that_cannot_match_are_two_events(sb):
    t1 = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand si è svolto il primo marzo."
    t2 = "Roma, 20 marzo 2026 – L'incontro tra Ferri e Marchand si è svolto il 19 marzo."
    d1 = meeting_doc(sb, "a", "2026-03-02", t1, "incontro", "occurred", "si è svolto il primo marzo",
                     time=("2026-03-01", "il primo marzo"))
    d2 = meeting_doc(sb, "b", "2026-03-20", t2, "incontro", "occurred", "si è svolto il 19 marzo",
                     time=("2026-03-19", "19 marzo"))
    result = build_stories([d1, d2], embedder=None)
    assert sorted(events_by_docs(result)) == [("a",), ("b",)]


def test_link_different_modes_do_not_link(sb):
    t1 = "Roma, 2 marzo 2026 – La telefonata tra Giulia Ferri e Paul Marchand è avvenuta ieri."
    t2 = "Roma, 3 marzo 2026 – La visita di Ferri da Marchand è prevista a maggio."
    d1 = meeting_doc(sb, "a", "2026-03-02", t1, "telefonata", "occurred", "è avvenuta ieri")
    d2 = meeting_doc(sb, "b", "2026-03-03", t2, "visita", "planned", "è prevista a maggio")
    d1 = d1.__class__(**{**d1.__dict__, "events": (d1.events[0].__class__(**{**d1.events[0].__dict__, "mode": "phone"}),)})
    d2 = d2.__class__(**{**d2.__dict__, "events": (d2.events[0].__class__(**{**d2.events[0].__dict__, "mode": "visit"}),)})
    result = build_stories([d1, d2], embedder=None)
    assert sorted(events_by_docs(result)) == [("a",), ("b",)]


def _arrest_doc(sb, doc_id: str, text: str, person: str | None):
    ents = [sb.ent("e1", "carabinieri", "ORG", "ITACOP", text)]
    if person:
        ents.append(sb.ent("e2", person, "PER", None, text))
    ev = sb.event(text, "ev1", "COERCE", "arrestato", ["e1", "e2"] if person else ["e1"],
                  [sb.claim(text, "occurred", "arrestato")], mode="arrest")
    return sb.doc(doc_id, None, text, ents, [ev])


def test_link_the_police_do_not_keep_two_arrests_of_one_person_apart(sb):
    # the carabinieri name no one: the one arrested does, on both sides
    d1 = _arrest_doc(sb, "a", "ROLO. Devis Lucchesi è stato arrestato dai carabinieri.", "Devis Lucchesi")
    d2 = _arrest_doc(sb, "b", "REGGIO. Lucchesi, arrestato dai carabinieri, patteggia.", "Lucchesi")
    d3 = _arrest_doc(sb, "c", "CARPI. Un 30enne è stato arrestato dai carabinieri.", None)
    result = build_stories([d1, d2, d3], embedder=None)
    assert sorted(events_by_docs(result)) == [("a", "b"), ("c",)]
