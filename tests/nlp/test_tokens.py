"""The token index: spaCy's words, the pieces the speaker rules read, the sentences."""

from __future__ import annotations

import pytest
from hypothesis import given

from cronaca.nlp.tokens import PIECE_RE, TokenIndex, split_pieces
from tests.strategies import bounded, news_text


@pytest.mark.parametrize(
    "text, words, pieces",
    [
        ("Khalil al-Hayya.", ["khalil", "al-hayya", "."], ["Khalil", "al", "-", "Hayya", "."]),
        ("George W. Bush", ["george", "w.", "bush"], ["George", "W", ".", "Bush"]),
        ("dell'Italia e l’esercito", ["dell'", "italia", "e", "l'", "esercito"],
         ["dell'", "Italia", "e", "l’", "esercito"]),
        ("2.000 euro...", ["2.000", "euro", "..."], ["2", ".", "000", "euro", ".", ".", "."]),
        ("Standard & Poor's", ["standard", "&", "poor", "'s"], ["Standard", "&", "Poor'", "s"]),
        ("modello AR200K", ["modello", "ar200", "k"], ["modello", "AR200K"]),
        ("attivita' sospese", ["attivita", "'", "sospese"], ["attivita'", "sospese"]),
        ("«Basta», ha detto.", ["«", "basta", "»", ",", "ha", "detto", "."],
         ["«", "Basta", "»", ",", "ha", "detto", "."]),
    ],
)
def test_tokens_words_are_spacy_tokens_and_pieces_cut_every_mark(parsed, text, words, pieces):
    index = TokenIndex(parsed(text))
    assert list(index.word_lows) == words
    assert [t.text.lower().replace("’", "'") for t in index.word_tokens] == words
    assert [p.text for p in index.pieces] == pieces
    assert all(text[p.start:p.end] == p.text and p.low == p.text.lower() for p in index.pieces)
    assert all(text[w.start:w.end].lower().replace("’", "'") == w.low for w in index.words)


@bounded
@given(text=news_text)
def test_tokens_pieces_are_the_piece_pattern_over_the_whole_text(parsed, text):
    if not text.strip():
        return
    index = TokenIndex(parsed(text))
    assert [(p.start, p.end, p.text) for p in index.pieces] == [(m.start(), m.end(), m.group())
                                                                for m in PIECE_RE.finditer(text)]
    assert index.piece_lows == tuple(p.low for p in index.pieces)


def test_tokens_sentences_and_the_words_in_them(parsed):
    text = "Il ministro ha parlato.\n\nPoi è uscito. Fine."
    index = TokenIndex(parsed(text))
    assert [text[a:b].strip() for a, b in index.sents] == ["Il ministro ha parlato.", "Poi è uscito.", "Fine."]
    assert index.word_sents == {0: (0, 4), 1: (5, 8), 2: (9, 10)}
    assert [w.sent for w in index.words] == [0] * 5 + [1] * 4 + [2] * 2
    assert index.sentence_index(text.index("uscito")) == 1
    assert index.pieces[index.piece_at(text.index("uscito") - 1)].text == "uscito"


def test_tokens_a_text_of_spaces_has_no_words(parsed):
    index = TokenIndex(parsed(" "))
    assert index.words == () and index.pieces == () and index.word_sents == {}
    assert index.sents == ((0, 1),)


def test_tokens_phrases_of_the_data_are_cut_as_pieces():
    assert split_pieces("Secondo quanto riferito dall'agenzia") == ("secondo", "quanto", "riferito", "dall'", "agenzia")
