"""Attribution chains and hearsay, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from cronaca.extract.attribution import attribution_for, is_hearsay
from cronaca.nlp import ParsedDoc
from tests.extract.test_quotes import entities_for


def chain_texts(pdoc: ParsedDoc, text: str, claim: str) -> list[str]:
    """The source texts of the attribution chain of ``claim`` (its first occurrence in ``text``)."""
    start = text.index(claim)
    return [s.text for s in attribution_for(pdoc, entities_for(text, ACTORS), start, start + len(claim))]

ACTORS = {
    "Paolo Neri": ("PER", ["Paolo Neri", "Neri"]),
    "Ivan Petrov": ("PER", ["Ivan Petrov", "Petrov"]),
    "Maria Blu": ("PER", ["Maria Blu"]),
    "Luca Bianchi": ("PER", ["Luca Bianchi"]),
    "Pentagono": ("ORG", ["Pentagono"]),
    "BBC": ("ORG", ["BBC"]),
    "Interfax": ("ORG", ["Interfax"]),
    "Rai News": ("ORG", ["Rai News"]),
}

CASES = [
    # "secondo quanto riportato da" with the outlet split off as the outer link
    ("Il viaggio del presidente è stato rinviato, secondo quanto riportato da fonti del Pentagono alla BBC.",
     "è stato rinviato", ["fonti del Pentagono", "BBC"]),
    # "X, citato da <agenzia>, ha ricordato che"
    ("Il viceministro Ivan Petrov, citato dall'agenzia Interfax, ha ricordato che non esiste alcun accordo.",
     "non esiste alcun accordo", ["Il viceministro Ivan Petrov", "Interfax"]),
    # "Secondo fonti …" opening the sentence
    ("Secondo fonti diplomatiche, il vertice si terrà a Vienna.", "il vertice si terrà", ["fonti diplomatiche"]),
    ("Secondo fonti diplomatiche europee, non è escluso che il vertice slitti.", "il vertice slitti",
     ["fonti diplomatiche europee"]),
    # anonymous sources as the subject of a reporting verb
    ("Fonti vicine al governo raccontano che la riunione è durata tre ore.", "la riunione è durata",
     ["Fonti vicine al governo"]),
    # the interview outlet as the outer link
    ("Il ministro Paolo Neri, nell'intervista a Rai News, ha ribadito che il piano non cambia.",
     "il piano non cambia", ["Il ministro Paolo Neri", "Rai News"]),
    # reported speech
    ("Il premier Paolo Neri ha detto che le elezioni si terranno in primavera.", "le elezioni si terranno",
     ["Il premier Paolo Neri"]),
    ("Il portavoce Luca Bianchi ha precisato come la decisione non sia definitiva.", "la decisione non sia",
     ["Il portavoce Luca Bianchi"]),
    # a claim inside a quote: its speaker, then the outlet it was said to
    ("“Faremo di tutto per la pace”, ha dichiarato alla BBC la portavoce Maria Blu.", "Faremo di tutto",
     ["la portavoce Maria Blu", "BBC"]),
    # the article's own assertion
    ("Il vertice si è concluso ieri sera a Bruxelles.", "si è concluso", []),
    # a "secondo" inside a relative clause governs that clause only
    ("Il governo ha approvato il decreto, che secondo l'opposizione è incostituzionale.", "ha approvato", []),
    ("Il governo ha approvato il decreto, che secondo l'opposizione è incostituzionale.", "è incostituzionale",
     ["l'opposizione"]),
    # "Lo ha annunciato X" in the next sentence
    ("Le truppe hanno lasciato la città. Lo ha annunciato il ministero della Difesa.", "hanno lasciato",
     ["il ministero della Difesa"]),
    # a speech act as the claim, with anonymous sources carried over from the sentence before
    (("Fonti vicine al governo riferiscono che la riunione è stata tesa. Un incontro durante il quale Paolo Neri"
     " ha espresso forte irritazione."), "ha espresso forte irritazione",
     ["Paolo Neri", "Fonti vicine al governo"]),
    # a contradicted source is no link of the chain
    ("Il ministro Paolo Neri ha smentito il rinvio del vertice, contraddicendo quanto riportato dalla BBC.",
     "il rinvio del vertice", ["Il ministro Paolo Neri"]),
    ("A differenza di quanto riferito da Interfax, il vertice si è svolto regolarmente.",
     "il vertice si è svolto", []),
    ("Secondo la BBC, il vertice è stato rinviato, smentendo quanto affermato da Ivan Petrov.",
     "è stato rinviato", ["la BBC"]),
    # an impersonal "si" before the reporting verb: no one is named as saying it
    ("Come si ricorderà, Paolo Neri ha sparato ai ladri dal balcone di casa.", "ha sparato", []),
]

# Source frames built from an opener and a reporting verb, with the outlet the source spoke
# to as the outer link; the frame closing the sentence governs all of it.
FRAME_CASES = [
    (("La visita del premier, attesa per lunedì a Vienna, è stata annullata, secondo quanto riferito da fonti "
     "del Pentagono all'agenzia Interfax."), "è stata annullata", ["fonti del Pentagono", "Interfax"]),
    ("Il negoziato è stato sospeso, secondo quanto dichiarato da un portavoce del Pentagono all’agenzia Interfax.",
     "è stato sospeso", ["un portavoce del Pentagono", "Interfax"]),
    ("Come riferito da fonti del Pentagono all'emittente BBC, le truppe si ritireranno entro lunedì.",
     "le truppe si ritireranno", ["fonti del Pentagono", "BBC"]),
    ("Stando a quanto riferisce la BBC, il cessate il fuoco regge da tre giorni.", "il cessate il fuoco regge",
     ["la BBC"]),
    ("Secondo quanto ha spiegato Paolo Neri, l'accordo sarà firmato in autunno.", "l'accordo sarà firmato",
     ["Paolo Neri"]),
    ("La tregua è stata prorogata di una settimana, come scrive Rai News.", "è stata prorogata", ["Rai News"]),
    ("Secondo quanto riportato dalla BBC, il ponte è crollato.", "il ponte è crollato", ["BBC"]),
    ("A quanto riferiscono fonti del Pentagono, la base è stata evacuata.", "la base è stata evacuata",
     ["fonti del Pentagono"]),
    # a place after the source is no outlet
    ("Il vertice è slittato, secondo quanto riferito da fonti del governo a Vienna.", "è slittato",
     ["fonti del governo a Vienna"]),
    ("Secondo quanto riportato ieri dalla BBC, il ponte è stato riaperto.", "il ponte è stato riaperto", ["BBC"]),
    ("Secondo ciò che riferisce Interfax, la base è stata chiusa.", "la base è stata chiusa", ["Interfax"]),
    # no reporting verb after the opener: no frame, and "quanto" names no source
    ("Secondo quanto previsto dal calendario, la sessione si aprirà lunedì.", "la sessione si aprirà", []),
    ("Secondo quanto si apprende, la sessione si aprirà lunedì.", "la sessione si aprirà", []),
    ("Come previsto dal calendario, il vertice si terrà a Vienna.", "il vertice si terrà", []),
    ("A quanto pare, il vertice si terrà a Vienna.", "il vertice si terrà", []),
]


@pytest.mark.parametrize("text,claim,expected", FRAME_CASES)
def test_attribution_built_frames(parsed: Callable[..., ParsedDoc], text: str, claim: str,
                                  expected: list[str]) -> None:
    assert chain_texts(parsed(text), text, claim) == expected


# Anonymous sources of the sentence before carry over only to a sentence that goes on with
# their report (a verbless sentence with a relative clause, or the conditional of hearsay).
CARRY_CASES = [
    (("Fonti vicine al governo riferiscono che la riunione è stata tesa. Un vertice agitato, nel corso del quale "
     "Paolo Neri ha espresso forte irritazione."), "ha espresso forte irritazione",
     ["Paolo Neri", "Fonti vicine al governo"]),
    ("Fonti vicine al governo riferiscono che la riunione è stata tesa. Il piano sarebbe stato ritirato in serata.",
     "Il piano sarebbe stato ritirato", ["Fonti vicine al governo"]),
    (("Fonti vicine al governo riferiscono che la riunione è stata tesa. Il ministro Paolo Neri ha chiesto "
     "chiarimenti sul piano."), "ha chiesto chiarimenti", ["Il ministro Paolo Neri"]),
    (("Fonti vicine al governo riferiscono che la riunione è stata tesa. Intanto Luca Bianchi ha lasciato Vienna, "
     "mentre Ivan Petrov ha chiesto un rinvio."), "Ivan Petrov ha chiesto un rinvio", ["Ivan Petrov"]),
    ("Fonti vicine al governo riferiscono che la riunione è stata tesa. Intanto Luca Bianchi ha lasciato Vienna.",
     "ha lasciato Vienna", []),
]


@pytest.mark.parametrize("text,claim,expected", CARRY_CASES)
def test_attribution_carries_over_only_a_continued_report(parsed: Callable[..., ParsedDoc], text: str, claim: str,
                                                          expected: list[str]) -> None:
    assert chain_texts(parsed(text), text, claim) == expected


@pytest.mark.parametrize("code,expected", [
    (None, ["Paolo Neri", "Assemblea Nord"]),  # an organisation the KB does not know may be an outlet
    ("XYZMED", ["Paolo Neri", "Assemblea Nord"]),
    ("XYZLEG", ["Paolo Neri"]),  # a parliament with its own actor code is who he spoke to, no outlet
])
def test_attribution_outlet_must_be_media(parsed: Callable[..., ParsedDoc], code: str | None,
                                          expected: list[str]) -> None:
    text = "Paolo Neri ha detto all'Assemblea Nord che il piano non cambia."
    ents = [replace(e, code=code) if e.name == "Assemblea Nord" else e
            for e in entities_for(text, {**ACTORS, "Assemblea Nord": ("ORG", ["Assemblea Nord"])})]
    start = text.index("il piano non cambia")
    chain = attribution_for(parsed(text), ents, start, start + 10)
    assert [s.text for s in chain] == expected


def test_attribution_frame_source_keeps_its_entity(parsed: Callable[..., ParsedDoc]) -> None:
    # the mention right after the frame's preposition heads the source phrase
    text = "Secondo quanto annunciato dal Pentagono, le esercitazioni sono finite."
    ents = entities_for(text, ACTORS)
    start = text.index("le esercitazioni")
    (src,) = attribution_for(parsed(text), ents, start, start + 10)
    assert src.entity == next(e.id for e in ents if e.name == "Pentagono") and src.text == "Pentagono"


@pytest.mark.parametrize("text,claim,expected", CASES)
def test_attribution_chain(parsed: Callable[..., ParsedDoc], text: str, claim: str, expected: list[str]) -> None:
    assert chain_texts(parsed(text), text, claim) == expected


def test_attribution_uses_entity_ids(parsed: Callable[..., ParsedDoc]) -> None:
    text = CASES[0][0]
    ents = entities_for(text, ACTORS)
    ids = {e.name: e.id for e in ents}
    start = text.index("è stato rinviato")
    chain = attribution_for(parsed(text), ents, start, start + 5)
    assert [s.entity for s in chain] == [ids["Pentagono"], ids["BBC"]]
    assert all(s.start is not None and text[s.start:s.end] == s.text for s in chain)


def test_attribution_anonymous_source_has_no_entity(parsed: Callable[..., ParsedDoc]) -> None:
    text = CASES[2][0]
    start = text.index("il vertice")
    (src,) = attribution_for(parsed(text), entities_for(text, ACTORS), start, start + 10)
    assert src.entity is None and src.text == "fonti diplomatiche"


@pytest.mark.parametrize("text,claim,expected", [
    ("Secondo fonti locali, sarebbe stato un incidente.", "sarebbe stato un incidente", True),
    ("Le parti avrebbero posizioni distanti sul confine.", "posizioni distanti", True),
    ("I colloqui riguarderebbero il confine orientale.", "I colloqui", True),
    ("Il ministro potrebbe dimettersi entro l'estate.", "dimettersi", False),
    ("Il convoglio dovrebbe partire domani.", "partire domani", False),
    ("La riunione sarebbe dovuta finire ieri.", "finire ieri", False),
    ("Se piovesse, la gara sarebbe rinviata.", "la gara sarebbe rinviata", False),
    ("La riunione è finita ieri, ma le parti avrebbero litigato.", "La riunione è finita", False),
])
def test_attribution_is_hearsay(parsed: Callable[..., ParsedDoc], text: str, claim: str, expected: bool) -> None:
    start = text.index(claim)
    assert is_hearsay(parsed(text), start, start + len(claim)) is expected
