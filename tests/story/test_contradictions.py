"""Contradictions versus updates, on hand-made analyses."""

from __future__ import annotations

import pytest

from cronaca.export.analysis import story_to_json
from cronaca.export.wording import explanation
from cronaca.story import build_stories

T_A = ("Roma, 2 marzo 2026 – Il vertice tra Giulia Ferri e Paul Marchand, previsto a Torino, "
       "dovrebbe tenersi entro aprile 2026, ha detto Ferri.")
T_B = ("Parigi, 10 marzo 2026 – Il vertice tra Ferri e Marchand, previsto per il 14 marzo a Lione, "
       "è stato annullato.")


def summit_docs(sb):
    e_a = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", T_A), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", T_A)]
    ev_a = sb.event(T_A, "ev1", "CONSULT", "vertice", ["e1", "e2"], [
        sb.claim(T_A, "planned", "previsto a Torino", place=("Turin", "IT", "Torino")),
        sb.claim(T_A, "possible", "dovrebbe tenersi entro aprile 2026", time=("2026-04", "aprile 2026"),
                 sources=[("e1", "Ferri")]),
    ])
    e_b = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", T_B), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", T_B)]
    ev_b = sb.event(T_B, "ev1", "CONSULT", "vertice", ["e1", "e2"], [
        sb.claim(T_B, "cancelled", "è stato annullato", time=("2026-03-14", "14 marzo"),
                 place=("Lyon", "FR", "Lione")),
    ])
    places_a = sb.places_for(T_A, [("Torino", "Turin", "IT", "city")])
    places_b = sb.places_for(T_B, [("Lione", "Lyon", "FR", "city")])
    return (sb.doc("a", "2026-03-02", T_A, e_a, [ev_a], places_a),
            sb.doc("b", "2026-03-10", T_B, e_b, [ev_b], places_b))


def test_contradictions_update_is_not_a_contradiction_but_place_is(sb):
    result = build_stories(summit_docs(sb), embedder=None)
    (story,) = result.stories
    ev = next(e for e in story.events if len(e.mentions) == 2)
    assert [h.status for h in ev.status_history] == ["planned", "possible", "cancelled"]
    slots = {c.slot for c in story.contradictions}
    assert "status" not in slots  # planned, then cancelled ten days later: an update
    assert "time" not in slots  # "entro aprile 2026" contains 14 March
    (place,) = [c for c in story.contradictions if c.slot == "place"]
    assert [v.value for v in place.values] == ["Torino", "Lione"]
    assert explanation(place) == ("According to the 2 March report, the Ferri–Marchand meeting is held in Turin; "
                                 "according to the 10 March report, in Lyon.")


def test_contradictions_explanation_in_italian(sb):
    result = build_stories(summit_docs(sb), embedder=None)
    (place,) = [c for c in result.stories[0].contradictions if c.slot == "place"]
    assert "Torino" in explanation(place, "it") and "Lione" in explanation(place, "it")
    assert explanation(place, "it") == ("Secondo il resoconto del 2 marzo, l'incontro tra Ferri e Marchand si tiene "
                                 "a Torino; secondo il resoconto del 10 marzo, a Lione.")


def test_contradictions_two_sources_disagree_on_a_date(sb):
    text = ("Roma, 5 marzo 2026 – Secondo il ministero l'accordo tra Ferri e Marchand è stato firmato il 3 marzo; "
            "l'agenzia Ansa scrive che è stato firmato il 6 marzo.")
    ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text),
            sb.ent("e3", "Ansa", "ORG", "ITAMED", text)]
    ev = sb.event(text, "ev1", "AGREE", "accordo", ["e1", "e2"], [
        sb.claim(text, "occurred", "è stato firmato il 3 marzo", time=("2026-03-03", "3 marzo"),
                 sources=[(None, "il ministero")]),
        sb.claim(text, "occurred", "scrive che è stato firmato il 6 marzo", time=("2026-03-06", "6 marzo"),
                 sources=[("e3", "l'agenzia Ansa")]),
    ])
    result = build_stories([sb.doc("d", "2026-03-05", text, ents, [ev])], embedder=None)
    (c,) = result.stories[0].contradictions
    assert c.slot == "time"
    assert [v.value for v in c.values] == ["2026-03-03", "2026-03-06"]
    assert "il ministero" in explanation(c) and "Ansa" in explanation(c)


DENIAL = ("Roma, 21 marzo 2026 – La visita di Ferri a Parigi è sospesa, secondo fonti del governo citate "
          "dalla Rai. Il portavoce francese Luc Morel smentisce: nessuna visita era stata fissata.")


@pytest.mark.parametrize(("status_a", "status_b", "same_source", "conflict"), [
    ("suspended", "denied", False, True),
    ("occurred", "denied", False, True),
    ("planned", "possible", False, False),
    ("suspended", "denied", True, False),  # one voice: no disagreement between sources
])
def test_contradictions_status_table(sb, status_a, status_b, same_source, conflict):
    ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", DENIAL), sb.ent("e2", "Francia", "GPE", "FRA", ""),
            sb.ent("e3", "Rai", "ORG", "ITAMED", DENIAL), sb.ent("e4", "Luc Morel", "PER", "FRAGOV", DENIAL)]
    src_a = [(None, "fonti del governo"), ("e3", "Rai")]
    src_b = src_a if same_source else [("e4", "Luc Morel")]
    ev = sb.event(DENIAL, "ev1", "CONSULT", "visita", ["e1", "e2"], [
        sb.claim(DENIAL, status_a, "è sospesa", sources=src_a),
        sb.claim(DENIAL, status_b, "nessuna visita era stata fissata", sources=src_b),
    ], mode="visit")
    result = build_stories([sb.doc("d", "2026-03-21", DENIAL, ents, [ev])], embedder=None)
    found = [c for c in result.stories[0].contradictions if c.slot == "status"]
    assert bool(found) is conflict
    if conflict:
        assert {v.value for v in found[0].values} == {status_a, status_b}
        assert "Luc Morel" in explanation(found[0]) and "Rai" in explanation(found[0])


def test_contradictions_denial_json_shape(sb):
    ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", DENIAL), sb.ent("e2", "Francia", "GPE", "FRA", ""),
            sb.ent("e3", "Rai", "ORG", "ITAMED", DENIAL), sb.ent("e4", "Luc Morel", "PER", "FRAGOV", DENIAL)]
    ev = sb.event(DENIAL, "ev1", "CONSULT", "visita", ["e1", "e2"], [
        sb.claim(DENIAL, "suspended", "è sospesa", sources=[(None, "fonti del governo"), ("e3", "Rai")]),
        sb.claim(DENIAL, "denied", "nessuna visita era stata fissata", sources=[("e4", "Luc Morel")]),
    ])
    out = story_to_json(build_stories([sb.doc("d", "2026-03-21", DENIAL, ents, [ev])], embedder=None))
    assert set(out) == {"events", "contradictions", "stories"}
    (e,) = out["events"]
    assert e["participants"] == ["Giulia Ferri", "Francia"]
    assert e["mentions"] == [{"doc_id": "d", "event_id": "ev1"}]
    assert [h["status"] for h in e["status_history"]] == ["suspended", "denied"]
    (c,) = out["contradictions"]
    assert c["event"] == e["id"] and c["slot"] == "status"
    assert c["values"][0]["attribution"] == [{"entity": None, "name": "fonti del governo", "text": "fonti del governo"},
                                             {"entity": "e3", "name": "Rai", "text": "Rai"}]
    assert set(c["values"][0]["evidence"]) == {"start", "end"}
    assert out["stories"][0]["events"] == [e["id"]]


def test_contradictions_postponed_then_held_elsewhere_is_an_update(sb):
    texts = {
        "a": ("2026-03-02", "Roma, 2 marzo 2026 – L'incontro tra Ferri e Marchand è previsto a Torino.",
              "planned", "è previsto a Torino", ("Turin", "IT", "Torino")),
        "b": ("2026-03-04", "Roma, 4 marzo 2026 – L'incontro tra Ferri e Marchand è stato rinviato.",
              "postponed", "è stato rinviato", None),
        "c": ("2026-03-12", "Roma, 12 marzo 2026 – L'incontro tra Ferri e Marchand si è svolto a Lione.",
              "occurred", "si è svolto a Lione", ("Lyon", "FR", "Lione")),
    }
    docs = []
    for doc_id, (date, text, status, evidence, place) in texts.items():
        ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text)]
        ev = sb.event(text, "ev1", "CONSULT", "incontro", ["e1", "e2"], [sb.claim(text, status, evidence, place=place)])
        docs.append(sb.doc(doc_id, date, text, ents, [ev]))
    result = build_stories(docs, embedder=None)
    (story,) = result.stories
    assert any(len(e.mentions) == 3 for e in story.events)
    assert story.contradictions == ()


def _meeting_docs(sb, rows):
    """rows: (doc_id, date, text, [(status, evidence, time, place)]), Ferri and Marchand in each."""
    docs = []
    for doc_id, date, text, claims in rows:
        ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text)]
        ev = sb.event(text, "ev1", "CONSULT", "incontro", ["e1", "e2"],
                      [sb.claim(text, st, evidence, time=time, place=place) for st, evidence, time, place in claims])
        docs.append(sb.doc(doc_id, date, text, ents, [ev]))
    return docs


PLAN = ("a", "2026-03-02", "Roma, 2 marzo 2026 – L'incontro tra Ferri e Marchand è previsto il 5 marzo a Torino.",
        [("planned", "è previsto il 5 marzo a Torino", ("2026-03-05", "5 marzo"), ("Turin", "IT", "Torino"))])


@pytest.mark.parametrize(("rows", "place_conflict"), [
    # held a week after the planned day, elsewhere, with no postponement reported: rescheduled
    ([("a", "2026-03-02", ("Roma, 2 marzo 2026 – L'incontro tra Ferri e Marchand è previsto il 5 marzo a Torino, "
       "ma potrebbe slittare."),
       [("planned", "è previsto il 5 marzo a Torino", ("2026-03-05", "5 marzo"), ("Turin", "IT", "Torino")),
        ("possible", "potrebbe slittare", None, None)]), ("c", "2026-03-13", "Parigi, 13 marzo 2026 – L'incontro tra Ferri e Marchand si è svolto ieri a Lione.",
             [("occurred", "si è svolto ieri a Lione", ("2026-03-12", "ieri"), ("Lyon", "FR", "Lione"))])], False),
    # held on the planned day, elsewhere: the two reports disagree
    ([PLAN, ("c", "2026-03-06", "Parigi, 6 marzo 2026 – L'incontro tra Ferri e Marchand si è svolto ieri a Lione.",
             [("occurred", "si è svolto ieri a Lione", ("2026-03-05", "ieri"), ("Lyon", "FR", "Lione"))])], True),
    # the first report itself says the plan was postponed: what follows is an update
    ([("a", "2026-03-02", "Roma, 2 marzo 2026 – L'incontro tra Ferri e Marchand, previsto a Torino, è stato rinviato.",
       [("planned", "previsto a Torino", None, ("Turin", "IT", "Torino")),
        ("postponed", "è stato rinviato", None, None)]),
      ("c", "2026-03-06", "Parigi, 6 marzo 2026 – L'incontro tra Ferri e Marchand si è svolto a Lione.",
       [("occurred", "si è svolto a Lione", None, ("Lyon", "FR", "Lione"))])], False),
])
def test_contradictions_rescheduled_or_postponed_place_is_an_update(sb, rows, place_conflict):
    result = build_stories(_meeting_docs(sb, rows), embedder=None)
    (story,) = result.stories
    assert any(len({d for d, _ in e.mentions}) == 2 for e in story.events)
    assert any(c.slot == "place" for c in story.contradictions) is place_conflict


PART_A = "Roma, 4 marzo 2026 – Ieri a Lione Giulia Ferri ha incontrato Paul Marchand, ha detto la Farnesina."
PART_B = "Parigi, 4 marzo 2026 – Ieri a Lione Giulia Ferri ha incontrato Anne Keller, secondo Le Monde."


def _participant_docs(sb, day_b: str = "2026-03-03", both_in_b: bool = False):
    out = []
    for doc_id, text, other, day, src in (("a", PART_A, ("e2", "Paul Marchand"), "2026-03-03", ("e4", "la Farnesina")),
                                          ("b", PART_B, ("e2", "Anne Keller"), day_b, ("e4", "Le Monde"))):
        ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent(other[0], other[1], "PER", "FRAGOV", text),
                sb.ent("e3", "Francia", "GPE", "FRA", ""), sb.ent("e4", src[1].replace("la ", ""), "ORG", None, text)]
        parts = ["e1", "e2", "e3"]
        if both_in_b and doc_id == "b":
            ents.append(sb.ent("e5", "Paul Marchand", "PER", "FRAGOV", ""))
            parts.append("e5")
        ev = sb.event(text, "ev1", "CONSULT", "incontrato", parts, [
            sb.claim(text, "occurred", "ha incontrato", time=(day, "Ieri"), place=("Lyon", "FR", "Lione"),
                     sources=[src])])
        out.append(sb.doc(doc_id, "2026-03-04", text, ents, [ev]))
    return out


@pytest.mark.parametrize(("kwargs", "conflict"), [
    ({}, True),
    ({"day_b": "2026-03-01"}, False),  # another day: another meeting
    ({"both_in_b": True}, False),  # the second source names both counterparts
])
def test_contradictions_participants_only_for_one_dated_event(sb, kwargs, conflict):
    result = build_stories(_participant_docs(sb, **kwargs), embedder=None)
    found = [c for s in result.stories for c in s.contradictions if c.slot == "participants"]
    assert bool(found) is conflict
    if conflict:
        (c,) = found
        assert {v.value for v in c.values} == {"Paul Marchand", "Anne Keller"}
        assert explanation(c) == ("According to Farnesina in the 4 March report, the Ferri–Francia meeting is with "
                                 "Paul Marchand; according to Le Monde in the 4 March report, with Anne Keller.")


def test_contradictions_json_names_sources_and_points_to_evidence(sb):
    docs = _participant_docs(sb)
    out = story_to_json(build_stories(docs, embedder=None))
    (c,) = out["contradictions"]
    first = c["values"][0]
    assert first["attribution"] == [{"entity": "e4", "name": "Farnesina", "text": "la Farnesina"}]
    s, e = first["evidence"]["start"], first["evidence"]["end"]
    assert PART_A[s:e] == "ha incontrato"
    (ev,) = [e for e in out["events"] if len(e["mentions"]) == 2]
    for h in ev["status_history"]:
        assert h["event_id"] == "ev1" and set(h["evidence"]) == {"start", "end"}
        assert h["attribution"][0]["name"] in {"Farnesina", "Le Monde"}


def test_contradictions_place_named_far_from_the_claim_is_not_compared(sb):
    far = ("Lione, 6 marzo 2026 – A Lione, dove si riuniscono i ministri europei, si discute di molte cose: dal "
           "bilancio ai trasporti, dall'energia alla difesa comune e alle regole sui migranti. Intanto l'incontro "
           "tra Ferri e Marchand si è svolto ieri come previsto.")
    rows = [PLAN, ("c", "2026-03-06", far, [("occurred", "si è svolto ieri come previsto", ("2026-03-05", "ieri"),
                                                ("Lyon", "FR", "Lione"))])]
    (story,) = build_stories(_meeting_docs(sb, rows), embedder=None).stories
    assert not any(c.slot == "place" for c in story.contradictions)
