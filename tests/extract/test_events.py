"""extract_events on Italian sentences written for these tests (no trained model)."""

from __future__ import annotations

import pytest

from cronaca.extract.events import extract_events
from cronaca.records import Entity, Span

ACTORS = {
    "Rossi": ("PER", "ITAGOV"), "Dupont": ("PER", "FRAGOV"), "Müller": ("PER", "DEUGOV"),
    "Francia": ("GPE", "FRA"), "Germania": ("GPE", "DEU"), "Russia": ("GPE", "RUS"), "Ucraina": ("GPE", "UKR"),
    "Hamas": ("ORG", "PSEREB"), "Israele": ("GPE", "ISR"), "carabinieri": ("ORG", "ITACOP"),
}


def entities_for(text: str) -> list[Entity]:
    out = []
    for n, (name, (etype, code)) in enumerate(ACTORS.items(), start=1):
        spans, i = [], text.find(name)
        while i >= 0:
            spans.append(Span(i, i + len(name), name))
            i = text.find(name, i + 1)
        if spans:
            out.append(Entity(f"e{n}", name, etype, tuple(spans), code=code))  # type: ignore[arg-type]
    return out


def run(parsed, text: str):
    pdoc = parsed(text)
    ents = entities_for(text)
    names = {e.id: e.name for e in ents}
    events = extract_events(pdoc, ents, [], [], [], attribute=lambda *a: (), hearsay=lambda *a: False)
    return events, names


def summary(parsed, text: str) -> list[tuple[str, str | None, set[str], str]]:
    events, names = run(parsed, text)
    return [(e.type, e.mode, {names[x] for x in e.actors + e.recipients}, e.claims[0].status) for e in events]


@pytest.mark.parametrize("text,type_,mode,who", [
    ("Ieri Rossi ha incontrato Dupont a Parigi.", "CONSULT", None, {"Rossi", "Dupont"}),
    ("L'incontro tra Rossi e Dupont si è svolto ieri.", "CONSULT", None, {"Rossi", "Dupont"}),
    ("C'è stata una telefonata tra Rossi e Müller.", "CONSULT", "phone", {"Rossi", "Müller"}),
    ("Rossi ha accusato la Francia di ostacolare i negoziati.", "ACCUSE", None, {"Rossi", "Francia"}),
    ("Müller ha espresso forte irritazione per le parole di Dupont.", "ACCUSE", "disapprove", {"Müller", "Dupont"}),
    ("Rossi ha apprezzato l'iniziativa di Dupont.", "SUPPORT", None, {"Rossi", "Dupont"}),
    ("La Germania ha chiesto spiegazioni alla Russia.", "REQUEST", None, {"Germania", "Russia"}),
    ("Dupont ha sollecitato un intervento da parte della Germania.", "REQUEST", "assist", {"Dupont", "Germania"}),
    ("La Russia tace, ma si segnalano movimenti di truppe russe al confine con l'Ucraina.", "MOBILIZE", "troops",
     {"Russia", "Ucraina"}),
    ("Le sanzioni imposte alla Russia restano in vigore.", "SANCTION", None, {"Russia"}),
    ("Hamas ha rilasciato tre ostaggi.", "RETREAT", "release", {"Hamas"}),
    ("Israele e Hamas hanno firmato un accordo per la tregua.", "AGREE", None, {"Israele", "Hamas"}),
    ("Rossi è atteso in Francia la prossima settimana con Müller.", "CONSULT", "visit", {"Rossi", "Francia"}),
])
def test_events_type_mode_participants(parsed, text, type_, mode, who) -> None:
    found = summary(parsed, text)
    assert any(t == type_ and (mode is None or m == mode) and who <= w for t, m, w, _ in found), found


@pytest.mark.parametrize("text,status", [
    ("L'incontro tra Rossi e Dupont, previsto per giovedì, è stato annullato.", "cancelled"),
    ("L'incontro tra Rossi e Dupont è stato rinviato a data da destinarsi.", "postponed"),
    ("L'incontro tra Rossi e Dupont è al momento congelato.", "suspended"),
    ("Il vertice tra Rossi e Dupont, in programma a Roma, si terrà a marzo.", "planned"),
    ("Rossi si è detto pronto a incontrare Dupont.", "proposed"),
    ("Non è escluso che un incontro tra Rossi e Dupont possa tenersi presto.", "possible"),
    ("La Francia ha smentito il rinvio dell'incontro tra Rossi e Dupont.", "denied"),
    ("Rossi non ha incontrato Dupont.", "negated"),
    ("Rossi incontrerà Dupont domani.", "planned"),
    ("Rossi potrebbe incontrare Dupont a Bruxelles.", "possible"),
    ("Rossi ha incontrato Dupont.", "occurred"),
    ("Secondo alcune fonti, sarebbe stata una telefonata tra Rossi e Müller a chiudere la crisi.", "occurred"),
])
def test_events_status_cues(parsed, text, status) -> None:
    found = summary(parsed, text)
    assert found and found[0][3] == status, found


def test_events_mentions_of_one_meeting_are_one_event(parsed) -> None:
    text = ("L'incontro tra Rossi e Dupont era previsto per lunedì. "
            "Ieri però il congelamento di questo incontro è stato confermato.")
    events, _ = run(parsed, text)
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert {c.status for c in consult[0].claims} == {"planned", "suspended"}


def test_events_phone_call_and_meeting_stay_apart(parsed) -> None:
    text = "Una telefonata tra Rossi e Müller avrebbe fatto saltare l'incontro tra Rossi e Müller previsto a Berlino."
    events, _ = run(parsed, text)
    assert sorted(e.mode or "-" for e in events if e.type == "CONSULT") == ["-", "phone"]


def test_events_the_two_parties(parsed) -> None:
    text = "Crescono le tensioni tra Francia e Germania. Rossi ha invitato le due parti a riprendere il dialogo."
    found = summary(parsed, text)
    assert ("REQUEST", "meet", {"Rossi", "Francia", "Germania"}, "occurred") in found


def test_events_negated_intention_is_no_event(parsed) -> None:
    assert summary(parsed, "«La Russia non vuole minacciare nessuno», ha detto Rossi.") == []


def test_events_crime_news_has_no_consult(parsed) -> None:
    text = ("I carabinieri hanno arrestato un uomo di 40 anni dopo un incontro con il suo complice "
            "in un bar del centro.")
    found = summary(parsed, text)
    assert not [f for f in found if f[0] == "CONSULT"]
    assert any(f[0] == "COERCE" and f[1] == "arrest" and "carabinieri" in f[2] for f in found)


def test_events_ids_and_cameo(parsed) -> None:
    events, _ = run(parsed, "Rossi ha telefonato a Dupont. Müller ha accusato la Russia di mentire.")
    assert [e.id for e in events] == ["v1", "v2"]
    assert [e.cameo for e in events] == ["041", "11"]
