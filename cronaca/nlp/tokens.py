"""One token index per document: spaCy's tokens, in the two views the extractors read.

spaCy's tokenizer cuts an article's text once; :class:`TokenIndex` is built from its tokens,
once per document (the runner builds it and hands it to the quote and event stages, which
pass it on to the speaker and attribution rules), and keeps, with character offsets into the
text:

* ``words``: spaCy's tokens without the spaces, each with its sentence and its spaCy
  ``Token`` (tags, lemma, parse).  The event rules match their phrases on these:
  "dell'", "al-Hayya", "W.", "2.000", "S&P", "..." are one word each.
* ``pieces``: the same text cut at every mark.  A run of letters, digits or underscores is
  one piece, with the apostrophe that ends it ("dell'", "po'"), and any other character is a
  piece of its own: "al", "-", "Hayya"; "W", "."; "2", ".", "000".  The speaker and
  attribution rules (:mod:`cronaca.extract.speakers`) read these: for them a full stop,
  comma, colon or hyphen always bounds a phrase, whatever spaCy made of it.  Reading spaCy's
  words instead changes who speaks: "il capo negoziatore di Hamas, Khalil al-Hayya" loses
  its appositive name ("al-Hayya" is no name particle followed by a name), and "Il presidente
  George W. Bush" grows past the initial's full stop.  A piece is spaCy's token wherever that
  token is all letters and digits or a single character; elsewhere the run of tokens with no
  space between them is cut by :data:`PIECE_RE`, so a word spaCy cut in two ("AR200" "K") is
  one piece again and "Poor's" is "Poor'" "s".  Either way the pieces are exactly the
  matches of :data:`PIECE_RE` over the whole text, as spaCy never puts a space inside a
  token nor leaves a character outside one.
* ``sents``: the sentences (cronaca's sentence rules, kept by the parser) as character spans.

Phrases of the language data are cut the same ways: :func:`split_pieces` for the speaker
cues, ``split_phrase`` (:mod:`cronaca.extract.event.lexicon`) for the event lexicons.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Token

from cronaca.nlp import ParsedDoc

# a run of word characters with the apostrophe that ends it, a run of word characters, one mark
PIECE_RE = re.compile(r"\w+['’]|\w+|[^\w\s]")


def split_pieces(phrase: str) -> tuple[str, ...]:
    """A phrase of the language data cut as the pieces of a document, lower-cased:
    "dell'agenzia" -> ("dell'", "agenzia")."""
    return tuple(m.group().lower() for m in PIECE_RE.finditer(phrase))


@dataclass(frozen=True)
class Word:
    """One spaCy token that is not a space."""

    i: int  # index among the words
    start: int
    end: int
    low: str  # lower case, curly apostrophe made straight
    sent: int  # index of its sentence


class Piece(NamedTuple):
    """One piece (a named tuple: a document has thousands)."""

    start: int
    end: int
    text: str
    low: str


class TokenIndex:
    """The words, pieces and sentences of one parsed document (see the module docstring)."""

    def __init__(self, pdoc: ParsedDoc) -> None:
        self.text = text = pdoc.text
        words: list[Word] = []
        tokens: list[Token] = []
        sents: list[tuple[int, int]] = []
        word_sents: dict[int, tuple[int, int]] = {}  # sentence -> its first and last word
        for n, sent in enumerate(pdoc.doc.sents):
            sents.append((sent.start_char, sent.end_char))
            first = len(words)
            for tok in sent:
                if tok.is_space:
                    continue
                words.append(Word(len(words), tok.idx, tok.idx + len(tok.text), tok.text.lower().replace("’", "'"), n))
                tokens.append(tok)
            if len(words) > first:
                word_sents[n] = (first, len(words) - 1)
        self.words = tuple(words)
        self.word_tokens = tuple(tokens)  # each word's spaCy token
        self.word_lows = tuple(w.low for w in words)
        self.word_starts = tuple(w.start for w in words)
        self.word_ends = tuple(w.end for w in words)
        self.word_sents = word_sents
        self.pieces = _pieces(text, self.words)
        self.piece_starts = tuple(p.start for p in self.pieces)
        self.piece_lows = tuple(p.low for p in self.pieces)  # for matching word sequences
        self.sents = tuple(sents) or ((0, len(text)),)
        self.sent_starts = tuple(s for s, _ in self.sents)

    def piece_at(self, pos: int) -> int:
        """Index of the first piece starting at or after ``pos``."""
        return bisect.bisect_left(self.piece_starts, pos)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the last starting at or before it)."""
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)


def _pieces(text: str, words: tuple[Word, ...]) -> tuple[Piece, ...]:
    """The pieces of ``text``, from its words: a word alone between spaces that is all letters
    and digits, or one character, is a piece; a run of words with no space between them is
    cut by :data:`PIECE_RE`."""
    out: list[Piece] = []
    i, n = 0, len(words)
    while i < n:
        start, end = words[i].start, words[i].end
        j = i + 1
        while j < n and words[j].start == end:
            end = words[j].end
            j += 1
        run = text[start:end]
        if j == i + 1 and (len(run) == 1 or run.isalnum()):
            out.append(Piece(start, end, run, run.lower()))
        else:
            out.extend(Piece(m.start(), m.end(), m.group(), m.group().lower()) for m in PIECE_RE.finditer(text, start, end))
        i = j
    return tuple(out)
