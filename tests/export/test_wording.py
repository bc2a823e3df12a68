"""The wording module: explanation sentences and story titles, in English and Italian."""

from __future__ import annotations

import pytest

from cronaca.export.wording import LANGUAGES, explanation, story_title, wording
from cronaca.records import Contradiction, EventRef, Side, SourceRef
from cronaca.story import build_stories

DENIAL = ("Roma, 8 marzo 2026 – La visita di Ferri a Parigi è sospesa, secondo fonti del governo citate "
          "dalla Rai. Da Parigi, Mosca nega tutto, ha riferito l'agenzia Ansa: nessuna visita era stata fissata.")


def _denial_story(sb):
    ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", DENIAL), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", ""),
            sb.ent("e3", "Italian government", "ORG", "ITAGOV", ""), sb.ent("e4", "Rai", "ORG", "ITAMED", DENIAL),
            sb.ent("e5", "Russia", "GPE", "RUS", ""), sb.ent("e6", "ANSA", "ORG", "ITAMED", "")]

    def src(eid: str, phrase: str):
        return eid, phrase

    ev = sb.event(DENIAL, "ev1", "CONSULT", "visita", ["e1", "e2"], [
        sb.claim(DENIAL, "suspended", "è sospesa", sources=[src("e3", "fonti del governo"), src("e4", "Rai")]),
        sb.claim(DENIAL, "denied", "nessuna visita era stata fissata",
                 sources=[src("e5", "Mosca"), src("e6", "l'agenzia Ansa")]),
    ], mode="visit")
    doc = sb.doc("d", "2026-03-08", DENIAL, ents, [ev])
    # the builders give no offsets to sources: add them so the article before "Rai" is read
    from dataclasses import replace

    from cronaca.records import Source
    claims = []
    for c in ev.claims:
        claims.append(replace(c, attribution=tuple(
            Source(s.entity, s.text, DENIAL.index(s.text), DENIAL.index(s.text) + len(s.text)) for s in c.attribution)))
    doc = replace(doc, events=(replace(ev, claims=tuple(claims)),))
    (c,) = build_stories([doc], embedder=None).stories[0].contradictions
    return c


def test_explain_source_chains_read_naturally_in_italian(sb):
    c = _denial_story(sb)
    assert explanation(c, "it") == ("Nel resoconto dell'8 marzo, la visita tra Ferri e Marchand è sospesa secondo fonti del "
                             "governo citate dalla Rai, ma è smentita secondo Mosca, come riferisce l'agenzia Ansa.")


def test_explain_source_chains_read_naturally_in_english(sb):
    c = _denial_story(sb)
    assert explanation(c, "en") == ("In the 8 March report, the Ferri–Marchand visit is suspended according to Italian government "
                             "sources speaking to Rai, but is denied according to Russia, quoted by ANSA.")


@pytest.mark.parametrize(("lang", "first", "last", "expected"), [
    ("en", "2025-10-21", "2025-11-09", "21 Oct – 9 Nov 2025"),
    ("en", "2026-03-02", "2026-03-12", "2–12 Mar 2026"),
    ("en", "2025-12-30", "2026-01-02", "30 Dec 2025 – 2 Jan 2026"),
    ("it", "2025-10-21", "2025-11-09", "21 ott – 9 nov 2025"),
    ("it", "2026-03-02", "2026-03-02", "2 mar 2026"),
])
def test_explain_date_span(lang, first, last, expected):
    assert wording(lang).date_span(first, last) == expected


def test_explain_story_title_names_the_main_events_and_dates(sb):
    text_a = "Roma, 2 marzo 2026 – L'incontro tra Giulia Ferri e Paul Marchand è previsto a Torino."
    text_b = "Parigi, 9 marzo 2026 – L'incontro tra Ferri e Marchand è stato annullato."
    docs = []
    for doc_id, date, text, status, evidence in (("a", "2026-03-02", text_a, "planned", "è previsto a Torino"),
                                                 ("b", "2026-03-09", text_b, "cancelled", "è stato annullato")):
        ents = [sb.ent("e1", "Giulia Ferri", "PER", "ITAGOV", text), sb.ent("e2", "Paul Marchand", "PER", "FRAGOV", text)]
        docs.append(sb.doc(doc_id, date, text, ents, [
            sb.event(text, "ev1", "CONSULT", "incontro", ["e1", "e2"], [sb.claim(text, status, evidence)])]))
    story = build_stories(docs, embedder=None).stories[0]
    assert story_title(story) == "Ferri–Marchand meeting, 2–9 Mar 2026"
    assert story_title(story, "it") == \
        "Incontro tra Ferri e Marchand, 2–9 mar 2026"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ("According to the 1 March report, the meeting took place; according to Rai in the 11 March report, "
           "it did not take place.")),
    ("it", ("Secondo il resoconto del 1º marzo, l'incontro è avvenuto; secondo la Rai nel resoconto dell'11 marzo, "
           "non è avvenuto.")),
])
def test_explain_status_sentence_with_and_without_sources(lang, expected):
    rai = SourceRef("Rai", "Rai", "la", None, "ORG", "it")
    a = Side("a", "2026-03-01", (), "occurred", "it", "occurred")
    b = Side("b", "2026-03-11", (rai,), "negated", "it", "negated")
    c = Contradiction("ev1", "status", (), (a, b), about=EventRef("CONSULT", None, ()))
    assert explanation(c, lang) == expected


def test_wording_languages_are_the_data_files_with_templates():
    assert LANGUAGES == ("en", "it")
