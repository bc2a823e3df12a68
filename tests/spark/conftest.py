"""A crowded hand-made corpus for the story steps, with Spark and without (no model, no pipeline)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from cronaca.records import Article, Claim, ClaimTime, Dateline, DocAnalysis, Entity, Event, Span

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


@pytest.fixture()
def crowded_corpus() -> Callable[..., list[DocAnalysis]]:
    return crowded
