"""Sentence boundaries for Italian news text.

Rules: a sentence ends after . ! ? … (and after a closing quote that follows one), unless
the full stop belongs to an abbreviation (kept whole by the tokenizer); a line break
always ends a sentence (headlines carry no full stop); an opening quote after a full stop
starts the next sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from cronaca.data import load_yaml

SENTENCE_COMPONENT = "cronaca_sentences"
_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}


def add_abbreviation_exceptions(nlp: Language) -> None:
    for abbr in load_yaml("it", "abbreviations.yaml")["abbreviations"]:
        # Language.tokenizer is typed as a plain callable; spaCy's Tokenizer (no stubs) has this method
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])  # type: ignore[union-attr]


def _quote_sets() -> tuple[set[str], set[str]]:
    q = load_yaml("it", "abbreviations.yaml")["quotes"]
    return set(q["open"]) | set(q["both"]), set(q["close"]) | set(q["both"])


@Language.component(SENTENCE_COMPONENT)
def set_sentence_starts(doc: Doc) -> Doc:
    openers, closers = _quote_sets()
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if "\n" in tok.text and tok.is_space:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        if tok.text in _FINAL:
            j = i + 1
            # a closing quote or bracket right after the full stop stays in this sentence
            while j < n and (doc[j].text in closers or doc[j].text in {")", "]"}) and doc[j].text not in openers:
                j += 1
            if j < n and doc[j].text == '"' and doc[j - 1].whitespace_ == "":
                j += 1  # a straight quote glued to the full stop closes
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                nxt = doc[j].text
                if nxt[:1].isupper() or nxt[:1].isdigit() or nxt in openers or nxt[:1] in openers:
                    starts[j] = True
            i = j if j > i else i + 1
            continue
        i += 1
    # one array write: setting Token.is_sent_start token by token rescans the Doc each time
    # (thinc's Ints2d is a nominal ndarray type in spaCy's stubs: a plain numpy array does not match it)
    doc.from_array([SENT_START], numpy.array([1 if s else -1 for s in starts], dtype="int64")  # type: ignore[arg-type]
                   .astype("uint64").reshape(-1, 1))
    return doc
