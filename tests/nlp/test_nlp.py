"""cronaca.nlp: the NER span helper and the lazy top-level ``cronaca.load``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cronaca.nlp import trim_span


@pytest.mark.parametrize("text,span,expected", [
    ("Mosca\nAltro", (0, 6), "Mosca"),
    ("«Rossi» disse", (0, 7), "Rossi"),
    (" Roma, ieri", (0, 6), "Roma"),
    ("la Acme S.p.A. e altri", (3, 14), "Acme S.p.A."),
    ("Rossi.", (0, 6), "Rossi"),
    ("Dossier\nRossi", (0, 13), None),
    ("«»", (0, 2), None),
])
def test_nlp_trim_span(text, span, expected):
    got = trim_span(text, *span)
    assert (text[got[0]:got[1]] if got else None) == expected


def test_nlp_ner_spans_trimmed_and_filtered(parsed):
    text = "Il vertice di Mosca\nGiorgio Neri e la Acme hanno firmato."
    pdoc = parsed(text)
    assert pdoc.ner_spans({"LOC"}) == []  # no NER, no spans
    doc = pdoc.doc
    mosca = doc.char_span(text.index("Mosca"), text.index("Giorgio"), label="LOC")
    neri = doc.char_span(text.index("Giorgio"), text.index(" e la"), label="PER")
    acme = doc.char_span(text.index("Acme"), text.index(" hanno"), label="ORG")
    assert mosca is not None and neri is not None and acme is not None
    doc.ents = [mosca, neri, acme]
    assert [(text[s:e], lab) for s, e, lab in pdoc.ner_spans({"LOC", "PER"})] == [("Mosca", "LOC"),
                                                                              ("Giorgio Neri", "PER")]


def test_nlp_top_level_load_is_lazy():
    code = ("import sys, cronaca; assert 'spacy' not in sys.modules; "
            "assert callable(cronaca.load); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_nlp_top_level_load_returns_the_shipped_pipeline():
    import cronaca

    nlp = cronaca.load()
    assert "ner" in nlp.pipe_names and nlp.pipe_names[0] == "cronaca_sentences"
