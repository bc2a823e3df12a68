"""cronaca.nlp.chunks: long texts parsed in pieces, as one Doc over the whole text."""

from __future__ import annotations

import itertools

import pytest

from cronaca.nlp import parse, parse_many
from cronaca.nlp.chunks import chunk_bounds, parse_text
from tests.conftest import make_article


@pytest.mark.parametrize("text,size,expected", [
    ("uno due", 100, ["uno due"]),
    ("", 10, [""]),
    ("Primo.\n\nSecondo paragrafo.", 12, ["Primo.\n\n", "Secondo ", "paragrafo."]),
    ("Una frase. Due frasi. Tre", 16, ["Una frase. ", "Due frasi. Tre"]),
    ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ("riga uno\nriga due\nriga tre", 12, ["riga uno\n", "riga due\n", "riga tre"]),
])
def test_chunks_cut_at_paragraph_sentence_or_space(text, size, expected):
    pieces = [text[a:b] for a, b in chunk_bounds(text, size)]
    assert pieces == expected


def test_chunks_are_contiguous_and_bounded():
    text = ("Il sindaco ha parlato. " * 50 + "\n\n") * 40 + "x" * 5000
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b[1] == c[0] for b, c in itertools.pairwise(bounds))
    assert all(0 < e - s <= 1000 for s, e in bounds)


def test_chunks_reject_a_size_below_one():
    with pytest.raises(ValueError, match="at least 1"):
        chunk_bounds("testo", 0)


def test_chunks_parse_text_keeps_offsets_into_the_whole_text(blank_nlp):
    text = "\n\n".join(f"Roma, il ministro Mario Rossi numero {i} ha parlato. Poi è partito." for i in range(200))
    doc = parse_text(blank_nlp, text, size=500)
    assert doc.text == text
    whole = blank_nlp(text)
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]
    assert [(s.start_char, s.end_char) for s in doc.sents] == [(s.start_char, s.end_char) for s in whole.sents]


def test_chunks_a_text_over_the_nlp_limit_is_parsed(blank_nlp):
    text = "Il ministro ha parlato a Roma. " * 40_000  # 1.2 million characters on one line
    assert len(text) > blank_nlp.max_length
    pdoc = parse(blank_nlp, make_article(text.rstrip()))
    assert pdoc.doc.text == text.rstrip()
    assert pdoc.doc[-1].idx + len(pdoc.doc[-1]) == len(text.rstrip())


def test_chunks_parse_many_keeps_order_with_long_articles(blank_nlp, monkeypatch):
    import cronaca.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "needs_pieces", lambda text: len(text) > 50)
    texts = ["Breve uno.", "Un testo lungo. " * 10, "Breve due.", "Breve tre.", "Ancora lungo. " * 8]
    articles = [make_article(t.rstrip(), doc_id=f"a{i}") for i, t in enumerate(texts)]
    out = list(parse_many(blank_nlp, articles, batch_size=2))
    assert [p.doc_id for p in out] == [a.doc_id for a in articles]
    assert [p.doc.text for p in out] == [a.text for a in articles]


def test_chunks_long_runs_without_spaces_are_cut():
    text = "Prima " + '"' * 2500 + " dopo"
    pieces = [text[a:b] for a, b in chunk_bounds(text, 100_000, max_word=1000)]
    assert "".join(pieces) == text
    assert pieces == ["Prima " + '"' * 1000, '"' * 1000, '"' * 500 + " dopo"]


@pytest.mark.parametrize("char", ['"', "-", "«", "."])
def test_chunks_a_long_run_parses_in_linear_time(blank_nlp, char):
    import time

    text = "Il ministro ha detto " + char * 50_000 + " e poi è partito."
    t0 = time.perf_counter()
    doc = parse_text(blank_nlp, text)
    assert time.perf_counter() - t0 < 10  # spaCy alone: minutes (its tokenizer is quadratic on the run)
    assert doc.text == text
