"""Analyses built by hand, with every field of every record set, for store and export tests."""

from __future__ import annotations

import dataclasses

import pytest

from cronaca.ingest import article_from_text
from cronaca.records import (
    Claim,
    ClaimPlace,
    ClaimTime,
    Contradiction,
    ContradictionValue,
    DocAnalysis,
    Entity,
    Event,
    EventRef,
    Place,
    Quote,
    Role,
    Side,
    Source,
    SourceRef,
    Span,
    StatusEntry,
    Story,
    StoryAnalysis,
    StoryEvent,
    Time,
    Warning,
)

TESTO = ("Vienna, 4 marzo 2025 – Il ministro degli Esteri Paolo Verdi incontrerà giovedì a Vienna "
         "la collega austriaca. Secondo fonti diplomatiche citate dal Corriere, l'incontro sarebbe "
         "stato rinviato. «Non è vero», ha detto Verdi.")


def make_analysis(text: str = TESTO, doc_id: str = "vienna-verdi") -> DocAnalysis:
    article = article_from_text(text, doc_id=doc_id, title="Verdi a Vienna", url="https://esempio.it/v",
                                source="prove/vienna-verdi.txt", outlet="Gazzetta di Prova", language="it")
    verdi = Entity(id="e1", name="Paolo Verdi", type="PER",
                   mentions=(Span(48, 59, "Paolo Verdi"), Span(205, 210, "Verdi")), code="ITAGOV",
                   roles=(Role("ministro degli Esteri", 26, 47, True, "foreign_minister"),),
                   kb_id="Q1", country="ITA")
    corriere = Entity(id="e2", name="Corriere della Sera", type="ORG", mentions=(Span(160, 168, "Corriere"),),
                      code="ITAMED")
    austria = Entity(id="e3", name="Austria", type="GPE", mentions=())
    claim_planned = Claim(status="planned", evidence=(23, 115), time=ClaimTime("2025-03-06", "giovedì", 73, 80),
                          place=ClaimPlace("Vienna", "AT", 83, 89), cue="incontrerà")
    claim_postponed = Claim(status="postponed", evidence=(116, 192),
                            attribution=(Source(None, "fonti diplomatiche", 127, 145), Source("e2", "Corriere")),
                            hearsay=True, cue="sarebbe stato rinviato")
    event = Event(id="v1", type="CONSULT", trigger=Span(60, 70, "incontrerà"), mode="visit",
                  actors=("e1",), recipients=("e3",), claims=(claim_planned, claim_postponed), cameo="043")
    return DocAnalysis(
        article=article,
        entities=(verdi, corriere, austria),
        times=(Time(73, 80, "giovedì", "DATE", "2025-03-06"), Time(9, 21, "4 marzo 2025", "DATE", "2025-03-04",
                                                                   mod="START")),
        places=(Place(0, 6, "Vienna", "Vienna", "AT", 48.2085, 16.3721, 2761369, "city",
                      mentions=(Span(0, 6, "Vienna"), Span(83, 89, "Vienna"))),
                Place(83, 89, "Vienna", "Vienna", "AT")),
        quotes=(Quote(193, 206, "«Non è vero»", "e1", None, "ha detto"),
                Quote(1, 3, "vero", None, "un funzionario", None, kind="scare")),
        events=(event,),
        warnings=(Warning("role_anachronism", "e1", "Paolo Verdi was not foreign minister on 2025-03-04"),),
        stages=("ingest", "nlp", "times", "places", "entities", "quotes", "events", "warnings"),
        errors=("stage 'x' failed on article 'vienna-verdi': ValueError: prova",),
    )


def make_stories() -> StoryAnalysis:
    history = (StatusEntry("vienna-verdi", "2025-03-04", "planned", (), (23, 115), "v1"),
               StatusEntry("vienna-verdi", None, "postponed", (Source(None, "fonti diplomatiche", 127, 145),
                                                                Source("e2", "Corriere")), (116, 192), "v1"))
    event = StoryEvent(id="s1-e1", type="CONSULT", participants=("Paolo Verdi", "Austria"),
                       mentions=(("vienna-verdi", "v1"),), status_history=history, mode="visit",
                       names=("Verdi", "Austria"))
    corriere = SourceRef("Corriere della Sera", "Corriere", "il", None, "ORG", "it")
    contradiction = Contradiction(event="s1-e1", slot="status",
                                  values=(ContradictionValue("vienna-verdi", "planned", (), (23, 115)),
                                          ContradictionValue("vienna-verdi", "postponed",
                                                             (Source("e2", "Corriere"),), (116, 192))),
                                  sides=(Side("vienna-verdi", "2025-03-04", (), "planned", "it", "planned"),
                                         Side("vienna-verdi", "2025-03-04", (corriere,), "postponed", "it",
                                              "postponed")),
                                  about=EventRef("CONSULT", "visit", ("Verdi", "Austria")))
    return StoryAnalysis(stories=(Story("s1", ("vienna-verdi",), (event,), (contradiction,),
                                        first_date="2025-03-04", last_date="2025-03-04"),
                                  Story("s2", ("altro",))))


@pytest.fixture()
def analysis() -> DocAnalysis:
    return make_analysis()


@pytest.fixture()
def other_analysis() -> DocAnalysis:
    a = make_analysis("Milano, 5 marzo 2025 – Sciopero dei trasporti pubblici per tutta la giornata.", "milano")
    return dataclasses.replace(a, entities=(), events=(), quotes=(), warnings=(), times=(), places=(), errors=())


@pytest.fixture()
def stories() -> StoryAnalysis:
    return make_stories()
