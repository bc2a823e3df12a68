"""Quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from cronaca.extract.quotes import extract_quotes, find_quote_marks
from cronaca.nlp import ParsedDoc
from cronaca.records import Entity, Span


def entities_for(text: str, names: dict[str, tuple[str, list[str]]]) -> list[Entity]:
    """Hand-made entities: every occurrence of each alias (longest first) is a mention."""
    taken: list[tuple[int, int]] = []
    spans: dict[str, list[Span]] = {name: [] for name in names}
    for alias, name in sorted(((a, n) for n, (_, al) in names.items() for a in al), key=lambda x: -len(x[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
                spans[name].append(Span(m.start(), m.end(), m.group()))
    return [Entity(id=f"e{n}", name=name, type=names[name][0], mentions=tuple(sorted(spans[name], key=lambda s: s.start)))
            for n, name in enumerate(names, 1)]


PEOPLE = {
    "Anna Verdi": ("PER", ["Anna Verdi", "Verdi"]),
    "Paolo Neri": ("PER", ["Paolo Neri", "Neri"]),
    "Marco Gialli": ("PER", ["Marco Gialli", "Gialli"]),
    "Mario Rossi": ("PER", ["Mario Rossi"]),
    "Carlo Blu": ("PER", ["Carlo Blu"]),
    "Giulia Neri": ("PER", ["Giulia Neri"]),
    "Consiglio europeo": ("ORG", ["Consiglio europeo"]),
    "Regione": ("ORG", ["Regione"]),
}

CASES = [
    # interrupted by the cue: one quote covering both parts, anonymous speaker phrase
    (("Il negoziato prosegue a rilento. “La trattativa resta aperta – ha spiegato un portavoce del ministero"
     " degli Esteri francese – ma i tempi saranno lunghi”."),
     "La trattativa resta aperta", None, "un portavoce del ministero degli Esteri francese", "ha spiegato"),
    # spanning two sentences, anaphoric subject after the cue
    (("La ministra Anna Verdi ha parlato a lungo ai giornalisti. “Il piano è pronto. Lo presenteremo lunedì"
     " in Parlamento”, ha detto la ministra."),
     "Il piano è pronto. Lo presenteremo", "Anna Verdi", "la ministra", "ha detto"),
    # guillemets after "ha ribadito che"
    ("Il premier Paolo Neri ha ribadito che «non ci sarà alcun rimpasto di governo».",
     "non ci sarà alcun rimpasto", "Paolo Neri", None, "ha ribadito"),
    # straight quotes after a colon
    ('Il sindaco Marco Gialli ha commentato: "È una giornata storica per la città".',
     "È una giornata storica", "Marco Gialli", None, "ha commentato"),
    # speaker resolved across sentences
    (("Il ministro degli Esteri Marco Gialli ha incontrato ieri il suo omologo. “Abbiamo trovato un'intesa"
     " su molti punti”, ha detto."),
     "Abbiamo trovato un'intesa", "Marco Gialli", None, "ha detto"),
    # relative clause: the antecedent speaks
    (('Ha parlato anche il presidente della Regione Mario Rossi, che ha ricordato come la città sia'
     ' "una comunità ferita ma unita".'),
     "una comunità ferita", "Mario Rossi", None, "ha ricordato"),
    # a prepositional phrase between the cue and the subject
    (("«Siamo pronti a trattare», aveva dichiarato ieri in una conferenza stampa il leader dell'opposizione"
     " Carlo Blu."),
     "Siamo pronti a trattare", "Carlo Blu", None, "aveva dichiarato"),
    # names inside the quote are not its speaker
    ("Giulia Neri ha detto che “Marco Gialli sbaglia tutto sul bilancio”.",
     "Marco Gialli sbaglia", "Giulia Neri", None, "ha detto"),
    # mismatched closing mark and a gerund cue sharing the main subject
    ("Anna Verdi ha lodato il lavoro dei negoziatori, chiedendo una “soluzione rapida e condivisa“.",
     "soluzione rapida e condivisa", "Anna Verdi", None, "chiedendo"),
    # short quote framed by a cue verb: a statement, not a scare quote
    ("Intanto il Consiglio europeo ha definito la proposta un “passo avanti”.",
     "passo avanti", "Consiglio europeo", None, "ha definito"),
]


@pytest.mark.parametrize("text,starts,speaker,speaker_text,cue", CASES)
def test_quotes_speaker_and_cue(parsed: Callable[..., ParsedDoc], text: str, starts: str, speaker: str | None,
                                speaker_text: str | None, cue: str) -> None:
    pdoc = parsed(text)
    ents = entities_for(text, PEOPLE)
    names = {e.id: e.name for e in ents}
    quotes = [q for q in extract_quotes(pdoc, ents) if q.kind == "statement"]
    assert len(quotes) == 1, quotes
    q = quotes[0]
    assert q.text.startswith(starts) and q.text == text[q.start:q.end]
    assert names.get(q.speaker) == speaker
    if speaker_text is not None:
        assert q.speaker_text == speaker_text
    assert q.cue == cue


def test_quotes_interrupted_quote_keeps_both_parts(parsed: Callable[..., ParsedDoc]) -> None:
    text = CASES[0][0]
    (q,) = extract_quotes(parsed(text), [])
    assert "ma i tempi saranno lunghi" in q.text


def test_quotes_two_part_quote_is_one(parsed: Callable[..., ParsedDoc]) -> None:
    text = "“Non firmeremo”, ha detto il negoziatore Paolo Neri, “finché non cambiano le condizioni”."
    ents = entities_for(text, PEOPLE)
    (q,) = extract_quotes(parsed(text), ents)
    assert q.text.startswith("Non firmeremo") and q.text.endswith("condizioni")
    assert q.speaker == "e2"


def test_quotes_anonymous_speaker_carries_to_the_next_quote(parsed: Callable[..., ParsedDoc]) -> None:
    text = ("“Il vertice non è in pericolo”, ha confidato un funzionario vicino alla presidenza."
            " “Serve solo un po' di pazienza”, ha aggiunto.")
    quotes = extract_quotes(parsed(text), entities_for(text, PEOPLE))
    assert [q.speaker for q in quotes] == [None, None]
    assert [q.speaker_text for q in quotes] == ["un funzionario vicino alla presidenza"] * 2
    assert [q.cue for q in quotes] == ["ha confidato", "ha aggiunto"]


def test_quotes_scare_quote_has_no_speaker(parsed: Callable[..., ParsedDoc]) -> None:
    text = "L'incontro con Paolo Neri, definito “cordiale” dai presenti, è durato due ore."
    (q,) = extract_quotes(parsed(text), entities_for(text, PEOPLE))
    assert (q.kind, q.text, q.speaker, q.speaker_text) == ("scare", "cordiale", None, None)


@pytest.mark.parametrize("text,expected", [
    ("a “b c” d", ["b c"]),
    ("a «b “c” d» e", ["b “c” d"]),
    ('a "b" c "d"', ["b", "d"]),
    ("a “b c“. d", ["b c"]),
    ("a “b c\nd” e", []),  # a quotation does not run across paragraphs
])
def test_quotes_find_quote_marks(text: str, expected: list[str]) -> None:
    assert [text[o + 1:c] for o, c in find_quote_marks(text)] == expected
